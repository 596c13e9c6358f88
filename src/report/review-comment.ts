import type { Rule } from '../engine/rule.js';
import type { Finding } from '../model/finding.js';
import { TOOL_NAME, ruleHelpUri } from '../version.js';
import { escapeMarkdown, fenced } from './markdown.js';
import { severityIcon } from './severity.js';

const MARKER = /<!-- azure-security-audit:fp=([0-9a-f]{16,64}) state=(open|fixed) -->/;
const MARKERS = new RegExp(MARKER.source, 'g');

/** The hidden marker that ties a comment to a finding across runs. */
export function marker(fingerprint: string, state: 'open' | 'fixed'): string {
  return `<!-- ${TOOL_NAME}:fp=${fingerprint} state=${state} -->`;
}

/** The fingerprint and state of one of our comments, or undefined for anybody else's. */
export function readMarker(body: string): { fingerprint: string; state: 'open' | 'fixed' } | undefined {
  return readMarkers(body)[0];
}

/** Every finding a comment of ours speaks for (a comment may group the findings of one line). */
export function readMarkers(body: string): { fingerprint: string; state: 'open' | 'fixed' }[] {
  return [...body.matchAll(MARKERS)].map((m) => ({ fingerprint: m[1], state: m[2] as 'open' | 'fixed' }));
}

/** A compact one-line heading for a finding: icon, severity, rule id and title. */
export function findingHeading(f: Finding): string {
  return `${severityIcon(f.severity)} **${f.severity}** · \`${f.ruleId}\` · ${escapeMarkdown(f.title)}`;
}

/**
 * The body of an inline review comment: what is wrong, why it matters, how to fix it (a GitHub suggestion
 * when the fix is a safe one-line edit), and the hidden marker. `lineText` is the commented line's text.
 */
export function inlineCommentBody(f: Finding, rule: Rule | undefined, lineText: string | undefined, lessons: string[] = []): string {
  const parts = [findingHeading(f), escapeMarkdown(f.message)];
  if (rule) {
    parts.push(`**Why it matters:** ${rule.meta.why}`);
    parts.push(`**How to fix:** ${rule.meta.remediation.summary}`);
  }
  if (f.fix && lineText !== undefined && f.fix.location.line === f.location.line) {
    const { column, endColumn } = f.fix.location;
    const fixed = lineText.slice(0, column - 1) + f.fix.replacement + lineText.slice(endColumn - 1);
    parts.push(fenced(fixed, 'suggestion'));
  }
  for (const lesson of lessons) parts.push(`**Project lesson:** ${escapeMarkdown(lesson)}`);
  parts.push(`<sub>${TOOL_NAME} · [${f.ruleId} help](${ruleHelpUri(f.ruleId)})</sub>`);
  parts.push(marker(f.fingerprint, 'open'));
  return parts.join('\n\n');
}

/**
 * The body of one inline comment for the findings on one line: a single finding reads as above; several
 * are listed together (most severe first), each with its own marker, so that a line gets one comment.
 */
export function lineCommentBody(findings: Finding[], rules: Map<string, Rule>, lineText: string | undefined, lessonsFor: (ruleId: string) => string[] = () => []): string {
  if (findings.length === 1) return inlineCommentBody(findings[0], rules.get(findings[0].ruleId), lineText, lessonsFor(findings[0].ruleId));
  const parts = [`**${findings.length} findings on this line**`];
  const withFix = findings.filter((f) => f.fix && f.fix.location.line === f.location.line);
  for (const f of findings) {
    const rule = rules.get(f.ruleId);
    parts.push(`${findingHeading(f)}\n\n${escapeMarkdown(f.message)}${rule ? `\n\n**How to fix:** ${rule.meta.remediation.summary}` : ''}`);
    for (const lesson of lessonsFor(f.ruleId)) parts.push(`**Project lesson (${f.ruleId}):** ${escapeMarkdown(lesson)}`);
  }
  // One suggestion at most: two edits of one line cannot both be applied.
  if (withFix.length === 1 && lineText !== undefined) {
    const { column, endColumn } = withFix[0].fix!.location;
    parts.push(fenced(lineText.slice(0, column - 1) + withFix[0].fix!.replacement + lineText.slice(endColumn - 1), 'suggestion'));
  }
  parts.push(`<sub>${TOOL_NAME} · ${findings.map((f) => `[${f.ruleId}](${ruleHelpUri(f.ruleId)})`).join(' · ')}</sub>`);
  parts.push(findings.map((f) => marker(f.fingerprint, 'open')).join('\n'));
  return parts.join('\n\n');
}

/** The body of a comment whose findings are all gone: folded away, with its markers switched to fixed. */
export function fixedCommentBody(previous: string, sha: string): string {
  const markers = readMarkers(previous);
  const content = previous.replace(MARKERS, '').trimEnd();
  const note = `✅ **Resolved** — ${markers.length === 1 ? 'this finding is' : 'these findings are'} no longer reported as of ${sha.slice(0, 12).replace(/[^0-9a-f]/gi, '')}.`;
  return `${note}\n\n<details><summary>Original finding${markers.length === 1 ? '' : 's'}</summary>\n\n${content}\n\n</details>\n\n${markers.map((m) => marker(m.fingerprint, 'fixed')).join('\n')}`;
}

/** The body of a comment whose finding came back after it was marked resolved. */
export function reopenedCommentBody(previous: string): string {
  const inner = /<details><summary>Original findings?<\/summary>\n\n([\s\S]*)\n\n<\/details>/.exec(previous)?.[1] ?? previous.replace(MARKERS, '');
  return `${inner.trimEnd()}\n\n${readMarkers(previous).map((m) => marker(m.fingerprint, 'open')).join('\n')}`;
}
