import { severityRank } from '../model/finding.js';
import type { PlacedFinding } from './review-plan.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
export const ANNOTATIONS_PER_LEVEL = 10;

/** The annotations for the findings in scope, most severe first, within GitHub's limits; and how many were left out. */
export function selectAnnotations(placed: PlacedFinding[]): { annotations: Annotation[]; omitted: number } {
  const inScope = placed.filter((p) => p.inScope).map((p) => p.finding);
  inScope.sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const perLevel = { error: 0, warning: 0, notice: 0 };
  const annotations: Annotation[] = [];
  let omitted = 0;
  for (const f of inScope) {
    const level = f.severity === 'CRITICAL' || f.severity === 'HIGH' ? 'error' : f.severity === 'MEDIUM' ? 'warning' : 'notice';
    if (perLevel[level] >= ANNOTATIONS_PER_LEVEL) {
      omitted++;
      continue;
    }
    perLevel[level]++;
    const sameLine = f.location.line === f.location.endLine;
    annotations.push({
      level,
      title: `${f.severity} ${f.ruleId}: ${f.title}`,
      message: f.message,
      file: f.location.file,
      startLine: f.location.line,
      endLine: f.location.endLine,
      // GitHub takes columns only for single-line annotations.
      ...(sameLine ? { startColumn: f.location.column, endColumn: f.location.endColumn } : {}),
    });
  }
  return { annotations, omitted };
}
