import { existsSync, readFileSync } from 'node:fs';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { makeWorkspace, readSarif, runAction, DIST } from '../support/run-action.js';
import { HEADER, lineOf, openPullRequest, vault, OWNER, REPO } from './fixtures.js';

let gh: FakeGitHub;
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run npm run build first');
});
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

const HEAD1 = '1'.repeat(40);
const HEAD2 = '2'.repeat(40);

describe('the action on a pull request', () => {
  test('findings on changed lines: one review with inline comments, a failing check, SARIF uploaded', async () => {
    const before = HEADER + vault('kv-ok', 'true');
    const after = before + '\n' + vault('kv-new', 'false');
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', before, after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });

    const badLine = lineOf(after, 'enableRbacAuthorization: false');
    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviews[0].state).toBe('COMMENTED');
    expect(gh.reviews[0].commitId).toBe(HEAD1);
    const comments = gh.reviewComments;
    expect(comments).toHaveLength(1);
    expect(comments[0].path).toBe('infra/main.bicep');
    expect(comments[0].line).toBe(badLine);
    expect(comments[0].body).toContain('AZSEC-KV-001');
    expect(comments[0].body).toContain('CRITICAL');
    expect(comments[0].body).toContain('**Why it matters:**');
    expect(comments[0].body).toContain('```suggestion\n    enableRbacAuthorization: true\n```');
    expect(comments[0].body).toMatch(/<!-- azure-security-audit:fp=[0-9a-f]{32} state=open -->/);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::azure-security-audit found 1 finding at or above HIGH \(1 CRITICAL\)/);
    expect(run.outputs).toMatchObject({ result: 'fail', findings: '1', 'new-findings': '1', critical: '1', high: '0' });
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: 'infra/main.bicep', line: badLine }));

    expect(gh.sarifUploads).toHaveLength(1);
    const upload = gh.sarifUploads[0] as typeof gh.sarifUploads[0] & { sarif: { runs: { results: { ruleId: string }[] }[] } };
    expect(upload.commitSha).toBe('a'.repeat(40));
    expect(upload.ref).toBe('refs/pull/7/merge');
    expect(upload.sarif.runs[0].results.map((r) => r.ruleId)).toEqual(['AZSEC-KV-001']);
    expect(readSarif(run).runs[0].results[0].locations[0].physicalLocation.region.startLine).toBe(badLine);
    expect(run.summary).toContain('Azure security audit: failed');
    expect(run.summary).toContain('Key Vault uses RBAC (not access policies)');
  });

  test('findings only on unchanged lines: no comment, the check passes, SARIF still has them', async () => {
    const before = HEADER + vault('kv-old', 'false');
    const after = before.replace("param location string = resourceGroup().location", "param location string = 'westeurope'");
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', before, after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });

    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(0);
    expect(gh.issueComments).toHaveLength(0);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', findings: '1', 'new-findings': '0' });
    expect(run.annotations.filter((a) => a.file)).toEqual([]);
    expect(readSarif(run).runs[0].results.map((r) => r.ruleId)).toEqual(['AZSEC-KV-001']);
  });

  test('a clean pull request: nothing posted, the check passes', async () => {
    const after = HEADER + vault('kv-ok', 'true');
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(0);
    expect(gh.issueComments).toHaveLength(0);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', findings: '0' });
    expect(run.summary).toContain('Azure security audit: passed');
    expect(gh.sarifUploads).toHaveLength(1);
  });

  test('a second run after a new push: no duplicate comment, the fixed finding is marked resolved', async () => {
    const v1 = HEADER + vault('kv-a', 'false') + '\n' + vault('kv-b', 'false');
    const ws1 = makeWorkspace({ 'infra/main.bicep': v1 });
    const payload1 = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after: v1 }]);
    await runAction({ apiUrl: gh.url, workspace: ws1, event: 'pull_request', payload: payload1 });
    expect(gh.reviewComments).toHaveLength(2);

    // Push 2: kv-a fixed; two lines inserted above kv-b, so its finding moves down.
    const v2 = HEADER + vault('kv-a', 'true') + '\n// owned by the payments team\n// reviewed 2026-12\n' + vault('kv-b', 'false');
    const ws2 = makeWorkspace({ 'infra/main.bicep': v2 });
    const payload2 = openPullRequest(gh, 7, HEAD2, [{ path: 'infra/main.bicep', after: v2 }]);
    const run2 = await runAction({ apiUrl: gh.url, workspace: ws2, event: 'pull_request', payload: payload2 });

    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(1); // no second review: nothing new to say inline
    expect(gh.reviewComments).toHaveLength(2);
    const [a, b] = gh.reviewComments;
    expect(a.body).toContain("'kv-a'");
    expect(a.body).toContain('✅ **Resolved**');
    expect(a.body).toContain('state=fixed');
    expect(b.body).toContain("'kv-b'");
    expect(b.body).toContain('state=open');
    expect(run2.outputs).toMatchObject({ result: 'fail', findings: '1' });
    expect(run2.summary).toMatch(/1 already on the pull request, 1 marked resolved/);
    // The sticky comment says what was resolved, once.
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0].body).toContain('1 earlier finding was resolved');
  });

  test('a pull request from a fork (read-only token): warns once, keeps annotations, summary, SARIF file and verdict', async () => {
    gh.setReadOnly(true);
    const after = HEADER + vault('kv-fork', 'false');
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });

    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(0);
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning') && l.includes('cannot write'));
    expect(warnings).toHaveLength(1);
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', file: 'infra/main.bicep', line: lineOf(after, 'enableRbacAuthorization: false') }));
    expect(run.summary).toContain('The token cannot write to this pull request');
    expect(readSarif(run).runs[0].results).toHaveLength(1);
    // Writes after the first refusal are not attempted again (only the SARIF upload, a different permission).
    const writes = gh.requests.filter((r) => r.method !== 'GET');
    expect(writes.map((w) => w.path)).toEqual([`/repos/${OWNER}/${REPO}/pulls/7/reviews`, `/repos/${OWNER}/${REPO}/code-scanning/sarifs`]);
  });

  test('a 502 from GitHub is retried and the review still lands', async () => {
    gh.fail({ method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}/files', status: 502, times: 1 });
    gh.fail({ method: 'POST', path: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', status: 502, times: 1 });
    const after = HEADER + vault('kv-retry', 'false');
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.pendingFaults).toBe(0);
    expect(gh.reviews).toHaveLength(1);
    expect(gh.reviewComments).toHaveLength(1);
    expect(run.outputs.result).toBe('fail');
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'))).toHaveLength(2);
  });

  test('a pull request of more than 100 files is read page by page', async () => {
    const files: Record<string, string> = {};
    const extra: { filename: string; status: string; patch: string }[] = [];
    for (let i = 0; i < 149; i++) {
      files[`docs/page-${i}.md`] = `page ${i}\n`;
      extra.push({ filename: `docs/page-${i}.md`, status: 'added', patch: `@@ -0,0 +1 @@\n+page ${i}` });
    }
    const after = HEADER + vault('kv-deep', 'false');
    files['zz/main.bicep'] = after;
    const ws = makeWorkspace(files);
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'zz/main.bicep', after }], extra);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.violations).toEqual([]);
    expect(gh.requests.filter((r) => r.path.endsWith('/pulls/7/files')).map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(gh.reviewComments.map((c) => [c.path, c.line])).toEqual([['zz/main.bicep', lineOf(after, 'enableRbacAuthorization: false')]]);
    expect(run.outputs.result).toBe('fail');
  });

  test('pull_request_target reads the head through the API, not the base checkout', async () => {
    const base = HEADER + vault('kv-base', 'true');
    const head = HEADER + vault('kv-head', 'false');
    const ws = makeWorkspace({ 'infra/main.bicep': base }); // the base branch is checked out
    const payload = openPullRequest(gh, 9, HEAD1, [{ path: 'infra/main.bicep', before: base, after: head }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request_target', payload, ref: 'refs/heads/main' });
    expect(gh.violations).toEqual([]);
    expect(gh.requests.some((r) => r.path.includes('/git/blobs/'))).toBe(true);
    expect(gh.reviewComments).toHaveLength(1);
    expect(gh.reviewComments[0].body).toContain("'kv-head'");
    const upload = gh.sarifUploads[0];
    expect(upload.ref).toBe('refs/pull/9/head');
    expect(run.outputs.result).toBe('fail');
  });
});

