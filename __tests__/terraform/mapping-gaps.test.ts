/**
 * Mapping gaps reported by the rule authors: where synthesized containers sit, the keys of sourceNames,
 * and the azurerm types and attributes that had no ARM mapping.
 */
import { loadRules } from '../../src/engine/load-rules.js';
import { ruleFiles } from '../../src/engine/rule-files.js';
import { terraformFrontEnd } from '../../src/formats/terraform/index.js';
import { scan } from '../../src/pipeline.js';
import { bySymbol, parseOne, plainAt, pos, valueAt, workspace } from './helpers.js';

function one(text: string, symbol: string) {
  const parsed = parseOne(text);
  expect(parsed.diagnostics).toEqual([]);
  return bySymbol(parsed, symbol);
}

const ACCESS_POLICY = `resource "azurerm_key_vault_access_policy" "writer" {
  key_vault_id       = azurerm_key_vault.orders.id
  tenant_id          = "tenant-1"
  object_id          = "object-1"
  secret_permissions = ["Get", "Set"]
}
`;

describe('synthesized containers', () => {
  const policy = one(ACCESS_POLICY, 'azurerm_key_vault_access_policy.writer');

  it('puts the accessPolicies list of azurerm_key_vault_access_policy on the resource block', () => {
    expect(policy.type).toBe('Microsoft.KeyVault/vaults/accessPolicies');
    expect(plainAt(policy, 'properties.accessPolicies')).toEqual([{ tenantId: 'tenant-1', objectId: 'object-1', permissions: { secrets: ['get', 'set'] } }]);
    for (const path of ['properties', 'properties.accessPolicies', 'properties.accessPolicies.0', 'properties.accessPolicies.0.permissions']) {
      const loc = valueAt(policy, path).loc;
      expect([path, pos(loc), loc.endLine]).toEqual([path, '1:1', 6]);
    }
  });

  it('keeps the attributes themselves at their own text', () => {
    expect(pos(valueAt(policy, 'properties.accessPolicies.0.tenantId').loc)).toBe('3:24');
    expect(pos(valueAt(policy, 'properties.accessPolicies.0.permissions.secrets').loc)).toBe('5:24');
    expect(pos(valueAt(policy, 'properties.accessPolicies.0.permissions.secrets.1').loc)).toBe('5:32');
  });

  it('puts containers synthesized inside a nested block on that block', () => {
    const pe = one(
      `resource "azurerm_private_endpoint" "pe" {
  name      = "pe-kv"
  subnet_id = "/subnets/endpoints"
  ip_configuration {
    name               = "vault"
    private_ip_address = "10.0.0.5"
  }
}
`,
      'azurerm_private_endpoint.pe',
    );
    expect(pos(valueAt(pe, 'properties.subnet').loc)).toBe('1:1');
    expect(pos(valueAt(pe, 'properties.ipConfigurations.0.properties').loc)).toBe('4:3');
    expect(pos(valueAt(pe, 'properties.ipConfigurations.0.properties.privateIPAddress').loc)).toBe('6:26');
  });
});

describe('sourceNames keys', () => {
  it('are ARM paths without list indexes', () => {
    const policy = one(ACCESS_POLICY, 'azurerm_key_vault_access_policy.writer');
    expect(policy.sourceNames).toEqual({
      'properties.accessPolicies.tenantId': 'tenant_id',
      'properties.accessPolicies.objectId': 'object_id',
      'properties.accessPolicies.permissions.secrets': 'secret_permissions',
    });
  });
});

