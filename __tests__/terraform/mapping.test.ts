import { toPlain } from '../../src/model/value.js';
import { bySymbol, parseOne, plainAt, pos, valueAt } from './helpers.js';

function one(text: string, symbol: string) {
  const parsed = parseOne(text);
  expect(parsed.diagnostics).toEqual([]);
  return bySymbol(parsed, symbol);
}

describe('mapping: Key Vault', () => {
  const kv = one(
    `resource "azurerm_key_vault" "kv" {
  name                          = "kv-app"
  location                      = "westeurope"
  tenant_id                     = "tenant-1"
  sku_name                      = "standard"
  enable_rbac_authorization     = false
  soft_delete_retention_days    = 7
  purge_protection_enabled      = false
  public_network_access_enabled = true
  access_policy {
    tenant_id               = "tenant-1"
    object_id               = "object-1"
    secret_permissions      = ["Get", "List", "Set", "Delete"]
    key_permissions         = ["Get"]
    certificate_permissions = []
  }
  network_acls {
    default_action = "Allow"
    bypass         = "AzureServices"
    ip_rules       = ["1.2.3.4/32"]
  }
}
`,
    'azurerm_key_vault.kv',
  );

  it('maps type, key, symbol and source type', () => {
    expect([kv.type, kv.key, kv.symbol, kv.sourceType, kv.format, kv.file]).toEqual([
      'Microsoft.KeyVault/vaults',
      'main.tf#azurerm_key_vault.kv',
      'azurerm_key_vault.kv',
      'azurerm_key_vault',
      'terraform',
      'main.tf',
    ]);
    expect([pos(kv.loc), kv.loc.endLine]).toEqual(['1:1', 22]);
    expect(kv.name).toMatchObject({ kind: 'string', value: 'kv-app' });
  });

  it('maps attributes onto ARM property paths with the Terraform locations', () => {
    expect(plainAt(kv, 'location')).toBe('westeurope');
    expect(plainAt(kv, 'properties.tenantId')).toBe('tenant-1');
    expect(plainAt(kv, 'properties.sku.name')).toBe('standard');
    expect(plainAt(kv, 'properties.enableRbacAuthorization')).toBe(false);
    expect(plainAt(kv, 'properties.softDeleteRetentionInDays')).toBe(7);
    expect(plainAt(kv, 'properties.enablePurgeProtection')).toBe(false);
    expect(plainAt(kv, 'properties.publicNetworkAccess')).toBe('Enabled');
    expect(pos(valueAt(kv, 'properties.enableRbacAuthorization').loc)).toBe('6:35');
    expect(pos(valueAt(kv, 'properties.publicNetworkAccess').loc)).toBe('9:35');
    expect(kv.sourceNames?.['properties.enableRbacAuthorization']).toBe('enable_rbac_authorization');
    expect(kv.sourceNames?.['properties.publicNetworkAccess']).toBe('public_network_access_enabled');
  });

  it('maps access_policy blocks to accessPolicies with lower-case permissions', () => {
    expect(plainAt(kv, 'properties.accessPolicies')).toEqual([
      { tenantId: 'tenant-1', objectId: 'object-1', permissions: { secrets: ['get', 'list', 'set', 'delete'], keys: ['get'], certificates: [] } },
    ]);
    expect(pos(valueAt(kv, 'properties.accessPolicies.0').loc)).toBe('10:3');
    expect(pos(valueAt(kv, 'properties.accessPolicies.0.permissions.secrets.3').loc)).toBe('13:54');
    expect(kv.sourceNames?.['properties.accessPolicies.permissions.secrets']).toBe('access_policy.secret_permissions');
  });

  it('maps network_acls', () => {
    expect(plainAt(kv, 'properties.networkAcls')).toEqual({ defaultAction: 'Allow', bypass: 'AzureServices', ipRules: [{ value: '1.2.3.4/32' }] });
    expect(pos(valueAt(kv, 'properties.networkAcls.defaultAction').loc)).toBe('18:22');
  });

  it('reads access_policy = [] (attribute syntax) as an empty list', () => {
    const r = one('resource "azurerm_key_vault" "kv" {\n  enable_rbac_authorization = true\n  access_policy = []\n}\n', 'azurerm_key_vault.kv');
    expect(plainAt(r, 'properties.accessPolicies')).toEqual([]);
  });

  it('accepts the azurerm 4.x attribute name for RBAC', () => {
    const v4 = one('resource "azurerm_key_vault" "kv" {\n  rbac_authorization_enabled = true\n}\n', 'azurerm_key_vault.kv');
    expect(plainAt(v4, 'properties.enableRbacAuthorization')).toBe(true);
    expect(v4.sourceNames?.['properties.enableRbacAuthorization']).toBe('rbac_authorization_enabled');
  });

  it('maps a separate access policy resource with its vault as parent', () => {
    const ap = one(
      'resource "azurerm_key_vault_access_policy" "ap" {\n  key_vault_id = azurerm_key_vault.kv.id\n  tenant_id = "t"\n  object_id = "o"\n  secret_permissions = ["Get"]\n}\n',
      'azurerm_key_vault_access_policy.ap',
    );
    expect(ap.type).toBe('Microsoft.KeyVault/vaults/accessPolicies');
    expect(ap.parent).toEqual({ symbol: 'azurerm_key_vault.kv', file: 'main.tf' });
    expect(plainAt(ap, 'properties.accessPolicies')).toEqual([{ tenantId: 't', objectId: 'o', permissions: { secrets: ['get'] } }]);
  });

  it('maps secret and key expiration dates to epoch seconds', () => {
    const s = one(
      'resource "azurerm_key_vault_secret" "s" {\n  name = "api-key"\n  value = "x"\n  key_vault_id = azurerm_key_vault.kv.id\n  expiration_date = "2030-01-01T00:00:00Z"\n  content_type = "text/plain"\n}\n',
      'azurerm_key_vault_secret.s',
    );
    expect(s.type).toBe('Microsoft.KeyVault/vaults/secrets');
    expect(plainAt(s, 'properties.attributes.exp')).toBe(1893456000);
    expect(pos(valueAt(s, 'properties.attributes.exp').loc)).toBe('5:21');
    expect(s.sourceNames?.['properties.attributes.exp']).toBe('expiration_date');
    expect(s.parent?.symbol).toBe('azurerm_key_vault.kv');
    const k = one('resource "azurerm_key_vault_key" "k" {\n  name = "k"\n  key_vault_id = azurerm_key_vault.kv.id\n  key_type = "RSA"\n  expiration_date = "2031-06-30T00:00:00Z"\n}\n', 'azurerm_key_vault_key.k');
    expect([k.type, plainAt(k, 'properties.kty'), plainAt(k, 'properties.attributes.exp')]).toEqual(['Microsoft.KeyVault/vaults/keys', 'RSA', 1940544000]);
  });
});