describe('the action on other events', () => {
  test('a push scans the whole workspace, uploads SARIF and posts no comment', async () => {
    const text = HEADER + vault('kv-push', 'false');
    const ws = makeWorkspace({ 'infra/main.bicep': text, 'infra/ok.bicep': HEADER + vault('kv-fine', 'true'), 'package.json': '{"name":"x"}' });
    gh.addRepository(OWNER, REPO);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'push', payload: { ref: 'refs/heads/main' }, ref: 'refs/heads/main', sha: 'd'.repeat(40) });
    expect(gh.violations).toEqual([]);
    expect(gh.reviews).toHaveLength(0);
    expect(gh.issueComments).toHaveLength(0);
    expect(gh.sarifUploads).toHaveLength(1);
    const upload = gh.sarifUploads[0];
    expect(upload.ref).toBe('refs/heads/main');
    expect(run.outputs).toMatchObject({ result: 'fail', findings: '1', critical: '1' });
    expect(run.summary).toContain('3 files scanned'); // two templates, and package.json read for secrets
  });

  test('a bad input is a configuration error that says what to write', async () => {
    const ws = makeWorkspace({ 'main.bicep': HEADER });
    gh.addRepository(OWNER, REPO);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'push', payload: {}, inputs: { 'fail-on': 'severe' }, ref: 'refs/heads/main' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::The input 'fail-on' is 'severe'; use one of: critical, high, medium, low, none.");
  });
});

