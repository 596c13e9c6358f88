import { postWithRecovery, MAX_REVIEW_RETRIES } from '../../src/action/github-run.js';
import type { InlineComment } from '../../src/github/comments.js';
import { finding } from './helpers.js';

function comments(n: number): InlineComment[] {
  return Array.from({ length: n }, (_, i) => ({ findings: [finding({ line: i + 1, fingerprint: String(i).padStart(32, '0') })], body: `c${i}` }));
}

/** A poster that refuses (422) any batch containing one of the bad lines, as GitHub rejects a whole review. */
function github(bad: Set<number>) {
  const calls: number[][] = [];
  const post = async (batch: InlineComment[]): Promise<boolean> => {
    calls.push(batch.map((c) => c.findings[0].location.line));
    if (batch.some((c) => bad.has(c.findings[0].location.line))) throw Object.assign(new Error('Unprocessable Entity'), { status: 422 });
    return true;
  };
  return { calls, post };
}

describe('a review GitHub refuses (422)', () => {
  test('is posted without the refused comment, which moves to the summary', async () => {
    const gh = github(new Set([7]));
    const r = await postWithRecovery(comments(10), gh.post);
    expect(r.rejected.map((c) => c.findings[0].location.line)).toEqual([7]);
    expect(r.posted.map((c) => c.findings[0].location.line).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10]);
    expect(r.refusedLines).toBe(1);
    expect(gh.calls.length).toBeLessThanOrEqual(1 + MAX_REVIEW_RETRIES);
  });

  test('the extra calls are bounded even when every comment is refused', async () => {
    const gh = github(new Set(Array.from({ length: 25 }, (_, i) => i + 1)));
    const r = await postWithRecovery(comments(25), gh.post);
    expect(r.posted).toEqual([]);
    expect(r.rejected).toHaveLength(25);
    expect(gh.calls.length).toBe(1 + MAX_REVIEW_RETRIES);
  });

  test('a read-only token (the guard says no) stops at once', async () => {
    const calls: number[] = [];
    const r = await postWithRecovery(comments(5), async (b) => {
      calls.push(b.length);
      return false;
    });
    expect(calls).toEqual([5]);
    expect(r.rejected).toHaveLength(5);
  });

  test('any other error on the first call is for the caller', async () => {
    await expect(postWithRecovery(comments(2), async () => Promise.reject(Object.assign(new Error('boom'), { status: 500 })))).rejects.toThrow('boom');
  });
});
