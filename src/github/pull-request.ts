import { parsePatch, type ChangedLines } from '../diff/patch.js';
import type { GitHubClient } from './client.js';

export interface Repo {
  owner: string;
  repo: string;
}

export interface PullRequestFile {
  /** Path at the head of the pull request. */
  path: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  previousPath?: string;
  /** Blob sha at the head (to read the file through the API). */
  sha?: string;
  /** Undefined when GitHub sends no patch (binary, or too large): the file is then judged whole. */
  lines?: ChangedLines;
}

/** GitHub lists at most this many files of a pull request. */
export const MAX_PR_FILES = 3000;

/** The pull request's changed files with the lines each adds, through the paginated files API. Removed files are left out. */
export async function listPullRequestFiles(gh: GitHubClient, repo: Repo, pullNumber: number): Promise<{ files: PullRequestFile[]; truncated: boolean }> {
  const raw = await gh.paginate(gh.rest.pulls.listFiles, { ...repo, pull_number: pullNumber, per_page: 100 });
  const files: PullRequestFile[] = [];
  for (const f of raw) {
    if (f.status === 'removed') continue;
    files.push({
      path: f.filename,
      status: f.status,
      previousPath: f.previous_filename,
      sha: f.sha ?? undefined,
      lines: typeof f.patch === 'string' ? parsePatch(f.patch) : undefined,
    });
  }
  return { files, truncated: raw.length >= MAX_PR_FILES };
}

/** The text of a file at the pull request's head, read through the API (for pull_request_target, whose checkout is the base). */
export async function readBlob(gh: GitHubClient, repo: Repo, sha: string, maxBytes: number): Promise<string | undefined> {
  const { data } = await gh.rest.git.getBlob({ ...repo, file_sha: sha });
  if (typeof data.size === 'number' && data.size > maxBytes) return undefined;
  const buf = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8');
  if (buf.length > maxBytes) return undefined;
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}
