import { gzipSync } from 'node:zlib';
import type { GitHubClient } from './client.js';
import type { Repo } from './pull-request.js';

/** GitHub refuses SARIF uploads over 10 MB gzipped. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1024 * 1024;

/** Upload a SARIF log to code scanning, gzipped and base64-encoded as the API requires. */
export async function uploadSarif(gh: GitHubClient, repo: Repo, sarifJson: string, commitSha: string, ref: string): Promise<string | undefined> {
  const zipped = gzipSync(Buffer.from(sarifJson, 'utf8'));
  if (zipped.length > MAX_SARIF_GZIP_BYTES) {
    throw new Error(`the SARIF file is ${zipped.length} bytes gzipped, over GitHub's 10 MB limit`);
  }
  const { data } = await gh.rest.codeScanning.uploadSarif({ ...repo, commit_sha: commitSha, ref, sarif: zipped.toString('base64') });
  return data.id;
}
