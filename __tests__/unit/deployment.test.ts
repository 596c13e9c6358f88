/**
 * The deployment graph answers the questions the rules ask, across files and formats: a flow log for this
 * NSG, a diagnostic setting scoped to this vault, a private endpoint whose target is this storage account,
 * a Defender pricing for VirtualMachines in this deployment.
 */
import { FRONT_ENDS } from '../../src/formats/index.js';
import { Deployment } from '../../src/model/deployment.js';
import type { Resource } from '../../src/model/resource.js';
import { parseFile, frontEndFor } from '../../src/pipeline.js';
import { Workspace } from '../../src/workspace/workspace.js';
import { makeWorkspace } from '../support/run-action.js';

function deploymentOf(files: Record<string, string>): { d: Deployment; byName: (type: string, name: string) => Resource } {
  const ws = new Workspace(makeWorkspace(files));
  const resources = Object.entries(files).flatMap(([path, text]) => {
    const fe = frontEndFor({ path, text }, FRONT_ENDS);
    return fe ? parseFile({ path, text }, fe, ws).resources : [];
  });
  const d = new Deployment(resources);
  const byName = (type: string, name: string): Resource => {
    const r = d.ofType(type).find((x) => x.name.kind === 'string' && x.name.value === name);
    if (!r) throw new Error(`no ${type} ${name}`);
    return r;
  };
  return { d, byName };
}

const NSG = 'Microsoft.Network/networkSecurityGroups';
const VAULT = 'Microsoft.KeyVault/vaults';
const STORAGE = 'Microsoft.Storage/storageAccounts';

test('Bicep: scope, target id and private link target, across two files of one folder', () => {
  const { d, byName } = deploymentOf({
    'infra/main.bicep': `
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = { name: 'nsg-app', location: 'westeurope' }
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { name: 'kv-app', location: 'westeurope', properties: { tenantId: tenant().tenantId, sku: { family: 'A', name: 'standard' } } }
resource st 'Microsoft.Storage/storageAccounts@2023-01-01' = { name: 'stapp', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' } }
resource other 'Microsoft.Storage/storageAccounts@2023-01-01' = { name: 'stother', location: 'westeurope', kind: 'StorageV2', sku: { name: 'Standard_LRS' } }
`,
    'infra/monitoring.bicep': `
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = { name: 'kv-app' }
resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = { name: 'audit', scope: vault, properties: { logs: [ { categoryGroup: 'allLogs', enabled: true } ] } }
resource flow 'Microsoft.Network/networkWatchers/flowLogs@2023-09-01' = { name: 'nw/flow', location: 'westeurope', properties: { targetResourceId: resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-app'), enabled: true } }
resource pe 'Microsoft.Network/privateEndpoints@2023-09-01' = { name: 'pe-st', location: 'westeurope', properties: { privateLinkServiceConnections: [ { name: 'blob', properties: { privateLinkServiceId: resourceId('Microsoft.Storage/storageAccounts', 'stapp'), groupIds: [ 'blob' ] } } ] } }
`,
  });
  expect(d.related(byName(NSG, 'nsg-app'), ['Microsoft.Network/networkWatchers/flowLogs'], 'properties.targetResourceId').matches.map((r) => r.symbol)).toEqual(['flow']);
  const diag = d.related(byName(VAULT, 'kv-app'), ['Microsoft.Insights/diagnosticSettings'], 'scope');
  // The setting is scoped to the `existing` declaration of the same vault in the other file.
  expect(diag.matches.length + (diag.uncertain ? 1 : 0)).toBeGreaterThan(0);
  const pe = 'properties.privateLinkServiceConnections[*].properties.privateLinkServiceId';
  expect(d.related(byName(STORAGE, 'stapp'), ['Microsoft.Network/privateEndpoints'], pe).matches.map((r) => r.symbol)).toEqual(['pe']);
  expect(d.related(byName(STORAGE, 'stother'), ['Microsoft.Network/privateEndpoints'], pe)).toEqual({ matches: [], uncertain: false });
});

