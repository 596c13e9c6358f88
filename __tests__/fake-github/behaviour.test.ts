/**
 * The fake GitHub's GitHub-like behaviours: pagination, reviews on the diff, comments, SARIF,
 * contents, read-only tokens. Driven through @octokit/rest as the action would.
 */
import { gunzipSync } from 'node:zlib';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { BASE_SHA, client, encodeSarif, failure, HEAD_SHA, OWNER, REPO, STORAGE_TEXT, storagePullRequest } from './fixtures.js';

let gh: FakeGitHub;

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addPullRequest(storagePullRequest());
});

afterEach(async () => {
  // Everything Octokit sent in these tests must conform to GitHub's OpenAPI description.
  expect(gh.violations).toEqual([]);
  await gh.close();
});

function manyFiles(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    filename: `modules/m${String(i).padStart(4, '0')}.bicep`,
    status: 'added' as const,
    patch: '@@ -0,0 +1 @@\n+param x int = 1',
    additions: 1,
    deletions: 0,
    changes: 1,
  }));
}

describe('pull request files', () => {
  it('paginates 250 files with Link headers like GitHub (next/last, then prev/next/last/first)', async () => {
    gh.addPullRequest({ ...storagePullRequest(8), files: manyFiles(250) });
    const octokit = client(gh.url);
    const base = `${gh.url}/repos/${OWNER}/${REPO}/pulls/8/files`;

    const first = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 8, per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toBe(`<${base}?per_page=100&page=2>; rel="next", <${base}?per_page=100&page=3>; rel="last"`);

    const second = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 8, per_page: 100, page: 2 });
    expect(second.headers.link).toBe(
      `<${base}?per_page=100&page=1>; rel="prev", <${base}?per_page=100&page=3>; rel="next", ` +
        `<${base}?per_page=100&page=3>; rel="last", <${base}?per_page=100&page=1>; rel="first"`,
    );

    const all = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: OWNER, repo: REPO, pull_number: 8, per_page: 100 });
    expect(all).toHaveLength(250);
    expect(all[249].filename).toBe('modules/m0249.bicep');
    expect(gh.requests.filter((r) => r.path.endsWith('/pulls/8/files'))).toHaveLength(5);
  });

  it('lists at most 3000 files, as GitHub does', async () => {
    gh.addPullRequest({ ...storagePullRequest(9), files: manyFiles(3100) });
    const octokit = client(gh.url);
    const all = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: OWNER, repo: REPO, pull_number: 9, per_page: 100 });
    expect(all).toHaveLength(3000);
  });

  it('omits patch for a binary file and answers one page without a Link header', async () => {
    const { data, headers } = await client(gh.url).rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7, per_page: 100 });
    expect(headers.link).toBeUndefined();
    expect(data.map((f) => [f.filename, f.patch === undefined])).toEqual([
      ['infra/storage.bicep', false],
      ['docs/diagram.png', true],
    ]);
  });

  it('answers the pull request with head/base refs and SHAs, and 404 for an unknown one', async () => {
    const octokit = client(gh.url);
    const { data } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect([data.head.ref, data.head.sha, data.base.ref, data.base.sha, data.changed_files]).toEqual(['harden-storage', HEAD_SHA, 'main', BASE_SHA, 2]);
    const missing = await failure(octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 99 }));
    expect(missing.status).toBe(404);
    expect(missing.data.message).toBe('Not Found');
  });
});

