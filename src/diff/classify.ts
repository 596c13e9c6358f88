import type { Finding } from '../model/finding.js';
import type { ChangedLines } from './patch.js';

/** What a pull request (or a local diff) changed: per file, its lines, or `whole` when no patch is given. */
export interface ChangeSet {
  files: Map<string, { lines?: ChangedLines }>;
}

/**
 * Where a finding sits relative to the change:
 * - `added`: on a line the change adds (a new finding; may be an inline comment);
 * - `in-diff`: on a context line of the diff (may be an inline comment, but existed before);
 * - `changed-file`: elsewhere in a changed file;
 * - `unpatched`: in a changed file that came without a patch (too large or binary): it is judged whole, as
 *   if every line were changed, but no line of it can carry an inline comment;
 * - `unchanged`: in a file the change did not touch.
 */
export type Place = 'added' | 'in-diff' | 'changed-file' | 'unpatched' | 'unchanged';

export function placeOf(f: Finding, changes: ChangeSet | undefined): Place {
  if (!changes) return 'added'; // a full scan: everything is in scope
  const file = changes.files.get(f.location.file);
  if (!file) return 'unchanged';
  if (!file.lines) return 'unpatched';
  let inDiff = false;
  for (let l = f.location.line; l <= f.location.endLine; l++) {
    if (file.lines.added.has(l)) return 'added';
    if (file.lines.inDiff.has(l)) inDiff = true;
  }
  return inDiff ? 'in-diff' : 'changed-file';
}

export type Scope = 'changed-lines' | 'changed-files' | 'all';

/** Is a finding at this place within the scope that is reported inline and can fail the check? */
export function inScope(place: Place, scope: Scope): boolean {
  if (scope === 'all') return true;
  if (scope === 'changed-files') return place !== 'unchanged';
  return place === 'added' || place === 'unpatched';
}
