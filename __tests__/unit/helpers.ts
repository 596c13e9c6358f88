/** Small builders for findings in unit tests. */
import type { Finding, Severity } from '../../src/model/finding.js';

export function finding(over: Partial<Finding> & { line?: number; file?: string } = {}): Finding {
  const file = over.file ?? 'infra/main.bicep';
  const line = over.line ?? 10;
  return {
    ruleId: 'AZSEC-KV-001',
    severity: 'CRITICAL' as Severity,
    title: 'Key Vault must use Azure RBAC, not vault access policies',
    message: "Key Vault 'kv' must set enableRbacAuthorization to true; found false.",
    location: { file, line, column: 5, endLine: line, endColumn: 20 },
    related: [],
    fingerprint: `${'f'.repeat(28)}${String(line).padStart(4, '0')}`,
    ...over,
  };
}