describe('reviews', () => {
  it('accepts a review whose comments sit on added and context lines, and lists the comments afterwards', async () => {
    const octokit = client(gh.url);
    const { status, data: review } = await octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 7,
      commit_id: HEAD_SHA,
      body: 'Security review',
      event: 'COMMENT',
      comments: [
        { path: 'infra/storage.bicep', line: 3, side: 'RIGHT', body: 'Public access enabled by default' },
        { path: 'infra/storage.bicep', start_line: 21, start_side: 'RIGHT', line: 23, side: 'RIGHT', body: 'TLS 1.0 and public blobs' },
      ],
    });
    expect(status).toBe(200);
    expect(review.state).toBe('COMMENTED');
    expect(review.user?.login).toBe('github-actions[bot]');

    const { data: comments } = await octokit.rest.pulls.listReviewComments({ owner: OWNER, repo: REPO, pull_number: 7, per_page: 100 });
    expect(comments.map((c) => [c.path, c.start_line, c.line, c.side, c.pull_request_review_id, c.user.login, c.user.type])).toEqual([
      ['infra/storage.bicep', null, 3, 'RIGHT', review.id, 'github-actions[bot]', 'Bot'],
      ['infra/storage.bicep', 21, 23, 'RIGHT', review.id, 'github-actions[bot]', 'Bot'],
    ]);
    expect(comments[0].diff_hunk).toBe(
      "@@ -1,5 +1,6 @@\n param location string = resourceGroup().location\n-param sku string = 'Standard_LRS'\n+param sku string = 'Standard_GRS'\n+param allowPublic bool = true",
    );
    expect(comments[0].html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/7#discussion_r${comments[0].id}`);
    expect(comments[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('rejects the whole review with 422 when one comment is outside the diff', async () => {
    const error = await failure(
      client(gh.url).rest.pulls.createReview({
        owner: OWNER,
        repo: REPO,
        pull_number: 7,
        commit_id: HEAD_SHA,
        event: 'COMMENT',
        body: 'x',
        comments: [
          { path: 'infra/storage.bicep', line: 2, side: 'RIGHT', body: 'fine' },
          { path: 'infra/storage.bicep', line: 10, side: 'RIGHT', body: 'line 10 is between the hunks' },
        ],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.data.message).toBe('Unprocessable Entity');
    expect(error.data.errors).toEqual(["Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"]);
    expect(gh.reviews).toHaveLength(0);
    expect(gh.reviewComments).toHaveLength(0);
  });

  it('rejects a multi-line comment whose start line is in another hunk', async () => {
    const error = await failure(
      client(gh.url).rest.pulls.createReview({
        owner: OWNER, repo: REPO, pull_number: 7, event: 'COMMENT', body: 'x',
        comments: [{ path: 'infra/storage.bicep', start_line: 5, start_side: 'RIGHT', line: 22, side: 'RIGHT', body: 'spans hunks' }],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.data.errors).toEqual(['Pull request review thread start line must be part of the same hunk as the line.']);
  });

  it('rejects comments on a file that is not in the pull request, or that has no patch', async () => {
    const octokit = client(gh.url);
    const notInPr = await failure(
      octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 7, event: 'COMMENT', body: 'x', comments: [{ path: 'main.tf', line: 1, side: 'RIGHT', body: 'b' }] }),
    );
    expect([notInPr.status, notInPr.data.errors]).toEqual([422, ['Path could not be resolved']]);
    const binary = await failure(
      octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 7, event: 'COMMENT', body: 'x', comments: [{ path: 'docs/diagram.png', line: 1, side: 'RIGHT', body: 'b' }] }),
    );
    expect(binary.status).toBe(422);
  });

  it('rejects a review whose comment body exceeds 65,536 characters, creating nothing', async () => {
    const error = await failure(
      client(gh.url).rest.pulls.createReview({
        owner: OWNER, repo: REPO, pull_number: 7, event: 'COMMENT', body: 'x',
        comments: [{ path: 'infra/storage.bicep', line: 3, side: 'RIGHT', body: '\u{1F512}'.repeat(65537) }],
      }),
    );
    expect(error.status).toBe(422);
    expect((error.data.errors as Array<{ message: string }>)[0].message).toBe('Body is too long (maximum is 65536 characters)');
    expect(gh.reviews).toHaveLength(0);
  });

  it('answers a single review comment outside the diff with the field-style message', async () => {
    const error = await failure(
      client(gh.url).rest.pulls.createReviewComment({ owner: OWNER, repo: REPO, pull_number: 7, commit_id: HEAD_SHA, path: 'infra/storage.bicep', line: 12, side: 'RIGHT', body: 'b' }),
    );
    expect(error.status).toBe(422);
    expect(error.data.message).toBe('Validation Failed');
    expect((error.data.errors as Array<{ message: string }>)[0].message).toBe('pull_request_review_thread.line must be part of the diff');
  });

  it('updates a review comment in place, and a second run sees the first run\'s comments', async () => {
    const seeded = gh.addReviewComment({ owner: OWNER, repo: REPO, pullNumber: 7, path: 'infra/storage.bicep', line: 23, body: 'old finding' });
    const octokit = client(gh.url);
    const { data: listed } = await octokit.rest.pulls.listReviewComments({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(listed.map((c) => [c.id, c.body, c.line, c.user.login])).toEqual([[seeded.id, 'old finding', 23, 'github-actions[bot]']]);
    const { data: updated } = await octokit.rest.pulls.updateReviewComment({ owner: OWNER, repo: REPO, comment_id: seeded.id, body: 'new finding' });
    expect(updated.body).toBe('new finding');
    expect(gh.reviewComments[0].body).toBe('new finding');
  });
});

describe('issue comments', () => {
  it('creates, lists and edits a comment; 65,537 characters answer 422', async () => {
    const octokit = client(gh.url);
    const { status, data: created } = await octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'Summary' });
    expect(status).toBe(201);
    expect(created.user?.login).toBe('github-actions[bot]');
    expect(created.html_url).toBe(`https://github.com/${OWNER}/${REPO}/pull/7#issuecomment-${created.id}`);

    await octokit.rest.issues.updateComment({ owner: OWNER, repo: REPO, comment_id: created.id, body: 'x'.repeat(65536) });
    const { data: listed } = await octokit.rest.issues.listComments({ owner: OWNER, repo: REPO, issue_number: 7, per_page: 100 });
    expect(listed.map((c) => [c.id, c.body?.length])).toEqual([[created.id, 65536]]);

    const tooLong = await failure(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'x'.repeat(65537) }));
    expect(tooLong.status).toBe(422);
    expect((tooLong.data.errors as Array<{ message: string }>)[0].message).toBe('Body is too long (maximum is 65536 characters)');
    expect(gh.issueComments).toHaveLength(1);
  });

  it('paginates seeded comments written by other users', async () => {
    for (let i = 0; i < 150; i++) {
      gh.addIssueComment({ owner: OWNER, repo: REPO, issueNumber: 7, body: `c${i}`, user: i === 0 ? { login: 'alice', id: 5, type: 'User' } : undefined });
    }
    const octokit = client(gh.url);
    const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: OWNER, repo: REPO, issue_number: 7, per_page: 100 });
    expect(all).toHaveLength(150);
    expect([all[0].user?.login, all[1].user?.login, all[149].body]).toEqual(['alice', 'github-actions[bot]', 'c149']);
  });
});

