/** Hostile pull requests: links out of the workspace, huge files, odd paths, and text that tries to inject. */
import { readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { makeWorkspace, readSarif, runAction, patchOf, type ActionRun } from '../support/run-action.js';
import { HEADER, lineOf, openPullRequest, vault, OWNER, REPO } from './fixtures.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});
const HEAD = '4'.repeat(40);

/** Everything a run produced that a person or a machine could read. */
function artefacts(run: ActionRun): string {
  return [run.stdout, run.stderr, run.summary, readFileSync(run.sarifPath, 'utf8'), ...gh.reviewComments.map((c) => c.body), ...gh.issueComments.map((c) => c.body), ...gh.reviews.map((r) => r.body)].join('\n');
}

test('a symbolic link out of the workspace is never read or echoed; a huge file is skipped with a notice', async () => {
  const secretDir = makeWorkspace({ 'credentials.bicep': "param leaked string = 'TOP-SECRET-RUNNER-CREDENTIAL'\n" });
  const ok = HEADER + vault('kv-fine', 'false');
  const ws = makeWorkspace({ 'infra/main.bicep': ok });
  symlinkSync('/etc/passwd', join(ws, 'infra/passwd.bicep'));
  symlinkSync(join(secretDir, 'credentials.bicep'), join(ws, 'infra/creds.bicep'));
  writeFileSync(join(ws, 'infra/huge.bicep'), `// ${'x'.repeat(5 * 1024 * 1024)}\n`);
  const payload = openPullRequest(gh, 7, HEAD, [{ path: 'infra/main.bicep', after: ok }], [
    { filename: 'infra/passwd.bicep', status: 'added', patch: '@@ -0,0 +1 @@\n+/etc/passwd' },
    { filename: 'infra/creds.bicep', status: 'added', patch: '@@ -0,0 +1 @@\n+x' },
    { filename: 'infra/huge.bicep', status: 'added' },
  ]);
  const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
  const all = artefacts(run);
  expect(all).not.toContain('root:x:0:0');
  expect(all).not.toContain('TOP-SECRET-RUNNER-CREDENTIAL');
  expect(run.summary).toMatch(/infra\/passwd\.bicep:1:1 Not scanned: it is a link that points outside the workspace\./);
  expect(run.summary).toMatch(/infra\/creds\.bicep:1:1 Not scanned: it is a link that points outside the workspace\./);
  expect(run.summary).toMatch(/infra\/huge\.bicep:1:1 Not scanned: it is \d+ bytes, over the \d+-byte limit\./);
  expect(run.outputs.result).toBe('fail'); // the rest was still scanned
  expect(gh.reviewComments.some((c) => c.path === 'infra/main.bicep')).toBe(true);
});

test('paths with spaces, unicode and a leading dash are reviewed like any other', async () => {
  const path = 'infra/my dir/-ünïcode vault.bicep';
  const text = HEADER + vault('kv-odd', 'false');
  const ws = makeWorkspace({ [path]: text });
  const payload = openPullRequest(gh, 7, HEAD, [{ path, after: text }]);
  const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
  expect(gh.violations).toEqual([]);
  expect(gh.reviewComments.filter((c) => c.body.includes('AZSEC-KV-001')).map((c) => [c.path, c.line])).toEqual([[path, lineOf(text, 'enableRbacAuthorization')]]);
  const uris = readSarif(run).runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
  expect(uris).toContain('infra/my%20dir/-%C3%BCn%C3%AFcode%20vault.bicep');
});

test('a pull request that deletes or renames every file works', async () => {
  const text = HEADER + vault('kv-moved', 'true');
  const ws = makeWorkspace({ 'new/place.bicep': text });
  gh.addPullRequest({
    owner: OWNER,
    repo: REPO,
    number: 7,
    headSha: HEAD,
    baseSha: 'c'.repeat(40),
    files: [
      { filename: 'old/gone.bicep', status: 'removed', patch: '@@ -1 +0,0 @@\n-x', additions: 0, deletions: 1, changes: 1 },
      { filename: 'new/place.bicep', previous_filename: 'old/place.bicep', status: 'renamed', patch: patchOf(text, text + '\n'), additions: 1, deletions: 0, changes: 1 },
    ] as never,
    contents: { 'new/place.bicep': text },
  });
  const run = await runAction({
    apiUrl: gh.url,
    workspace: ws,
    event: 'pull_request',
    payload: { pull_request: { number: 7, head: { sha: HEAD }, base: { sha: 'c'.repeat(40) } } },
  });
  expect(gh.violations).toEqual([]);
  expect(run.code === 0 || run.code === 1).toBe(true);
  expect(run.stderr).toBe('');
  expect(run.summary).toContain('1 file scanned');
});

test('names and values from the pull request cannot inject markdown, mentions, HTML or workflow commands', async () => {
  const evil = "kv-**bold**-@octocat-#12-<img src=x>-`tick`-::set-output name=x::y-[link](https://evil.example)";
  const dir = 'infra/::add-mask::boom';
  const path = `${dir}/main.bicep`;
  const text = HEADER + vault(evil, 'false', 'evil');
  const ws = makeWorkspace({});
  mkdirSync(join(ws, dir), { recursive: true });
  writeFileSync(join(ws, path), text);
  const payload = openPullRequest(gh, 7, HEAD, [{ path, after: text }]);
  const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload });
  expect(gh.violations).toEqual([]);
  const bodies = [...gh.reviewComments.map((c) => c.body), ...gh.issueComments.map((c) => c.body), run.summary].join('\n');
  expect(bodies).not.toMatch(/@octocat/);
  expect(bodies).not.toMatch(/#12\b/);
  expect(bodies).not.toContain('<img');
  expect(bodies).not.toContain('**bold**');
  expect(bodies).not.toContain('](https://evil.example)');
  expect(bodies).toContain('&lt;img src=x&gt;');
  // The runner reads workflow commands only at the start of a line: none may come from the pull request.
  const commandLines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
  for (const line of commandLines) expect(line).toMatch(/^::(error|warning|notice|debug|set-output|group|endgroup)[ :]/);
  expect(run.stdout).not.toMatch(/^::add-mask::/m);
  expect(run.stdout).not.toMatch(/^::set-output name=x::/m);
});
