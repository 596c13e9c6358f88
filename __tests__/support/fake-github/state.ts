/**
 * The fake's mutable world: repositories, pull requests with their files and head contents,
 * review comments, reviews, issue comments and SARIF uploads. Tests seed and inspect it directly.
 */
import { createHash } from 'node:crypto';
import { diffHunkText, resolveAnchor } from './diff-hunks.js';

/** A GitHub account as it appears in `user` fields. */
export interface GitHubUser {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

/** The account GitHub Actions' GITHUB_TOKEN acts as. */
export const ACTIONS_BOT: GitHubUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };

/** One changed file of a pull request, as the files API lists it. */
export interface PullRequestFileSeed {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** Omitted for binary or very large files, as GitHub does. */
  patch?: string;
  previous_filename?: string;
  additions: number;
  deletions: number;
  changes: number;
  /** Blob SHA of the new version; computed from `contents` when omitted. */
  sha?: string;
}

/** Everything needed to create a pull request in the fake. */
export interface PullRequestSeed {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
  headRef?: string;
  baseRef?: string;
  /** `owner/name` of the head repository; differs from the base for a fork. */
  headRepoFullName?: string;
  title?: string;
  body?: string;
  draft?: boolean;
  files: PullRequestFileSeed[];
  /** Text of files at the head commit, readable through contents and blobs. */
  contents?: Record<string, string>;
  /** Text of files at the base commit. */
  baseContents?: Record<string, string>;
}

/** A stored pull request. */
export interface PullRequest extends Required<Omit<PullRequestSeed, 'contents' | 'baseContents' | 'files'>> {
  id: number;
  files: Array<PullRequestFileSeed & { sha: string }>;
  createdAt: string;
}

/** A stored review comment (a comment on a line of the diff). */
export interface ReviewComment {
  id: number;
  owner: string;
  repo: string;
  pullNumber: number;
  reviewId: number | null;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  startLine: number | null;
  startSide: 'LEFT' | 'RIGHT' | null;
  position: number | null;
  diffHunk: string;
  body: string;
  commitId: string;
  user: GitHubUser;
  createdAt: string;
  updatedAt: string;
}

/** A stored pull request review. */
export interface Review {
  id: number;
  owner: string;
  repo: string;
  pullNumber: number;
  body: string;
  state: 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'PENDING';
  commitId: string;
  user: GitHubUser;
  submittedAt: string | null;
  commentIds: number[];
}

/** A stored issue (or pull request conversation) comment. */
export interface IssueComment {
  id: number;
  owner: string;
  repo: string;
  issueNumber: number;
  body: string;
  user: GitHubUser;
  createdAt: string;
  updatedAt: string;
}

/** A SARIF upload, decoded (base64 -> gunzip -> JSON). */
export interface SarifUpload {
  id: string;
  owner: string;
  repo: string;
  commitSha: string;
  ref: string;
  checkoutUri?: string;
  toolName?: string;
  sarif: unknown;
  /** Size of the gzip payload in bytes. */
  gzipBytes: number;
}

/** A repository and its settings. */
export interface Repository {
  owner: string;
  name: string;
  id: number;
  /** When false, SARIF uploads answer 403 as for a private repository without Advanced Security. */
  codeScanningEnabled: boolean;
  /** Commit SHA -> path -> text. */
  trees: Map<string, Map<string, string>>;
  /** Branch or tag name -> commit SHA. */
  refs: Map<string, string>;
  defaultBranch: string;
}

