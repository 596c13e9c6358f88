/**
 * A local stand-in for GitHub's REST API, for end-to-end tests (GitHub itself is unreachable here).
 *
 *   const gh = await startFakeGitHub({ readOnly?, tokens?, codeScanningEnabled?, rateLimit?, validate? });
 *   gh.url                       http://127.0.0.1:<port>; use as GITHUB_API_URL or Octokit baseUrl
 *   gh.addPullRequest({owner, repo, number, headSha, baseSha, headRef?, baseRef?, headRepoFullName?,
 *                      files: [{filename, status, patch?, previous_filename?, additions, deletions, changes, sha?}],
 *                      contents?: {path: text}, baseContents?})
 *   gh.addIssueComment({owner, repo, issueNumber, body, user?})   seeds; user defaults to github-actions[bot]
 *   gh.addReviewComment({owner, repo, pullNumber, path, line, body, side?, startLine?, user?})
 *   gh.reviews / gh.reviewComments / gh.issueComments / gh.sarifUploads    live arrays (SARIF decoded to JSON)
 *   gh.requests                  every request: {method, path, query, headers, body, status, operationId}
 *   gh.violations                requests that break GitHub's OpenAPI description: {method, path, operationId, reasons}
 *   gh.fail({method?, path, kind?, status?, headers?, body?, times?, delayMs?})   queue a fault; see faults.ts.
 *                                `path` is a template ('/repos/{owner}/{repo}/pulls/{pull_number}/files') or RegExp.
 *                                kinds: 'status' | 'reset' (socket destroyed) | 'timeout' (never answered) | 'delay'
 *   secondaryRateLimit(s) / tooManyRequests(s) / primaryRateLimit(epoch)   ready-made fault answers
 *   gh.setReadOnly(true)         every write answers 403 "Resource not accessible by integration" (fork PRs)
 *   gh.setCodeScanning(owner, repo, false)  SARIF upload answers 403 "Advanced Security must be enabled..."
 *   gh.state                     the whole mutable world (FakeGitHubState), for anything not covered above
 *   await gh.close()
 *
 * Order of checks per request: fault queue -> 401 without `authorization` -> 404 for undocumented routes ->
 * 403 for writes with a read-only token -> 400/422 for bodies/parameters the description rejects -> handler.
 * Violations are recorded even when a fault answers. Documented maximums that GitHub enforces by silently
 * capping (per_page > 100) and undocumented query parameters are recorded but answered normally.
 * Documented operations the fake does not implement answer 501 (so a test notices).
 * GitHub behaviours reproduced: Link pagination (at most 3000 PR files), review comments must be on a diff
 * line (RIGHT: added/context lines; start_line in the same hunk) or the whole review is rejected with 422,
 * bodies over 65536 characters -> 422, x-ratelimit-* headers on every response.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkConformance, type ConformanceResult } from './conformance.js';
import { matchOperation } from './openapi.js';
import { FaultQueue, type FailSpec } from './faults.js';
import { issueHandlers } from './handlers-issues.js';
import { pullHandlers } from './handlers-pulls.js';
import { repoHandlers } from './handlers-repo.js';
import { notAccessible, type Handler, type Reply } from './replies.js';
import {
  ACTIONS_BOT,
  FakeGitHubState,
  type GitHubUser,
  type IssueComment,
  type PullRequest,
  type PullRequestSeed,
  type Repository,
  type Review,
  type ReviewComment,
  type SarifUpload,
} from './state.js';

export { secondaryRateLimit, tooManyRequests, primaryRateLimit, type FailSpec } from './faults.js';
export { ACTIONS_BOT, gitBlobSha, type GitHubUser, type PullRequestSeed, type PullRequestFileSeed } from './state.js';
export { parsePatch, resolveAnchor } from './diff-hunks.js';

/** Options of the fake server. */
export interface FakeGitHubOptions {
  /** Every token may only read (as GITHUB_TOKEN on a pull request from a fork). */
  readOnly?: boolean;
  /** Known tokens; when given, any other token answers 401 "Bad credentials". */
  tokens?: Record<string, { readOnly?: boolean; user?: GitHubUser }>;
  /** Whether repositories accept SARIF uploads (default true). */
  codeScanningEnabled?: boolean;
  /** Primary rate limit numbers reported in x-ratelimit-* headers (default 5000). */
  rateLimit?: { limit?: number };
  /** Check requests against the OpenAPI description (default true). */
  validate?: boolean;
}

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  operationId?: string;
  /** Status answered; undefined for a reset or held (timeout) request. */
  status?: number;
  /** Which fault answered, if any. */
  fault?: FailSpec['kind'];
}

/** A request that does not conform to GitHub's OpenAPI description. */
export interface Violation {
  method: string;
  path: string;
  operationId?: string;
  reasons: string[];
}

/** A running fake GitHub. */
export interface FakeGitHub {
  url: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  violations: Violation[];
  readonly reviews: Review[];
  readonly reviewComments: ReviewComment[];
  readonly issueComments: IssueComment[];
  readonly sarifUploads: SarifUpload[];
  addRepository(owner: string, repo: string, settings?: { codeScanningEnabled?: boolean; defaultBranch?: string }): Repository;
  addPullRequest(seed: PullRequestSeed): PullRequest;
  addIssueComment: FakeGitHubState['addIssueComment'];
  addReviewComment: FakeGitHubState['addReviewComment'];
  fail(spec: FailSpec): void;
  /** Faults queued and not yet consumed. */
  readonly pendingFaults: number;
  setReadOnly(readOnly: boolean): void;
  setCodeScanning(owner: string, repo: string, enabled: boolean): void;
  close(): Promise<void>;
}

