import { conditionalAccessFrontEnd as fe } from '../../src/formats/conditional-access/index.js';
import { adminMfaPolicy, graphList, jsoncArray } from './fixtures.js';

describe('recognising Conditional Access JSON by shape', () => {
  it('accepts the three container shapes', () => {
    expect(fe.accepts('identity/admin-mfa.json', adminMfaPolicy)).toBe(true);
    expect(fe.accepts('exports/all.json', graphList)).toBe(true);
    expect(fe.accepts('ca/policies.JSONC', jsoncArray)).toBe(true);
  });

  it('accepts PascalCase keys as exported by PowerShell', () => {
    expect(fe.accepts('p.json', '{ "DisplayName": "x", "State": "enabled", "Conditions": {}, "SessionControls": {} }')).toBe(true);
  });

  it('passes over other JSON', () => {
    const packageJson = '{ "name": "web", "version": "1.0.0", "scripts": { "test": "jest" }, "dependencies": {} }';
    const tsconfig = '{\n  // compiler settings\n  "compilerOptions": { "strict": true, "outDir": "dist" },\n}';
    const armTemplate = JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [{ type: 'Microsoft.Insights/activityLogAlerts', properties: { displayName: 'a', state: 'on', conditions: {}, grantControls: {} } }],
    });
    const appSettings = '{ "displayName": "My app", "state": "ready", "conditions": ["x"] }';
    expect(fe.accepts('package.json', packageJson)).toBe(false);
    expect(fe.accepts('tsconfig.json', tsconfig)).toBe(false);
    expect(fe.accepts('infra/main.json', armTemplate)).toBe(false);
    expect(fe.accepts('settings.json', appSettings)).toBe(false);
  });

  it('looks only at .json and .jsonc files', () => {
    expect(fe.accepts('policy.yaml', adminMfaPolicy)).toBe(false);
    expect(fe.accepts('policy.json.bak', adminMfaPolicy)).toBe(false);
    expect(fe.accepts('main.bicep', adminMfaPolicy)).toBe(false);
  });

  it('decides quickly on a 10 MB JSON file that is not a policy', () => {
    const big = `{ "packages": [${Array.from({ length: 150_000 }, (_, i) => `{ "name": "pkg-${i}", "version": "1.0.${i}", "integrity": "sha512-abcdefghij" }`).join(',')}] }`;
    expect(big.length).toBeGreaterThan(10_000_000);
    const started = performance.now();
    expect(fe.accepts('package-lock.json', big)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
