import { ConfigurationError } from '../errors.js';
import type { Scope } from '../diff/classify.js';
import type { FailOn } from '../report/verdict.js';
import { DEFAULT_PATHS, splitList } from '../workspace/select.js';

export interface ActionInputs {
  token: string;
  paths: string[];
  exclude: string[];
  /** Undefined when the input is empty: the config file's, else the default, applies. */
  failOn?: FailOn;
  scope?: Scope;
  comment: 'review' | 'summary' | 'none';
  maxComments: number;
  sarifFile: string;
  uploadSarif: boolean;
  category: string;
  config?: string;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T;
function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback?: T): T | undefined;
function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback?: T): T | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ConfigurationError(`The input '${name}' is '${value}'; use one of: ${allowed.join(', ')}.`);
}

function bool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(v)) return true;
  if (['false', 'no', '0', 'off'].includes(v)) return false;
  throw new ConfigurationError(`The input '${name}' is '${value}'; use true or false.`);
}

/** Read and validate the action's inputs; a bad value is a ConfigurationError that says what to write. */
export function readInputs(get: (name: string) => string, env: NodeJS.ProcessEnv): ActionInputs {
  const max = get('max-comments').trim();
  const maxComments = max === '' ? 25 : Number(max);
  if (!Number.isInteger(maxComments) || maxComments < 0 || maxComments > 1000) {
    throw new ConfigurationError(`The input 'max-comments' is '${max}'; use a whole number from 0 to 1000.`);
  }
  const paths = splitList(get('paths'));
  const tmp = env.RUNNER_TEMP ?? env.GITHUB_WORKSPACE ?? '.';
  return {
    token: get('token').trim(),
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    exclude: splitList(get('exclude')),
    failOn: oneOf('fail-on', get('fail-on'), ['critical', 'high', 'medium', 'low', 'none'] as const),
    scope: oneOf('scope', get('scope'), ['changed-lines', 'changed-files', 'all'] as const),
    comment: oneOf('comment', get('comment'), ['review', 'summary', 'none'] as const, 'review'),
    maxComments,
    sarifFile: get('sarif-file').trim() || `${tmp}/azure-security-audit.sarif`,
    uploadSarif: bool('upload-sarif', get('upload-sarif'), true),
    category: get('category').trim() || 'azure-security-audit',
    config: get('config').trim() || undefined,
  };
}