describe('read-only token', () => {
  it('answers every write with 403 "Resource not accessible by integration" but still serves reads', async () => {
    gh.setReadOnly(true);
    const octokit = client(gh.url);
    const error = await failure(octokit.rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'hello' }));
    expect(error.status).toBe(403);
    expect(error.data.message).toBe('Resource not accessible by integration');
    expect(error.data.documentation_url).toBe('https://docs.github.com/rest/issues/comments#create-an-issue-comment');
    const review = await failure(octokit.rest.pulls.createReview({ owner: OWNER, repo: REPO, pull_number: 7, event: 'COMMENT', body: 'x' }));
    expect(review.status).toBe(403);
    const { status } = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(status).toBe(200);
    expect(gh.issueComments).toHaveLength(0);
  });

  it('can be set per token', async () => {
    const fake = await startFakeGitHub({ tokens: { writer: {}, forked: { readOnly: true } } });
    try {
      fake.addPullRequest(storagePullRequest());
      const ok = await client(fake.url, 'writer').rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'a' });
      expect(ok.status).toBe(201);
      expect((await failure(client(fake.url, 'forked').rest.issues.createComment({ owner: OWNER, repo: REPO, issue_number: 7, body: 'a' }))).status).toBe(403);
      const unknown = await failure(client(fake.url, 'stranger').rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: 7 }));
      expect([unknown.status, unknown.data.message]).toEqual([401, 'Bad credentials']);
    } finally {
      await fake.close();
    }
  });
});

