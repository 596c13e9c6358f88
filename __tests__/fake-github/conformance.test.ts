/**
 * The fake checks requests against GitHub's OpenAPI description and injects faults.
 * Malformed requests are sent with plain fetch, since Octokit would not produce them.
 */
import { primaryRateLimit, secondaryRateLimit, startFakeGitHub, tooManyRequests, type FakeGitHub } from '../support/fake-github/index.js';
import { client, failure, OWNER, REPO, storagePullRequest } from './fixtures.js';

let gh: FakeGitHub;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addPullRequest(storagePullRequest());
});

afterEach(async () => {
  await gh.close();
});

const AUTH = { authorization: 'token test-token', 'content-type': 'application/json' };

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${gh.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

describe('conformance to the OpenAPI description', () => {
  it('records an issue comment without `body` as a violation and answers 422', async () => {
    const { status, json } = await send('POST', `/repos/${OWNER}/${REPO}/issues/7/comments`, { text: 'wrong field' });
    expect(status).toBe(422);
    expect(json.message).toBe('Invalid request.\n\n"body" wasn\'t supplied.');
    expect(gh.violations).toEqual([
      { method: 'POST', path: `/repos/${OWNER}/${REPO}/issues/7/comments`, operationId: 'issues/create-comment', reasons: ['body: "body" wasn\'t supplied.'] },
    ]);
    expect(gh.issueComments).toHaveLength(0);
  });

  it('records a review comment with a string line as a type violation', async () => {
    const { status, json } = await send('POST', `/repos/${OWNER}/${REPO}/pulls/7/reviews`, {
      event: 'COMMENT', body: 'x', comments: [{ path: 'infra/storage.bicep', line: '3', body: 'b' }],
    });
    expect(status).toBe(422);
    expect(json.message).toBe('Invalid request.\n\nFor \'properties/comments/0/line\', "3" is not an integer.');
    expect(gh.violations[0].reasons).toEqual(['body: For \'properties/comments/0/line\', "3" is not an integer.']);
  });

  it('records an unknown event value and a SARIF ref that is not a full ref', async () => {
    await send('POST', `/repos/${OWNER}/${REPO}/pulls/7/reviews`, { event: 'COMMENTED', body: 'x' });
    await send('POST', `/repos/${OWNER}/${REPO}/code-scanning/sarifs`, { commit_sha: 'a'.repeat(40), ref: 'main', sarif: 'x' });
    expect(gh.violations.map((v) => [v.operationId, v.reasons.length])).toEqual([
      ['pulls/create-review', 1],
      ['code-scanning/upload-sarif', 1],
    ]);
    expect(gh.violations[0].reasons[0]).toContain('"COMMENTED" is not a member of');
    expect(gh.violations[1].reasons[0]).toContain('does not match');
  });

  it('records per_page=500 but answers like GitHub, capped at 100 items', async () => {
    gh.addPullRequest({
      ...storagePullRequest(8),
      files: Array.from({ length: 120 }, (_, i) => ({ filename: `f${i}.tf`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+x', additions: 1, deletions: 0, changes: 1 })),
    });
    const response = await fetch(`${gh.url}/repos/${OWNER}/${REPO}/pulls/8/files?per_page=500`, { headers: AUTH });
    expect(response.status).toBe(200);
    expect((await response.json()) as unknown[]).toHaveLength(100);
    expect(gh.violations.map((v) => v.reasons)).toEqual([['query parameter per_page: 500 is outside the documented range 1..100']]);
  });

  it('answers 422 for a non-integer per_page and records undocumented query parameters', async () => {
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files?per_page=lots`)).status).toBe(422);
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files?perpage=100`)).status).toBe(200);
    expect(gh.violations.map((v) => v.reasons)).toEqual([
      ['query parameter per_page: "lots" is not an integer'],
      ['query parameter perpage is not documented for pulls/list-files'],
    ]);
  });

  it('answers 404 for an undocumented path or method and records it', async () => {
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/findings`)).status).toBe(404);
    expect((await send('DELETE', `/repos/${OWNER}/${REPO}/pulls/7`)).status).toBe(404);
    expect(gh.violations.map((v) => v.reasons[0])).toEqual([
      `no documented operation matches GET /repos/${OWNER}/${REPO}/pulls/7/findings`,
      `DELETE is not documented for /repos/${OWNER}/${REPO}/pulls/7`,
    ]);
  });

  it('routes a contents path with unencoded slashes (x-multi-segment) and literal segments before parameters', async () => {
    const content = await send('GET', `/repos/${OWNER}/${REPO}/contents/infra/storage.bicep?ref=harden-storage`);
    expect([content.status, content.json.path]).toEqual([200, 'infra/storage.bicep']);
    const comment = gh.addReviewComment({ owner: OWNER, repo: REPO, pullNumber: 7, path: 'infra/storage.bicep', line: 2, body: 'b' });
    const byId = await send('GET', `/repos/${OWNER}/${REPO}/pulls/comments/${comment.id}`);
    expect([byId.status, byId.json.id]).toEqual([200, comment.id]);
    expect(gh.requests.map((r) => r.operationId)).toEqual(['repos/get-content', 'pulls/get-review-comment']);
    expect(gh.violations).toEqual([]);
  });

  it('answers 400 "Problems parsing JSON" for a body that is not JSON', async () => {
    const { status, json } = await send('POST', `/repos/${OWNER}/${REPO}/issues/7/comments`, '{"body": ');
    expect([status, json.message]).toEqual([400, 'Problems parsing JSON']);
    expect(gh.violations[0].reasons[0]).toMatch(/^body is not JSON: /);
  });

  it('answers 401 without an authorization header', async () => {
    const { status, json } = await send('GET', `/repos/${OWNER}/${REPO}/pulls/7`, undefined, {});
    expect([status, json.message]).toEqual([401, 'Requires authentication']);
  });

  it('answers 501 for a documented operation the fake does not implement', async () => {
    const { status, json } = await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/commits`);
    expect(status).toBe(501);
    expect(json.message).toBe('The fake GitHub does not implement pulls/list-commits');
    expect(gh.violations).toEqual([]);
  });

  it('records method, path, query, headers and parsed body of every request', async () => {
    await client(gh.url).rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'hi' });
    const [request] = gh.requests;
    expect([request.method, request.path, request.operationId, request.status, request.body]).toEqual([
      'POST', `/repos/${OWNER}/${REPO}/issues/7/comments`, 'issues/create-comment', 201, { body: 'hi' },
    ]);
    expect(request.headers.authorization).toBe('token test-token');
  });
});

