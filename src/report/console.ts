import type { Diagnostic } from '../model/diagnostic.js';
import type { Finding } from '../model/finding.js';
import { SEVERITIES } from '../model/finding.js';
import { countBySeverity } from './verdict.js';

const COLOURS = { CRITICAL: '\x1b[1;31m', HIGH: '\x1b[31m', MEDIUM: '\x1b[33m', LOW: '\x1b[36m', dim: '\x1b[2m', reset: '\x1b[0m' };

/** Strip control characters from untrusted text so it cannot move the cursor or recolour a terminal. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

/** Findings and diagnostics as terminal lines: `file:line:col  SEVERITY  RULE  message`; colours only when asked. */
export function formatText(findings: Finding[], diagnostics: Diagnostic[], colour: boolean, scanned: number): string {
  const c = (k: keyof typeof COLOURS, s: string): string => (colour ? `${COLOURS[k]}${s}${COLOURS.reset}` : s);
  const lines: string[] = [];
  for (const f of findings) {
    const where = `${clean(f.location.file)}:${f.location.line}:${f.location.column}`;
    const tag = f.suppression ? c('dim', ' (suppressed)') : '';
    lines.push(`${where}  ${c(f.severity, f.severity.padEnd(8))}  ${f.ruleId}  ${clean(f.message)}${tag}`);
  }
  for (const d of diagnostics) {
    lines.push(c('dim', `${clean(d.location.file)}:${d.location.line}:${d.location.column}  ${d.severity.toUpperCase().padEnd(8)}  ${d.code}  ${clean(d.message)}`));
  }
  const counts = countBySeverity(findings);
  const total = findings.filter((f) => !f.suppression).length;
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s.toLowerCase()}`);
  lines.push(`${total === 0 ? 'No findings' : `${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')})`} in ${scanned} file${scanned === 1 ? '' : 's'}.`);
  // Run inside a workflow, a line starting with `::` would be read as a command: no line may start so.
  return lines.map((l) => (l.startsWith('::') ? `:\u200b${l.slice(1)}` : l)).join('\n') + '\n';
}

/** The CLI's JSON report: findings and diagnostics with plain locations. */
export function formatJson(findings: Finding[], diagnostics: Diagnostic[]): string {
  return (
    JSON.stringify(
      {
        findings: findings.map((f) => ({
          ruleId: f.ruleId,
          severity: f.severity,
          file: f.location.file,
          line: f.location.line,
          column: f.location.column,
          endLine: f.location.endLine,
          endColumn: f.location.endColumn,
          message: f.message,
          title: f.title,
          fingerprint: f.fingerprint,
          ...(f.suppression ? { suppressed: f.suppression.justification } : {}),
        })),
        diagnostics: diagnostics.map((d) => ({ file: d.location.file, line: d.location.line, column: d.location.column, message: d.message, code: d.code, severity: d.severity })),
      },
      null,
      2,
    ) + '\n'
  );
}
