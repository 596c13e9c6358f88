import { bySymbol, parseOne, plainAt, pos, valueAt } from './helpers.js';

describe('azapi_resource', () => {
  it('takes ARM type and apiVersion from `type` and merges an HCL body map', () => {
    const parsed = parseOne(`resource "azapi_resource" "kv" {
  type      = "Microsoft.KeyVault/vaults@2023-07-01"
  name      = "kv-azapi"
  parent_id = azurerm_resource_group.rg.id
  location  = "westeurope"
  body = {
    properties = {
      enableRbacAuthorization = false
      publicNetworkAccess     = "Enabled"
      networkAcls = { defaultAction = "Allow" }
    }
    sku = { name = "standard", family = "A" }
  }
}
`);
    expect(parsed.diagnostics).toEqual([]);
    const r = bySymbol(parsed, 'azapi_resource.kv');
    expect([r.type, r.apiVersion, r.sourceType, r.key]).toEqual(['Microsoft.KeyVault/vaults', '2023-07-01', 'azapi_resource', 'main.tf#azapi_resource.kv']);
    expect(r.name).toMatchObject({ kind: 'string', value: 'kv-azapi' });
    expect(plainAt(r, 'location')).toBe('westeurope');
    expect(plainAt(r, 'properties')).toEqual({ enableRbacAuthorization: false, publicNetworkAccess: 'Enabled', networkAcls: { defaultAction: 'Allow' } });
    expect(plainAt(r, 'sku.name')).toBe('standard');
    expect(pos(valueAt(r, 'properties.enableRbacAuthorization').loc)).toBe('8:33');
    // A resource group is where it is deployed, not a parent or scope.
    expect([r.parent, r.scope]).toEqual([undefined, undefined]);
  });

  it('reads a jsonencode body with locations inside the call', () => {
    const r = bySymbol(
      parseOne(`resource "azapi_resource" "st" {
  type = "Microsoft.Storage/storageAccounts@2023-01-01"
  name = "st"
  body = jsonencode({
    properties = { publicNetworkAccess = var.public ? "Enabled" : "Disabled" }
  })
}
variable "public" { default = true }
`),
      'azapi_resource.st',
    );
    const v = valueAt(r, 'properties.publicNetworkAccess');
    expect(v).toMatchObject({ kind: 'string', value: 'Enabled' });
    expect(pos(v.loc)).toBe('5:55');
    expect(v.origin?.via).toBe('var.public');
  });

  it('uses parent_id as parent for child types and as scope for extension types', () => {
    const parsed = parseOne(`resource "azapi_resource" "rule" {
  type      = "Microsoft.Network/networkSecurityGroups/securityRules@2023-09-01"
  name      = "allow-all"
  parent_id = azapi_resource.nsg.id
  body = { properties = { access = "Allow", sourceAddressPrefix = "*" } }
}
resource "azapi_resource" "diag" {
  parent_id = azurerm_key_vault.kv.id
  type      = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
  name      = "diag"
  body      = { properties = { logs = [{ categoryGroup = "allLogs", enabled = true }] } }
}
`);
    const rule = bySymbol(parsed, 'azapi_resource.rule');
    expect(rule.parent).toEqual({ symbol: 'azapi_resource.nsg', file: 'main.tf' });
    expect(plainAt(rule, 'properties.sourceAddressPrefix')).toBe('*');
    const diag = bySymbol(parsed, 'azapi_resource.diag');
    expect(diag.scope).toEqual({ symbol: 'azurerm_key_vault.kv', file: 'main.tf' });
    expect(plainAt(diag, 'properties.logs')).toEqual([{ categoryGroup: 'allLogs', enabled: true }]);
  });

  it('keeps an unknown body as unknown properties', () => {
    const r = bySymbol(parseOne('resource "azapi_resource" "x" {\n  type = "Microsoft.Cache/redis@2023-08-01"\n  body = jsonencode(var.body)\n}\nvariable "body" {}\n'), 'azapi_resource.x');
    expect(valueAt(r, 'properties')).toMatchObject({ kind: 'unknown', reason: 'variable "body" has no default and no value in a .tfvars file' });
  });

  it('reads a JSON text body', () => {
    const r = bySymbol(parseOne('resource "azapi_resource" "x" {\n  type = "Microsoft.Cache/redis@2023-08-01"\n  body = <<J\n{"properties": {"enableNonSslPort": true}}\nJ\n}\n'), 'azapi_resource.x');
    expect(plainAt(r, 'properties.enableNonSslPort')).toBe(true);
  });

  it('marks azapi data sources as existing', () => {
    const r = bySymbol(parseOne('data "azapi_resource" "x" {\n  type = "Microsoft.KeyVault/vaults@2023-07-01"\n  name = "shared"\n}\n'), 'data.azapi_resource.x');
    expect([r.type, r.existing]).toEqual(['Microsoft.KeyVault/vaults', true]);
  });
});
