/**
 * Turns stored objects into the JSON GitHub answers with (the fields clients commonly read,
 * with GitHub's names and types).
 */
import type { GitHubUser, IssueComment, PullRequest, PullRequestFileSeed, Repository, Review, ReviewComment } from './state.js';

type JsonObject = Record<string, unknown>;

const HTML = 'https://github.com';

/** A `user` object. */
export function renderUser(api: string, user: GitHubUser): JsonObject {
  const isBot = user.type === 'Bot';
  const slug = user.login.replace(/\[bot\]$/, '');
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:${isBot ? 'Bot' : 'User'}${user.id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/${isBot ? 'in/15368' : `u/${user.id}`}?v=4`,
    gravatar_id: '',
    url: `${api}/users/${encodeURIComponent(user.login)}`,
    html_url: isBot ? `${HTML}/apps/${slug}` : `${HTML}/${user.login}`,
    type: user.type,
    site_admin: false,
  };
}

function ownerUser(login: string): GitHubUser {
  return { login, id: 1000 + [...login].reduce((sum, ch) => sum + ch.charCodeAt(0), 0), type: 'User' };
}

/** A minimal `repository` object. */
export function renderRepository(api: string, fullName: string, id: number): JsonObject {
  const [owner, name] = fullName.split('/');
  return {
    id,
    node_id: Buffer.from(`010:Repository${id}`).toString('base64'),
    name,
    full_name: fullName,
    private: false,
    owner: renderUser(api, ownerUser(owner)),
    html_url: `${HTML}/${fullName}`,
    url: `${api}/repos/${fullName}`,
    fork: false,
    default_branch: 'main',
  };
}

/** A pull request as `pulls/get` answers. */
export function renderPullRequest(api: string, repository: Repository, pull: PullRequest): JsonObject {
  const full = `${repository.owner}/${repository.name}`;
  const base = `${api}/repos/${full}`;
  const headRepo = renderRepository(api, pull.headRepoFullName, pull.headRepoFullName.toLowerCase() === full.toLowerCase() ? repository.id : repository.id + 1);
  if (pull.headRepoFullName.toLowerCase() !== full.toLowerCase()) headRepo.fork = true;
  const sum = (field: 'additions' | 'deletions') => pull.files.reduce((total, f) => total + f[field], 0);
  return {
    url: `${base}/pulls/${pull.number}`,
    id: pull.id,
    node_id: Buffer.from(`011:PullRequest${pull.id}`).toString('base64'),
    html_url: `${HTML}/${full}/pull/${pull.number}`,
    diff_url: `${HTML}/${full}/pull/${pull.number}.diff`,
    patch_url: `${HTML}/${full}/pull/${pull.number}.patch`,
    issue_url: `${base}/issues/${pull.number}`,
    commits_url: `${base}/pulls/${pull.number}/commits`,
    review_comments_url: `${base}/pulls/${pull.number}/comments`,
    comments_url: `${base}/issues/${pull.number}/comments`,
    statuses_url: `${base}/statuses/${pull.headSha}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title,
    user: renderUser(api, ownerUser(pull.headRepoFullName.split('/')[0])),
    body: pull.body || null,
    labels: [],
    created_at: pull.createdAt,
    updated_at: pull.createdAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    draft: pull.draft,
    head: {
      label: `${pull.headRepoFullName.split('/')[0]}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: renderUser(api, ownerUser(pull.headRepoFullName.split('/')[0])),
      repo: headRepo,
    },
    base: {
      label: `${repository.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      user: renderUser(api, ownerUser(repository.owner)),
      repo: renderRepository(api, full, repository.id),
    },
    author_association: 'CONTRIBUTOR',
    merged: false,
    mergeable: true,
    mergeable_state: 'clean',
    comments: 0,
    review_comments: 0,
    commits: 1,
    additions: sum('additions'),
    deletions: sum('deletions'),
    changed_files: pull.files.length,
  };
}

/** One entry of `pulls/list-files`. */
export function renderFile(api: string, repository: Repository, pull: PullRequest, file: PullRequestFileSeed & { sha: string }): JsonObject {
  const full = `${repository.owner}/${repository.name}`;
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  const out: JsonObject = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    blob_url: `${HTML}/${full}/blob/${pull.headSha}/${path}`,
    raw_url: `${HTML}/${full}/raw/${pull.headSha}/${path}`,
    contents_url: `${api}/repos/${full}/contents/${path}?ref=${pull.headSha}`,
  };
  if (file.patch !== undefined) out.patch = file.patch;
  if (file.previous_filename !== undefined) out.previous_filename = file.previous_filename;
  return out;
}

/** A review comment as `pulls/list-review-comments` answers. */
export function renderReviewComment(api: string, comment: ReviewComment): JsonObject {
  const full = `${comment.owner}/${comment.repo}`;
  const url = `${api}/repos/${full}/pulls/comments/${comment.id}`;
  const html = `${HTML}/${full}/pull/${comment.pullNumber}#discussion_r${comment.id}`;
  const pullUrl = `${api}/repos/${full}/pulls/${comment.pullNumber}`;
  return {
    url,
    pull_request_review_id: comment.reviewId,
    id: comment.id,
    node_id: Buffer.from(`024:PullRequestReviewComment${comment.id}`).toString('base64'),
    diff_hunk: comment.diffHunk,
    path: comment.path,
    position: comment.position,
    original_position: comment.position,
    commit_id: comment.commitId,
    original_commit_id: comment.commitId,
    user: renderUser(api, comment.user),
    body: comment.body,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    reactions: emptyReactions(url),
    start_line: comment.startLine,
    original_start_line: comment.startLine,
    start_side: comment.startSide,
    line: comment.line,
    original_line: comment.line,
    side: comment.side,
    subject_type: 'line',
  };
}

/** A review as `pulls/create-review` answers. */
export function renderReview(api: string, review: Review): JsonObject {
  const full = `${review.owner}/${review.repo}`;
  const html = `${HTML}/${full}/pull/${review.pullNumber}#pullrequestreview-${review.id}`;
  const pullUrl = `${api}/repos/${full}/pulls/${review.pullNumber}`;
  const out: JsonObject = {
    id: review.id,
    node_id: Buffer.from(`017:PullRequestReview${review.id}`).toString('base64'),
    user: renderUser(api, review.user),
    body: review.body,
    state: review.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: 'NONE',
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    commit_id: review.commitId,
  };
  if (review.submittedAt) out.submitted_at = review.submittedAt;
  return out;
}

/** An issue comment as `issues/list-comments` answers. */
export function renderIssueComment(api: string, comment: IssueComment): JsonObject {
  const full = `${comment.owner}/${comment.repo}`;
  const url = `${api}/repos/${full}/issues/comments/${comment.id}`;
  return {
    url,
    html_url: `${HTML}/${full}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${full}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
    user: renderUser(api, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
    body: comment.body,
    reactions: emptyReactions(url),
    performed_via_github_app: comment.user.type === 'Bot' ? { id: 15368, slug: 'github-actions', name: 'GitHub Actions' } : null,
  };
}

function emptyReactions(url: string): JsonObject {
  return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0 };
}

/** Base64 as GitHub sends file contents: wrapped at 60 characters with `\n`. */
export function wrappedBase64(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return (b64.match(/.{1,60}/g) ?? []).join('\n') + '\n';
}