describe('mapping: storage', () => {
  it('maps storage account settings in 3.x and 4.x names', () => {
    const sa = one(
      `resource "azurerm_storage_account" "sa" {
  name                            = "stapp"
  account_kind                    = "StorageV2"
  public_network_access_enabled   = false
  allow_nested_items_to_be_public = false
  enable_https_traffic_only       = true
  min_tls_version                 = "TLS1_2"
  shared_access_key_enabled       = false
  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}
resource "azurerm_storage_account" "sa4" {
  name                       = "stapp4"
  https_traffic_only_enabled = false
}
`,
      'azurerm_storage_account.sa',
    );
    expect(sa.type).toBe('Microsoft.Storage/storageAccounts');
    expect(plainAt(sa, 'kind')).toBe('StorageV2');
    expect(plainAt(sa, 'properties')).toEqual({
      publicNetworkAccess: 'Disabled',
      allowBlobPublicAccess: false,
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowSharedKeyAccess: false,
      networkAcls: { defaultAction: 'Deny', bypass: ['AzureServices'] },
    });
    const sa4 = bySymbol(parseOne(`resource "azurerm_storage_account" "sa4" {\n  https_traffic_only_enabled = false\n}\n`), 'azurerm_storage_account.sa4');
    expect(plainAt(sa4, 'properties.supportsHttpsTrafficOnly')).toBe(false);
  });

  it('maps azurerm_storage_account_network_rules as an overlay on its account', () => {
    const nr = one(
      'resource "azurerm_storage_account_network_rules" "r" {\n  storage_account_id = azurerm_storage_account.sa.id\n  default_action = "Allow"\n}\n',
      'azurerm_storage_account_network_rules.r',
    );
    expect(nr.type).toBe('Microsoft.Storage/storageAccounts/networkRules');
    expect(nr.parent).toEqual({ symbol: 'azurerm_storage_account.sa', file: 'main.tf' });
    expect(plainAt(nr, 'properties.networkAcls.defaultAction')).toBe('Allow');
  });
});

