/**
 * Issue comment endpoints (the conversation tab of a pull request).
 */
import { paginate } from './pagination.js';
import { renderIssueComment } from './render.js';
import { bodyTooLong, characterCount, intParam, MAX_BODY_CHARACTERS, notFound, stringField, type Handler, type HandlerContext } from './replies.js';
import { timestamp, type IssueComment } from './state.js';

function issueExists(ctx: HandlerContext, number: number): boolean {
  // The fake's only issues are pull requests (every pull request is an issue on GitHub).
  return ctx.state.pullRequest(ctx.pathParams.owner, ctx.pathParams.repo, number) !== undefined;
}

const listComments: Handler = (ctx) => {
  const number = intParam(ctx, 'issue_number');
  if (!issueExists(ctx, number)) return notFound(ctx.docsUrl);
  let comments = ctx.state.issueCommentsOf(ctx.pathParams.owner, ctx.pathParams.repo, number);
  if (ctx.query.since) comments = comments.filter((c) => c.updatedAt >= ctx.query.since);
  const page = paginate(comments, ctx.query, `${ctx.api}${ctx.path}`);
  return { status: 200, body: page.items.map((c) => renderIssueComment(ctx.api, c)), headers: page.link ? { link: page.link } : {} };
};

const createComment: Handler = (ctx) => {
  const number = intParam(ctx, 'issue_number');
  if (!issueExists(ctx, number)) return notFound(ctx.docsUrl);
  const body = stringField(ctx.body, 'body') ?? '';
  if (characterCount(body) > MAX_BODY_CHARACTERS) return bodyTooLong(ctx.docsUrl, 'IssueComment');
  const comment = ctx.state.addIssueComment({ owner: ctx.pathParams.owner, repo: ctx.pathParams.repo, issueNumber: number, body, user: ctx.user });
  return {
    status: 201,
    body: renderIssueComment(ctx.api, comment),
    headers: { location: `${ctx.api}/repos/${ctx.pathParams.owner}/${ctx.pathParams.repo}/issues/comments/${comment.id}` },
  };
};

function commentOf(ctx: HandlerContext): IssueComment | undefined {
  const id = intParam(ctx, 'comment_id');
  return ctx.state.issueComments.find((c) => c.id === id && ctx.state.inRepository(c, ctx.pathParams.owner, ctx.pathParams.repo));
}

const getComment: Handler = (ctx) => {
  const comment = commentOf(ctx);
  return comment ? { status: 200, body: renderIssueComment(ctx.api, comment) } : notFound(ctx.docsUrl);
};

const updateComment: Handler = (ctx) => {
  const comment = commentOf(ctx);
  if (!comment) return notFound(ctx.docsUrl);
  const body = stringField(ctx.body, 'body') ?? '';
  if (characterCount(body) > MAX_BODY_CHARACTERS) return bodyTooLong(ctx.docsUrl, 'IssueComment');
  comment.body = body;
  comment.updatedAt = timestamp();
  return { status: 200, body: renderIssueComment(ctx.api, comment) };
};

const deleteComment: Handler = (ctx) => {
  const comment = commentOf(ctx);
  if (!comment) return notFound(ctx.docsUrl);
  ctx.state.issueComments.splice(ctx.state.issueComments.indexOf(comment), 1);
  return { status: 204 };
};

/** Handlers by operationId. */
export const issueHandlers: Record<string, Handler> = {
  'issues/list-comments': listComments,
  'issues/create-comment': createComment,
  'issues/get-comment': getComment,
  'issues/update-comment': updateComment,
  'issues/delete-comment': deleteComment,
};
