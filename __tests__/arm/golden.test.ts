/** Golden tests: three realistic templates (fixtures/) read end to end, with the resources a rule would see. */
import { readFileSync, readdirSync } from 'node:fs';
import { armFrontEnd } from '../../src/formats/arm/index.js';
import type { ParsedFile, Resource } from '../../src/model/resource.js';
import { getPath } from '../../src/model/value.js';
import { at, memoryContext, show } from './helpers.js';

const ROOT = '__tests__/arm/fixtures';
const files: Record<string, string> = {};
for (const dir of readdirSync(ROOT)) for (const f of readdirSync(`${ROOT}/${dir}`)) files[`${dir}/${f}`] = readFileSync(`${ROOT}/${dir}/${f}`, 'utf8');

function parse(path: string): ParsedFile {
  return armFrontEnd.parse({ path, text: files[path] }, memoryContext(files));
}

/** The resource fields a reviewer looks at, in one line each. */
function summary(r: Resource): unknown {
  return {
    key: r.key,
    type: r.type,
    name: show(r.name),
    loc: at(r.loc),
    ...(r.parent && { parent: r.parent }),
    ...(r.scope && { scope: r.scope }),
    ...(r.loop && { loop: true }),
    ...(r.conditional && { conditional: true }),
    ...(r.existing && { existing: true }),
    ...(r.via && { via: r.via.map(at) }),
  };
}

describe('Key Vault with enableRbacAuthorization from a parameter file', () => {
  const parsed = parse('keyvault/azuredeploy.json');

  test('resources', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map(summary)).toEqual([
      { key: 'keyvault/azuredeploy.json#resources[0]', type: 'Microsoft.KeyVault/vaults', name: 'kv-payments-prod', loc: '39:5-52:6' },
      {
        key: 'keyvault/azuredeploy.json#resources[1]',
        type: 'Microsoft.KeyVault/vaults/secrets',
        name: 'kv-payments-prod/adminPassword',
        loc: '53:5-63:6',
        parent: { type: 'Microsoft.KeyVault/vaults', name: 'kv-payments-prod' },
      },
    ]);
  });

  test('enableRbacAuthorization is true, used in the template and set in the parameter file', () => {
    const v = getPath(parsed.resources[0].body, 'properties.enableRbacAuthorization');
    expect(show(v)).toBe(true);
    expect(at(v?.loc)).toBe('47:36-47:77');
    expect(v?.origin?.via).toBe("parameters('enableRbacAuthorization')");
    expect(v?.origin?.location.file).toBe('keyvault/azuredeploy.parameters.json');
    expect(at(v?.origin?.location)).toBe('6:43-6:47');
  });

  test('a variable object and a parameter default inside it', () => {
    const acls = getPath(parsed.resources[0].body, 'properties.networkAcls');
    expect(show(acls)).toEqual({ defaultAction: 'Deny', bypass: 'AzureServices', ipRules: [{ value: '203.0.113.10' }] });
    expect(at(acls?.loc)).toBe('50:24-50:52');
    expect(acls?.origin?.via).toBe("variables('networkAcls')");
    const ip = getPath(acls, 'ipRules.0.value');
    expect(at(ip?.loc)).toBe('34:20-34:47');
    expect(at(ip?.origin?.location)).toBe('22:23-22:37');
  });

  test('deployment-time values and Key Vault references stay unknown', () => {
    const body = parsed.resources[0].body;
    expect(show(getPath(body, 'location'))).toBe('<unknown: resourceGroup().location>');
    expect(show(getPath(body, 'properties.tenantId'))).toBe('<unknown: subscription().tenantId>');
    expect(show(getPath(parsed.resources[1].body, 'properties.value'))).toBe("<unknown: parameter 'adminPassword' is a Key Vault secret reference>");
    expect(getPath(parsed.resources[1].body, 'dependsOn.0')).toMatchObject({ kind: 'unknown', ref: { type: 'Microsoft.KeyVault/vaults', name: 'kv-payments-prod', property: 'id' } });
  });

  test('without the parameter file, the defaults apply', () => {
    const alone = armFrontEnd.parse({ path: 'keyvault/azuredeploy.json', text: files['keyvault/azuredeploy.json'] }, memoryContext({}));
    expect(show(alone.resources[0].name)).toBe('<unknown: uniqueString(resourceGroup().id)>');
    expect(show(getPath(alone.resources[0].body, 'properties.enableRbacAuthorization'))).toBe(false);
  });

  test('the parameter file on its own is read for diagnostics only', () => {
    const p = parse('keyvault/azuredeploy.parameters.json');
    expect(p).toMatchObject({ format: 'arm-parameters', resources: [], diagnostics: [] });
  });
});

