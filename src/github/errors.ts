/** The HTTP status of an Octokit error, if it has one. */
export function statusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/** GitHub's message of an Octokit error, one line. */
export function apiMessage(e: unknown): string {
  const data = (e as { response?: { data?: { message?: unknown } } } | null)?.response?.data;
  const m = typeof data?.message === 'string' ? data.message : e instanceof Error ? e.message : String(e);
  return m.replace(/[\r\n]+/g, ' ').slice(0, 300);
}

/** A token that may read but not write (a pull request from a fork, or missing permissions). */
export function isPermissionDenied(e: unknown): boolean {
  const s = statusOf(e);
  return s === 403 && !/rate limit/i.test(apiMessage(e));
}