describe('findings on azurerm_key_vault_access_policy', () => {
  const rules = loadRules(ruleFiles()).filter((r) => r.meta.id === 'AZSEC-KV-002' || r.meta.id === 'AZSEC-KV-003');
  const files = { 'main.tf': ACCESS_POLICY };
  const result = scan({ files: [{ path: 'main.tf', text: ACCESS_POLICY }], context: workspace(files), frontEnds: [terraformFrontEnd], rules });

  it('reports "access policies present" on the resource line', () => {
    const f = result.findings.filter((x) => x.ruleId === 'AZSEC-KV-002');
    expect(f.map((x) => [x.location.line, x.location.column])).toEqual([[1, 1]]);
  });

  it('names the Terraform attribute in messages', () => {
    const f = result.findings.filter((x) => x.ruleId === 'AZSEC-KV-003');
    expect(f.map((x) => x.location.line)).toEqual([5]);
    expect(f[0].message).toContain("its secret_permissions include 'set'");
    expect(f[0].message).not.toContain('permissions.secrets');
  });
});

describe('mapping: Cosmos DB ip_range_filter', () => {
  it('splits the 3.x comma-separated string into ipRules items', () => {
    const r = one('resource "azurerm_cosmosdb_account" "db" {\n  name            = "cosmos-orders"\n  ip_range_filter = "10.0.0.0/8, 52.1.2.3"\n}\n', 'azurerm_cosmosdb_account.db');
    expect(r.type).toBe('Microsoft.DocumentDB/databaseAccounts');
    expect(plainAt(r, 'properties.ipRules')).toEqual([{ ipAddressOrRange: '10.0.0.0/8' }, { ipAddressOrRange: '52.1.2.3' }]);
    expect(pos(valueAt(r, 'properties.ipRules.1.ipAddressOrRange').loc)).toBe('3:21');
    expect(r.sourceNames?.['properties.ipRules']).toBe('ip_range_filter');
  });

  it('maps the 4.x list item by item, and an empty string to no rules', () => {
    const r = one('resource "azurerm_cosmosdb_account" "db" {\n  ip_range_filter = ["10.0.0.0/8", "52.1.2.3"]\n}\n', 'azurerm_cosmosdb_account.db');
    expect(plainAt(r, 'properties.ipRules')).toEqual([{ ipAddressOrRange: '10.0.0.0/8' }, { ipAddressOrRange: '52.1.2.3' }]);
    expect(pos(valueAt(r, 'properties.ipRules.1.ipAddressOrRange').loc)).toBe('2:36');
    const empty = one('resource "azurerm_cosmosdb_account" "db" {\n  ip_range_filter = ""\n}\n', 'azurerm_cosmosdb_account.db');
    expect(plainAt(empty, 'properties.ipRules')).toEqual([]);
  });

  it('keeps an unknown filter unknown', () => {
    const r = one('resource "azurerm_cosmosdb_account" "db" {\n  ip_range_filter = var.ranges\n}\n', 'azurerm_cosmosdb_account.db');
    expect(valueAt(r, 'properties.ipRules').kind).toBe('unknown');
  });
});

