/** Unit tests of the threat-protection and monitoring named checks, on resources read by the real front ends. */
// conditions.js first: it loads the named checks, which in turn use its look-up helpers.
import '../../src/engine/conditions.js';
import type { EvalContext, Subject } from '../../src/engine/conditions.js';
import { monitoringChecks } from '../../src/engine/checks/monitoring.js';
import { effectSource, parameterReference, threatProtectionChecks } from '../../src/engine/checks/threat-protection.js';
import { FRONT_ENDS } from '../../src/formats/index.js';
import { Deployment } from '../../src/model/deployment.js';
import { NO_SETTINGS } from '../../src/engine/conditions.js';
import type { Resource } from '../../src/model/resource.js';

const noFiles = { readFile: () => undefined, listFiles: () => [] };

/** Parse one file with the front end that accepts it. */
function parse(path: string, text: string): Resource[] {
  const fe = FRONT_ENDS.find((f) => f.accepts(path, text));
  if (!fe) throw new Error(`no front end for ${path}`);
  return fe.parse({ path, text }, noFiles).resources;
}

/** 1-based line of the first line of `text` containing `snippet`. */
function lineOf(text: string, snippet: string): number {
  return text.split('\n').findIndex((l) => l.includes(snippet)) + 1;
}

function setup(path: string, text: string): { ctx: EvalContext; of: (symbol: string) => Subject } {
  const resources = parse(path, text);
  const ctx = { deployment: new Deployment(resources), settings: NO_SETTINGS };
  const of = (symbol: string): Subject => {
    const r = resources.find((x) => x.symbol === symbol);
    if (!r) throw new Error(`no resource ${symbol}`);
    return { resource: r, value: r.body, path: '' };
  };
  return { ctx, of };
}

describe('parameterReference', () => {
  test('reads the parameter a policy effect names', () => {
    expect(parameterReference("[parameters('effect')]")).toBe('effect');
    expect(parameterReference("[ parameters( 'storageEffect' ) ]")).toBe('storageEffect');
  });
  test('a literal effect or another expression names no parameter', () => {
    expect(parameterReference('Deny')).toBeUndefined();
    expect(parameterReference("[concat(parameters('a'), 'b')]")).toBeUndefined();
  });
});

const contacts = `
targetScope = 'subscription'
param state string
resource legacy 'Microsoft.Security/securityContacts@2017-08-01-preview' = {
  name: 'a'
  properties: {
    email: 'x@example.com'
    alertNotifications: 'Off'
  }
}
resource objectOn 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'b'
  properties: {
    emails: 'x@example.com'
    alertNotifications: { state: 'On' }
  }
}
resource unknownState 'Microsoft.Security/securityContacts@2020-01-01-preview' = {
  name: 'c'
  properties: {
    alertNotifications: { state: state }
  }
}
resource sources 'Microsoft.Security/securityContacts@2023-12-01-preview' = {
  name: 'd'
  properties: {
    isEnabled: true
    notificationsSources: [ { sourceType: 'AttackPath', minimalRiskLevel: 'High' } ]
  }
}
resource silent 'Microsoft.Security/securityContacts@2023-12-01-preview' = {
  name: 'e'
  properties: { emails: 'x@example.com' }
}
`;

describe('security-contact-without-alerts', () => {
  const check = threatProtectionChecks['security-contact-without-alerts'];
  const { ctx, of } = setup('contacts.bicep', contacts);

  test("the 2017 shape with alertNotifications 'Off' is blamed on that line", () => {
    const o = check(of('legacy'), ctx, {});
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('properties.alertNotifications');
    expect(o.blame?.value?.loc.line).toBe(lineOf(contacts, "alertNotifications: 'Off'"));
  });
  test("the 2020 shape with state 'On' is fine", () => {
    expect(check(of('objectOn'), ctx, {}).result).toBe(false);
  });
  test('a state only known at deployment is unknown, not a violation', () => {
    expect(check(of('unknownState'), ctx, {}).result).toBeUndefined();
  });
  test('notification sources without an Alert source are blamed on the list', () => {
    const o = check(of('sources'), ctx, {});
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('properties.notificationsSources');
    expect(o.blame?.value?.loc.line).toBe(lineOf(contacts, 'notificationsSources:'));
  });
  test('a contact with no alert setting at all is reported as missing', () => {
    const o = check(of('silent'), ctx, {});
    expect(o.result).toBe(true);
    expect(o.blame?.missing).toBe(true);
  });
});

const policies = `
targetScope = 'subscription'
param effect string
resource byDefault 'Microsoft.Authorization/policyDefinitions@2023-04-01' = {
  name: 'by-default'
  properties: {
    parameters: {
      Effect: { type: 'String', defaultValue: 'Disabled' }
    }
    policyRule: {
      if: { allOf: [ { field: 'Microsoft.Storage/storageAccounts/networkAcls.defaultAction', notEquals: 'Deny' } ] }
      then: { effect: '[parameters(\\'effect\\')]' }
    }
  }
}
resource literal 'Microsoft.Authorization/policyDefinitions@2023-04-01' = {
  name: 'literal'
  properties: {
    policyRule: {
      if: { field: 'tags', exists: 'false' }
      then: { effect: 'Audit' }
    }
  }
}
resource assignment 'Microsoft.Authorization/policyAssignments@2024-04-01' = {
  name: 'a'
  properties: {
    parameters: {
      storageEffect: { value: 'Disabled' }
      other: { value: 'Disabled' }
    }
  }
}
resource unknownAssignment 'Microsoft.Authorization/policyAssignments@2024-04-01' = {
  name: 'b'
  properties: {
    parameters: {
      effect: { value: effect }
    }
  }
}
`;

