import type { Finding } from '../model/finding.js';
import { placeOf, inScope, type ChangeSet, type Place, type Scope } from '../diff/classify.js';
import { readMarkers } from './review-comment.js';

/** One of the review comments already on the pull request. */
export interface ExistingComment {
  id: number;
  body: string;
  /** Only comments written by a bot are trusted to be ours; anyone can paste a marker. */
  fromBot: boolean;
}

export interface PlacedFinding {
  finding: Finding;
  place: Place;
  inScope: boolean;
}

export interface ReviewPlan {
  /** New inline comments to post in one review: the findings of one line each, most severe first. */
  inline: Finding[][];
  /** In-scope findings that already have an open comment. */
  alreadyCommented: Finding[];
  /** In-scope findings that cannot be inline (outside the diff, or over max-comments): the sticky comment. */
  overflow: Finding[];
  /** Our comments whose findings are all gone: mark them resolved. */
  fixed: ExistingComment[];
  /** Our comments marked resolved whose finding is back: reopen them. */
  reopened: { comment: ExistingComment; finding: Finding }[];
}

/** Classify every finding against the change. */
export function placeFindings(findings: Finding[], changes: ChangeSet | undefined, scope: Scope): PlacedFinding[] {
  return findings.map((finding) => {
    const place = placeOf(finding, changes);
    return { finding, place, inScope: !finding.suppression && inScope(place, scope) };
  });
}

/** Can GitHub take an inline comment on this finding's line? */
function inlineable(p: PlacedFinding): boolean {
  return p.place === 'added' || p.place === 'in-diff';
}

/**
 * Decide what to post: inline comments for in-scope findings on diff lines not yet commented (most severe
 * first, at most `maxComments`), the rest of the in-scope findings for the sticky comment, and which of our
 * earlier comments to mark resolved or reopen. Pure: posting is another step.
 */
export function planReview(placed: PlacedFinding[], existing: ExistingComment[], maxComments: number, inlineAllowed: boolean): ReviewPlan {
  const ours = new Map<string, { comment: ExistingComment; state: 'open' | 'fixed' }>();
  const trusted = existing.filter((c) => c.fromBot);
  for (const c of trusted) {
    for (const m of readMarkers(c.body)) if (!ours.has(m.fingerprint)) ours.set(m.fingerprint, { comment: c, state: m.state });
  }
  const plan: ReviewPlan = { inline: [], alreadyCommented: [], overflow: [], fixed: [], reopened: [] };
  const lines = new Map<string, Finding[]>();
  for (const p of placed) {
    if (!p.inScope) continue;
    const prior = ours.get(p.finding.fingerprint);
    if (prior) {
      plan.alreadyCommented.push(p.finding);
      if (prior.state === 'fixed' && !plan.reopened.some((r) => r.comment === prior.comment)) plan.reopened.push({ comment: prior.comment, finding: p.finding });
    } else if (inlineAllowed && inlineable(p)) {
      const key = `${p.finding.location.file}\u0000${p.finding.location.line}`;
      const group = lines.get(key);
      if (group) group.push(p.finding);
      else lines.set(key, [p.finding]);
    } else plan.overflow.push(p.finding);
  }
  const rank = (f: Finding): number => ({ CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 })[f.severity];
  const groups = [...lines.values()].map((g) => g.sort((a, b) => rank(a) - rank(b)));
  const ordered = [...groups].sort((a, b) => rank(a[0]) - rank(b[0]));
  const chosen = new Set(ordered.slice(0, Math.max(0, maxComments)));
  for (const g of groups) {
    if (chosen.has(g)) plan.inline.push(g);
    else plan.overflow.push(...g);
  }
  // A comment is resolved when none of the findings it speaks for is reported any more.
  const present = new Set(placed.map((p) => p.finding.fingerprint));
  for (const c of trusted) {
    const markers = readMarkers(c.body);
    if (markers.length > 0 && markers.every((m) => m.state === 'open') && markers.every((m) => !present.has(m.fingerprint))) plan.fixed.push(c);
  }
  return plan;
}