describe('the action with a team policy', () => {
  test('suppressed findings are not commented and do not fail; lessons reach the summary and the rule\'s comments', async () => {
    const after = HEADER + vault('kv-kept', 'false').replace('    enableRbacAuthorization: false', '    // azsec-ignore AZSEC-KV-001: break-glass vault, reviewed by security\n    enableRbacAuthorization: false') + '\n' + vault('kv-new', 'false');
    const lessons = '# Lessons\n\n## Azure <!-- azure-security-audit -->\n\n- Vault access goes through the platform team\'s RBAC module (AZSEC-KV-001).\n';
    const ws = makeWorkspace({ 'infra/main.bicep': after, 'LESSONS.md': lessons });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.violations).toEqual([]);
    expect(gh.reviewComments).toHaveLength(1);
    expect(gh.reviewComments[0].body).toContain("'kv-new'");
    expect(gh.reviewComments[0].body).toContain("**Project lesson:** Vault access goes through the platform team's RBAC module (AZSEC-KV-001).");
    expect(run.outputs).toMatchObject({ findings: '1', result: 'fail' });
    expect(run.summary).toContain('1 finding is suppressed');
    expect(run.summary).toContain('suppressed: break-glass vault, reviewed by security');
    expect(run.summary).toContain('### Project lessons (LESSONS.md)');
    const results = readSarif(run).runs[0].results as unknown as { suppressions?: { kind: string; justification: string }[] }[];
    expect(results.map((r) => r.suppressions?.[0]?.kind ?? 'active')).toEqual(['inSource', 'active']);
  });

  test('an invalid configuration file fails the step with its reason', async () => {
    const ws = makeWorkspace({ 'infra/main.bicep': HEADER, '.github/azure-security-audit.yml': 'rules:\n  AZSEC-KV-001: sometimes\n' });
    gh.addRepository(OWNER, REPO);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'push', payload: {}, ref: 'refs/heads/main' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::\.github\/azure-security-audit\.yml:2:\d+: 'rules\.AZSEC-KV-001' /);
  });
});

describe('noise control', () => {
  test('several findings on one new line become one comment', async () => {
    const bare = `resource bare 'Microsoft.KeyVault/vaults@2023-07-01' = {\n  name: 'kv-bare'\n  location: location\n  properties: {\n    tenantId: tenant().tenantId\n    sku: {\n      family: 'A'\n      name: 'standard'\n    }\n    enableRbacAuthorization: true\n  }\n}\n`;
    const after = HEADER + bare;
    const ws = makeWorkspace({ 'infra/main.bicep': after });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'infra/main.bicep', after }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.violations).toEqual([]);
    const line = lineOf(after, "resource bare 'Microsoft.KeyVault");
    const onLine = gh.reviewComments.filter((c) => c.line === line);
    expect(onLine).toHaveLength(1);
    const count = Number(/\*\*(\d+) findings on this line\*\*/.exec(onLine[0].body)?.[1]);
    expect(count).toBeGreaterThan(1);
    expect(onLine[0].body.match(/azure-security-audit:fp=/g)).toHaveLength(count);
    expect(Number(run.outputs['new-findings'])).toBe(count);
  });
});

describe('secrets in any file', () => {
  test('a key in a changed .env file is commented redacted, and never appears in full anywhere', async () => {
    const key = 'Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmE=';
    const env = `APP_NAME=orders\nSTORAGE=DefaultEndpointsProtocol=https;AccountName=storders;AccountKey=${key};EndpointSuffix=core.windows.net\n`;
    const ws = makeWorkspace({ 'app/.env': env });
    const payload = openPullRequest(gh, 7, HEAD1, [{ path: 'app/.env', after: env }]);
    const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
    expect(gh.violations).toEqual([]);
    expect(gh.reviewComments.map((c) => [c.path, c.line])).toEqual([['app/.env', 2]]);
    expect(gh.reviewComments[0].body).toContain('AZSEC-SEC-001');
    const everything = [run.stdout, run.stderr, run.summary, readFileSync(run.sarifPath, 'utf8'), ...gh.reviewComments.map((c) => c.body), ...gh.issueComments.map((c) => c.body), JSON.stringify(gh.sarifUploads)].join('\n');
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(key.slice(0, 20));
    expect(run.outputs).toMatchObject({ result: 'fail', high: '1' });
  });
});
