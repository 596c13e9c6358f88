import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface RuleFile {
  path: string;
  text: string;
}

// Set by the bundler (scripts/build.mjs): the rule files embedded at build time.
declare const __AZSEC_RULE_FILES__: RuleFile[] | undefined;

/** The rule files: embedded in the bundle, or read from the repository's rules/ folder when run from source. */
export function ruleFiles(dir?: string): RuleFile[] {
  if (dir === undefined && typeof __AZSEC_RULE_FILES__ !== 'undefined') return __AZSEC_RULE_FILES__;
  const folder = dir ?? fileURLToPath(new URL('../../rules/', import.meta.url));
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `rules/${f}`, text: readFileSync(join(folder, f), 'utf8') }));
}
