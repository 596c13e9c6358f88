import type { Location } from './location.js';

export type Severity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export const SEVERITIES: readonly Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/** A one-line edit that fixes a finding: replace the text at `location` (one line) with `replacement`. */
export interface Fix {
  description: string;
  location: Location;
  /** The text the fix expects at `location` today; a fix whose text differs is dropped, never applied blind. */
  original: string;
  replacement: string;
}

export interface RelatedLocation {
  message: string;
  location: Location;
}

export interface Suppression {
  kind: 'inSource' | 'external';
  justification: string;
  /** Where the suppression was written (comment, config, LESSONS.md). */
  location?: Location;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  title: string;
  /** Already redacted: never holds a secret value. */
  message: string;
  location: Location;
  related: RelatedLocation[];
  fix?: Fix;
  /** Stable across pushes: rule, file, resource and property — never the line number. */
  fingerprint: string;
  /** Display name of the resource, when the finding is about one. */
  resource?: string;
  /** ARM property path the finding is about, when it is about one. */
  property?: string;
  /** Key of the resource the finding is about (for resource-level suppressions). */
  resourceKey?: string;
  suppression?: Suppression;
  /** Set by policy: the finding was present in the baseline. */
  baseline?: boolean;
}

/** Sort order for every reporter: file, line, column, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)
  );
}
