import type { Rule } from '../engine/rule.js';
import type { Finding } from '../model/finding.js';
import { LineIndex } from '../model/location.js';
import type { GitHubClient } from '../github/client.js';
import { editReviewComment, listReviewComments, postReview, upsertStickyComment, type InlineComment } from '../github/comments.js';
import { apiMessage, isPermissionDenied, statusOf } from '../github/errors.js';
import type { Repo } from '../github/pull-request.js';
import { fixedCommentBody, lineCommentBody, reopenedCommentBody } from '../report/review-comment.js';
import { planReview, type PlacedFinding } from '../report/review-plan.js';
import { stickyCommentBody, type Delivery, type RunReport } from '../report/summary.js';
import type { Logger } from '../util/logger.js';

/** At most this many earlier comments are edited (resolved or reopened) in one run: calls stay bounded. */
export const MAX_COMMENT_EDITS = 20;

export interface PullRequestTarget {
  repo: Repo;
  number: number;
  headSha: string;
}

/**
 * Guards writes to GitHub: the first permission refusal (a read-only token, as for a pull request from a
 * fork) is reported once, and every later write is skipped instead of failing again.
 */
export class WriteGuard {
  readOnly = false;
  constructor(private readonly delivery: Delivery, private readonly logger: Logger) {}

  /** Run a write; false when it was skipped or refused for permissions (other errors propagate). */
  async write(what: string, fn: () => Promise<void>): Promise<boolean> {
    if (this.readOnly) return false;
    try {
      await fn();
      return true;
    } catch (e) {
      if (!isPermissionDenied(e)) throw e;
      this.readOnly = true;
      const note = `The token cannot write to this pull request (${apiMessage(e)}), as happens for pull requests from forks: ${what} and later comments were skipped. The findings are in the annotations, this summary and the SARIF file.`;
      this.delivery.notes.push(note);
      this.logger.warning(note);
      return false;
    }
  }
}

