import type { Severity } from '../model/finding.js';

/** SARIF level of a severity. */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'CRITICAL' || s === 'HIGH' ? 'error' : s === 'MEDIUM' ? 'warning' : 'note';
}

/** GitHub's security-severity score (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9). */
export function securitySeverity(s: Severity): string {
  return { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '3.0' }[s];
}

/** A coloured marker for markdown. */
export function severityIcon(s: Severity): string {
  return { CRITICAL: '🔴', HIGH: '🟠', MEDIUM: '🟡', LOW: '🔵' }[s];
}
