import type { Rule } from '../engine/rule.js';
import type { Finding } from '../model/finding.js';
import { TOOL_NAME, ruleHelpUri } from '../version.js';
import { escapeMarkdown, fenced } from './markdown.js';
import { severityIcon } from './severity.js';

const MARKER = /<!-- azure-security-audit:fp=([0-9a-f]{16,64}) state=(open|fixed) -->/;

/** The hidden marker that ties a comment to a finding across runs. */
export function marker(fingerprint: string, state: 'open' | 'fixed'): string {
  return `<!-- ${TOOL_NAME}:fp=${fingerprint} state=${state} -->`;
}

/** The fingerprint and state of one of our comments, or undefined for anybody else's. */
export function readMarker(body: string): { fingerprint: string; state: 'open' | 'fixed' } | undefined {
  const m = MARKER.exec(body);
  return m ? { fingerprint: m[1], state: m[2] as 'open' | 'fixed' } : undefined;
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

/** The body of a comment whose finding is gone: struck through, with the marker switched to fixed. */
export function fixedCommentBody(previous: string, fingerprint: string, sha: string): string {
  const withoutMarker = previous.replace(MARKER, '').trimEnd();
  const note = `✅ **Resolved** — this finding is no longer reported as of ${sha.slice(0, 12).replace(/[^0-9a-f]/gi, '')}.`;
  return `${note}\n\n<details><summary>Original finding</summary>\n\n${withoutMarker}\n\n</details>\n\n${marker(fingerprint, 'fixed')}`;
}

/** The body of a comment whose finding came back after it was marked resolved. */
export function reopenedCommentBody(previous: string, fingerprint: string): string {
  const inner = /<details><summary>Original finding<\/summary>\n\n([\s\S]*)\n\n<\/details>/.exec(previous)?.[1] ?? previous.replace(MARKER, '');
  return `${inner.trimEnd()}\n\n${marker(fingerprint, 'open')}`;
}