const HANDLERS: Record<string, Handler> = { ...pullHandlers, ...issueHandlers, ...repoHandlers };
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const MAX_BODY_BYTES = 64 * 1024 * 1024;

interface Token {
  readOnly: boolean;
  user: GitHubUser;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

function parseBody(raw: Buffer): { body: unknown; parseError?: string } {
  if (raw.length === 0) return { body: undefined };
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown };
  } catch (error) {
    return { body: text, parseError: error instanceof Error ? error.message : 'invalid JSON' };
  }
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new FakeGitHubState();
  state.codeScanningByDefault = options.codeScanningEnabled ?? true;
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const limit = options.rateLimit?.limit ?? 5000;
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  let used = 0;
  let readOnly = options.readOnly ?? false;
  let url = '';

  function tokenOf(req: IncomingMessage): Token | 'missing' | 'bad' {
    const header = req.headers.authorization;
    if (!header) return 'missing';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    if (!m) return 'bad';
    if (options.tokens) {
      const known = options.tokens[m[1]];
      if (!known) return 'bad';
      return { readOnly: readOnly || (known.readOnly ?? false), user: known.user ?? ACTIONS_BOT };
    }
    return { readOnly, user: ACTIONS_BOT };
  }

  function send(res: ServerResponse, record: RecordedRequest, reply: Reply): void {
    used++;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `FAKE:${requests.length.toString(16).toUpperCase()}`,
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used)),
      'x-ratelimit-reset': String(resetAt),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...reply.headers,
    };
    record.status = reply.status;
    if (reply.status === 204 || reply.body === undefined) {
      delete headers['content-type'];
      res.writeHead(reply.status, headers).end();
      return;
    }
    res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
  }

  function answer(record: RecordedRequest, req: IncomingMessage, conformance: ConformanceResult): Reply {
    const token = tokenOf(req);
    if (token === 'missing') return { status: 401, body: { message: 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    if (token === 'bad') return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    const match = conformance.match;
    if (!match) return conformance.rejection ?? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
    const docsUrl = match.operation.docsUrl;
    if (token.readOnly && WRITE_METHODS.has(record.method)) return notAccessible(docsUrl);
    if (conformance.rejection) return conformance.rejection;
    const handler = HANDLERS[match.operation.operationId];
    if (!handler) return { status: 501, body: { message: `The fake GitHub does not implement ${match.operation.operationId}` } };
    const body = typeof record.body === 'object' && record.body !== null && !Array.isArray(record.body) ? (record.body as Record<string, unknown>) : {};
    return handler({ state, api: url, path: record.path, pathParams: match.pathParams, query: record.query, body, user: token.user, docsUrl });
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const parsedUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { body, parseError } = parseBody(raw);
    const record: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: parsedUrl.pathname,
      query: Object.fromEntries(parsedUrl.searchParams),
      headers: { ...req.headers },
      body,
    };
    requests.push(record);
    const conformance: ConformanceResult =
      options.validate === false
        ? { match: matchOperation(record.method, record.path).match, reasons: [] }
        : checkConformance({ method: record.method, path: record.path, query: record.query, body, bodyParseError: parseError });
    record.operationId = conformance.match?.operation.operationId;
    if (conformance.reasons.length > 0) violations.push({ method: record.method, path: record.path, operationId: record.operationId, reasons: conformance.reasons });
    const fault = faults.take(record.method, record.path);
    if (fault) {
      record.fault = fault.kind ?? 'status';
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'timeout') return; // Held until the client gives up or close() destroys the socket.
      if (fault.kind === 'delay') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, fault.delayMs ?? 1000);
          timers.add(timer);
        });
        if (res.destroyed) return;
      } else {
        const status = fault.status ?? 500;
        send(res, record, { status, headers: fault.headers, body: fault.body ?? { message: defaultMessage(status) } });
        return;
      }
    }
    let reply: Reply;
    try {
      reply = answer(record, req, conformance);
    } catch (error) {
      reply = { status: 500, body: { message: `Fake GitHub failed: ${error instanceof Error ? error.message : String(error)}` } };
    }
    send(res, record, reply);
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    state,
    requests,
    violations,
    get reviews() {
      return state.reviews;
    },
    get reviewComments() {
      return state.reviewComments;
    },
    get issueComments() {
      return state.issueComments;
    },
    get sarifUploads() {
      return state.sarifUploads;
    },
    addRepository: (owner, repo, settings) => state.addRepository(owner, repo, settings),
    addPullRequest: (seed) => state.addPullRequest(seed),
    addIssueComment: (seed) => state.addIssueComment(seed),
    addReviewComment: (seed) => state.addReviewComment(seed),
    fail: (spec) => faults.add(spec),
    get pendingFaults() {
      return faults.pending;
    },
    setReadOnly: (value) => {
      readOnly = value;
    },
    setCodeScanning: (owner, repo, enabled) => {
      state.addRepository(owner, repo).codeScanningEnabled = enabled;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function defaultMessage(status: number): string {
  const messages: Record<number, string> = { 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 404: 'Not Found', 403: 'Forbidden' };
  return messages[status] ?? `HTTP ${status}`;
}