describe('NSG with inline rules, a nested child rule and a copy loop', () => {
  const parsed = parse('network/nsg.json');

  test('resources', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map(summary)).toEqual([
      { key: 'network/nsg.json#resources[0]', type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg-web-prod', loc: '13:5-53:6' },
      {
        key: 'network/nsg.json#resources[0].resources[0]',
        type: 'Microsoft.Network/networkSecurityGroups/securityRules',
        name: 'nsg-web-prod/deny-all-inbound',
        loc: '36:9-51:10',
        parent: { type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg-web-prod', file: 'network/nsg.json' },
      },
      {
        key: 'network/nsg.json#resources[1]',
        type: 'Microsoft.Network/networkSecurityGroups/securityRules',
        name: '<unknown: copyIndex()>',
        loc: '54:5-70:6',
        parent: { type: 'Microsoft.Network/networkSecurityGroups' },
        loop: true,
      },
    ]);
  });

  test('the comment and the trailing comma are read without a diagnostic', () => {
    expect(parsed.comments.map((c) => [c.text, at(c.loc)])).toEqual([['// Front-end subnet rules. Reviewed by the network team.', '4:3-4:59']]);
  });

  test('inline rules are part of the NSG body, child resources are not', () => {
    const body = parsed.resources[0].body;
    const port = getPath(body, 'properties.securityRules.0.properties.destinationPortRange');
    expect(show(port)).toBe('22');
    expect(at(port?.loc)).toBe('30:39-30:43');
    expect(getPath(body, 'resources')).toBeUndefined();
    expect(at(getPath(body, 'name')?.loc)).toBe('16:15-16:39');
  });

  test('inside the copy loop, what depends on copyIndex() is unknown and the rest is known', () => {
    const body = parsed.resources[2].body;
    expect(show(getPath(body, 'properties.sourceAddressPrefix'))).toBe('Internet');
    expect(show(getPath(body, 'properties.destinationPortRange'))).toBe('<unknown: copyIndex()>');
    expect(show(getPath(body, 'copy.count'))).toBe(2);
  });
});

describe('languageVersion 2.0: symbolic resources, inner-scope deployment, diagnostic settings on a vault', () => {
  const parsed = parse('platform/main.json');

  test('resources', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.resources.map(summary)).toEqual([
      { key: 'platform/main.json#workspace', type: 'Microsoft.OperationalInsights/workspaces', name: 'law-platform', loc: '11:18-16:6', existing: true },
      { key: 'platform/main.json#vault', type: 'Microsoft.KeyVault/vaults', name: 'kv-platform', loc: '17:14-28:6' },
      {
        key: 'platform/main.json#vaultDiagnostics',
        type: 'Microsoft.Insights/diagnosticSettings',
        name: 'to-workspace',
        loc: '29:25-39:6',
        scope: { type: 'Microsoft.KeyVault/vaults', name: 'kv-platform' },
      },
      { key: 'platform/main.json#storage', type: 'Microsoft.Resources/deployments', name: 'storage-module', loc: '40:16-75:6' },
      {
        key: 'platform/main.json#storage.properties.template.resources[0]',
        type: 'Microsoft.Storage/storageAccounts',
        name: 'stplatlogs',
        loc: '59:13-71:14',
        via: ['40:16-75:6'],
      },
    ]);
    expect(parsed.resources.map((r) => r.symbol)).toEqual(['workspace', 'vault', 'vaultDiagnostics', 'storage', "[parameters('accountName')]"]);
  });

  test('the nested storage account: its own parameters, given by the parent', () => {
    const account = parsed.resources[4];
    expect(account.file).toBe('platform/main.json');
    expect(at(account.name.loc)).toBe('62:23-62:52');
    expect(at(account.name.origin?.location)).toBe('48:37-48:87');
    expect(show(getPath(account.body, 'properties.allowBlobPublicAccess'))).toBe(false);
    expect(at(getPath(account.body, 'properties.allowBlobPublicAccess')?.loc)).toBe('67:42-67:47');
    expect(getPath(account.body, 'properties.encryption.keyVaultProperties.keyVaultUri')).toMatchObject({
      kind: 'unknown',
      ref: { symbol: 'vault', property: 'properties.vaultUri', file: 'platform/main.json' },
    });
  });

  test('resourceInfo() links the diagnostic settings to the workspace', () => {
    expect(getPath(parsed.resources[2].body, 'properties.workspaceId')).toMatchObject({ kind: 'unknown', ref: { symbol: 'workspace', property: 'id' } });
  });
});
