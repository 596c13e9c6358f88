import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { toSarif } from '../../src/report/sarif.js';
import { finding } from './helpers.js';

// The official OASIS SARIF 2.1.0 schema (a copy of ../shared/sarif/sarif-schema-2.1.0.json, so the tests run anywhere).
const schemaPath = resolve('__tests__/support/sarif-schema-2.1.0.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// The official schema is draft-04; its formats (uri, date-time) are checked too.
// Both packages are CommonJS with a default export; under NodeNext their default is the module object.
const AjvDraft04 = (AjvDraft04Module as unknown as { default: typeof AjvDraft04Module }).default ?? AjvDraft04Module;
const addFormats = (addFormatsModule as unknown as { default: (a: unknown) => void }).default ?? addFormatsModule;
const ajv = new (AjvDraft04 as unknown as new (o: object) => import('ajv').default)({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const rules = loadRules(ruleFiles());

type Sarif = { runs: { tool: { driver: { name: string; semanticVersion: string; rules: Record<string, unknown>[] } }; results: Record<string, unknown>[]; automationDetails: { id: string }; invocations: { toolExecutionNotifications: unknown[] }[] }[] };

describe('SARIF', () => {
  test('a log with findings, a fix, a related location, a suppression and a diagnostic passes the official 2.1.0 schema', () => {
    const withFix = finding({
      fix: { description: 'Turn on RBAC', location: { file: 'infra/main.bicep', line: 10, column: 30, endLine: 10, endColumn: 35 }, original: 'false', replacement: 'true' },
      related: [{ message: 'value set by param enableRbac', location: { file: 'infra/main.bicep', line: 3, column: 1, endLine: 3, endColumn: 30 } }],
    });
    const suppressed = finding({ line: 20, fingerprint: 'e'.repeat(32), suppression: { kind: 'inSource', justification: 'migration tracked in OPS-12' } });
    const diag = { code: 'BICEP-SYNTAX', severity: 'error' as const, message: "expected '}'", location: { file: 'infra/bad.bicep', line: 4, column: 2, endLine: 4, endColumn: 3 } };
    const sarif = toSarif([withFix, suppressed], rules, [diag], { category: 'infra' }) as Sarif;
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);

    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('azure-security-audit');
    expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(run.automationDetails.id).toBe('infra/');
    const result = run.results[0] as Record<string, unknown> & { ruleIndex: number; locations: { physicalLocation: { region: Record<string, number>; artifactLocation: { uri: string } } }[] };
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('AZSEC-KV-001');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 10, startColumn: 5, endLine: 10, endColumn: 20 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('infra/main.bicep');
    expect(result.partialFingerprints).toEqual({ primaryLocationLineHash: `${withFix.fingerprint}:1`, 'azureSecurityAudit/v1': withFix.fingerprint });
    expect(result.fixes).toEqual([
      {
        description: { text: 'Turn on RBAC' },
        artifactChanges: [{ artifactLocation: { uri: 'infra/main.bicep', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { startLine: 10, startColumn: 30, endLine: 10, endColumn: 35 }, insertedContent: { text: 'true' } }] }],
      },
    ]);
    expect(run.results[1].suppressions).toEqual([{ kind: 'inSource', justification: 'migration tracked in OPS-12' }]);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  test('every rule carries the metadata GitHub shows: descriptions, markdown help, security-severity, precision, tags', () => {
    const sarif = toSarif([], rules, [], { category: 'azure-security-audit' }) as Sarif;
    expect(validate(sarif)).toBe(true);
    for (const rule of sarif.runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: Record<string, unknown> }[]) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(rule.fullDescription.text.length).toBeGreaterThan(10);
      expect(rule.help.markdown).toContain('**Why it matters.**');
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      expect(['very-high', 'high', 'medium', 'low']).toContain(rule.properties.precision);
      expect(rule.properties.tags).toContain('security');
      expect((rule.properties.tags as string[]).length).toBeLessThanOrEqual(10);
    }
  });

  test('file names with spaces and unicode become valid URIs', () => {
    const sarif = toSarif([finding({ file: 'infra/my dir/café.bicep' })], rules, [], { category: 'x' }) as Sarif;
    expect(validate(sarif)).toBe(true);
    const uri = (sarif.runs[0].results[0] as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }).locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('infra/my%20dir/caf%C3%A9.bicep');
  });
});