describe('mapping: data services', () => {
  it.each([
    ['azurerm_cosmosdb_account', 'Microsoft.DocumentDB/databaseAccounts', 'public_network_access_enabled = true', 'properties.publicNetworkAccess', 'Enabled'],
    ['azurerm_cosmosdb_account', 'Microsoft.DocumentDB/databaseAccounts', 'local_authentication_disabled = true', 'properties.disableLocalAuth', true],
    ['azurerm_mssql_server', 'Microsoft.Sql/servers', 'public_network_access_enabled = false', 'properties.publicNetworkAccess', 'Disabled'],
    ['azurerm_mssql_server', 'Microsoft.Sql/servers', 'minimum_tls_version = "1.2"', 'properties.minimalTlsVersion', '1.2'],
    ['azurerm_sql_server', 'Microsoft.Sql/servers', 'public_network_access_enabled = true', 'properties.publicNetworkAccess', 'Enabled'],
    ['azurerm_postgresql_flexible_server', 'Microsoft.DBforPostgreSQL/flexibleServers', 'public_network_access_enabled = true', 'properties.network.publicNetworkAccess', 'Enabled'],
    ['azurerm_mysql_flexible_server', 'Microsoft.DBforMySQL/flexibleServers', 'public_network_access_enabled = false', 'properties.network.publicNetworkAccess', 'Disabled'],
    ['azurerm_redis_cache', 'Microsoft.Cache/redis', 'enable_non_ssl_port = true', 'properties.enableNonSslPort', true],
    ['azurerm_redis_cache', 'Microsoft.Cache/redis', 'non_ssl_port_enabled = false', 'properties.enableNonSslPort', false],
    ['azurerm_servicebus_namespace', 'Microsoft.ServiceBus/namespaces', 'local_auth_enabled = true', 'properties.disableLocalAuth', false],
    ['azurerm_eventhub_namespace', 'Microsoft.EventHub/namespaces', 'public_network_access_enabled = false', 'properties.publicNetworkAccess', 'Disabled'],
    ['azurerm_app_configuration', 'Microsoft.AppConfiguration/configurationStores', 'public_network_access = "Disabled"', 'properties.publicNetworkAccess', 'Disabled'],
    ['azurerm_cognitive_account', 'Microsoft.CognitiveServices/accounts', 'public_network_access_enabled = true', 'properties.publicNetworkAccess', 'Enabled'],
    ['azurerm_container_registry', 'Microsoft.ContainerRegistry/registries', 'admin_enabled = true', 'properties.adminUserEnabled', true],
    ['azurerm_container_registry', 'Microsoft.ContainerRegistry/registries', 'public_network_access_enabled = false', 'properties.publicNetworkAccess', 'Disabled'],
  ])('%s: %s', (tfType, armType, line, path, expected) => {
    const r = one(`resource "${tfType}" "x" {\n  name = "x"\n  ${line}\n}\n`, `${tfType}.x`);
    expect(r.type).toBe(armType);
    expect(plainAt(r, path)).toEqual(expected);
    expect(pos(valueAt(r, path).loc)).toBe(`3:${line.indexOf('=') + 5}`);
  });

  it('maps the SQL Entra administrator block', () => {
    const r = one('resource "azurerm_mssql_server" "s" {\n  azuread_administrator {\n    login_username = "admins"\n    object_id = "oid"\n    azuread_authentication_only = true\n  }\n}\n', 'azurerm_mssql_server.s');
    expect(plainAt(r, 'properties.administrators')).toEqual({ login: 'admins', sid: 'oid', azureADOnlyAuthentication: true });
  });
});

