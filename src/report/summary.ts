import type { Rule } from '../engine/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { SEVERITIES, type Finding } from '../model/finding.js';
import { TOOL_NAME } from '../version.js';
import { CHECKLIST, type ChecklistItem } from './checklist.js';
import { escapeMarkdown, truncateMarkdown } from './markdown.js';
import { findingHeading } from './review-comment.js';
import type { PlacedFinding } from './review-plan.js';
import { severityIcon } from './severity.js';
import { countBySeverity, type FailOn, type Verdict } from './verdict.js';
import type { Scope } from '../diff/classify.js';

/** What happened to the findings on their way out: filled in by the reporters, shown in the job summary. */
export interface Delivery {
  inlinePosted: number;
  alreadyCommented: number;
  resolvedMarked: number;
  stickyComment: 'created' | 'updated' | 'unchanged' | 'not needed' | 'failed' | 'off';
  sarifUpload: 'uploaded' | 'off' | 'failed' | 'not for this event';
  sarifFile?: string;
  annotations: number;
  annotationsOmitted: number;
  /** Sentences for the reader: what failed and why (a read-only token, a refused comment...). */
  notes: string[];
}

export interface RunReport {
  placed: PlacedFinding[];
  diagnostics: Diagnostic[];
  rules: Rule[];
  verdict: Verdict;
  failOn: FailOn;
  scope: Scope;
  /** Files read by a front end. */
  scannedFiles: number;
  /** ARM types (lower case) of the resources seen, to tell "passed" from "not applicable". */
  typesPresent: Set<string>;
  /** Free-text project lessons (LESSONS.md). */
  lessons?: string[];
  delivery: Delivery;
  /** A pull request run (findings are classed new or existing) or a full scan. */
  pullRequest: boolean;
}

/** GitHub's limit for an issue or review comment body. */
export const MAX_COMMENT_CHARS = 65_536;
/** GitHub's limit for one step's job summary is 1 MiB; stay well inside it. */
export const MAX_SUMMARY_CHARS = 900_000;

export const STICKY_MARKER = `<!-- ${TOOL_NAME}:summary -->`;

function isNew(p: PlacedFinding): boolean {
  return (p.place === 'added' || p.place === 'unpatched') && !p.finding.baseline;
}

export type ChecklistStatus = 'passed' | 'failed' | 'not applicable' | 'review by hand';

/** Each checklist item's status: failed when a rule behind it has an unsuppressed finding; passed when its rules had something to check. */
export function checklistStatus(report: Pick<RunReport, 'placed' | 'rules' | 'typesPresent'>): { item: ChecklistItem; status: ChecklistStatus; rules: string[] }[] {
  const failedRules = new Set(report.placed.filter((p) => !p.finding.suppression).map((p) => p.finding.ruleId));
  return CHECKLIST.map((item) => {
    const rules = report.rules.filter((r) => r.meta.checklist.includes(item.id));
    // Items no rule can decide from templates (a rotation schedule, a runbook) are left to people.
    let status: ChecklistStatus = rules.length === 0 ? 'review by hand' : 'not applicable';
    if (rules.some((r) => failedRules.has(r.meta.id))) status = 'failed';
    else if (rules.some((r) => r.check.resource.some((t) => report.typesPresent.has(t.toLowerCase())))) status = 'passed';
    return { item, status, rules: rules.map((r) => r.meta.id) };
  });
}

function location(f: Finding): string {
  return `${escapeMarkdown(f.location.file)}:${f.location.line}`;
}

function findingRow(f: Finding, status: string): string {
  return `| ${severityIcon(f.severity)} ${f.severity} | \`${f.ruleId}\` | ${location(f)} | ${escapeMarkdown(f.message)} | ${status} |`;
}

function statusOf(p: PlacedFinding, pullRequest: boolean): string {
  if (p.finding.suppression) return `suppressed: ${escapeMarkdown(p.finding.suppression.justification)}`;
  if (p.finding.baseline) return 'baseline';
  if (!pullRequest) return 'found';
  return isNew(p) ? 'new' : p.inScope ? 'in scope' : 'existing';
}

