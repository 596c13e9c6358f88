/**
 * The fault matrix: whatever GitHub does, the run ends with the SARIF file and the job summary written,
 * annotations emitted, no duplicate comment, and the verdict the findings call for.
 */
import { existsSync } from 'node:fs';
import { startFakeGitHub, secondaryRateLimit, tooManyRequests, type FakeGitHub, type FailSpec } from '../support/fake-github/index.js';
import { makeWorkspace, readSarif, runAction, type ActionRun } from '../support/run-action.js';
import { HEADER, lineOf, openPullRequest, vault } from './fixtures.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

const HEAD = '3'.repeat(40);
const TEXT = HEADER + vault('kv-one', 'false') + '\n' + vault('kv-two', 'false');
const BAD_LINE = lineOf(TEXT, 'enableRbacAuthorization: false');

const FILES = '/repos/{owner}/{repo}/pulls/{pull_number}/files';
const REVIEW_COMMENTS = '/repos/{owner}/{repo}/pulls/{pull_number}/comments';
const REVIEWS = '/repos/{owner}/{repo}/pulls/{pull_number}/reviews';
const ISSUE_COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
const SARIFS = '/repos/{owner}/{repo}/code-scanning/sarifs';

async function runWith(faults: FailSpec[], payload?: object): Promise<ActionRun> {
  const ws = makeWorkspace({ 'infra/main.bicep': TEXT });
  const event = openPullRequest(gh, 7, HEAD, [{ path: 'infra/main.bicep', after: TEXT }]);
  for (const f of faults) gh.fail(f);
  return runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload: payload ?? event });
}

/** What every run must produce, whatever GitHub did. */
function expectEssentials(run: ActionRun): void {
  expect(existsSync(run.sarifPath)).toBe(true);
  expect(readSarif(run).runs[0].results.some((r) => r.ruleId === 'AZSEC-KV-001')).toBe(true);
  expect(run.summary).toContain('Azure security audit: failed');
  expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: 'infra/main.bicep', line: BAD_LINE }));
  expect(run.outputs.result).toBe('fail');
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/TypeError|ReferenceError|at .*\.js:\d+/);
  const markers = gh.reviewComments.map((c) => /fp=([0-9a-f]+)/.exec(c.body)?.[1]);
  expect(new Set(markers).size).toBe(markers.length); // no duplicate comment
  expect(gh.issueComments.length).toBeLessThanOrEqual(1); // one sticky comment at most
}

describe('GitHub failing in every way', () => {
  test.each([500, 502, 503])('%i once on every call is retried', async (status) => {
    const run = await runWith([FILES, REVIEW_COMMENTS, REVIEWS, ISSUE_COMMENTS, SARIFS].map((path) => ({ path, status, times: 1 })));
    expectEssentials(run);
    expect(gh.pendingFaults).toBe(0);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.sarifUploads).toHaveLength(1);
  });

  test('a secondary rate limit (403 with retry-after) is waited out', async () => {
    const run = await runWith([{ path: REVIEWS, ...secondaryRateLimit(1) }]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(1);
    expect(run.stdout.match(/secondary rate limit/g)?.length).toBe(1); // logged once
  });

  test('429 is retried', async () => {
    const run = await runWith([{ path: FILES, ...tooManyRequests(1) }]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(1);
  });

  test('a connection reset is retried', async () => {
    const run = await runWith([{ path: FILES, kind: 'reset' }, { path: SARIFS, kind: 'reset' }]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.sarifUploads).toHaveLength(1);
  });

  test('a request that never answers times out and is retried', async () => {
    const run = await runWith([{ path: REVIEW_COMMENTS, kind: 'timeout' }]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(1);
  });

  test('a persistent 503 on the SARIF upload gives up after bounded retries and says so', async () => {
    const run = await runWith([{ path: SARIFS, status: 503, times: 50 }]);
    expectEssentials(run);
    expect(gh.requests.filter((r) => r.path.endsWith('/code-scanning/sarifs')).length).toBe(4); // 1 + 3 retries
    expect(run.summary).toContain('Code scanning (SARIF): failed');
    expect(gh.reviews).toHaveLength(1);
  });

  test('a 422 on the review is recovered: the review is posted again without the refused comments', async () => {
    const run = await runWith([{ path: REVIEWS, status: 422, body: { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] }, times: 1 }]);
    expectEssentials(run);
    const kv = gh.reviewComments.filter((c) => c.body.includes('AZSEC-KV-001'));
    expect(kv.map((c) => c.line)).toEqual([BAD_LINE, lineOf(TEXT, 'enableRbacAuthorization: false', 2)]);
  });

  test('403 on the SARIF upload (code scanning not enabled) keeps everything else', async () => {
    gh.setCodeScanning('octo', 'infra', false);
    const run = await runWith([]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(1);
    expect(run.summary).toMatch(/Code scanning refused the SARIF upload \(Advanced Security must be enabled/);
  });

  test('403 on every write (a fork) keeps annotations, summary, SARIF file and verdict', async () => {
    gh.setReadOnly(true);
    const run = await runWith([]);
    expectEssentials(run);
    expect(gh.reviews).toHaveLength(0);
  });

  test('a 404 pull request: the whole workspace is judged, and the summary says why', async () => {
    const run = await runWith([{ path: FILES, status: 404, body: { message: 'Not Found' }, times: 5 }]);
    expectEssentials(run);
    expect(run.summary).toContain("The pull request\u200b's files could not be listed".replace('\u200b', ''));
    expect(gh.reviews).toHaveLength(0);
  });

  test('an event payload with missing fields: a full scan, never a crash', async () => {
    const run = await runWith([], { action: 'opened', pull_request: { title: 'no number, no head' } });
    expectEssentials(run);
    expect(run.summary).toContain('The event payload has no pull request number or head commit');
  });
});