describe('mapping: private networking', () => {
  it('maps a private endpoint with its service connection and DNS zone group', () => {
    const pe = one(
      `resource "azurerm_private_endpoint" "pe" {
  name      = "pe-st"
  subnet_id = azurerm_subnet.pe.id
  private_service_connection {
    name                           = "st-conn"
    private_connection_resource_id = azurerm_storage_account.sa.id
    subresource_names              = ["blob"]
    is_manual_connection           = false
  }
  private_dns_zone_group {
    name                 = "default"
    private_dns_zone_ids = [azurerm_private_dns_zone.blob.id]
  }
}
`,
      'azurerm_private_endpoint.pe',
    );
    expect(pe.type).toBe('Microsoft.Network/privateEndpoints');
    const target = valueAt(pe, 'properties.privateLinkServiceConnections.0.properties.privateLinkServiceId');
    expect(target.kind === 'unknown' && target.ref).toEqual({ symbol: 'azurerm_storage_account.sa', type: 'Microsoft.Storage/storageAccounts', property: 'id', file: 'main.tf' });
    expect(pos(target.loc)).toBe('6:38');
    expect(plainAt(pe, 'properties.privateLinkServiceConnections.0.properties.groupIds')).toEqual(['blob']);
    expect(plainAt(pe, 'properties.privateLinkServiceConnections.0.name')).toBe('st-conn');
    const zone = valueAt(pe, 'properties.privateDnsZoneGroups.0.properties.privateDnsZoneConfigs.0.properties.privateDnsZoneId');
    expect(zone.kind === 'unknown' && zone.ref?.symbol).toBe('azurerm_private_dns_zone.blob');
    expect(pe.sourceNames?.['properties.privateLinkServiceConnections.properties.privateLinkServiceId']).toBe(
      'private_service_connection.private_connection_resource_id',
    );
  });

  it('maps a private DNS zone and its virtual network link', () => {
    const zone = one('resource "azurerm_private_dns_zone" "z" {\n  name = "privatelink.blob.core.windows.net"\n}\n', 'azurerm_private_dns_zone.z');
    expect(zone.type).toBe('Microsoft.Network/privateDnsZones');
    const link = one(
      'resource "azurerm_private_dns_zone_virtual_network_link" "l" {\n  name = "link"\n  private_dns_zone_name = "privatelink.blob.core.windows.net"\n  virtual_network_id = azurerm_virtual_network.v.id\n  registration_enabled = false\n}\n',
      'azurerm_private_dns_zone_virtual_network_link.l',
    );
    expect(link.type).toBe('Microsoft.Network/privateDnsZones/virtualNetworkLinks');
    expect(link.parent).toEqual({ name: 'privatelink.blob.core.windows.net', type: 'Microsoft.Network/privateDnsZones' });
    expect(link.name).toMatchObject({ value: 'privatelink.blob.core.windows.net/link' });
    expect(plainAt(link, 'properties.registrationEnabled')).toBe(false);
    expect(valueAt(link, 'properties.virtualNetwork.id').kind).toBe('unknown');
  });
});