/** Git's blob SHA-1 of a text, so `sha` fields agree with what git would compute. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** GitHub's timestamp format: ISO 8601 without milliseconds. */
export function timestamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function key(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

/** The mutable state behind the fake server. */
export class FakeGitHubState {
  readonly repositories = new Map<string, Repository>();
  readonly pullRequests: PullRequest[] = [];
  readonly reviewComments: ReviewComment[] = [];
  readonly reviews: Review[] = [];
  readonly issueComments: IssueComment[] = [];
  readonly sarifUploads: SarifUpload[] = [];
  /** Blob SHA -> text, for git/blobs. */
  readonly blobs = new Map<string, string>();
  /** Whether repositories created from now on accept SARIF uploads. */
  codeScanningByDefault = true;
  private nextId = 1_000_001;

  /** A fresh numeric id, unique across all kinds of object. */
  newId(): number {
    return this.nextId++;
  }

  /** Creates (or returns) a repository; `codeScanningEnabled` defaults to true. */
  addRepository(owner: string, name: string, settings: { codeScanningEnabled?: boolean; defaultBranch?: string } = {}): Repository {
    const existing = this.repositories.get(key(owner, name));
    if (existing) {
      if (settings.codeScanningEnabled !== undefined) existing.codeScanningEnabled = settings.codeScanningEnabled;
      return existing;
    }
    const repository: Repository = {
      owner,
      name,
      id: this.newId(),
      codeScanningEnabled: settings.codeScanningEnabled ?? this.codeScanningByDefault,
      trees: new Map(),
      refs: new Map(),
      defaultBranch: settings.defaultBranch ?? 'main',
    };
    this.repositories.set(key(owner, name), repository);
    return repository;
  }

  /** Looks a repository up, case-insensitively like GitHub. */
  repository(owner: string, name: string): Repository | undefined {
    return this.repositories.get(key(owner, name));
  }

  /** Stores file texts under a commit (and optionally a ref name); returns nothing. */
  addCommit(owner: string, repo: string, sha: string, files: Record<string, string>, refName?: string): void {
    const repository = this.addRepository(owner, repo);
    const tree = repository.trees.get(sha) ?? new Map<string, string>();
    for (const [path, text] of Object.entries(files)) {
      tree.set(path, text);
      this.blobs.set(gitBlobSha(text), text);
    }
    repository.trees.set(sha, tree);
    if (refName) repository.refs.set(refName, sha);
  }

  /** Creates a pull request (replacing one with the same number). */
  addPullRequest(seed: PullRequestSeed): PullRequest {
    const repository = this.addRepository(seed.owner, seed.repo);
    const headRef = seed.headRef ?? `feature-${seed.number}`;
    const baseRef = seed.baseRef ?? repository.defaultBranch;
    this.addCommit(seed.owner, seed.repo, seed.headSha, seed.contents ?? {}, headRef);
    this.addCommit(seed.owner, seed.repo, seed.baseSha, seed.baseContents ?? {}, baseRef);
    const files = seed.files.map((file) => {
      const text = seed.contents?.[file.filename];
      const sha = file.sha ?? (text !== undefined ? gitBlobSha(text) : gitBlobSha(`${file.filename}\n${file.patch ?? ''}`));
      if (text !== undefined) this.blobs.set(sha, text);
      return { ...file, sha };
    });
    const pull: PullRequest = {
      owner: seed.owner,
      repo: seed.repo,
      number: seed.number,
      headSha: seed.headSha,
      baseSha: seed.baseSha,
      headRef,
      baseRef,
      headRepoFullName: seed.headRepoFullName ?? `${seed.owner}/${seed.repo}`,
      title: seed.title ?? `Pull request ${seed.number}`,
      body: seed.body ?? '',
      draft: seed.draft ?? false,
      id: this.newId(),
      files,
      createdAt: timestamp(),
    };
    const index = this.pullRequests.findIndex((p) => key(p.owner, p.repo) === key(seed.owner, seed.repo) && p.number === seed.number);
    if (index >= 0) this.pullRequests.splice(index, 1, pull);
    else this.pullRequests.push(pull);
    return pull;
  }

  /** Finds a pull request by repository and number. */
  pullRequest(owner: string, repo: string, number: number): PullRequest | undefined {
    return this.pullRequests.find((p) => key(p.owner, p.repo) === key(owner, repo) && p.number === number);
  }

  /** Seeds an issue comment, by default written by github-actions[bot] (e.g. left by an earlier run). */
  addIssueComment(seed: { owner: string; repo: string; issueNumber: number; body: string; user?: GitHubUser }): IssueComment {
    const now = timestamp();
    const comment: IssueComment = {
      id: this.newId(),
      owner: seed.owner,
      repo: seed.repo,
      issueNumber: seed.issueNumber,
      body: seed.body,
      user: seed.user ?? ACTIONS_BOT,
      createdAt: now,
      updatedAt: now,
    };
    this.issueComments.push(comment);
    return comment;
  }

  /** Seeds a review comment on a line of a pull request's diff, without validating the anchor. */
  addReviewComment(seed: {
    owner: string;
    repo: string;
    pullNumber: number;
    path: string;
    line: number;
    side?: 'LEFT' | 'RIGHT';
    startLine?: number;
    body: string;
    user?: GitHubUser;
    reviewId?: number;
  }): ReviewComment {
    const pull = this.pullRequest(seed.owner, seed.repo, seed.pullNumber);
    const file = pull?.files.find((f) => f.filename === seed.path);
    const anchor = resolveAnchor(file?.patch, { line: seed.line, side: seed.side ?? 'RIGHT' });
    const now = timestamp();
    const comment: ReviewComment = {
      id: this.newId(),
      owner: seed.owner,
      repo: seed.repo,
      pullNumber: seed.pullNumber,
      reviewId: seed.reviewId ?? null,
      path: seed.path,
      line: seed.line,
      side: seed.side ?? 'RIGHT',
      startLine: seed.startLine ?? null,
      startSide: seed.startLine !== undefined ? (seed.side ?? 'RIGHT') : null,
      position: anchor.ok ? anchor.position : null,
      diffHunk: anchor.ok ? diffHunkText(anchor.hunk, anchor.index) : '',
      body: seed.body,
      commitId: pull?.headSha ?? '0'.repeat(40),
      user: seed.user ?? ACTIONS_BOT,
      createdAt: now,
      updatedAt: now,
    };
    this.reviewComments.push(comment);
    return comment;
  }

  /** Review comments of one pull request, oldest first. */
  reviewCommentsOf(owner: string, repo: string, pullNumber: number): ReviewComment[] {
    return this.reviewComments.filter((c) => key(c.owner, c.repo) === key(owner, repo) && c.pullNumber === pullNumber);
  }

  /** Reviews of one pull request, oldest first. */
  reviewsOf(owner: string, repo: string, pullNumber: number): Review[] {
    return this.reviews.filter((r) => key(r.owner, r.repo) === key(owner, repo) && r.pullNumber === pullNumber);
  }

  /** Issue comments of one issue or pull request, oldest first. */
  issueCommentsOf(owner: string, repo: string, issueNumber: number): IssueComment[] {
    return this.issueComments.filter((c) => key(c.owner, c.repo) === key(owner, repo) && c.issueNumber === issueNumber);
  }

  /** Whether a comment belongs to a repository (ids are global, as on GitHub). */
  inRepository(item: { owner: string; repo: string }, owner: string, repo: string): boolean {
    return key(item.owner, item.repo) === key(owner, repo);
  }
}
