import { execFileSync } from 'node:child_process';
import { ConfigurationError } from '../errors.js';
import { parseUnifiedDiff, type ChangedLines } from '../diff/patch.js';

/** The lines changed between two commits, from `git diff` run in `cwd` (paths relative to it). */
export function gitDiff(cwd: string, range: string): Map<string, ChangedLines> {
  // Split on the range operator first, then check each side: no pattern that can try every split.
  const sides = range.includes('...') ? range.split('...') : range.split('..');
  const ref = /^[\w/~^@{}-][\w./~^@{}-]*$/;
  if (range.length > 500 || sides.length > 2 || !sides.every((s) => ref.test(s) && !s.includes('..')) || range.startsWith('-')) {
    throw new ConfigurationError(`--diff takes a range such as main..HEAD or origin/main...HEAD; '${range}' is not one.`);
  }
  let out: string;
  try {
    out = execFileSync('git', ['diff', '--no-color', '--no-ext-diff', '--no-renames', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', '--relative', range, '--'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(e);
    throw new ConfigurationError(`git diff ${range} failed: ${stderr}. Run the CLI inside a git checkout and name commits that exist.`);
  }
  return parseUnifiedDiff(out);
}
