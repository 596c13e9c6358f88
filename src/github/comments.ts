import type { Finding } from '../model/finding.js';
import type { ExistingComment } from '../report/review-plan.js';
import { STICKY_MARKER } from '../report/summary.js';
import type { GitHubClient } from './client.js';
import type { Repo } from './pull-request.js';

/** Our earlier review comments (and everybody's: the plan trusts only bots' markers). */
export async function listReviewComments(gh: GitHubClient, repo: Repo, pullNumber: number): Promise<ExistingComment[]> {
  const comments = await gh.paginate(gh.rest.pulls.listReviewComments, { ...repo, pull_number: pullNumber, per_page: 100 });
  return comments.map((c) => ({ id: c.id, body: c.body ?? '', fromBot: c.user?.type === 'Bot' }));
}

export interface InlineComment {
  /** The findings of one line (the first gives the place). */
  findings: Finding[];
  body: string;
}

/** Post every inline comment in one review (event COMMENT) on the RIGHT side of the diff. */
export async function postReview(gh: GitHubClient, repo: Repo, pullNumber: number, commitId: string, body: string, comments: InlineComment[]): Promise<void> {
  await gh.rest.pulls.createReview({
    ...repo,
    pull_number: pullNumber,
    commit_id: commitId,
    event: 'COMMENT',
    body,
    comments: comments.map((c) => ({ path: c.findings[0].location.file, line: c.findings[0].location.line, side: 'RIGHT' as const, body: c.body })),
  });
}

/** Replace the body of one of our review comments. */
export async function editReviewComment(gh: GitHubClient, repo: Repo, commentId: number, body: string): Promise<void> {
  await gh.rest.pulls.updateReviewComment({ ...repo, comment_id: commentId, body });
}

/** Create or edit in place the one sticky summary comment; 'not needed' when there is none and nothing to say. */
export async function upsertStickyComment(
  gh: GitHubClient,
  repo: Repo,
  pullNumber: number,
  body: string,
  needed: boolean,
): Promise<'created' | 'updated' | 'unchanged' | 'not needed'> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: pullNumber, per_page: 100 });
  const ours = comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').startsWith(STICKY_MARKER));
  if (ours) {
    if (ours.body === body) return 'unchanged';
    await gh.rest.issues.updateComment({ ...repo, comment_id: ours.id, body });
    return 'updated';
  }
  if (!needed) return 'not needed';
  await gh.rest.issues.createComment({ ...repo, issue_number: pullNumber, body });
  return 'created';
}
