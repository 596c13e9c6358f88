/**
 * Pull request endpoints: the pull request, its files, reviews and review comments, including
 * GitHub's rule that a review comment must sit on a line of the diff (else the whole review fails).
 */
import { diffHunkText, resolveAnchor, toSentence } from './diff-hunks.js';
import { paginate } from './pagination.js';
import { renderFile, renderPullRequest, renderReview, renderReviewComment } from './render.js';
import {
  bodyTooLong,
  characterCount,
  intParam,
  MAX_BODY_CHARACTERS,
  notFound,
  stringField,
  unprocessable,
  validationFailed,
  type Handler,
  type HandlerContext,
  type Reply,
} from './replies.js';
import { timestamp, type PullRequest, type Review, type ReviewComment } from './state.js';

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_FILES = 3000;

function pullOf(ctx: HandlerContext): PullRequest | undefined {
  return ctx.state.pullRequest(ctx.pathParams.owner, ctx.pathParams.repo, intParam(ctx, 'pull_number'));
}

function listReply<T>(ctx: HandlerContext, all: T[], render: (item: T) => unknown): Reply {
  const page = paginate(all, ctx.query, `${ctx.api}${ctx.path}`);
  return { status: 200, body: page.items.map(render), headers: page.link ? { link: page.link } : {} };
}

const getPull: Handler = (ctx) => {
  const pull = pullOf(ctx);
  const repository = ctx.state.repository(ctx.pathParams.owner, ctx.pathParams.repo);
  if (!pull || !repository) return notFound(ctx.docsUrl);
  return { status: 200, body: renderPullRequest(ctx.api, repository, pull) };
};

const listFiles: Handler = (ctx) => {
  const pull = pullOf(ctx);
  const repository = ctx.state.repository(ctx.pathParams.owner, ctx.pathParams.repo);
  if (!pull || !repository) return notFound(ctx.docsUrl);
  return listReply(ctx, pull.files.slice(0, MAX_LISTED_FILES), (f) => renderFile(ctx.api, repository, pull, f));
};

const listReviewComments: Handler = (ctx) => {
  const pull = pullOf(ctx);
  if (!pull) return notFound(ctx.docsUrl);
  const comments = ctx.state.reviewCommentsOf(pull.owner, pull.repo, pull.number).filter((c) => !isPending(ctx, c));
  return listReply(ctx, comments, (c) => renderReviewComment(ctx.api, c));
};

function isPending(ctx: HandlerContext, comment: ReviewComment): boolean {
  return comment.reviewId !== null && ctx.state.reviews.some((r) => r.id === comment.reviewId && r.state === 'PENDING');
}

const listReviews: Handler = (ctx) => {
  const pull = pullOf(ctx);
  if (!pull) return notFound(ctx.docsUrl);
  return listReply(ctx, ctx.state.reviewsOf(pull.owner, pull.repo, pull.number), (r) => renderReview(ctx.api, r));
};

interface CommentRequest {
  path?: unknown;
  body?: unknown;
  line?: unknown;
  side?: unknown;
  start_line?: unknown;
  start_side?: unknown;
  position?: unknown;
}

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Places one requested comment on the diff, or returns GitHub's messages for why it cannot be placed. */
function placeComment(pull: PullRequest, request: CommentRequest) {
  const path = asString(request.path) ?? '';
  const file = pull.files.find((f) => f.filename === path);
  if (!file) return { ok: false as const, messages: ['Path could not be resolved'] };
  const anchor = resolveAnchor(file.patch, {
    line: asNumber(request.line),
    side: asString(request.side),
    start_line: asNumber(request.start_line),
    start_side: asString(request.start_side),
    position: asNumber(request.position),
  });
  return anchor.ok ? { ...anchor, path } : anchor;
}

const REVIEW_STATES: Record<string, Review['state']> = { COMMENT: 'COMMENTED', APPROVE: 'APPROVED', REQUEST_CHANGES: 'CHANGES_REQUESTED' };