describe('mapping: Service Bus and Event Hubs network rule sets', () => {
  it('maps servicebus network_rule_set onto properties.networkRuleSet', () => {
    const r = one(
      `resource "azurerm_servicebus_namespace" "bus" {
  name = "sb-orders"
  network_rule_set {
    default_action                = "Deny"
    public_network_access_enabled = false
    ip_rules                      = ["52.1.2.3"]
    trusted_services_allowed      = true
    network_rules {
      subnet_id                            = "/subnets/app"
      ignore_missing_vnet_service_endpoint = false
    }
  }
}
`,
      'azurerm_servicebus_namespace.bus',
    );
    expect(r.type).toBe('Microsoft.ServiceBus/namespaces');
    expect(plainAt(r, 'properties.networkRuleSet')).toEqual({
      defaultAction: 'Deny',
      publicNetworkAccess: 'Disabled',
      ipRules: [{ ipMask: '52.1.2.3' }],
      trustedServiceAccessEnabled: true,
      virtualNetworkRules: [{ subnet: { id: '/subnets/app' }, ignoreMissingVnetServiceEndpoint: false }],
    });
    expect(pos(valueAt(r, 'properties.networkRuleSet.publicNetworkAccess').loc)).toBe('5:37');
    expect(pos(valueAt(r, 'properties.networkRuleSet.ipRules.0.ipMask').loc)).toBe('6:38');
    expect(pos(valueAt(r, 'properties.networkRuleSet.trustedServiceAccessEnabled').loc)).toBe('7:37');
    expect(pos(valueAt(r, 'properties.networkRuleSet.virtualNetworkRules.0.subnet.id').loc)).toBe('9:46');
    expect(r.sourceNames?.['properties.networkRuleSet.publicNetworkAccess']).toBe('network_rule_set.public_network_access_enabled');
  });

  it('maps eventhub network_rulesets (ip_rule and virtual_network_rule blocks)', () => {
    const r = one(
      `resource "azurerm_eventhub_namespace" "hub" {
  name = "evhns-telemetry"
  network_rulesets {
    default_action                 = "Allow"
    trusted_service_access_enabled = true
    ip_rule {
      ip_mask = "52.1.2.3"
      action  = "Allow"
    }
    virtual_network_rule {
      subnet_id = "/subnets/app"
    }
  }
}
`,
      'azurerm_eventhub_namespace.hub',
    );
    expect(r.type).toBe('Microsoft.EventHub/namespaces');
    expect(plainAt(r, 'properties.networkRuleSet')).toEqual({
      defaultAction: 'Allow',
      trustedServiceAccessEnabled: true,
      ipRules: [{ ipMask: '52.1.2.3', action: 'Allow' }],
      virtualNetworkRules: [{ subnet: { id: '/subnets/app' } }],
    });
    expect(pos(valueAt(r, 'properties.networkRuleSet.defaultAction').loc)).toBe('4:38');
    expect(pos(valueAt(r, 'properties.networkRuleSet.ipRules.0').loc)).toBe('6:5');
  });

  it('maps the separate azurerm_servicebus_namespace_network_rule_set to the networkRuleSets child', () => {
    const r = one(
      `resource "azurerm_servicebus_namespace_network_rule_set" "rules" {
  namespace_id   = azurerm_servicebus_namespace.bus.id
  default_action = "Allow"
}
`,
      'azurerm_servicebus_namespace_network_rule_set.rules',
    );
    expect(r.type).toBe('Microsoft.ServiceBus/namespaces/networkRuleSets');
    expect(r.parent).toEqual({ symbol: 'azurerm_servicebus_namespace.bus', file: 'main.tf' });
    expect(plainAt(r, 'properties.defaultAction')).toBe('Allow');
    expect(pos(valueAt(r, 'properties.defaultAction').loc)).toBe('3:20');
  });
});

describe('mapping: private endpoints', () => {
  const text = `resource "azurerm_private_endpoint" "pe" {
  name      = "pe-kv"
  subnet_id = "/subnets/endpoints"
  private_service_connection {
    name                           = "kv"
    private_connection_resource_id = "/vaults/kv-orders"
    subresource_names              = ["vault"]
    is_manual_connection           = true
    request_message                = "please approve"
  }
  ip_configuration {
    name               = "vault"
    private_ip_address = "10.0.0.5"
    subresource_name   = "vault"
    member_name        = "default"
  }
}
`;
  const pe = one(text, 'azurerm_private_endpoint.pe');

  it('puts a manual connection under manualPrivateLinkServiceConnections', () => {
    expect(pe.type).toBe('Microsoft.Network/privateEndpoints');
    expect(plainAt(pe, 'properties.privateLinkServiceConnections')).toBeUndefined();
    expect(plainAt(pe, 'properties.manualPrivateLinkServiceConnections.0.properties')).toEqual({
      privateLinkServiceId: '/vaults/kv-orders',
      groupIds: ['vault'],
      requestMessage: 'please approve',
    });
    expect(pos(valueAt(pe, 'properties.manualPrivateLinkServiceConnections.0').loc)).toBe('4:3');
    expect(pos(valueAt(pe, 'properties.manualPrivateLinkServiceConnections.0.properties.privateLinkServiceId').loc)).toBe('6:38');
    expect(pe.sourceNames?.['properties.manualPrivateLinkServiceConnections']).toBe('private_service_connection');
  });

  it('keeps automatic (and unknown) connections under privateLinkServiceConnections', () => {
    for (const manual of ['false', 'var.manual']) {
      const r = one(text.replace('= true', `= ${manual}`), 'azurerm_private_endpoint.pe');
      expect(getKeys(r.body)).toEqual(['name', 'properties']);
      expect(plainAt(r, 'properties.privateLinkServiceConnections.0.properties.privateLinkServiceId')).toBe('/vaults/kv-orders');
      expect(plainAt(r, 'properties.manualPrivateLinkServiceConnections')).toBeUndefined();
    }
  });

  it('maps ip_configuration blocks to ipConfigurations', () => {
    expect(plainAt(pe, 'properties.ipConfigurations')).toEqual([{ name: 'vault', properties: { privateIPAddress: '10.0.0.5', groupId: 'vault', memberName: 'default' } }]);
    expect(pos(valueAt(pe, 'properties.ipConfigurations.0.properties.groupId').loc)).toBe('14:26');
    expect(pe.sourceNames?.['properties.ipConfigurations.properties.privateIPAddress']).toBe('ip_configuration.private_ip_address');
  });
});