test('Terraform: references between resources become graph edges', () => {
  const { d, byName } = deploymentOf({
    'tf/main.tf': `
resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg"
}
resource "azurerm_key_vault" "app" {
  name                = "kv-app"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}
resource "azurerm_storage_account" "app" {
  name                     = "stapp"
  location                 = "westeurope"
  resource_group_name      = "rg"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
resource "azurerm_network_watcher_flow_log" "app" {
  name                      = "flow-app"
  network_watcher_name      = "nw"
  resource_group_name       = "rg"
  network_security_group_id = azurerm_network_security_group.app.id
  storage_account_id        = azurerm_storage_account.app.id
  enabled                   = true
  retention_policy {
    enabled = true
    days    = 90
  }
}
resource "azurerm_monitor_diagnostic_setting" "kv" {
  name                       = "audit"
  target_resource_id         = azurerm_key_vault.app.id
  log_analytics_workspace_id = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law"
  enabled_log {
    category_group = "allLogs"
  }
}
resource "azurerm_private_endpoint" "st" {
  name                = "pe-st"
  location            = "westeurope"
  resource_group_name = "rg"
  subnet_id           = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe"
  private_service_connection {
    name                           = "blob"
    private_connection_resource_id = azurerm_storage_account.app.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
}
resource "azurerm_security_center_subscription_pricing" "vms" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
`,
  });
  expect(d.related(byName(NSG, 'nsg-app'), ['Microsoft.Network/networkWatchers/flowLogs'], 'properties.targetResourceId').matches.map((r) => r.symbol)).toEqual(['azurerm_network_watcher_flow_log.app']);
  expect(d.related(byName(VAULT, 'kv-app'), ['Microsoft.Insights/diagnosticSettings'], 'scope').matches.map((r) => r.symbol)).toEqual(['azurerm_monitor_diagnostic_setting.kv']);
  expect(d.related(byName(STORAGE, 'stapp'), ['Microsoft.Network/privateEndpoints'], 'properties.privateLinkServiceConnections[*].properties.privateLinkServiceId').matches.map((r) => r.symbol)).toEqual(['azurerm_private_endpoint.st']);
  const pricing = d.ofType('Microsoft.Security/pricings');
  expect(pricing.map((p) => [p.name.kind === 'string' ? p.name.value : '?', (p.body.properties.find((x) => x.key === 'properties')?.value as { properties: { key: string; value: { value: unknown } }[] }).properties.find((x) => x.key === 'pricingTier')?.value.value])).toEqual([['VirtualMachines', 'Standard']]);
});

test('ARM: a diagnostic setting scoped by resource id, and folders that are separate deployments', () => {
  const arm = (name: string, extra = '') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    { "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "${name}", "location": "westeurope",
      "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" } } }${extra}
  ]
}`;
  const diag = `,
    { "type": "Microsoft.Insights/diagnosticSettings", "apiVersion": "2021-05-01-preview", "name": "audit",
      "scope": "[format('Microsoft.KeyVault/vaults/{0}', 'kv-dev')]",
      "properties": { "logs": [ { "categoryGroup": "allLogs", "enabled": true } ] } }`;
  const { d, byName } = deploymentOf({ 'envs/dev/vault.json': arm('kv-dev', diag), 'envs/prod/vault.json': arm('kv-dev') });
  const dev = d.ofType(VAULT).find((r) => r.file === 'envs/dev/vault.json')!;
  const prod = d.ofType(VAULT).find((r) => r.file === 'envs/prod/vault.json')!;
  expect(byName(VAULT, 'kv-dev')).toBeDefined();
  expect(d.related(dev, ['Microsoft.Insights/diagnosticSettings'], 'scope').matches).toHaveLength(1);
  // A vault of the same name in a sibling folder is another deployment: the setting is not its own.
  expect(d.related(prod, ['Microsoft.Insights/diagnosticSettings'], 'scope').matches).toHaveLength(0);
});
