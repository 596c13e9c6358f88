/**
 * A small pull request used by the fake's own tests: one Bicep file with two hunks.
 *
 * Right-side (new file) lines inside hunks: 1..6 and 21..25. Line 2 and 3 are added, 23 is added.
 */
import { gzipSync } from 'node:zlib';
import { Octokit } from '@octokit/rest';
import type { PullRequestSeed } from '../support/fake-github/index.js';

export const OWNER = 'contoso';
export const REPO = 'infra';
export const HEAD_SHA = 'a'.repeat(40);
export const BASE_SHA = 'b'.repeat(40);

export const STORAGE_PATCH = [
  '@@ -1,5 +1,6 @@',
  ' param location string = resourceGroup().location',
  "-param sku string = 'Standard_LRS'",
  "+param sku string = 'Standard_GRS'",
  '+param allowPublic bool = true',
  ' ',
  " resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
  "   name: 'st${uniqueString(resourceGroup().id)}'",
  "@@ -20,4 +21,5 @@ resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
  '   properties: {',
  "     minimumTlsVersion: 'TLS1_0'",
  '+    allowBlobPublicAccess: allowPublic',
  '   }',
  ' }',
].join('\n');

export const STORAGE_TEXT = 'param location string = resourceGroup().location\nparam sku string = \'Standard_GRS\'\n';

/** A pull request with one text file, one binary file (no patch) and a head file readable via contents. */
export function storagePullRequest(number = 7): PullRequestSeed {
  return {
    owner: OWNER,
    repo: REPO,
    number,
    headSha: HEAD_SHA,
    baseSha: BASE_SHA,
    headRef: 'harden-storage',
    baseRef: 'main',
    files: [
      { filename: 'infra/storage.bicep', status: 'modified', patch: STORAGE_PATCH, additions: 3, deletions: 1, changes: 4 },
      { filename: 'docs/diagram.png', status: 'added', additions: 0, deletions: 0, changes: 0 },
    ],
    contents: { 'infra/storage.bicep': STORAGE_TEXT },
  };
}

/** An Octokit client for the fake, with a token. */
export function client(baseUrl: string, auth: string | undefined = 'test-token'): Octokit {
  const quiet = () => undefined; // Octokit logs every failed request; the tests assert on them instead.
  return new Octokit({ baseUrl, auth, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
}

/** SARIF the way the upload API wants it: gzip, then base64. */
export function encodeSarif(log: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(log), 'utf8')).toString('base64');
}

/** Runs a promise expected to reject with an Octokit RequestError; returns its status, body and headers. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; data: Record<string, unknown>; headers: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; response?: { data?: unknown; headers?: Record<string, string> } };
    return { status: e.status ?? -1, data: (e.response?.data ?? {}) as Record<string, unknown>, headers: e.response?.headers ?? {} };
  }
  throw new Error('expected the request to fail');
}
