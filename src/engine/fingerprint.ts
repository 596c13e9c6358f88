import { hash } from 'node:crypto';

/**
 * A finding's stable identity across pushes: rule, file, resource and property (never the line number).
 * Review-comment markers and SARIF partialFingerprints carry it.
 */
export function fingerprint(ruleId: string, file: string, resource: string, property: string): string {
  return hash('sha256', [ruleId, file, resource, property].join('\u0000'), 'hex').slice(0, 32);
}
