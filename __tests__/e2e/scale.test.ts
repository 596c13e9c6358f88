/** GitHub calls stay O(1) in the number of findings: one review, one sticky comment, one SARIF upload. */
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { makeWorkspace, runAction } from '../support/run-action.js';
import { HEADER, openPullRequest, vault } from './fixtures.js';

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

test('a pull request with 500 findings makes a constant number of calls', async () => {
  const text = HEADER + Array.from({ length: 500 }, (_, i) => vault(`kv-${i}`, 'false', `kv${i}`)).join('\n');
  const ws = makeWorkspace({ 'infra/many.bicep': text });
  const payload = openPullRequest(gh, 7, '5'.repeat(40), [{ path: 'infra/many.bicep', after: text }]);
  const run = await runAction({ apiUrl: gh.url, workspace: ws, event: 'pull_request', payload, inputs: { 'max-comments': '25' } });
  expect(gh.violations).toEqual([]);
  expect(Number(run.outputs.critical)).toBeGreaterThanOrEqual(500);
  const calls = gh.requests.map((r) => `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/N')}`);
  expect(calls.filter((c) => c.startsWith('POST') && c.endsWith('/reviews'))).toHaveLength(1);
  expect(calls.filter((c) => c.includes('/issues/N/comments') && !c.startsWith('GET'))).toHaveLength(1);
  expect(calls.filter((c) => c.endsWith('/code-scanning/sarifs'))).toHaveLength(1);
  expect(calls.length).toBeLessThanOrEqual(6);
  expect(gh.reviewComments).toHaveLength(25);
  // The sticky comment carries the overflow and stays within GitHub's size limit.
  expect(gh.issueComments).toHaveLength(1);
  expect(gh.issueComments[0].body.length).toBeLessThanOrEqual(65_536);
  expect(gh.issueComments[0].body).toContain('could not be posted inline');
});
