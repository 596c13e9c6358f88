import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TOOL_NAME, VERSION } from '../version.js';
import type { Logger } from '../util/logger.js';

const GitHub = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHub>;
type ThrottleOptions = NonNullable<ConstructorParameters<typeof GitHub>[0]>['throttle'];

export interface ClientOptions {
  token: string;
  baseUrl: string;
  logger: Logger;
  /** Milliseconds one retry unit waits (plugin-retry waits n² units, throttling waits retry-after units). */
  retryUnitMs?: number;
  /** Give up on one request after this long. */
  requestTimeoutMs?: number;
  /** All GitHub calls of a run together, retries included, stop after this long. */
  totalBudgetMs?: number;
  /** Space writes (1 s) and notifying writes (3 s) apart, as GitHub asks of integrations (tests turn this off). */
  spaceWrites?: boolean;
}

/** How often a rate-limited request is tried again, and the longest wait we accept for it (seconds). */
const RATE_LIMIT_RETRIES = 2;
const LONGEST_RATE_LIMIT_WAIT_S = 90;

/** Octokit with bounded retries (5xx, 429, resets), rate-limit handling and a per-request timeout. */
export function createClient(opts: ClientOptions): GitHubClient {
  const unit = opts.retryUnitMs ?? 1000;
  const timeoutMs = opts.requestTimeoutMs ?? 30_000;
  const deadline = Date.now() + (opts.totalBudgetMs ?? 6 * 60_000);
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string): void => {
    if (warned.has(key)) return;
    warned.add(key);
    opts.logger.warning(message);
  };
  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
    const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= LONGEST_RATE_LIMIT_WAIT_S;
    warnOnce(`${kind}`, `GitHub ${kind} on ${options.method ?? ''} ${options.url ?? ''}: ${again ? `retrying after ${retryAfter}s` : 'giving up'}.`);
    return again;
  };
  const noSpacing = { key: () => ({ schedule: <T>(_o: unknown, fn: (...a: unknown[]) => T, ...args: unknown[]) => fn(...args) }) };
  return new GitHub({
    auth: opts.token,
    baseUrl: opts.baseUrl,
    userAgent: `${TOOL_NAME}/${VERSION}`,
    log: { debug: () => {}, info: () => {}, warn: (m: string) => opts.logger.debug(m), error: (m: string) => opts.logger.debug(m) },
    retry: { retries: 3, retryAfterBaseValue: unit, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
    throttle: {
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      // A stand-in for the write limiter's Bottleneck group that runs each write at once.
      ...(opts.spaceWrites === false ? { write: noSpacing, notifications: noSpacing } : {}),
    } as unknown as ThrottleOptions,
    request: {
      fetch: (url: string | URL, init?: RequestInit) => {
        const left = deadline - Date.now();
        if (left <= 0) {
          warnOnce('budget', 'The time allowed for GitHub calls is used up; the remaining calls were skipped.');
          return Promise.reject(new Error('the time allowed for GitHub calls is used up'));
        }
        const signal = AbortSignal.timeout(Math.min(timeoutMs, left));
        return fetch(url, { ...init, signal }).catch((e: unknown) => {
          warnOnce(`network ${String(url).split('?')[0]}`, `Request to GitHub failed (${e instanceof Error ? e.message : String(e)}); retrying.`);
          throw e;
        });
      },
    },
  });
}
