/**
 * The handler contract (request context in, reply out) and GitHub's error answers.
 */
import type { FakeGitHubState, GitHubUser } from './state.js';

/** What a handler answers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a handler gets to work with. */
export interface HandlerContext {
  state: FakeGitHubState;
  /** Base URL of the fake API, without trailing slash. */
  api: string;
  /** Request path (no query), as received. */
  path: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown>;
  /** The account the request's token acts as. */
  user: GitHubUser;
  docsUrl: string;
}

export type Handler = (ctx: HandlerContext) => Reply;

/** GitHub's longest accepted comment body, in characters. */
export const MAX_BODY_CHARACTERS = 65536;

/** Counts characters as GitHub does (Unicode code points, not UTF-16 units). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** 404 Not Found. */
export function notFound(docsUrl: string, message = 'Not Found'): Reply {
  return { status: 404, body: { message, documentation_url: docsUrl, status: '404' } };
}

/** 422 "Unprocessable Entity" with a list of plain-string errors (the shape review creation uses). */
export function unprocessable(docsUrl: string, errors: string[]): Reply {
  return { status: 422, body: { message: 'Unprocessable Entity', errors, documentation_url: docsUrl, status: '422' } };
}

/** 422 "Validation Failed" with structured errors (the shape comment creation uses). */
export function validationFailed(docsUrl: string, errors: Array<Record<string, string>>): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: docsUrl, status: '422' } };
}

/** 422 for a comment body above the limit, in the shape GitHub gives for issue and review comments. */
export function bodyTooLong(docsUrl: string, resource: string): Reply {
  return validationFailed(docsUrl, [
    { resource, code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)` },
  ]);
}

/** 403 for a write with a token that may only read (e.g. a pull request from a fork). */
export function notAccessible(docsUrl: string): Reply {
  return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: docsUrl, status: '403' } };
}

/** Reads an integer path parameter (already checked by conformance). */
export function intParam(ctx: HandlerContext, name: string): number {
  return Number(ctx.pathParams[name]);
}

/** A string field of the JSON body, if present. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}