function getKeys(body: { properties: { key: string }[] }): string[] {
  return body.properties.map((p) => p.key);
}

describe('mapping: firewall rules', () => {
  it('maps azurerm_redis_firewall_rule with its cache as parent', () => {
    const r = one(
      `resource "azurerm_redis_firewall_rule" "office" {
  name             = "office"
  redis_cache_name = azurerm_redis_cache.cache.name
  start_ip         = "0.0.0.0"
  end_ip           = "255.255.255.255"
}
`,
      'azurerm_redis_firewall_rule.office',
    );
    expect(r.type).toBe('Microsoft.Cache/redis/firewallRules');
    expect(r.parent).toEqual({ symbol: 'azurerm_redis_cache.cache', file: 'main.tf' });
    expect([plainAt(r, 'properties.startIP'), plainAt(r, 'properties.endIP')]).toEqual(['0.0.0.0', '255.255.255.255']);
    expect(pos(valueAt(r, 'properties.endIP').loc)).toBe('5:22');
    expect(r.sourceNames?.['properties.startIP']).toBe('start_ip');
  });

  it('maps azurerm_mysql_flexible_server_firewall_rule (server given by name)', () => {
    const r = one(
      `resource "azurerm_mysql_flexible_server_firewall_rule" "all" {
  name             = "all"
  server_name      = "mysql-orders"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
`,
      'azurerm_mysql_flexible_server_firewall_rule.all',
    );
    expect(r.type).toBe('Microsoft.DBforMySQL/flexibleServers/firewallRules');
    expect(r.parent).toEqual({ name: 'mysql-orders', type: 'Microsoft.DBforMySQL/flexibleServers' });
    expect(r.name).toMatchObject({ kind: 'string', value: 'mysql-orders/all' });
    expect(plainAt(r, 'properties')).toEqual({ startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' });
    expect(pos(valueAt(r, 'properties.startIpAddress').loc)).toBe('4:22');
  });

  it('maps azurerm_postgresql_flexible_server_firewall_rule (server given by id)', () => {
    const r = one(
      `resource "azurerm_postgresql_flexible_server_firewall_rule" "all" {
  name             = "all"
  server_id        = azurerm_postgresql_flexible_server.pg.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255"
}
`,
      'azurerm_postgresql_flexible_server_firewall_rule.all',
    );
    expect(r.type).toBe('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules');
    expect(r.parent).toEqual({ symbol: 'azurerm_postgresql_flexible_server.pg', file: 'main.tf' });
    expect(plainAt(r, 'properties')).toEqual({ startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' });
    expect(pos(valueAt(r, 'properties.endIpAddress').loc)).toBe('5:22');
  });
});

describe('mapping: other types', () => {
  it('maps azurerm_key_vault_managed_hardware_security_module to managedHSMs', () => {
    const r = one(
      `resource "azurerm_key_vault_managed_hardware_security_module" "hsm" {
  name                          = "hsm-keys"
  sku_name                      = "Standard_B1"
  tenant_id                     = "tenant-1"
  admin_object_ids              = ["object-1"]
  purge_protection_enabled      = false
  soft_delete_retention_days    = 7
  public_network_access_enabled = true
}
`,
      'azurerm_key_vault_managed_hardware_security_module.hsm',
    );
    expect(r.type).toBe('Microsoft.KeyVault/managedHSMs');
    expect(plainAt(r, 'sku.name')).toBe('Standard_B1');
    expect(plainAt(r, 'properties')).toEqual({
      tenantId: 'tenant-1',
      initialAdminObjectIds: ['object-1'],
      enablePurgeProtection: false,
      softDeleteRetentionInDays: 7,
      publicNetworkAccess: 'Enabled',
    });
    expect(pos(valueAt(r, 'properties.enablePurgeProtection').loc)).toBe('6:35');
    expect(pos(valueAt(r, 'properties.publicNetworkAccess').loc)).toBe('8:35');
    expect(r.sourceNames?.['properties.softDeleteRetentionInDays']).toBe('soft_delete_retention_days');
  });

  it('maps azurerm_sql_database (3.x) to a database of its server', () => {
    const r = one(
      `resource "azurerm_sql_database" "db" {
  name        = "sqldb-orders"
  server_name = azurerm_sql_server.sql.name
}
`,
      'azurerm_sql_database.db',
    );
    expect(r.type).toBe('Microsoft.Sql/servers/databases');
    expect(r.parent).toEqual({ symbol: 'azurerm_sql_server.sql', file: 'main.tf' });
    expect(plainAt(r, 'name')).toBe('sqldb-orders');
    expect(pos(valueAt(r, 'name').loc)).toBe('2:17');
  });

  it('maps azurerm_security_center_contact.name to name', () => {
    const r = one('resource "azurerm_security_center_contact" "c" {\n  name  = "default"\n  email = "secops@example.com"\n}\n', 'azurerm_security_center_contact.c');
    expect(r.type).toBe('Microsoft.Security/securityContacts');
    expect(plainAt(r, 'name')).toBe('default');
    expect(pos(valueAt(r, 'name').loc)).toBe('2:11');
    expect(r.name).toMatchObject({ kind: 'string', value: 'default' });
  });

  it('joins storage account_tier and account_replication_type into sku.name', () => {
    const r = one(
      `resource "azurerm_storage_account" "st" {
  name                     = "storders"
  account_replication_type = "GRS"
  account_tier             = "Standard"
}
`,
      'azurerm_storage_account.st',
    );
    expect(r.type).toBe('Microsoft.Storage/storageAccounts');
    expect(plainAt(r, 'sku')).toEqual({ name: 'Standard_GRS', tier: 'Standard' });
    expect(pos(valueAt(r, 'sku.name').loc)).toBe('3:30');
    expect(pos(valueAt(r, 'sku').loc)).toBe('1:1');
    expect(r.sourceNames?.['sku.name']).toBe('account_replication_type');
  });

  it('leaves sku.name unknown when either half is unknown or missing', () => {
    const fromVar = one('resource "azurerm_storage_account" "st" {\n  account_tier             = var.tier\n  account_replication_type = "LRS"\n}\n', 'azurerm_storage_account.st');
    const name = valueAt(fromVar, 'sku.name');
    expect([name.kind, pos(name.loc)]).toEqual(['unknown', '3:30']);
    const noTier = one('resource "azurerm_storage_account" "st" {\n  account_replication_type = "LRS"\n}\n', 'azurerm_storage_account.st');
    expect(valueAt(noTier, 'sku.name')).toMatchObject({ kind: 'unknown', reason: 'account_tier is not set next to account_replication_type' });
  });
});
