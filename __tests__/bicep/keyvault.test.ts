import { getPath } from '../../src/model/value.js';
import { byKey, run, span } from './helpers.js';
import { KEYVAULT_MAIN, KEYVAULT_PARAMS } from './fixtures/keyvault.js';

describe('key vault stack without a parameter file', () => {
  const parsed = run({ 'infra/main.bicep': KEYVAULT_MAIN }, 'infra/main.bicep');

  test('has no diagnostics and three resources with their full types', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map((r) => [r.key, r.type, r.apiVersion])).toEqual([
      ['infra/main.bicep#keyVault', 'Microsoft.KeyVault/vaults', '2023-07-01'],
      ['infra/main.bicep#diag', 'Microsoft.Insights/diagnosticSettings', '2021-05-01-preview'],
      ['infra/main.bicep#pe', 'Microsoft.Network/privateEndpoints', '2023-04-01'],
    ]);
  });

  test('a value from a param default is located at its use and remembers the default', () => {
    const kv = byKey(parsed, 'infra/main.bicep#keyVault');
    const rbac = getPath(kv.body, 'properties.enableRbacAuthorization')!;
    expect(rbac.kind).toBe('boolean');
    expect(rbac).toMatchObject({ value: false });
    expect(span(rbac.loc)).toEqual([30, 30, 30, 40]);
    expect(rbac.origin?.via).toBe('param enableRbac');
    expect(span(rbac.origin?.location)).toEqual([9, 25, 9, 30]);
  });

  test('names, var objects with ternaries, and deployment-time values', () => {
    const kv = byKey(parsed, 'infra/main.bicep#keyVault');
    expect(kv.name).toMatchObject({ kind: 'string', value: 'kv-app-dev' });
    expect(span(kv.loc)).toEqual([23, 1, 36, 2]);
    const acl = getPath(kv.body, 'properties.networkAcls.defaultAction')!;
    expect(acl).toMatchObject({ kind: 'string', value: 'Allow' });
    expect(acl.origin?.via).toBe('var networkAcls');
    expect(getPath(kv.body, 'location')).toMatchObject({ kind: 'unknown', reason: 'resourceGroup().location' });
    expect(getPath(kv.body, 'properties.tenantId')).toMatchObject({ kind: 'unknown', reason: 'subscription().tenantId' });
    expect(getPath(kv.body, 'tags.owner')).toMatchObject({ kind: 'string', value: 'platform' });
  });

  test('references to other resources carry a ref for the deployment graph', () => {
    const diag = byKey(parsed, 'infra/main.bicep#diag');
    expect(diag.scope).toEqual({ symbol: 'keyVault', file: 'infra/main.bicep' });
    expect(diag.name).toMatchObject({ kind: 'string', value: 'kv-app-dev-diag' });
    expect(getPath(diag.body, 'properties.workspaceId')).toMatchObject({ kind: 'unknown' });
    const pe = byKey(parsed, 'infra/main.bicep#pe');
    const target = getPath(pe.body, 'properties.privateLinkServiceConnections.0.properties.privateLinkServiceId');
    expect(target).toMatchObject({ kind: 'unknown', ref: { symbol: 'keyVault', property: 'id', file: 'infra/main.bicep' } });
  });
});

describe('key vault stack with a .bicepparam file', () => {
  const files = { 'infra/main.bicep': KEYVAULT_MAIN, 'infra/prod.bicepparam': KEYVAULT_PARAMS };
  const parsed = run(files, 'infra/main.bicep');

  test('evaluates once per parameter file, keys suffixed with the file', () => {
    expect(parsed.resources.map((r) => r.key)).toEqual([
      'infra/main.bicep#keyVault?infra/prod.bicepparam',
      'infra/main.bicep#diag?infra/prod.bicepparam',
      'infra/main.bicep#pe?infra/prod.bicepparam',
    ]);
  });

  test('values set in the parameter file carry their origin there', () => {
    const kv = byKey(parsed, 'infra/main.bicep#keyVault?infra/prod.bicepparam');
    expect(kv.name).toMatchObject({ kind: 'string', value: 'kv-app-prod' });
    const rbac = getPath(kv.body, 'properties.enableRbacAuthorization')!;
    expect(rbac).toMatchObject({ kind: 'boolean', value: true });
    expect(rbac.loc.file).toBe('infra/main.bicep');
    expect(rbac.origin?.via).toBe('param enableRbac');
    expect(rbac.origin?.location.file).toBe('infra/prod.bicepparam');
    expect(span(rbac.origin?.location)).toEqual([4, 20, 4, 24]);
    const ws = getPath(byKey(parsed, 'infra/main.bicep#diag?infra/prod.bicepparam').body, 'properties.workspaceId');
    expect(ws).toMatchObject({ kind: 'string' });
  });

  test('the parameter file alone gives no resources and no diagnostics', () => {
    const p = run(files, 'infra/prod.bicepparam');
    expect(p.format).toBe('bicepparam');
    expect(p.resources).toEqual([]);
    expect(p.diagnostics).toEqual([]);
  });
});
