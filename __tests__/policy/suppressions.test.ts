import { collectFullScan } from '../../src/action/collect.js';
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { makeBaseline, readBaseline } from '../../src/policy/baseline.js';
import { loadPolicy } from '../../src/policy/load.js';
import { parseDirective } from '../../src/policy/suppressions.js';
import { runReview } from '../../src/review.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { HEADER, lineOf, vault } from '../e2e/fixtures.js';
import { makeWorkspace } from '../support/run-action.js';

const rules = loadRules(ruleFiles()).filter((r) => r.meta.id === 'AZSEC-KV-001');
const NOW = new Date('2026-12-04T12:00:00Z');

function reviewOf(files: Record<string, string>) {
  const ws = new Workspace(makeWorkspace(files));
  const policy = loadPolicy(ws, new Set(rules.map((r) => r.meta.id)));
  return runReview({ ws, rules, policy, collected: collectFullScan(ws, Object.keys(files).filter((f) => f.endsWith('.bicep') || f.endsWith('.json'))), now: NOW });
}

describe('azsec-ignore directives', () => {
  test.each([
    ['azsec-ignore AZSEC-NSG-001: serves the public website (until 2027-03-31)', { rules: ['AZSEC-NSG-001'], reason: 'serves the public website', until: '2027-03-31' }],
    ['azsec-ignore AZSEC-KV-001, AZSEC-KV-002: legacy vault, retired in Q1', { rules: ['AZSEC-KV-001', 'AZSEC-KV-002'], reason: 'legacy vault, retired in Q1' }],
    ['azsec-ignore AZSEC-KV-001: reason */', { rules: ['AZSEC-KV-001'], reason: 'reason' }],
  ])('%s', (text, expected) => {
    expect(parseDirective(text)).toEqual(expected);
  });

  test.each([
    ['azsec-ignore AZSEC-KV-001', /gives no reason/],
    ['azsec-ignore AZSEC-KV-001:   ', /gives no reason/],
    ['azsec-ignore: because', /names no rule/],
    ['azsec-ignore KV1: because', /'KV1', which is not a rule id/],
  ])('%s is refused with a clear message', (text, problem) => {
    const r = parseDirective(text) as { problem: string };
    expect(r.problem).toMatch(problem);
  });
});

