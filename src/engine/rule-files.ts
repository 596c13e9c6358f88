import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Rule } from './rule.js';

export interface RuleFile {
  path: string;
  text: string;
}

// Set by the bundler (scripts/build.mjs): the rules, loaded and validated at build time by loadRules.
declare const __AZSEC_RULES__: Rule[] | undefined;

/** The rules compiled into the bundle, or undefined when running from source. */
export function bundledRules(): Rule[] | undefined {
  return typeof __AZSEC_RULES__ !== 'undefined' ? __AZSEC_RULES__ : undefined;
}

/** The rule files of the repository's rules/ folder (or of `dir`). */
export function ruleFiles(dir?: string): RuleFile[] {
  const folder = dir ?? fileURLToPath(new URL('../../rules/', import.meta.url));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `rules/${f}`, text: readFileSync(join(folder, f), 'utf8') }));
}