describe('policy effect checks', () => {
  const { ctx, of } = setup('policies.bicep', policies);

  test('effectSource follows a parameterised effect to its default, matching the parameter name case-insensitively', () => {
    const s = effectSource(of('byDefault').value);
    expect(s?.path).toBe('properties.parameters.Effect.defaultValue');
    expect(s?.value).toMatchObject({ kind: 'string', value: 'Disabled' });
  });
  test('policy-definition-effect-in blames the default value line', () => {
    const o = threatProtectionChecks['policy-definition-effect-in'](of('byDefault'), ctx, { effects: ['Disabled'] });
    expect(o.result).toBe(true);
    expect(o.blame?.value?.loc.line).toBe(lineOf(policies, "defaultValue: 'Disabled'"));
  });
  test('policy-definition-effect-in compares a literal effect', () => {
    const check = threatProtectionChecks['policy-definition-effect-in'];
    expect(check(of('literal'), ctx, { effects: ['Disabled'] }).result).toBe(false);
    expect(check(of('literal'), ctx, { effects: ['audit'] }).result).toBe(true);
  });
  test('policy-effect-parameter-in looks only at parameters named like an effect', () => {
    const o = threatProtectionChecks['policy-effect-parameter-in'](of('assignment'), ctx, { effects: ['Disabled'] });
    expect(o.result).toBe(true);
    expect(o.blame?.path).toBe('properties.parameters.storageEffect.value');
    expect(o.blame?.value?.loc.line).toBe(lineOf(policies, "storageEffect: { value: 'Disabled' }"));
  });
  test('an effect passed from a parameter without value is unknown', () => {
    expect(threatProtectionChecks['policy-effect-parameter-in'](of('unknownAssignment'), ctx, { effects: ['Disabled'] }).result).toBeUndefined();
  });
  test('policy-rule-reads-field matches a field by its last alias segment, nested in allOf', () => {
    const check = threatProtectionChecks['policy-rule-reads-field'];
    expect(check(of('byDefault'), ctx, { fields: ['networkAcls.defaultAction'] }).result).toBe(true);
    expect(check(of('byDefault'), ctx, { fields: ['publicNetworkAccess'] }).result).toBe(false);
    expect(check(of('literal'), ctx, { fields: ['publicNetworkAccess'] }).result).toBe(false);
  });
});

const monitored = `
param ws string
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-a'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}
resource other 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-b'
  location: 'westeurope'
  properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } }
}
resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stacct'
  location: 'westeurope'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}
resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'v'
  scope: vault
  properties: { workspaceId: ws }
}
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'b'
  scope: blobs
  properties: { workspaceId: ws }
}
resource accountLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'a'
  scope: account
  properties: { workspaceId: ws }
}
`;

describe('has-diagnostic-settings', () => {
  const check = monitoringChecks['has-diagnostic-settings'];
  const { ctx, of } = setup('main.bicep', monitored);

  test('a vault with a setting scoped to it is covered', () => {
    expect(check(of('vault'), ctx, {}).result).toBe(true);
  });
  test('a vault without one is not, and the blame is a missing setting', () => {
    const o = check(of('other'), ctx, {});
    expect(o.result).toBe(false);
    expect(o.blame).toMatchObject({ path: '', missing: true });
  });
  test('a setting on a child service counts only when children are asked for', () => {
    const { ctx: c2, of: of2 } = setup('main.bicep', monitored.replace(/resource accountLogs[\s\S]*$/, ''));
    expect(check(of2('account'), c2, {}).result).toBe(false);
    expect(check(of2('account'), c2, { children: true }).result).toBe(true);
  });
  test('a Terraform setting whose target is a variable makes the answer unknown', () => {
    const resources = parse(
      'main.tf',
      `resource "azurerm_key_vault" "kv" {
  name                = "kv-a"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "t"
  sku_name            = "standard"
}
resource "azurerm_monitor_diagnostic_setting" "d" {
  name                       = "d"
  target_resource_id         = var.target
  log_analytics_workspace_id = var.ws
}
`,
    );
    const kv = resources.find((r) => r.type === 'Microsoft.KeyVault/vaults')!;
    expect(check({ resource: kv, value: kv.body, path: '' }, { deployment: new Deployment(resources), settings: NO_SETTINGS }, {}).result).toBeUndefined();
  });
  test('the legacy ARM child form is matched by its name', () => {
    const resources = parse(
      'main.json',
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: [
          { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv-a', location: 'westeurope', properties: {} },
          { type: 'Microsoft.KeyVault/vaults', apiVersion: '2023-07-01', name: 'kv-b', location: 'westeurope', properties: {} },
          { type: 'Microsoft.KeyVault/vaults/providers/diagnosticSettings', apiVersion: '2021-05-01-preview', name: 'kv-a/Microsoft.Insights/d', properties: {} },
        ],
      }),
    );
    const deployment = new Deployment(resources);
    const [a, b] = resources.filter((r) => r.type === 'Microsoft.KeyVault/vaults');
    expect(check({ resource: a, value: a.body, path: '' }, { deployment, settings: NO_SETTINGS }, {}).result).toBe(true);
    expect(check({ resource: b, value: b.body, path: '' }, { deployment, settings: NO_SETTINGS }, {}).result).toBe(false);
  });
});

describe('diagnostic-target-has-logs', () => {
  const check = monitoringChecks['diagnostic-target-has-logs'];
  const { ctx, of } = setup('main.bicep', monitored);

  test('a vault and a blob service carry logs; a storage account itself does not', () => {
    expect(check(of('vaultLogs'), ctx, {}).result).toBe(true);
    expect(check(of('blobLogs'), ctx, {}).result).toBe(true);
    expect(check(of('accountLogs'), ctx, {}).result).toBe(false);
  });
});