/** Post the review, mark resolved comments, and keep the sticky summary comment current. Never throws. */
export async function reportToPullRequest(
  gh: GitHubClient,
  pr: PullRequestTarget,
  placed: PlacedFinding[],
  report: RunReport,
  rules: Rule[],
  texts: Map<string, string>,
  opts: { comment: 'review' | 'summary'; maxComments: number; lessonsFor?: (ruleId: string) => string[] },
  guard: WriteGuard,
  logger: Logger,
): Promise<void> {
  const delivery = report.delivery;
  let existing;
  try {
    existing = await listReviewComments(gh, pr.repo, pr.number);
  } catch (e) {
    delivery.notes.push(`Could not read the pull request's review comments (${apiMessage(e)}); no inline comment was posted, to avoid duplicates.`);
    existing = undefined;
  }
  const plan = planReview(placed, existing ?? [], opts.maxComments, opts.comment === 'review' && existing !== undefined);
  delivery.alreadyCommented = plan.alreadyCommented.length;
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  const lines = new Map<string, LineIndex>();
  const lineText = (f: Finding): string | undefined => {
    const text = texts.get(f.location.file);
    if (text === undefined) return undefined;
    let idx = lines.get(f.location.file);
    if (!idx) lines.set(f.location.file, (idx = new LineIndex(text)));
    return idx.lineText(f.location.line);
  };

  if (plan.inline.length > 0) {
    const comments: InlineComment[] = plan.inline.map((group) => ({ findings: group, body: lineCommentBody(group, byId, lineText(group[0]), opts.lessonsFor) }));
    const count = plan.inline.reduce((n, g) => n + g.length, 0);
    const body = `**azure-security-audit** found ${count} new finding${count === 1 ? '' : 's'} on lines this pull request changes.`;
    try {
      const outcome = await postWithRecovery(comments, (batch) => guard.write('the review', () => postReview(gh, pr.repo, pr.number, pr.headSha, body, batch)));
      delivery.inlinePosted = outcome.posted.reduce((n, c) => n + c.findings.length, 0);
      plan.overflow.push(...outcome.rejected.flatMap((c) => c.findings));
      if (outcome.refusedLines > 0) {
        delivery.notes.push(`GitHub refused ${outcome.refusedLines} inline comment${outcome.refusedLines === 1 ? '' : 's'} (the line was not part of the diff it knows); ${outcome.refusedLines === 1 ? 'it was' : 'they were'} moved to the summary comment.`);
        logger.warning(`GitHub refused ${outcome.refusedLines} review comment line(s); they were moved to the summary comment.`);
      }
    } catch (e) {
      plan.overflow.push(...plan.inline.flat());
      delivery.notes.push(`The review could not be posted (${apiMessage(e)}); its findings were moved to the summary comment.`);
      logger.warning(`Posting the review failed: ${apiMessage(e)}.`);
    }
  }

  let edits = 0;
  for (const c of plan.fixed) {
    if (edits >= MAX_COMMENT_EDITS) break;
    edits++;
    try {
      if (await guard.write('marking resolved comments', () => editReviewComment(gh, pr.repo, c.id, fixedCommentBody(c.body, pr.headSha)))) delivery.resolvedMarked++;
    } catch (e) {
      logger.warning(`Could not mark comment ${c.id} resolved: ${apiMessage(e)}.`);
    }
  }
  for (const { comment } of plan.reopened) {
    if (edits >= MAX_COMMENT_EDITS) break;
    edits++;
    try {
      await guard.write('reopening comments', () => editReviewComment(gh, pr.repo, comment.id, reopenedCommentBody(comment.body)));
    } catch (e) {
      logger.warning(`Could not reopen comment ${comment.id}: ${apiMessage(e)}.`);
    }
  }

  const body = stickyCommentBody(report, plan.overflow, delivery.resolvedMarked);
  const needed = plan.overflow.length > 0 || delivery.resolvedMarked > 0;
  try {
    let state: Delivery['stickyComment'] = 'not needed';
    const ok = await guard.write('the summary comment', async () => {
      state = await upsertStickyComment(gh, pr.repo, pr.number, body, needed);
    });
    delivery.stickyComment = ok ? state : 'failed';
  } catch (e) {
    delivery.stickyComment = 'failed';
    delivery.notes.push(`The summary comment could not be written (${apiMessage(e)}).`);
    logger.warning(`Writing the summary comment failed: ${apiMessage(e)}.`);
  }
}

/** At most this many extra review calls are spent finding the comments GitHub refuses. */
export const MAX_REVIEW_RETRIES = 8;

/**
 * Post comments as one review; when GitHub answers 422 (a comment line it will not resolve, which rejects
 * the whole review), split the batch and post the halves, so that only the refused comments are left out.
 * The extra calls are bounded; what is left over goes to the summary comment. A permission refusal (the
 * write guard returns false) leaves every comment over without further calls.
 */
export async function postWithRecovery(
  comments: InlineComment[],
  post: (batch: InlineComment[]) => Promise<boolean>,
): Promise<{ posted: InlineComment[]; rejected: InlineComment[]; refusedLines: number }> {
  const posted: InlineComment[] = [];
  const rejected: InlineComment[] = [];
  let refusedLines = 0;
  let budget = MAX_REVIEW_RETRIES;
  let blocked = false;
  const attempt = async (batch: InlineComment[], first: boolean): Promise<void> => {
    if (blocked || (!first && budget-- <= 0)) {
      rejected.push(...batch);
      return;
    }
    try {
      if (await post(batch)) posted.push(...batch);
      else {
        blocked = true;
        rejected.push(...batch);
      }
    } catch (e) {
      if (statusOf(e) !== 422) {
        if (first) throw e;
        rejected.push(...batch); // part of the review is already posted: keep the rest for the summary comment
        return;
      }
      if (batch.length === 1) {
        refusedLines++;
        rejected.push(...batch);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await attempt(batch.slice(0, half), false);
      await attempt(batch.slice(half), false);
    }
  };
  await attempt(comments, true);
  return { posted, rejected, refusedLines };
}
