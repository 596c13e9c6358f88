import type { Finding, Severity } from '../model/finding.js';
import { SEVERITIES, severityRank } from '../model/finding.js';
import type { PlacedFinding } from './review-plan.js';

export type FailOn = 'critical' | 'high' | 'medium' | 'low' | 'none';

export type Counts = Record<Severity, number>;

/** Findings per severity (suppressed ones are not counted). */
export function countBySeverity(findings: Finding[]): Counts {
  const counts: Counts = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const f of findings) if (!f.suppression) counts[f.severity]++;
  return counts;
}

/** Does a severity reach the fail-on threshold? */
export function atOrAbove(s: Severity, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  return severityRank(s) >= severityRank(failOn.toUpperCase() as Severity);
}

export interface Verdict {
  result: 'pass' | 'fail';
  /** The in-scope findings at or above fail-on. */
  failing: Finding[];
  /** One sentence for the step's failure message or the CLI. */
  message: string;
}

/** The verdict: fail when an unsuppressed, not-baselined finding in scope is at or above fail-on. */
export function decideVerdict(placed: PlacedFinding[], failOn: FailOn): Verdict {
  const failing = placed.filter((p) => p.inScope && !p.finding.baseline && atOrAbove(p.finding.severity, failOn)).map((p) => p.finding);
  if (failing.length === 0) return { result: 'pass', failing, message: 'No finding in scope reaches the fail-on level.' };
  const counts = countBySeverity(failing);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return {
    result: 'fail',
    failing,
    message: `azure-security-audit found ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn.toUpperCase()} (${parts.join(', ')}).`,
  };
}
