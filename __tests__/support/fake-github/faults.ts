/**
 * Fault injection: a queue of planned failures, consumed in order by matching requests,
 * plus ready-made GitHub rate-limit answers.
 */

/** A planned failure for requests matching `method` and `path`. */
export interface FailSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** A path template such as `/repos/{owner}/{repo}/pulls/{pull_number}/files`, an exact path, or a RegExp. */
  path: string | RegExp;
  /** 'status' (default) answers `status`/`headers`/`body`; 'reset' destroys the socket; 'timeout' never answers; 'delay' answers normally after `delayMs`. */
  kind?: 'status' | 'reset' | 'timeout' | 'delay';
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many matching requests this entry consumes (default 1). */
  times?: number;
  delayMs?: number;
}

interface QueuedFault {
  spec: FailSpec;
  remaining: number;
  pattern: RegExp;
}

function templateToRegExp(path: string): RegExp {
  const escaped = path
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

/** Ordered queue of faults; each matching request consumes one use of the first matching entry. */
export class FaultQueue {
  private readonly queue: QueuedFault[] = [];

  /** Appends a fault; later entries apply once earlier matching ones are used up. */
  add(spec: FailSpec): void {
    const pattern = typeof spec.path === 'string' ? templateToRegExp(spec.path) : spec.path;
    this.queue.push({ spec, remaining: Math.max(1, spec.times ?? 1), pattern });
  }

  /** Takes the next fault for this request, if one is planned. */
  take(method: string, path: string): FailSpec | undefined {
    const index = this.queue.findIndex(
      (f) => (f.spec.method === undefined || f.spec.method.toUpperCase() === method) && f.pattern.test(path),
    );
    if (index < 0) return undefined;
    const fault = this.queue[index];
    fault.remaining--;
    if (fault.remaining === 0) this.queue.splice(index, 1);
    return fault.spec;
  }

  /** Number of planned failures not yet consumed. */
  get pending(): number {
    return this.queue.reduce((sum, f) => sum + f.remaining, 0);
  }

  /** Drops every planned failure. */
  clear(): void {
    this.queue.length = 0;
  }
}

/** The answer GitHub gives when a secondary rate limit is hit (403 with retry-after). */
export function secondaryRateLimit(retryAfterSeconds = 1): Omit<FailSpec, 'path' | 'method' | 'times'> {
  return {
    kind: 'status',
    status: 403,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:1111:2222:3333:44444444.',
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    },
  };
}

/** A 429 Too Many Requests answer with retry-after. */
export function tooManyRequests(retryAfterSeconds = 1): Omit<FailSpec, 'path' | 'method' | 'times'> {
  return {
    kind: 'status',
    status: 429,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
      status: '429',
    },
  };
}

/** The primary rate limit answer: 403 with x-ratelimit-remaining 0 and a reset time. */
export function primaryRateLimit(resetEpochSeconds = Math.floor(Date.now() / 1000) + 1): Omit<FailSpec, 'path' | 'method' | 'times'> {
  return {
    kind: 'status',
    status: 403,
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetEpochSeconds) },
    body: {
      message: 'API rate limit exceeded for installation ID 1234567.',
      documentation_url: 'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
      status: '403',
    },
  };
}