describe('mapping: network security', () => {
  it('maps inline security rules', () => {
    const nsg = one(
      `resource "azurerm_network_security_group" "nsg" {
  name = "nsg-web"
  security_rule {
    name                       = "AllowAll"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "*"
    source_address_prefix      = "*"
    source_port_range          = "*"
    destination_address_prefix = "*"
    destination_port_range     = "*"
  }
  security_rule {
    name                    = "Ssh"
    priority                = 200
    direction               = "Inbound"
    access                  = "Allow"
    protocol                = "Tcp"
    source_address_prefixes = ["10.0.1.0/24"]
    destination_port_ranges = ["22", "3389"]
  }
}
`,
      'azurerm_network_security_group.nsg',
    );
    expect(nsg.type).toBe('Microsoft.Network/networkSecurityGroups');
    expect(plainAt(nsg, 'properties.securityRules.0')).toEqual({
      name: 'AllowAll',
      properties: {
        priority: 100,
        direction: 'Inbound',
        access: 'Allow',
        protocol: '*',
        sourceAddressPrefix: '*',
        sourcePortRange: '*',
        destinationAddressPrefix: '*',
        destinationPortRange: '*',
      },
    });
    expect(plainAt(nsg, 'properties.securityRules.1.properties.sourceAddressPrefixes')).toEqual(['10.0.1.0/24']);
    expect(plainAt(nsg, 'properties.securityRules.1.properties.destinationPortRanges')).toEqual(['22', '3389']);
    expect(pos(valueAt(nsg, 'properties.securityRules.0.properties.sourceAddressPrefix').loc)).toBe('9:34');
    expect(nsg.sourceNames?.['properties.securityRules.properties.sourceAddressPrefix']).toBe('security_rule.source_address_prefix');
  });

  it('maps security rules given with attribute syntax', () => {
    const nsg = one(
      'resource "azurerm_network_security_group" "nsg" {\n  security_rule = [{\n    name = "r"\n    access = "Deny"\n  }]\n}\n',
      'azurerm_network_security_group.nsg',
    );
    expect(plainAt(nsg, 'properties.securityRules')).toEqual([{ name: 'r', properties: { access: 'Deny' } }]);
  });

  it('expands dynamic security_rule blocks over a known collection', () => {
    const nsg = one(
      `locals {
  rules = [
    { name = "https", port = "443", prio = 100 },
    { name = "ssh", port = "22", prio = 110 },
  ]
}
resource "azurerm_network_security_group" "nsg" {
  dynamic "security_rule" {
    for_each = local.rules
    content {
      name                   = security_rule.value.name
      priority               = security_rule.value.prio
      destination_port_range = security_rule.value.port
    }
  }
}
`,
      'azurerm_network_security_group.nsg',
    );
    expect(plainAt(nsg, 'properties.securityRules')).toEqual([
      { name: 'https', properties: { priority: 100, destinationPortRange: '443' } },
      { name: 'ssh', properties: { priority: 110, destinationPortRange: '22' } },
    ]);
    const port = valueAt(nsg, 'properties.securityRules.1.properties.destinationPortRange');
    expect(pos(port.loc)).toBe('13:32');
    expect([port.origin?.via, pos(port.origin!.location)]).toEqual(['security_rule.value.port', '4:28']);
  });

  it('keeps one rule with unknown values when a dynamic for_each is not known', () => {
    const nsg = one(
      'resource "azurerm_network_security_group" "nsg" {\n  dynamic "security_rule" {\n    for_each = var.rules\n    iterator = r\n    content {\n      name = r.value.name\n      access = "Allow"\n    }\n  }\n}\nvariable "rules" {}\n',
      'azurerm_network_security_group.nsg',
    );
    expect(plainAt(nsg, 'properties.securityRules.0.properties.access')).toBe('Allow');
    const name = valueAt(nsg, 'properties.securityRules.0.name');
    expect(name.kind === 'unknown' && name.reason).toMatch(/^r of dynamic "security_rule" \(for_each not known statically/);
  });

  it('maps a standalone rule with its NSG as parent by reference or by name', () => {
    const byRef = one(
      'resource "azurerm_network_security_rule" "r" {\n  name = "AllowSsh"\n  network_security_group_name = azurerm_network_security_group.nsg.name\n  source_address_prefix = "Internet"\n  destination_port_range = "22"\n  access = "Allow"\n  direction = "Inbound"\n}\n',
      'azurerm_network_security_rule.r',
    );
    expect(byRef.type).toBe('Microsoft.Network/networkSecurityGroups/securityRules');
    expect(byRef.parent).toEqual({ symbol: 'azurerm_network_security_group.nsg', file: 'main.tf' });
    expect(plainAt(byRef, 'properties')).toEqual({ sourceAddressPrefix: 'Internet', destinationPortRange: '22', access: 'Allow', direction: 'Inbound' });
    const byName = one('resource "azurerm_network_security_rule" "r" {\n  name = "r1"\n  network_security_group_name = "nsg-1"\n}\n', 'azurerm_network_security_rule.r');
    expect(byName.parent).toEqual({ name: 'nsg-1', type: 'Microsoft.Network/networkSecurityGroups' });
    expect(byName.name).toMatchObject({ value: 'nsg-1/r1' });
  });

  it('maps NSG and virtual network flow logs', () => {
    const fl = one(
      `resource "azurerm_network_watcher_flow_log" "fl" {
  name                      = "fl"
  network_watcher_name      = "NetworkWatcher_westeurope"
  network_security_group_id = azurerm_network_security_group.nsg.id
  storage_account_id        = azurerm_storage_account.logs.id
  enabled                   = true
  retention_policy {
    enabled = true
    days    = 30
  }
  traffic_analytics {
    enabled               = true
    workspace_resource_id = azurerm_log_analytics_workspace.la.id
    interval_in_minutes   = 10
  }
}
`,
      'azurerm_network_watcher_flow_log.fl',
    );
    expect(fl.type).toBe('Microsoft.Network/networkWatchers/flowLogs');
    expect(fl.parent).toEqual({ name: 'NetworkWatcher_westeurope', type: 'Microsoft.Network/networkWatchers' });
    expect(valueAt(fl, 'properties.targetResourceId')).toMatchObject({ kind: 'unknown', ref: { symbol: 'azurerm_network_security_group.nsg' } });
    expect(plainAt(fl, 'properties.enabled')).toBe(true);
    expect(plainAt(fl, 'properties.retentionPolicy')).toEqual({ enabled: true, days: 30 });
    expect(plainAt(fl, 'properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration.trafficAnalyticsInterval')).toBe(10);
    expect(pos(valueAt(fl, 'properties.retentionPolicy.days').loc)).toBe('9:15');
    const vnet = one('resource "azurerm_network_watcher_flow_log" "v" {\n  target_resource_id = azurerm_virtual_network.v.id\n  enabled = false\n}\n', 'azurerm_network_watcher_flow_log.v');
    expect(valueAt(vnet, 'properties.targetResourceId')).toMatchObject({ kind: 'unknown', ref: { symbol: 'azurerm_virtual_network.v' } });
  });
});

describe('mapping: Defender for Cloud and Policy', () => {
  it('maps subscription pricing: resource type is the name', () => {
    const p = one(
      'resource "azurerm_security_center_subscription_pricing" "st" {\n  tier = "Standard"\n  resource_type = "StorageAccounts"\n  subplan = "DefenderForStorageV2"\n}\n',
      'azurerm_security_center_subscription_pricing.st',
    );
    expect([p.type, toPlain(p.name), plainAt(p, 'properties.pricingTier'), plainAt(p, 'properties.subPlan')]).toEqual([
      'Microsoft.Security/pricings',
      'StorageAccounts',
      'Standard',
      'DefenderForStorageV2',
    ]);
    const dflt = one('resource "azurerm_security_center_subscription_pricing" "vm" {\n  tier = "Free"\n}\n', 'azurerm_security_center_subscription_pricing.vm');
    expect(dflt.name).toMatchObject({ value: 'VirtualMachines' });
  });

  it('maps the security contact', () => {
    const c = one(
      'resource "azurerm_security_center_contact" "c" {\n  name = "default"\n  email = "sec@example.com"\n  alert_notifications = true\n  alerts_to_admins = false\n}\n',
      'azurerm_security_center_contact.c',
    );
    expect(c.type).toBe('Microsoft.Security/securityContacts');
    expect(plainAt(c, 'properties')).toEqual({ emails: 'sec@example.com', alertNotifications: { state: 'On' }, notificationsByRole: { state: 'Off' } });
  });

  it.each([
    ['azurerm_subscription_policy_assignment', 'subscription_id', 'data.azurerm_subscription.current.id'],
    ['azurerm_resource_group_policy_assignment', 'resource_group_id', 'azurerm_resource_group.rg.id'],
    ['azurerm_management_group_policy_assignment', 'management_group_id', 'azurerm_management_group.mg.id'],
    ['azurerm_resource_policy_assignment', 'resource_id', 'azurerm_storage_account.sa.id'],
  ])('maps %s with enforce = false to DoNotEnforce', (tfType, scopeAttr, scopeRef) => {
    const a = one(
      `resource "${tfType}" "a" {\n  name = "require-https"\n  ${scopeAttr} = ${scopeRef}\n  policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/404c3081"\n  enforce = false\n}\n`,
      `${tfType}.a`,
    );
    expect(a.type).toBe('Microsoft.Authorization/policyAssignments');
    expect(plainAt(a, 'properties.enforcementMode')).toBe('DoNotEnforce');
    expect(plainAt(a, 'properties.policyDefinitionId')).toBe('/providers/Microsoft.Authorization/policyDefinitions/404c3081');
    expect(a.scope?.symbol).toBe(scopeRef.replace(/\.id$/, ''));
    expect(a.sourceNames?.['properties.enforcementMode']).toBe('enforce');
  });

  it('maps a policy definition with its rule from a heredoc or jsonencode', () => {
    const d = one(
      `resource "azurerm_policy_definition" "p" {
  name         = "deny-public-cosmos"
  policy_type  = "Custom"
  mode         = "All"
  display_name = "Cosmos DB must not be public"
  policy_rule  = <<RULE
{"if": {"field": "type", "equals": "Microsoft.DocumentDB/databaseAccounts"}, "then": {"effect": "Deny"}}
RULE
  parameters = jsonencode({ effect = { type = "String" } })
}
`,
      'azurerm_policy_definition.p',
    );
    expect(d.type).toBe('Microsoft.Authorization/policyDefinitions');
    expect(plainAt(d, 'properties.policyRule')).toEqual({ if: { field: 'type', equals: 'Microsoft.DocumentDB/databaseAccounts' }, then: { effect: 'Deny' } });
    expect(plainAt(d, 'properties.parameters')).toEqual({ effect: { type: 'String' } });
    expect(pos(valueAt(d, 'properties.parameters.effect.type').loc)).toBe('9:47');
  });
});

describe('mapping: monitoring', () => {
  it('maps a diagnostic setting: target is the scope, logs and metrics are lists', () => {
    const d = one(
      `resource "azurerm_monitor_diagnostic_setting" "kv" {
  name                       = "security-logs"
  target_resource_id         = azurerm_key_vault.kv.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.la.id
  enabled_log {
    category_group = "allLogs"
  }
  enabled_log {
    category = "AuditEvent"
  }
  metric {
    category = "AllMetrics"
    enabled  = false
  }
}
`,
      'azurerm_monitor_diagnostic_setting.kv',
    );
    expect(d.type).toBe('Microsoft.Insights/diagnosticSettings');
    expect(d.scope).toEqual({ symbol: 'azurerm_key_vault.kv', file: 'main.tf' });
    expect(valueAt(d, 'properties.workspaceId')).toMatchObject({ kind: 'unknown', ref: { symbol: 'azurerm_log_analytics_workspace.la', property: 'id' } });
    expect(plainAt(d, 'properties.logs')).toEqual([
      { enabled: true, categoryGroup: 'allLogs' },
      { enabled: true, category: 'AuditEvent' },
    ]);
    expect(plainAt(d, 'properties.metrics')).toEqual([{ enabled: false, category: 'AllMetrics' }]);
    expect(pos(valueAt(d, 'properties.logs.0.categoryGroup').loc)).toBe('6:22');
  });

  it('maps a metric alert with criteria and actions', () => {
    const a = one(
      `resource "azurerm_monitor_metric_alert" "a" {
  name        = "kv-secret-reads"
  scopes      = [azurerm_key_vault.kv.id]
  severity    = 1
  frequency   = "PT5M"
  window_size = "PT15M"
  criteria {
    metric_namespace = "Microsoft.KeyVault/vaults"
    metric_name      = "ServiceApiResult"
    aggregation      = "Count"
    operator         = "GreaterThan"
    threshold        = 100
    dimension {
      name     = "ActivityType"
      operator = "Include"
      values   = ["SecretGet"]
    }
  }
  action {
    action_group_id = azurerm_monitor_action_group.sec.id
  }
}
`,
      'azurerm_monitor_metric_alert.a',
    );
    expect(a.type).toBe('Microsoft.Insights/metricAlerts');
    expect(plainAt(a, 'properties.severity')).toBe(1);
    expect(plainAt(a, 'properties.evaluationFrequency')).toBe('PT5M');
    expect(plainAt(a, 'properties.criteria.allOf.0')).toEqual({
      criterionType: 'StaticThresholdCriterion',
      metricNamespace: 'Microsoft.KeyVault/vaults',
      metricName: 'ServiceApiResult',
      timeAggregation: 'Count',
      operator: 'GreaterThan',
      threshold: 100,
      dimensions: [{ name: 'ActivityType', operator: 'Include', values: ['SecretGet'] }],
    });
    expect(valueAt(a, 'properties.actions.0.actionGroupId').kind).toBe('unknown');
  });

  it('maps a Log Analytics workspace', () => {
    const w = one('resource "azurerm_log_analytics_workspace" "la" {\n  name = "la"\n  retention_in_days = 90\n  internet_ingestion_enabled = false\n}\n', 'azurerm_log_analytics_workspace.la');
    expect([w.type, plainAt(w, 'properties.retentionInDays'), plainAt(w, 'properties.publicNetworkAccessForIngestion')]).toEqual([
      'Microsoft.OperationalInsights/workspaces',
      90,
      'Disabled',
    ]);
  });
});

describe('mapping: App Service', () => {
  it.each([
    ['azurerm_linux_web_app', 'app,linux'],
    ['azurerm_windows_web_app', 'app'],
    ['azurerm_linux_function_app', 'functionapp,linux'],
    ['azurerm_windows_function_app', 'functionapp'],
  ])('%s app_settings become siteConfig.appSettings', (tfType, kind) => {
    const app = one(
      `resource "${tfType}" "app" {\n  name = "app"\n  https_only = true\n  app_settings = {\n    API_KEY = "hunter2"\n  }\n  site_config {\n    minimum_tls_version = "1.2"\n  }\n}\n`,
      `${tfType}.app`,
    );
    expect(app.type).toBe('Microsoft.Web/sites');
    expect(plainAt(app, 'kind')).toBe(kind);
    expect(plainAt(app, 'properties.httpsOnly')).toBe(true);
    expect(plainAt(app, 'properties.siteConfig')).toEqual({ appSettings: [{ name: 'API_KEY', value: 'hunter2' }], minTlsVersion: '1.2' });
    expect(pos(valueAt(app, 'properties.siteConfig.appSettings.0.value').loc)).toBe('5:15');
  });
});

describe('mapping: Entra ID (azuread) credentials', () => {
  it('maps application and service principal passwords to Graph pseudo types', () => {
    const p = one(
      'resource "azuread_application_password" "p" {\n  application_id = azuread_application.app.id\n  display_name = "ci"\n  end_date = "2099-01-01T00:00:00Z"\n}\n',
      'azuread_application_password.p',
    );
    expect(p.type).toBe('Microsoft.Graph/applications/passwordCredentials');
    expect(p.parent).toEqual({ symbol: 'azuread_application.app', file: 'main.tf' });
    expect(plainAt(p, 'endDateTime')).toBe('2099-01-01T00:00:00Z');
    expect(p.name).toMatchObject({ value: 'ci' });
    const sp = one('resource "azuread_service_principal_password" "s" {\n  service_principal_id = azuread_service_principal.sp.id\n}\n', 'azuread_service_principal_password.s');
    expect(sp.type).toBe('Microsoft.Graph/servicePrincipals/passwordCredentials');
  });

  it('maps application password blocks and federated credentials', () => {
    const app = one(
      'resource "azuread_application" "app" {\n  display_name = "my-app"\n  password {\n    display_name = "legacy"\n    end_date = "2030-01-01T00:00:00Z"\n  }\n}\n',
      'azuread_application.app',
    );
    expect(app.type).toBe('Microsoft.Graph/applications');
    expect(plainAt(app, 'passwordCredentials')).toEqual([{ displayName: 'legacy', endDateTime: '2030-01-01T00:00:00Z' }]);
    const fic = one(
      'resource "azuread_application_federated_identity_credential" "gh" {\n  application_id = azuread_application.app.id\n  display_name = "github"\n  issuer = "https://token.actions.githubusercontent.com"\n  subject = "repo:org/repo:ref:refs/heads/main"\n  audiences = ["api://AzureADTokenExchange"]\n}\n',
      'azuread_application_federated_identity_credential.gh',
    );
    expect(fic.type).toBe('Microsoft.Graph/applications/federatedIdentityCredentials');
    expect(plainAt(fic, 'subject')).toBe('repo:org/repo:ref:refs/heads/main');
  });
});

describe('mapping: resource-level behaviour', () => {
  it('marks data sources as existing', () => {
    const d = one('data "azurerm_key_vault" "kv" {\n  name = "shared"\n  resource_group_name = "rg"\n}\n', 'data.azurerm_key_vault.kv');
    expect([d.existing, d.type, d.key]).toEqual([true, 'Microsoft.KeyVault/vaults', 'main.tf#data.azurerm_key_vault.kv']);
  });

  it('marks count = cond ? 1 : 0 as conditional and other count / for_each as loops', () => {
    const parsed = parseOne(
      'resource "azurerm_key_vault" "a" {\n  count = var.on ? 1 : 0\n}\nresource "azurerm_key_vault" "b" {\n  count = 3\n  name = "kv-${count.index}"\n}\nresource "azurerm_key_vault" "c" {\n  for_each = toset(["x"])\n  name = each.key\n}\nvariable "on" {}\n',
    );
    const [a, b, c] = ['a', 'b', 'c'].map((n) => bySymbol(parsed, `azurerm_key_vault.${n}`));
    expect([a.conditional, a.loop]).toEqual([true, undefined]);
    expect([b.conditional, b.loop]).toEqual([undefined, true]);
    expect(b.name).toMatchObject({ kind: 'unknown', reason: 'count.index (one value per instance)' });
    expect(c.loop).toBe(true);
    expect(c.name).toMatchObject({ kind: 'unknown', reason: 'each.key (for_each is not expanded)' });
    expect(plainAt(a, 'properties.count')).toBeUndefined();
    const single = bySymbol(parseOne('resource "azurerm_key_vault" "one" {\n  count = 1\n}\n'), 'azurerm_key_vault.one');
    expect([single.conditional, single.loop]).toEqual([undefined, undefined]);
  });

  it('re-reads a file whose text changed under the same path', () => {
    expect(bySymbol(parseOne('resource "azurerm_key_vault" "kv" {\n  name = "first"\n}\n'), 'azurerm_key_vault.kv').name).toMatchObject({ value: 'first' });
    expect(bySymbol(parseOne('resource "azurerm_key_vault" "kv" {\n  name = "second"\n}\n'), 'azurerm_key_vault.kv').name).toMatchObject({ value: 'second' });
  });

  it('keeps unmapped attributes under properties with their Terraform names', () => {
    const r = one('resource "azurerm_key_vault" "kv" {\n  resource_group_name = "rg"\n  some_future_flag = true\n  timeouts {\n    create = "1h"\n  }\n}\n', 'azurerm_key_vault.kv');
    expect(plainAt(r, 'properties')).toEqual({ resource_group_name: 'rg', some_future_flag: true });
  });

  it('maps unknown azurerm types to a Terraform pseudo type and skips other providers', () => {
    const parsed = parseOne('resource "azurerm_linux_virtual_machine" "vm" {\n  name = "vm"\n  admin_username = "azureuser"\n}\nresource "random_string" "s" {\n  length = 4\n}\n');
    expect(parsed.resources.map((r) => [r.symbol, r.type])).toEqual([['azurerm_linux_virtual_machine.vm', 'Terraform/azurerm_linux_virtual_machine']]);
    expect(plainAt(parsed.resources[0], 'properties.admin_username')).toBe('azureuser');
  });

  it('maps identity blocks', () => {
    const r = one('resource "azurerm_storage_account" "sa" {\n  identity {\n    type = "SystemAssigned"\n  }\n}\n', 'azurerm_storage_account.sa');
    expect(plainAt(r, 'identity')).toEqual({ type: 'SystemAssigned' });
  });
});