const createReview: Handler = (ctx) => {
  const pull = pullOf(ctx);
  if (!pull) return notFound(ctx.docsUrl);
  const body = stringField(ctx.body, 'body') ?? '';
  const requested = Array.isArray(ctx.body.comments) ? (ctx.body.comments as CommentRequest[]) : [];
  if (characterCount(body) > MAX_BODY_CHARACTERS) return bodyTooLong(ctx.docsUrl, 'PullRequestReview');
  if (requested.some((c) => typeof c.body === 'string' && characterCount(c.body) > MAX_BODY_CHARACTERS)) {
    return bodyTooLong(ctx.docsUrl, 'PullRequestReviewComment');
  }
  // GitHub validates every comment first and creates nothing if any of them cannot be placed.
  const placed = requested.map((c) => placeComment(pull, c));
  const errors = [...new Set(placed.flatMap((p) => (p.ok ? [] : [toSentence(p.messages)])))];
  if (errors.length > 0) return unprocessable(ctx.docsUrl, errors);
  const event = stringField(ctx.body, 'event');
  const now = timestamp();
  const review: Review = {
    id: ctx.state.newId(),
    owner: pull.owner,
    repo: pull.repo,
    pullNumber: pull.number,
    body,
    state: event ? REVIEW_STATES[event] ?? 'COMMENTED' : 'PENDING',
    commitId: stringField(ctx.body, 'commit_id') ?? pull.headSha,
    user: ctx.user,
    submittedAt: event ? now : null,
    commentIds: [],
  };
  placed.forEach((p, i) => {
    if (!p.ok) return;
    const comment: ReviewComment = {
      id: ctx.state.newId(),
      owner: pull.owner,
      repo: pull.repo,
      pullNumber: pull.number,
      reviewId: review.id,
      path: p.path,
      line: p.line,
      side: p.side,
      startLine: p.startLine ?? null,
      startSide: p.startSide ?? null,
      position: p.position,
      diffHunk: diffHunkText(p.hunk, p.index),
      body: asString(requested[i].body) ?? '',
      commitId: review.commitId,
      user: ctx.user,
      createdAt: now,
      updatedAt: now,
    };
    ctx.state.reviewComments.push(comment);
    review.commentIds.push(comment.id);
  });
  ctx.state.reviews.push(review);
  return { status: 200, body: renderReview(ctx.api, review) };
};

/** The field-style wording GitHub uses for the single-comment endpoint ("pull_request_review_thread.line must be part of the diff"). */
function singleCommentError(message: string): { field: string; message: string } {
  const m = /^Pull request review thread (start line|diff hunk|line) (.*)$/.exec(message);
  if (!m) return { field: 'path', message };
  const field = `pull_request_review_thread.${m[1].replace(' ', '_')}`;
  return { field, message: `${field} ${m[2]}` };
}

/** Single review comment: same placement rule, but errors come in the "Validation Failed" shape. */
const createReviewComment: Handler = (ctx) => {
  const pull = pullOf(ctx);
  if (!pull) return notFound(ctx.docsUrl);
  const body = stringField(ctx.body, 'body') ?? '';
  if (characterCount(body) > MAX_BODY_CHARACTERS) return bodyTooLong(ctx.docsUrl, 'PullRequestReviewComment');
  const placed = placeComment(pull, ctx.body as CommentRequest);
  if (!placed.ok) {
    return validationFailed(
      ctx.docsUrl,
      placed.messages.map((message) => ({ resource: 'PullRequestReviewComment', code: 'custom', ...singleCommentError(message) })),
    );
  }
  const now = timestamp();
  const comment: ReviewComment = {
    id: ctx.state.newId(),
    owner: pull.owner,
    repo: pull.repo,
    pullNumber: pull.number,
    reviewId: ctx.state.newId(),
    path: placed.path,
    line: placed.line,
    side: placed.side,
    startLine: placed.startLine ?? null,
    startSide: placed.startSide ?? null,
    position: placed.position,
    diffHunk: diffHunkText(placed.hunk, placed.index),
    body,
    commitId: stringField(ctx.body, 'commit_id') ?? pull.headSha,
    user: ctx.user,
    createdAt: now,
    updatedAt: now,
  };
  ctx.state.reviewComments.push(comment);
  return { status: 201, body: renderReviewComment(ctx.api, comment), headers: { location: `${ctx.api}/repos/${pull.owner}/${pull.repo}/pulls/comments/${comment.id}` } };
};

function reviewCommentOf(ctx: HandlerContext): ReviewComment | undefined {
  const id = intParam(ctx, 'comment_id');
  return ctx.state.reviewComments.find((c) => c.id === id && ctx.state.inRepository(c, ctx.pathParams.owner, ctx.pathParams.repo));
}

const getReviewComment: Handler = (ctx) => {
  const comment = reviewCommentOf(ctx);
  return comment ? { status: 200, body: renderReviewComment(ctx.api, comment) } : notFound(ctx.docsUrl);
};

const updateReviewComment: Handler = (ctx) => {
  const comment = reviewCommentOf(ctx);
  if (!comment) return notFound(ctx.docsUrl);
  const body = stringField(ctx.body, 'body') ?? '';
  if (characterCount(body) > MAX_BODY_CHARACTERS) return bodyTooLong(ctx.docsUrl, 'PullRequestReviewComment');
  comment.body = body;
  comment.updatedAt = timestamp();
  return { status: 200, body: renderReviewComment(ctx.api, comment) };
};

const deleteReviewComment: Handler = (ctx) => {
  const comment = reviewCommentOf(ctx);
  if (!comment) return notFound(ctx.docsUrl);
  ctx.state.reviewComments.splice(ctx.state.reviewComments.indexOf(comment), 1);
  return { status: 204 };
};

/** Handlers by operationId. */
export const pullHandlers: Record<string, Handler> = {
  'pulls/get': getPull,
  'pulls/list-files': listFiles,
  'pulls/list-review-comments': listReviewComments,
  'pulls/list-reviews': listReviews,
  'pulls/create-review': createReview,
  'pulls/create-review-comment': createReviewComment,
  'pulls/get-review-comment': getReviewComment,
  'pulls/update-review-comment': updateReviewComment,
  'pulls/delete-review-comment': deleteReviewComment,
};
