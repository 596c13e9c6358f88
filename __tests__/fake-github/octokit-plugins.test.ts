/**
 * The fake's faults are understood by the Octokit plugins the action uses (retry and throttling),
 * so end-to-end tests exercise the action's real recovery paths.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { secondaryRateLimit, startFakeGitHub, type FakeGitHub } from '../support/fake-github/index.js';
import { failure, OWNER, REPO, storagePullRequest } from './fixtures.js';

let gh: FakeGitHub;
const quiet = () => undefined;
const log = { debug: quiet, info: quiet, warn: quiet, error: quiet };
const filesPath = '/repos/{owner}/{repo}/pulls/{pull_number}/files';

beforeEach(async () => {
  gh = await startFakeGitHub();
  gh.addPullRequest(storagePullRequest());
});

afterEach(async () => {
  await gh.close();
});

it('plugin-retry gets through 502, a reset connection, and 502 again', async () => {
  const RetryingOctokit = Octokit.plugin(retry);
  // retryAfterBaseValue 1 turns the plugin's 1s/4s/9s back-off into milliseconds.
  const octokit = new RetryingOctokit({ baseUrl: gh.url, auth: 't', log, retry: { retryAfterBaseValue: 1 } });
  gh.fail({ path: filesPath, status: 502 });
  gh.fail({ path: filesPath, kind: 'reset' });
  gh.fail({ path: filesPath, status: 502 });
  const { data } = await octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 });
  expect(data.map((f) => f.filename)).toEqual(['infra/storage.bicep', 'docs/diagram.png']);
  expect(gh.requests.map((r) => [r.status, r.fault])).toEqual([[502, 'status'], [undefined, 'reset'], [502, 'status'], [200, undefined]]);
});

it('plugin-throttling recognises the secondary rate limit and its retry-after', async () => {
  const ThrottledOctokit = Octokit.plugin(throttling);
  const seen: number[] = [];
  const octokit = new ThrottledOctokit({
    baseUrl: gh.url,
    auth: 't',
    log,
    throttle: {
      onRateLimit: () => false,
      onSecondaryRateLimit: (retryAfter: number) => {
        seen.push(retryAfter);
        return false; // Do not wait 7 s in a unit test; the callback proves detection.
      },
    },
  });
  gh.fail({ path: filesPath, ...secondaryRateLimit(7) });
  const error = await failure(octokit.rest.pulls.listFiles({ owner: OWNER, repo: REPO, pull_number: 7 }));
  expect(error.status).toBe(403);
  expect(seen).toEqual([7]);
});
