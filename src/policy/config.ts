import { ConfigurationError } from '../errors.js';
import { readYaml } from '../formats/yaml-value.js';
import type { Severity } from '../model/finding.js';
import type { Location } from '../model/location.js';
import { getProperty, toPlain } from '../model/value.js';
import type { Scope } from '../diff/classify.js';
import type { FailOn } from '../report/verdict.js';
import { validateValue } from '../util/value-validate.js';
import { configSchema } from './config-schema.js';

export const DEFAULT_CONFIG_PATH = '.github/azure-security-audit.yml';

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface Exception {
  rule: string;
  path?: string;
  resource?: string;
  reason: string;
  expires?: string;
  /** Where the exception was written, for reports. */
  location: Location;
}

/** The settings a team gives: from the config file and LESSONS.md, merged. */
export interface PolicyConfig {
  failOn?: FailOn;
  scope?: Scope;
  exclude: string[];
  rules: Map<string, RuleSetting>;
  managementSourceRanges: string[];
  trustedLocations: string[];
  exceptions: Exception[];
  baseline?: string;
  /** Files the settings came from (shown in the job summary). */
  sources: string[];
}

export function emptyConfig(): PolicyConfig {
  return { exclude: [], rules: new Map(), managementSourceRanges: [], trustedLocations: [], exceptions: [], sources: [] };
}

/** Parse YAML config text (the file, or LESSONS.md's block) into located values; errors name file, line and key. */
export function parseConfigText(text: string, file: string, knownRules: Set<string>, lineOffset = 0): PolicyConfig {
  const read = readYaml(file, text);
  const problem = read.diagnostics.find((d) => d.severity === 'error');
  if (problem) throw new ConfigurationError(`${file}:${problem.location.line + lineOffset}:${problem.location.column}: ${problem.message} Fix the YAML.`);
  const root = read.documents[0]?.value;
  const config = emptyConfig();
  config.sources.push(file);
  if (!root || root.kind === 'null') return config;
  const bad = validateValue(root, configSchema);
  if (bad) {
    const where = `${file}:${bad.location.line + lineOffset}:${bad.location.column}`;
    throw new ConfigurationError(`${where}: ${bad.field ? `'${bad.field}' ` : ''}${bad.message}. See the configuration section of the README.`);
  }
  if (root.kind !== 'object') return config;
  const plain = toPlain(root) as Record<string, unknown>;
  config.failOn = plain['fail-on'] as FailOn | undefined;
  config.scope = plain.scope as Scope | undefined;
  config.exclude = (plain.exclude as string[] | undefined) ?? [];
  config.managementSourceRanges = (plain['management-source-ranges'] as string[] | undefined) ?? [];
  config.trustedLocations = (plain['trusted-locations'] as string[] | undefined) ?? [];
  config.baseline = plain.baseline as string | undefined;
  const rulesValue = getProperty(root, 'rules')?.value;
  if (rulesValue?.kind === 'object') {
    for (const prop of rulesValue.properties) {
      if (!knownRules.has(prop.key)) {
        throw new ConfigurationError(`${file}:${prop.keyLoc.line + lineOffset}:${prop.keyLoc.column}: 'rules.${prop.key}' is not a rule of this version; see rules/README.md for the rule ids.`);
      }
      config.rules.set(prop.key, ruleSetting(toPlain(prop.value)));
    }
  }
  const exceptionsValue = getProperty(root, 'exceptions')?.value;
  if (exceptionsValue?.kind === 'array') {
    for (const item of exceptionsValue.items) {
      const e = toPlain(item) as Omit<Exception, 'location'>;
      const ruleProp = item.kind === 'object' ? getProperty(item, 'rule') : undefined;
      if (!knownRules.has(e.rule)) {
        const at = ruleProp?.value.loc ?? item.loc;
        throw new ConfigurationError(`${file}:${at.line + lineOffset}:${at.column}: 'exceptions.rule' names ${e.rule}, which is not a rule of this version.`);
      }
      config.exceptions.push({ ...e, location: shift(item.loc, lineOffset) });
    }
  }
  return config;
}

function shift(l: Location, lines: number): Location {
  return { file: l.file, line: l.line + lines, column: l.column, endLine: l.endLine + lines, endColumn: l.endColumn };
}

function ruleSetting(v: unknown): RuleSetting {
  if (v === 'off') return { enabled: false };
  if (v === 'on') return { enabled: true };
  if (typeof v === 'string') return { severity: v.toUpperCase() as Severity };
  const o = v as { enabled?: boolean; severity?: string };
  return { enabled: o.enabled, severity: o.severity?.toUpperCase() as Severity | undefined };
}

/** Merge settings: `over` wins for single values; lists and rule settings are combined. */
export function mergeConfigs(base: PolicyConfig, over: PolicyConfig): PolicyConfig {
  const rules = new Map(base.rules);
  for (const [id, s] of over.rules) rules.set(id, { ...rules.get(id), ...s });
  return {
    failOn: over.failOn ?? base.failOn,
    scope: over.scope ?? base.scope,
    exclude: [...base.exclude, ...over.exclude],
    rules,
    managementSourceRanges: [...base.managementSourceRanges, ...over.managementSourceRanges],
    trustedLocations: [...base.trustedLocations, ...over.trustedLocations],
    exceptions: [...base.exceptions, ...over.exceptions],
    baseline: over.baseline ?? base.baseline,
    sources: [...base.sources, ...over.sources],
  };
}

