import type { ChangeSet } from '../diff/classify.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { lineLocation } from '../model/location.js';
import type { SourceFile } from '../model/resource.js';
import type { Workspace } from '../workspace/workspace.js';
import { matchesPaths } from '../workspace/select.js';
import type { PullRequestFile } from '../github/pull-request.js';

export interface Collected {
  /** The files under review. */
  files: SourceFile[];
  /** The rest of their deployments, for relations only. */
  contextFiles: SourceFile[];
  /** Undefined for a full scan. */
  changes?: ChangeSet;
  /** Files that were not read, and why. */
  diagnostics: Diagnostic[];
}

function skipped(path: string, reason: string): Diagnostic {
  return { code: 'FILE-SKIPPED', severity: 'notice', message: `Not scanned: ${reason}.`, location: lineLocation(path, 1) };
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function related(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || a.startsWith(b + '/') || b.startsWith(a + '/');
}

/** Read files from the workspace; unreadable ones become notices. */
export function readFiles(ws: Workspace, paths: string[], diagnostics: Diagnostic[]): SourceFile[] {
  const out: SourceFile[] = [];
  for (const path of paths) {
    const r = ws.read(path);
    if (r.ok) out.push({ path, text: r.text });
    else if (!r.reason.includes('does not exist')) diagnostics.push(skipped(path, r.reason));
  }
  return out;
}

/** Everything matching `paths`, for push, schedule and manual runs (and the CLI without --diff). */
export function collectFullScan(ws: Workspace, allPaths: string[]): Collected {
  const diagnostics: Diagnostic[] = [];
  return { files: readFiles(ws, allPaths, diagnostics), contextFiles: [], diagnostics };
}

/**
 * The files of a pull request (or local diff) that match `paths`, and the other files of their deployments
 * (the folders above and below each changed file) as context. `readChanged` reads a changed file: from the
 * workspace, or through the API for pull_request_target.
 */
export async function collectChanges(
  ws: Workspace,
  changed: PullRequestFile[],
  allPaths: string[],
  include: string[],
  exclude: string[],
  readChanged: (f: PullRequestFile) => Promise<{ ok: true; text: string } | { ok: false; reason: string }>,
): Promise<Collected> {
  const diagnostics: Diagnostic[] = [];
  const selected = changed.filter((f) => matchesPaths(f.path, include, exclude));
  const changes: ChangeSet = { files: new Map() };
  const files: SourceFile[] = [];
  for (const f of selected) {
    changes.files.set(f.path, { lines: f.lines });
    const r = await readChanged(f);
    if (r.ok) files.push({ path: f.path, text: r.text });
    else diagnostics.push(skipped(f.path, r.reason));
  }
  const dirs = [...new Set(files.map((f) => dirOf(f.path)))];
  const changedPaths = new Set(changed.map((f) => f.path));
  const contextPaths = allPaths.filter((p) => !changedPaths.has(p) && dirs.some((d) => related(d, dirOf(p))));
  const contextFiles = readFiles(ws, contextPaths, []);
  return { files, contextFiles, changes, diagnostics };
}