describe('SARIF upload', () => {
  const log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'azure-security-audit' } }, results: [] }] };

  it('accepts gzip+base64 SARIF with 202, stores it decoded, and reports processing complete', async () => {
    const octokit = client(gh.url);
    const { status, data } = await octokit.rest.codeScanning.uploadSarif({ owner: OWNER, repo: REPO, commit_sha: HEAD_SHA, ref: 'refs/pull/7/head', sarif: encodeSarif(log), tool_name: 'azure-security-audit' });
    expect(status).toBe(202);
    expect(data.url).toBe(`${gh.url}/repos/${OWNER}/${REPO}/code-scanning/sarifs/${data.id}`);
    expect(gh.sarifUploads.map((u) => [u.commitSha, u.ref, u.toolName, u.sarif])).toEqual([[HEAD_SHA, 'refs/pull/7/head', 'azure-security-audit', log]]);
    const processed = await octokit.rest.codeScanning.getSarif({ owner: OWNER, repo: REPO, sarif_id: data.id! });
    expect(processed.data.processing_status).toBe('complete');
  });

  it('answers 400 for a payload that is not base64 or not gzip', async () => {
    const octokit = client(gh.url);
    const notBase64 = await failure(octokit.rest.codeScanning.uploadSarif({ owner: OWNER, repo: REPO, commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif: '%%% not base64 %%%' }));
    expect(notBase64.status).toBe(400);
    const plainJson = Buffer.from(JSON.stringify(log)).toString('base64');
    const notGzip = await failure(octokit.rest.codeScanning.uploadSarif({ owner: OWNER, repo: REPO, commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif: plainJson }));
    expect(notGzip.status).toBe(400);
    expect(notGzip.data.message).toBe('Invalid request.\n\nthe sarif field is not gzip-compressed.');
    expect(gh.sarifUploads).toHaveLength(0);
  });

  it('answers 403 when code scanning is not enabled for the repository', async () => {
    gh.setCodeScanning(OWNER, REPO, false);
    const error = await failure(client(gh.url).rest.codeScanning.uploadSarif({ owner: OWNER, repo: REPO, commit_sha: HEAD_SHA, ref: 'refs/heads/main', sarif: encodeSarif(log) }));
    expect(error.status).toBe(403);
    expect(error.data.message).toBe('Advanced Security must be enabled for this repository to use code scanning.');
  });

  it('round-trips: what the test encodes is what gunzip gives back', () => {
    expect(JSON.parse(gunzipSync(Buffer.from(encodeSarif(log), 'base64')).toString('utf8'))).toEqual(log);
  });
});

describe('contents and blobs of the head commit', () => {
  it('serves a head file through contents?ref= and through its blob SHA', async () => {
    const octokit = client(gh.url);
    const { data } = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'infra/storage.bicep', ref: HEAD_SHA });
    const file = data as { type: string; content: string; encoding: string; sha: string };
    expect(file.type).toBe('file');
    expect(Buffer.from(file.content, 'base64').toString('utf8')).toBe(STORAGE_TEXT);

    const { data: files } = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 });
    expect(files[0].sha).toBe(file.sha);
    const { data: blob } = await octokit.rest.git.getBlob({ owner: OWNER, repo: REPO, file_sha: files[0].sha ?? '' });
    expect(Buffer.from(blob.content, 'base64').toString('utf8')).toBe(STORAGE_TEXT);

    const byBranch = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'infra', ref: 'harden-storage' });
    expect((byBranch.data as Array<{ path: string; type: string }>).map((e) => [e.path, e.type])).toEqual([['infra/storage.bicep', 'file']]);

    const unknownRef = await failure(octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'infra/storage.bicep', ref: 'nope' }));
    expect([unknownRef.status, unknownRef.data.message]).toEqual([404, 'No commit found for the ref nope']);
    expect(gh.violations).toEqual([]);
  });
});