describe('fault injection', () => {
  const filesPath = '/repos/{owner}/{repo}/pulls/{pull_number}/files';

  it('answers 502 twice, then normally', async () => {
    gh.fail({ path: filesPath, status: 502, times: 2 });
    const octokit = client(gh.url);
    const call = () => octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect((await failure(call())).status).toBe(502);
    expect((await failure(call())).status).toBe(502);
    expect((await call()).data).toHaveLength(2);
    expect(gh.requests.map((r) => [r.status, r.fault])).toEqual([[502, 'status'], [502, 'status'], [200, undefined]]);
    expect(gh.pendingFaults).toBe(0);
  });

  it('consumes faults in order and only for matching method and path', async () => {
    gh.fail({ method: 'POST', path: /\/issues\/\d+\/comments$/, status: 500 });
    gh.fail({ path: filesPath, status: 503 });
    gh.fail({ path: filesPath, status: 504 });
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7`)).status).toBe(200);
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).status).toBe(503);
    expect((await send('GET', `/repos/${OWNER}/${REPO}/issues/7/comments`)).status).toBe(200);
    expect((await send('POST', `/repos/${OWNER}/${REPO}/issues/7/comments`, { body: 'b' })).status).toBe(500);
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).status).toBe(504);
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).status).toBe(200);
  });

  it('resets the connection', async () => {
    gh.fail({ path: filesPath, kind: 'reset' });
    await expect(fetch(`${gh.url}/repos/${OWNER}/${REPO}/pulls/7/files`, { headers: AUTH })).rejects.toThrow('fetch failed');
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).status).toBe(200);
  });

  it('holds a timed-out request until the client gives up', async () => {
    gh.fail({ path: filesPath, kind: 'timeout' });
    const started = Date.now();
    await expect(fetch(`${gh.url}/repos/${OWNER}/${REPO}/pulls/7/files`, { headers: AUTH, signal: AbortSignal.timeout(150) })).rejects.toThrow(/aborted|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(gh.requests[0].status).toBeUndefined();
  });

  it('delays a response, then answers normally', async () => {
    gh.fail({ path: filesPath, kind: 'delay', delayMs: 120 });
    const started = Date.now();
    expect((await send('GET', `/repos/${OWNER}/${REPO}/pulls/7/files`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('answers secondary and primary rate limits with the headers clients wait on', async () => {
    gh.fail({ path: filesPath, ...secondaryRateLimit(3) });
    gh.fail({ path: filesPath, ...tooManyRequests(2) });
    gh.fail({ path: filesPath, ...primaryRateLimit(1_900_000_000) });
    const octokit = client(gh.url);
    const call = () => octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 });
    const secondary = await failure(call());
    expect([secondary.status, secondary.headers['retry-after']]).toEqual([403, '3']);
    expect(secondary.data.message).toMatch(/^You have exceeded a secondary rate limit/);
    const tooMany = await failure(call());
    expect([tooMany.status, tooMany.headers['retry-after']]).toEqual([429, '2']);
    const primary = await failure(call());
    expect([primary.status, primary.headers['x-ratelimit-remaining'], primary.headers['x-ratelimit-reset']]).toEqual([403, '0', '1900000000']);
  });

  it('sends x-ratelimit-* headers on every response, counting down', async () => {
    const octokit = client(gh.url);
    const a = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    const b = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect([a.headers['x-ratelimit-limit'], a.headers['x-ratelimit-remaining'], b.headers['x-ratelimit-remaining'], b.headers['x-ratelimit-used']]).toEqual(['5000', '4999', '4998', '2']);
    expect(Number(a.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
  });
});