describe('suppressions, exceptions and baselines in a review', () => {
  const insecure = HEADER + vault('kv-a', 'false');

  test('a comment on the line above suppresses the finding (kind inSource) and it no longer fails', () => {
    const text = insecure.replace('    enableRbacAuthorization: false', '    // azsec-ignore AZSEC-KV-001: the vault is retired next sprint (until 2027-01-31)\n    enableRbacAuthorization: false');
    const r = reviewOf({ 'main.bicep': text });
    expect(r.result.findings).toHaveLength(1);
    expect(r.result.findings[0].suppression).toEqual(expect.objectContaining({ kind: 'inSource', justification: 'the vault is retired next sprint (until 2027-01-31)' }));
    expect(r.verdict.result).toBe('pass');
    expect(r.placed[0].inScope).toBe(false);
  });

  test('a trailing comment on the same line suppresses too', () => {
    const text = insecure.replace('enableRbacAuthorization: false', 'enableRbacAuthorization: false // azsec-ignore AZSEC-KV-001: break-glass vault');
    expect(reviewOf({ 'main.bicep': text }).result.findings[0].suppression?.justification).toBe('break-glass vault');
  });

  test('an expired suppression no longer suppresses, and the finding says it expired', () => {
    const text = insecure.replace('    enableRbacAuthorization: false', '    // azsec-ignore AZSEC-KV-001: temporary (until 2026-11-30)\n    enableRbacAuthorization: false');
    const r = reviewOf({ 'main.bicep': text });
    expect(r.result.findings[0].suppression).toBeUndefined();
    expect(r.result.findings[0].message).toContain('A suppression for this finding expired on 2026-11-30: main.bicep:');
    expect(r.verdict.result).toBe('fail');
  });

  test('a suppression without a reason and one that matches nothing are notices, never silent', () => {
    const text = insecure.replace('    enableRbacAuthorization: false', '    // azsec-ignore AZSEC-KV-001\n    enableRbacAuthorization: false') + '\n// azsec-ignore AZSEC-KV-001: nothing here\n';
    const r = reviewOf({ 'main.bicep': text });
    expect(r.result.findings[0].suppression).toBeUndefined();
    const notices = r.diagnostics.filter((d) => d.code === 'SUPPRESSION').map((d) => [d.location.line, d.message]);
    expect(notices).toEqual([
      [lineOf(text, '// azsec-ignore AZSEC-KV-001', 1), expect.stringContaining('gives no reason')],
      [lineOf(text, 'nothing here'), 'This azsec-ignore for AZSEC-KV-001 matches no finding; remove it.'],
    ]);
  });

  test('ARM JSON: a // comment, or the resource metadata, suppresses', () => {
    const template = (meta: string, comment: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.KeyVault/vaults",
      "apiVersion": "2023-07-01",
      "name": "kv-arm",
      "location": "westeurope",${meta}
      "properties": {
        "tenantId": "[subscription().tenantId]",
        "sku": { "family": "A", "name": "standard" },${comment}
        "enableRbacAuthorization": false
      }
    }
  ]
}
`;
    const byComment = reviewOf({ 'vault.json': template('', '\n        // azsec-ignore AZSEC-KV-001: imported from the old subscription') });
    expect(byComment.result.findings[0].suppression?.justification).toBe('imported from the old subscription');
    const byMetadata = reviewOf({ 'vault.json': template('\n      "metadata": { "azsec-ignore": "AZSEC-KV-001: owned by the identity team" },', '') });
    expect(byMetadata.result.findings[0].suppression).toEqual(expect.objectContaining({ kind: 'inSource', justification: 'owned by the identity team' }));
  });

  test('a config exception suppresses (kind external) by path and resource; an expired one does not', () => {
    const cfg = (expires: string) => `exceptions:\n  - rule: AZSEC-KV-001\n    path: legacy/**\n    resource: kv-a\n    reason: legacy estate, migrating\n    expires: ${expires}\n`;
    const ok = reviewOf({ 'legacy/main.bicep': insecure, '.github/azure-security-audit.yml': cfg('2027-06-30') });
    expect(ok.result.findings[0].suppression).toEqual(expect.objectContaining({ kind: 'external', justification: 'legacy estate, migrating (until 2027-06-30)' }));
    const expired = reviewOf({ 'legacy/main.bicep': insecure, '.github/azure-security-audit.yml': cfg('2026-01-01') });
    expect(expired.result.findings[0].suppression).toBeUndefined();
    expect(expired.result.findings[0].message).toContain('expired on 2026-01-01');
  });

  test('config turns a rule off or changes its severity', () => {
    expect(reviewOf({ 'main.bicep': insecure, '.github/azure-security-audit.yml': 'rules:\n  AZSEC-KV-001: off\n' }).result.findings).toEqual([]);
    const lowered = reviewOf({ 'main.bicep': insecure, '.github/azure-security-audit.yml': 'rules:\n  AZSEC-KV-001: low\n' });
    expect(lowered.result.findings[0].severity).toBe('LOW');
    expect(lowered.verdict.result).toBe('pass');
  });

  test('with a baseline, existing findings are marked and only new ones fail', () => {
    const first = reviewOf({ 'main.bicep': insecure });
    const baseline = JSON.stringify(makeBaseline(first.result.findings));
    expect([...readBaseline(baseline, 'b.json')]).toEqual([first.result.findings[0].fingerprint]);
    const again = reviewOf({ 'main.bicep': insecure, 'b.json': baseline, '.github/azure-security-audit.yml': 'baseline: b.json\n' });
    expect(again.result.findings[0].baseline).toBe(true);
    expect(again.verdict.result).toBe('pass');
    const grown = reviewOf({ 'main.bicep': insecure + '\n' + vault('kv-new', 'false'), 'b.json': baseline, '.github/azure-security-audit.yml': 'baseline: b.json\n' });
    expect(grown.result.findings.map((f) => f.baseline)).toEqual([true, false]);
    expect(grown.verdict.failing.map((f) => f.resource)).toEqual(['kv-new']);
  });

  test('a malformed baseline file is a configuration error that names it', () => {
    expect(() => reviewOf({ 'main.bicep': insecure, 'b.json': '{"findings": 3}', '.github/azure-security-audit.yml': 'baseline: b.json\n' })).toThrow(/b\.json is not a baseline file/);
  });
});