/** The job summary (markdown): verdict, counts, new versus existing, where things were posted, the checklist, findings. */
export function jobSummaryMarkdown(r: RunReport): string {
  const all = r.placed.map((p) => p.finding);
  const active = r.placed.filter((p) => !p.finding.suppression);
  const counts = countBySeverity(all);
  const fresh = countBySeverity(active.filter(isNew).map((p) => p.finding));
  const suppressed = r.placed.length - active.length;
  const out: string[] = [];
  out.push(`## ${r.verdict.result === 'fail' ? '❌' : '✅'} Azure security audit: ${r.verdict.result === 'fail' ? 'failed' : 'passed'}`);
  out.push(`${escapeMarkdown(r.verdict.message)} Fail-on: **${r.failOn}**, scope: **${r.scope}**. ${r.scannedFiles} file${r.scannedFiles === 1 ? '' : 's'} scanned with ${r.rules.length} rules.`);
  out.push('| Severity | Findings | New in this change | Existing |\n|---|---:|---:|---:|');
  out[out.length - 1] += '\n' + SEVERITIES.map((s) => `| ${severityIcon(s)} ${s} | ${counts[s]} | ${r.pullRequest ? fresh[s] : '–'} | ${r.pullRequest ? counts[s] - fresh[s] : '–'} |`).join('\n');
  if (suppressed > 0) out.push(`${suppressed} finding${suppressed === 1 ? ' is' : 's are'} suppressed (listed below with the reason).`);

  const d = r.delivery;
  const posted = [
    `Inline review comments: ${d.inlinePosted} new, ${d.alreadyCommented} already on the pull request, ${d.resolvedMarked} marked resolved.`,
    `Summary comment: ${d.stickyComment}.`,
    `Code scanning (SARIF): ${d.sarifUpload}${d.sarifFile ? `; file ${escapeMarkdown(d.sarifFile)}` : ''}.`,
    `Annotations: ${d.annotations}${d.annotationsOmitted > 0 ? `; ${d.annotationsOmitted} more left out (GitHub shows about 10 of each level per step)` : ''}.`,
  ];
  out.push('### Where the findings went\n' + posted.map((l) => `- ${l}`).join('\n'));
  if (d.notes.length > 0) out.push('### Notes\n' + d.notes.map((n) => `- ${escapeMarkdown(n)}`).join('\n'));

  out.push('### Pre-deployment security checklist');
  const icon = { passed: '✅', failed: '❌', 'not applicable': '➖', 'review by hand': '📝' };
  let section = '';
  const rows: string[] = [];
  for (const { item, status, rules } of checklistStatus(r)) {
    if (item.section !== section) {
      section = item.section;
      rows.push(`| **${section}** | | |`);
    }
    rows.push(`| ${icon[status]} ${item.text} | ${status} | ${rules.map((id) => `\`${id}\``).join(' ') || '—'} |`);
  }
  out.push('| Item | Status | Rules |\n|---|---|---|\n' + rows.join('\n'));

  if (r.lessons && r.lessons.length > 0) out.push('### Project lessons (LESSONS.md)\n' + r.lessons.map((l) => `- ${escapeMarkdown(l)}`).join('\n'));

  if (r.placed.length > 0) {
    const ordered = [...r.placed].sort((a, b) => Number(b.inScope) - Number(a.inScope));
    out.push('### Findings\n| Severity | Rule | Location | Message | Status |\n|---|---|---|---|---|\n' + ordered.map((p) => findingRow(p.finding, statusOf(p, r.pullRequest))).join('\n'));
  }
  if (r.diagnostics.length > 0) {
    out.push(
      '### Files that could not be read completely\n' +
        r.diagnostics.map((x) => `- ${escapeMarkdown(x.location.file)}:${x.location.line}:${x.location.column} ${escapeMarkdown(x.message)}`).join('\n'),
    );
  }
  return truncateMarkdown(out.join('\n\n'), MAX_SUMMARY_CHARS, '_The summary was cut here: the SARIF file has every finding._');
}

/** The sticky pull-request comment: one per pull request, edited in place on every run. */
export function stickyCommentBody(r: RunReport, overflow: Finding[], resolved: number): string {
  const out: string[] = [STICKY_MARKER];
  const inScope = r.placed.filter((p) => p.inScope);
  out.push(`### ${r.verdict.result === 'fail' ? '❌' : '✅'} Azure security audit`);
  out.push(escapeMarkdown(r.verdict.message));
  const counts = countBySeverity(inScope.map((p) => p.finding));
  out.push(`In scope (${r.scope}): ${SEVERITIES.map((s) => `${severityIcon(s)} ${counts[s]} ${s}`).join(' · ')}`);
  if (overflow.length > 0) {
    out.push(`#### Findings that could not be posted inline (${overflow.length})`);
    out.push(overflow.map((f) => `- ${findingHeading(f)} — ${location(f)}\n  ${escapeMarkdown(f.message)}`).join('\n'));
  } else if (inScope.length === 0) {
    out.push('No finding in scope for this change.');
  }
  if (resolved > 0) out.push(`${resolved} earlier finding${resolved === 1 ? ' was' : 's were'} resolved by this change.`);
  out.push(`<sub>Updated for every push. The full list is in the job summary and in code scanning.</sub>`);
  return truncateMarkdown(out.join('\n\n'), MAX_COMMENT_CHARS - 200, '_This comment was cut to fit GitHub’s size limit: see the job summary for every finding._');
}
