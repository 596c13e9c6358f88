/**
 * The Terraform → ARM mapping, as data. One line per mapping; parsed once at load by mapping-table.ts.
 *
 * Type line:       <terraform type>  <ARM type>  [options]
 *   flat            unmapped attributes stay at the top of the body (Microsoft Graph shapes), not under properties
 *   like=<type>     also use the attribute lines of that Terraform type
 *   name=<attr>     the resource's name comes from this attribute (default: `name`)
 *   set:<path>=<v>  a constant written into the body before the attributes (v: true/false/number/text)
 *
 * Attribute line:  <terraform type>.<attribute>[.<nested attribute>...]  <ARM path>  [transforms]
 *   The ARM path is relative to where the enclosing nested block was mapped (the body for top-level
 *   attributes). `*` as type applies to every type. Special targets: `@parent` and `@scope` turn a
 *   reference (or an ID / name string) into Resource.parent / Resource.scope.
 *   list            nested blocks → array items (sub-attributes map into each item)
 *   block           a nested block → one object
 *   enabled         true/false → 'Enabled'/'Disabled'
 *   onoff           true/false → 'On'/'Off'
 *   invert          true/false → false/true (Terraform "x_enabled" vs ARM "disableX")
 *   enforce         true/false → 'Default'/'DoNotEnforce'
 *   json            JSON text (or jsonencode(...)) → object
 *   epoch           RFC 3339 date → seconds since 1970 (Key Vault `exp` / `nbf`)
 *   lower           strings (or lists of strings) → lower case (Key Vault permissions)
 *   namevalue       map → [{name, value}] (app settings)
 *   each:<path>     list of scalars → list of objects holding each at <path>
 *   map:a=b,c=d     string values renamed
 *   csv             a comma-separated string → list of strings (azurerm 3.x); a list passes through
 *   after:<attr>    the sibling attribute's value, '_', then this value (storage sku: Standard_LRS)
 *   when:<attr>=<ARM path>  (with list/block) blocks whose <attr> is true go to this other ARM path
 *   set:<path>=<v>  also write a constant next to the value (relative to the same container, or the item)
 *   type=<ARM type> for @parent/@scope given by name: the type of the thing named
 *
 * Unlisted attributes keep their Terraform name under `properties` (or at the top when `flat`), so nothing
 * is lost. Pseudo types for Microsoft Graph objects: Microsoft.Graph/applications,
 * Microsoft.Graph/applications/passwordCredentials, Microsoft.Graph/applications/federatedIdentityCredentials,
 * Microsoft.Graph/servicePrincipals, Microsoft.Graph/servicePrincipals/passwordCredentials and
 * Microsoft.Graph/conditionalAccessPolicies, each with Graph's camelCase property names at the top level.
 * `azurerm_storage_account_network_rules` becomes the pseudo child `Microsoft.Storage/storageAccounts/networkRules`
 * whose body has the storage account's own shape (`properties.networkAcls.*`), to be overlaid on its parent.
 */
export const AZURERM_MAP = `
# --- every type ---
*.name                                             name
*.location                                         location
*.tags                                             tags
*.identity                                         identity  block
*.identity.type                                    type
*.identity.identity_ids                            userAssignedIdentities

# --- Key Vault ---
azurerm_key_vault                                  Microsoft.KeyVault/vaults
azurerm_key_vault.tenant_id                        properties.tenantId
azurerm_key_vault.sku_name                         properties.sku.name
azurerm_key_vault.enable_rbac_authorization        properties.enableRbacAuthorization
azurerm_key_vault.rbac_authorization_enabled       properties.enableRbacAuthorization
azurerm_key_vault.access_policy                    properties.accessPolicies  list
azurerm_key_vault.access_policy.tenant_id          tenantId
azurerm_key_vault.access_policy.object_id          objectId
azurerm_key_vault.access_policy.application_id     applicationId
azurerm_key_vault.access_policy.secret_permissions       permissions.secrets  lower
azurerm_key_vault.access_policy.key_permissions          permissions.keys  lower
azurerm_key_vault.access_policy.certificate_permissions  permissions.certificates  lower
azurerm_key_vault.access_policy.storage_permissions      permissions.storage  lower
azurerm_key_vault.soft_delete_retention_days       properties.softDeleteRetentionInDays
azurerm_key_vault.soft_delete_enabled              properties.enableSoftDelete
azurerm_key_vault.purge_protection_enabled         properties.enablePurgeProtection
azurerm_key_vault.public_network_access_enabled    properties.publicNetworkAccess  enabled
azurerm_key_vault.enabled_for_deployment           properties.enabledForDeployment
azurerm_key_vault.enabled_for_disk_encryption      properties.enabledForDiskEncryption
azurerm_key_vault.enabled_for_template_deployment  properties.enabledForTemplateDeployment
azurerm_key_vault.network_acls                     properties.networkAcls  block
azurerm_key_vault.network_acls.default_action      defaultAction
azurerm_key_vault.network_acls.bypass              bypass
azurerm_key_vault.network_acls.ip_rules            ipRules  each:value
azurerm_key_vault.network_acls.virtual_network_subnet_ids  virtualNetworkRules  each:id

azurerm_key_vault_access_policy                    Microsoft.KeyVault/vaults/accessPolicies  set:name=add
azurerm_key_vault_access_policy.key_vault_id       @parent
azurerm_key_vault_access_policy.tenant_id          properties.accessPolicies.0.tenantId
azurerm_key_vault_access_policy.object_id          properties.accessPolicies.0.objectId
azurerm_key_vault_access_policy.application_id     properties.accessPolicies.0.applicationId
azurerm_key_vault_access_policy.secret_permissions       properties.accessPolicies.0.permissions.secrets  lower
azurerm_key_vault_access_policy.key_permissions          properties.accessPolicies.0.permissions.keys  lower
azurerm_key_vault_access_policy.certificate_permissions  properties.accessPolicies.0.permissions.certificates  lower
azurerm_key_vault_access_policy.storage_permissions      properties.accessPolicies.0.permissions.storage  lower

azurerm_key_vault_managed_hardware_security_module  Microsoft.KeyVault/managedHSMs
azurerm_key_vault_managed_hardware_security_module.sku_name  sku.name
azurerm_key_vault_managed_hardware_security_module.tenant_id  properties.tenantId
azurerm_key_vault_managed_hardware_security_module.admin_object_ids  properties.initialAdminObjectIds
azurerm_key_vault_managed_hardware_security_module.purge_protection_enabled  properties.enablePurgeProtection
azurerm_key_vault_managed_hardware_security_module.soft_delete_retention_days  properties.softDeleteRetentionInDays
azurerm_key_vault_managed_hardware_security_module.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_key_vault_managed_hardware_security_module.network_acls  properties.networkAcls  block
azurerm_key_vault_managed_hardware_security_module.network_acls.default_action  defaultAction
azurerm_key_vault_managed_hardware_security_module.network_acls.bypass  bypass

azurerm_key_vault_secret                           Microsoft.KeyVault/vaults/secrets
azurerm_key_vault_secret.key_vault_id              @parent
azurerm_key_vault_secret.value                     properties.value
azurerm_key_vault_secret.value_wo                  properties.value
azurerm_key_vault_secret.content_type              properties.contentType
azurerm_key_vault_secret.expiration_date           properties.attributes.exp  epoch
azurerm_key_vault_secret.not_before_date           properties.attributes.nbf  epoch

azurerm_key_vault_key                              Microsoft.KeyVault/vaults/keys
azurerm_key_vault_key.key_vault_id                 @parent
azurerm_key_vault_key.key_type                     properties.kty
azurerm_key_vault_key.key_size                     properties.keySize
azurerm_key_vault_key.curve                        properties.curveName
azurerm_key_vault_key.key_opts                     properties.keyOps
azurerm_key_vault_key.expiration_date              properties.attributes.exp  epoch
azurerm_key_vault_key.not_before_date              properties.attributes.nbf  epoch
azurerm_key_vault_key.rotation_policy              properties.rotationPolicy  block
azurerm_key_vault_key.rotation_policy.expire_after attributes.expiryTime
azurerm_key_vault_key.rotation_policy.automatic    automatic  block

# --- Storage ---
azurerm_storage_account                            Microsoft.Storage/storageAccounts
azurerm_storage_account.account_kind               kind
azurerm_storage_account.account_tier               sku.tier
azurerm_storage_account.account_replication_type   sku.name  after:account_tier
azurerm_storage_account.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_storage_account.allow_nested_items_to_be_public  properties.allowBlobPublicAccess
azurerm_storage_account.allow_blob_public_access   properties.allowBlobPublicAccess
azurerm_storage_account.https_traffic_only_enabled properties.supportsHttpsTrafficOnly
azurerm_storage_account.enable_https_traffic_only  properties.supportsHttpsTrafficOnly
azurerm_storage_account.min_tls_version            properties.minimumTlsVersion
azurerm_storage_account.shared_access_key_enabled  properties.allowSharedKeyAccess
azurerm_storage_account.default_to_oauth_authentication  properties.defaultToOAuthAuthentication
azurerm_storage_account.cross_tenant_replication_enabled properties.allowCrossTenantReplication
azurerm_storage_account.infrastructure_encryption_enabled properties.encryption.requireInfrastructureEncryption
azurerm_storage_account.local_user_enabled         properties.isLocalUserEnabled
azurerm_storage_account.sftp_enabled               properties.isSftpEnabled
azurerm_storage_account.is_hns_enabled             properties.isHnsEnabled
azurerm_storage_account.network_rules              properties.networkAcls  block
azurerm_storage_account.network_rules.default_action   defaultAction
azurerm_storage_account.network_rules.bypass       bypass
azurerm_storage_account.network_rules.ip_rules     ipRules  each:value
azurerm_storage_account.network_rules.virtual_network_subnet_ids  virtualNetworkRules  each:id

azurerm_storage_account_network_rules              Microsoft.Storage/storageAccounts/networkRules
azurerm_storage_account_network_rules.storage_account_id  @parent
azurerm_storage_account_network_rules.default_action      properties.networkAcls.defaultAction
azurerm_storage_account_network_rules.bypass              properties.networkAcls.bypass
azurerm_storage_account_network_rules.ip_rules            properties.networkAcls.ipRules  each:value
azurerm_storage_account_network_rules.virtual_network_subnet_ids  properties.networkAcls.virtualNetworkRules  each:id

azurerm_storage_container                          Microsoft.Storage/storageAccounts/blobServices/containers
azurerm_storage_container.storage_account_id       @parent
azurerm_storage_container.storage_account_name     @parent  type=Microsoft.Storage/storageAccounts
azurerm_storage_container.container_access_type    properties.publicAccess  map:private=None,blob=Blob,container=Container

# --- Databases and data services ---
azurerm_cosmosdb_account                           Microsoft.DocumentDB/databaseAccounts
azurerm_cosmosdb_account.kind                      kind
azurerm_cosmosdb_account.offer_type                properties.databaseAccountOfferType
azurerm_cosmosdb_account.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_cosmosdb_account.is_virtual_network_filter_enabled  properties.isVirtualNetworkFilterEnabled
azurerm_cosmosdb_account.ip_range_filter           properties.ipRules  csv  each:ipAddressOrRange
azurerm_cosmosdb_account.local_authentication_disabled  properties.disableLocalAuth
azurerm_cosmosdb_account.access_key_metadata_writes_enabled  properties.disableKeyBasedMetadataWriteAccess  invert
azurerm_cosmosdb_account.minimal_tls_version       properties.minimalTlsVersion
azurerm_cosmosdb_account.key_vault_key_id          properties.keyVaultKeyUri
azurerm_cosmosdb_account.virtual_network_rule      properties.virtualNetworkRules  list
azurerm_cosmosdb_account.virtual_network_rule.id   id

azurerm_mssql_server                               Microsoft.Sql/servers
azurerm_mssql_server.version                       properties.version
azurerm_mssql_server.administrator_login           properties.administratorLogin
azurerm_mssql_server.administrator_login_password  properties.administratorLoginPassword
azurerm_mssql_server.minimum_tls_version           properties.minimalTlsVersion
azurerm_mssql_server.public_network_access_enabled properties.publicNetworkAccess  enabled
azurerm_mssql_server.outbound_network_restriction_enabled  properties.restrictOutboundNetworkAccess  enabled
azurerm_mssql_server.azuread_administrator         properties.administrators  block
azurerm_mssql_server.azuread_administrator.azuread_authentication_only  azureADOnlyAuthentication
azurerm_mssql_server.azuread_administrator.login_username  login
azurerm_mssql_server.azuread_administrator.object_id  sid
azurerm_mssql_server.azuread_administrator.tenant_id  tenantId
azurerm_sql_server                                 Microsoft.Sql/servers  like=azurerm_mssql_server
azurerm_mssql_database                             Microsoft.Sql/servers/databases
azurerm_mssql_database.server_id                   @parent
azurerm_sql_database                               Microsoft.Sql/servers/databases
azurerm_sql_database.server_name                   @parent  type=Microsoft.Sql/servers
azurerm_mssql_firewall_rule                        Microsoft.Sql/servers/firewallRules
azurerm_mssql_firewall_rule.server_id              @parent
azurerm_mssql_firewall_rule.start_ip_address       properties.startIpAddress
azurerm_mssql_firewall_rule.end_ip_address         properties.endIpAddress
azurerm_sql_firewall_rule                          Microsoft.Sql/servers/firewallRules
azurerm_sql_firewall_rule.server_name              @parent  type=Microsoft.Sql/servers
azurerm_sql_firewall_rule.start_ip_address         properties.startIpAddress
azurerm_sql_firewall_rule.end_ip_address           properties.endIpAddress

azurerm_postgresql_flexible_server                 Microsoft.DBforPostgreSQL/flexibleServers
azurerm_postgresql_flexible_server.sku_name        sku.name
azurerm_postgresql_flexible_server.version         properties.version
azurerm_postgresql_flexible_server.administrator_login     properties.administratorLogin
azurerm_postgresql_flexible_server.administrator_password  properties.administratorLoginPassword
azurerm_postgresql_flexible_server.public_network_access_enabled  properties.network.publicNetworkAccess  enabled
azurerm_postgresql_flexible_server.delegated_subnet_id     properties.network.delegatedSubnetResourceId
azurerm_postgresql_flexible_server.private_dns_zone_id     properties.network.privateDnsZoneArmResourceId
azurerm_postgresql_flexible_server.backup_retention_days   properties.backup.backupRetentionDays
azurerm_postgresql_flexible_server.geo_redundant_backup_enabled  properties.backup.geoRedundantBackup  enabled
azurerm_postgresql_flexible_server.authentication  properties.authConfig  block
azurerm_postgresql_flexible_server.authentication.active_directory_auth_enabled  activeDirectoryAuth  enabled
azurerm_postgresql_flexible_server.authentication.password_auth_enabled  passwordAuth  enabled
azurerm_postgresql_flexible_server.high_availability  properties.highAvailability  block
azurerm_postgresql_flexible_server.high_availability.mode  mode
azurerm_postgresql_flexible_server_firewall_rule   Microsoft.DBforPostgreSQL/flexibleServers/firewallRules
azurerm_postgresql_flexible_server_firewall_rule.server_id  @parent
azurerm_postgresql_flexible_server_firewall_rule.start_ip_address  properties.startIpAddress
azurerm_postgresql_flexible_server_firewall_rule.end_ip_address    properties.endIpAddress

azurerm_mysql_flexible_server                      Microsoft.DBforMySQL/flexibleServers
azurerm_mysql_flexible_server.sku_name             sku.name
azurerm_mysql_flexible_server.version              properties.version
azurerm_mysql_flexible_server.administrator_login  properties.administratorLogin
azurerm_mysql_flexible_server.administrator_password  properties.administratorLoginPassword
azurerm_mysql_flexible_server.public_network_access_enabled  properties.network.publicNetworkAccess  enabled
azurerm_mysql_flexible_server.public_network_access  properties.network.publicNetworkAccess
azurerm_mysql_flexible_server.delegated_subnet_id  properties.network.delegatedSubnetResourceId
azurerm_mysql_flexible_server.private_dns_zone_id  properties.network.privateDnsZoneResourceId
azurerm_mysql_flexible_server.backup_retention_days  properties.backup.backupRetentionDays
azurerm_mysql_flexible_server.geo_redundant_backup_enabled  properties.backup.geoRedundantBackup  enabled
azurerm_mysql_flexible_server_firewall_rule        Microsoft.DBforMySQL/flexibleServers/firewallRules
azurerm_mysql_flexible_server_firewall_rule.server_name  @parent  type=Microsoft.DBforMySQL/flexibleServers
azurerm_mysql_flexible_server_firewall_rule.start_ip_address  properties.startIpAddress
azurerm_mysql_flexible_server_firewall_rule.end_ip_address    properties.endIpAddress

azurerm_redis_cache                                Microsoft.Cache/redis
azurerm_redis_cache.sku_name                       properties.sku.name
azurerm_redis_cache.family                         properties.sku.family
azurerm_redis_cache.capacity                       properties.sku.capacity
azurerm_redis_cache.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_redis_cache.enable_non_ssl_port            properties.enableNonSslPort
azurerm_redis_cache.non_ssl_port_enabled           properties.enableNonSslPort
azurerm_redis_cache.minimum_tls_version            properties.minimumTlsVersion
azurerm_redis_cache.access_keys_authentication_enabled  properties.disableAccessKeyAuthentication  invert
azurerm_redis_cache.subnet_id                      properties.subnetId
azurerm_redis_cache.redis_configuration            properties.redisConfiguration  block
azurerm_redis_cache.redis_configuration.active_directory_authentication_enabled  aad-enabled
azurerm_redis_firewall_rule                        Microsoft.Cache/redis/firewallRules
azurerm_redis_firewall_rule.redis_cache_name       @parent  type=Microsoft.Cache/redis
azurerm_redis_firewall_rule.start_ip               properties.startIP
azurerm_redis_firewall_rule.end_ip                 properties.endIP

azurerm_servicebus_namespace                       Microsoft.ServiceBus/namespaces
azurerm_servicebus_namespace.sku                   sku.name
azurerm_servicebus_namespace.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_servicebus_namespace.local_auth_enabled    properties.disableLocalAuth  invert
azurerm_servicebus_namespace.minimum_tls_version   properties.minimumTlsVersion
azurerm_servicebus_namespace.network_rule_set      properties.networkRuleSet  block
azurerm_servicebus_namespace.network_rule_set.default_action  defaultAction
azurerm_servicebus_namespace.network_rule_set.public_network_access_enabled  publicNetworkAccess  enabled
azurerm_servicebus_namespace.network_rule_set.trusted_services_allowed  trustedServiceAccessEnabled
azurerm_servicebus_namespace.network_rule_set.ip_rules  ipRules  each:ipMask
azurerm_servicebus_namespace.network_rule_set.network_rules  virtualNetworkRules  list
azurerm_servicebus_namespace.network_rule_set.network_rules.subnet_id  subnet.id
azurerm_servicebus_namespace.network_rule_set.network_rules.ignore_missing_vnet_service_endpoint  ignoreMissingVnetServiceEndpoint

azurerm_servicebus_namespace_network_rule_set      Microsoft.ServiceBus/namespaces/networkRuleSets  set:name=default
azurerm_servicebus_namespace_network_rule_set.namespace_id  @parent
azurerm_servicebus_namespace_network_rule_set.default_action  properties.defaultAction
azurerm_servicebus_namespace_network_rule_set.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_servicebus_namespace_network_rule_set.trusted_services_allowed  properties.trustedServiceAccessEnabled
azurerm_servicebus_namespace_network_rule_set.ip_rules  properties.ipRules  each:ipMask
azurerm_servicebus_namespace_network_rule_set.network_rules  properties.virtualNetworkRules  list
azurerm_servicebus_namespace_network_rule_set.network_rules.subnet_id  subnet.id
azurerm_servicebus_namespace_network_rule_set.network_rules.ignore_missing_vnet_service_endpoint  ignoreMissingVnetServiceEndpoint

azurerm_eventhub_namespace                         Microsoft.EventHub/namespaces
azurerm_eventhub_namespace.sku                     sku.name
azurerm_eventhub_namespace.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_eventhub_namespace.local_authentication_enabled  properties.disableLocalAuth  invert
azurerm_eventhub_namespace.minimum_tls_version     properties.minimumTlsVersion
azurerm_eventhub_namespace.network_rulesets        properties.networkRuleSet  block
azurerm_eventhub_namespace.network_rulesets.default_action  defaultAction
azurerm_eventhub_namespace.network_rulesets.public_network_access_enabled  publicNetworkAccess  enabled
azurerm_eventhub_namespace.network_rulesets.trusted_service_access_enabled  trustedServiceAccessEnabled
azurerm_eventhub_namespace.network_rulesets.ip_rule  ipRules  list
azurerm_eventhub_namespace.network_rulesets.ip_rule.ip_mask  ipMask
azurerm_eventhub_namespace.network_rulesets.ip_rule.action  action
azurerm_eventhub_namespace.network_rulesets.virtual_network_rule  virtualNetworkRules  list
azurerm_eventhub_namespace.network_rulesets.virtual_network_rule.subnet_id  subnet.id
azurerm_eventhub_namespace.network_rulesets.virtual_network_rule.ignore_missing_virtual_network_service_endpoint  ignoreMissingVnetServiceEndpoint

azurerm_app_configuration                          Microsoft.AppConfiguration/configurationStores
azurerm_app_configuration.sku                      sku.name
azurerm_app_configuration.public_network_access    properties.publicNetworkAccess
azurerm_app_configuration.local_auth_enabled       properties.disableLocalAuth  invert
azurerm_app_configuration.purge_protection_enabled properties.enablePurgeProtection
azurerm_app_configuration.soft_delete_retention_days  properties.softDeleteRetentionInDays

azurerm_cognitive_account                          Microsoft.CognitiveServices/accounts
azurerm_cognitive_account.kind                     kind
azurerm_cognitive_account.sku_name                 sku.name
azurerm_cognitive_account.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_cognitive_account.local_auth_enabled       properties.disableLocalAuth  invert
azurerm_cognitive_account.custom_subdomain_name    properties.customSubDomainName
azurerm_cognitive_account.outbound_network_access_restricted  properties.restrictOutboundNetworkAccess
azurerm_cognitive_account.network_acls             properties.networkAcls  block
azurerm_cognitive_account.network_acls.default_action  defaultAction
azurerm_cognitive_account.network_acls.ip_rules    ipRules  each:value

azurerm_container_registry                         Microsoft.ContainerRegistry/registries
azurerm_container_registry.sku                     sku.name
azurerm_container_registry.admin_enabled           properties.adminUserEnabled
azurerm_container_registry.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_container_registry.anonymous_pull_enabled  properties.anonymousPullEnabled
azurerm_container_registry.data_endpoint_enabled   properties.dataEndpointEnabled
azurerm_container_registry.zone_redundancy_enabled properties.zoneRedundancy  enabled
azurerm_container_registry.quarantine_policy_enabled  properties.policies.quarantinePolicy.status  enabled
azurerm_container_registry.network_rule_bypass_option  properties.networkRuleBypassOptions
azurerm_container_registry.network_rule_set        properties.networkRuleSet  block
azurerm_container_registry.network_rule_set.default_action  defaultAction

# --- Private networking ---
azurerm_private_endpoint                           Microsoft.Network/privateEndpoints
azurerm_private_endpoint.subnet_id                 properties.subnet.id
azurerm_private_endpoint.private_service_connection  properties.privateLinkServiceConnections  list  when:is_manual_connection=properties.manualPrivateLinkServiceConnections
azurerm_private_endpoint.private_service_connection.name  name
azurerm_private_endpoint.private_service_connection.private_connection_resource_id  properties.privateLinkServiceId
azurerm_private_endpoint.private_service_connection.subresource_names  properties.groupIds
azurerm_private_endpoint.private_service_connection.request_message  properties.requestMessage
azurerm_private_endpoint.ip_configuration          properties.ipConfigurations  list
azurerm_private_endpoint.ip_configuration.name     name
azurerm_private_endpoint.ip_configuration.private_ip_address  properties.privateIPAddress
azurerm_private_endpoint.ip_configuration.subresource_name    properties.groupId
azurerm_private_endpoint.ip_configuration.member_name         properties.memberName
azurerm_private_endpoint.private_dns_zone_group    properties.privateDnsZoneGroups  list
azurerm_private_endpoint.private_dns_zone_group.name  name
azurerm_private_endpoint.private_dns_zone_group.private_dns_zone_ids  properties.privateDnsZoneConfigs  each:properties.privateDnsZoneId

azurerm_private_dns_zone                           Microsoft.Network/privateDnsZones
azurerm_private_dns_zone_virtual_network_link      Microsoft.Network/privateDnsZones/virtualNetworkLinks
azurerm_private_dns_zone_virtual_network_link.private_dns_zone_name  @parent  type=Microsoft.Network/privateDnsZones
azurerm_private_dns_zone_virtual_network_link.virtual_network_id     properties.virtualNetwork.id
azurerm_private_dns_zone_virtual_network_link.registration_enabled   properties.registrationEnabled
azurerm_private_dns_zone_virtual_network_link.resolution_policy      properties.resolutionPolicy

azurerm_virtual_network                            Microsoft.Network/virtualNetworks
azurerm_virtual_network.address_space              properties.addressSpace.addressPrefixes
azurerm_virtual_network.subnet                     properties.subnets  list
azurerm_virtual_network.subnet.name                name
azurerm_virtual_network.subnet.address_prefixes    properties.addressPrefixes
azurerm_virtual_network.subnet.security_group      properties.networkSecurityGroup.id
azurerm_subnet                                     Microsoft.Network/virtualNetworks/subnets
azurerm_subnet.virtual_network_name                @parent  type=Microsoft.Network/virtualNetworks
azurerm_subnet.address_prefixes                    properties.addressPrefixes
azurerm_subnet.private_endpoint_network_policies   properties.privateEndpointNetworkPolicies
azurerm_network_watcher                            Microsoft.Network/networkWatchers

# --- Network security groups ---
azurerm_network_security_group                     Microsoft.Network/networkSecurityGroups
azurerm_network_security_group.security_rule       properties.securityRules  list
azurerm_network_security_group.security_rule.name  name
azurerm_network_security_group.security_rule.description  properties.description
azurerm_network_security_group.security_rule.priority   properties.priority
azurerm_network_security_group.security_rule.direction  properties.direction
azurerm_network_security_group.security_rule.access     properties.access
azurerm_network_security_group.security_rule.protocol   properties.protocol
azurerm_network_security_group.security_rule.source_address_prefix       properties.sourceAddressPrefix
azurerm_network_security_group.security_rule.source_address_prefixes     properties.sourceAddressPrefixes
azurerm_network_security_group.security_rule.destination_address_prefix  properties.destinationAddressPrefix
azurerm_network_security_group.security_rule.destination_address_prefixes  properties.destinationAddressPrefixes
azurerm_network_security_group.security_rule.source_port_range           properties.sourcePortRange
azurerm_network_security_group.security_rule.source_port_ranges          properties.sourcePortRanges
azurerm_network_security_group.security_rule.destination_port_range      properties.destinationPortRange
azurerm_network_security_group.security_rule.destination_port_ranges     properties.destinationPortRanges
azurerm_network_security_group.security_rule.source_application_security_group_ids  properties.sourceApplicationSecurityGroups  each:id
azurerm_network_security_group.security_rule.destination_application_security_group_ids  properties.destinationApplicationSecurityGroups  each:id

azurerm_network_security_rule                      Microsoft.Network/networkSecurityGroups/securityRules
azurerm_network_security_rule.network_security_group_name  @parent  type=Microsoft.Network/networkSecurityGroups
azurerm_network_security_rule.description          properties.description
azurerm_network_security_rule.priority             properties.priority
azurerm_network_security_rule.direction            properties.direction
azurerm_network_security_rule.access               properties.access
azurerm_network_security_rule.protocol             properties.protocol
azurerm_network_security_rule.source_address_prefix       properties.sourceAddressPrefix
azurerm_network_security_rule.source_address_prefixes     properties.sourceAddressPrefixes
azurerm_network_security_rule.destination_address_prefix  properties.destinationAddressPrefix
azurerm_network_security_rule.destination_address_prefixes  properties.destinationAddressPrefixes
azurerm_network_security_rule.source_port_range           properties.sourcePortRange
azurerm_network_security_rule.source_port_ranges          properties.sourcePortRanges
azurerm_network_security_rule.destination_port_range      properties.destinationPortRange
azurerm_network_security_rule.destination_port_ranges     properties.destinationPortRanges
azurerm_network_security_rule.source_application_security_group_ids  properties.sourceApplicationSecurityGroups  each:id
azurerm_network_security_rule.destination_application_security_group_ids  properties.destinationApplicationSecurityGroups  each:id

# --- Flow logs (NSG and virtual network flow logs are the same resource) ---
azurerm_network_watcher_flow_log                   Microsoft.Network/networkWatchers/flowLogs
azurerm_network_watcher_flow_log.network_watcher_name  @parent  type=Microsoft.Network/networkWatchers
azurerm_network_watcher_flow_log.network_security_group_id  properties.targetResourceId
azurerm_network_watcher_flow_log.target_resource_id   properties.targetResourceId
azurerm_network_watcher_flow_log.storage_account_id   properties.storageId
azurerm_network_watcher_flow_log.enabled           properties.enabled
azurerm_network_watcher_flow_log.version           properties.format.version
azurerm_network_watcher_flow_log.retention_policy  properties.retentionPolicy  block
azurerm_network_watcher_flow_log.retention_policy.enabled  enabled
azurerm_network_watcher_flow_log.retention_policy.days     days
azurerm_network_watcher_flow_log.traffic_analytics  properties.flowAnalyticsConfiguration.networkWatcherFlowAnalyticsConfiguration  block
azurerm_network_watcher_flow_log.traffic_analytics.enabled  enabled
azurerm_network_watcher_flow_log.traffic_analytics.workspace_id  workspaceId
azurerm_network_watcher_flow_log.traffic_analytics.workspace_region  workspaceRegion
azurerm_network_watcher_flow_log.traffic_analytics.workspace_resource_id  workspaceResourceId
azurerm_network_watcher_flow_log.traffic_analytics.interval_in_minutes  trafficAnalyticsInterval

# --- Defender for Cloud, Policy ---
azurerm_security_center_subscription_pricing       Microsoft.Security/pricings  set:name=VirtualMachines
azurerm_security_center_subscription_pricing.resource_type  name
azurerm_security_center_subscription_pricing.tier  properties.pricingTier
azurerm_security_center_subscription_pricing.subplan  properties.subPlan
azurerm_security_center_subscription_pricing.extension  properties.extensions  list  set:isEnabled=True
azurerm_security_center_subscription_pricing.extension.name  name
azurerm_security_center_subscription_pricing.extension.additional_extension_properties  additionalExtensionProperties

azurerm_security_center_contact                    Microsoft.Security/securityContacts
azurerm_security_center_contact.name               name
azurerm_security_center_contact.email              properties.emails
azurerm_security_center_contact.phone              properties.phone
azurerm_security_center_contact.alert_notifications  properties.alertNotifications.state  onoff
azurerm_security_center_contact.alerts_to_admins   properties.notificationsByRole.state  onoff

azurerm_subscription_policy_assignment             Microsoft.Authorization/policyAssignments
azurerm_subscription_policy_assignment.subscription_id  @scope
azurerm_subscription_policy_assignment.policy_definition_id  properties.policyDefinitionId
azurerm_subscription_policy_assignment.display_name  properties.displayName
azurerm_subscription_policy_assignment.description  properties.description
azurerm_subscription_policy_assignment.enforce     properties.enforcementMode  enforce
azurerm_subscription_policy_assignment.not_scopes  properties.notScopes
azurerm_subscription_policy_assignment.parameters  properties.parameters  json
azurerm_subscription_policy_assignment.metadata    properties.metadata  json
azurerm_resource_group_policy_assignment           Microsoft.Authorization/policyAssignments  like=azurerm_subscription_policy_assignment
azurerm_resource_group_policy_assignment.resource_group_id  @scope
azurerm_management_group_policy_assignment         Microsoft.Authorization/policyAssignments  like=azurerm_subscription_policy_assignment
azurerm_management_group_policy_assignment.management_group_id  @scope
azurerm_resource_policy_assignment                 Microsoft.Authorization/policyAssignments  like=azurerm_subscription_policy_assignment
azurerm_resource_policy_assignment.resource_id     @scope
azurerm_policy_assignment                          Microsoft.Authorization/policyAssignments  like=azurerm_subscription_policy_assignment
azurerm_policy_assignment.scope                    @scope

azurerm_policy_definition                          Microsoft.Authorization/policyDefinitions
azurerm_policy_definition.management_group_id      @scope
azurerm_policy_definition.policy_type              properties.policyType
azurerm_policy_definition.mode                     properties.mode
azurerm_policy_definition.display_name             properties.displayName
azurerm_policy_definition.description              properties.description
azurerm_policy_definition.policy_rule              properties.policyRule  json
azurerm_policy_definition.parameters               properties.parameters  json
azurerm_policy_definition.metadata                 properties.metadata  json
azurerm_policy_set_definition                      Microsoft.Authorization/policySetDefinitions
azurerm_policy_set_definition.policy_type          properties.policyType
azurerm_policy_set_definition.display_name         properties.displayName
azurerm_policy_set_definition.policy_definition_reference  properties.policyDefinitions  list
azurerm_policy_set_definition.policy_definition_reference.policy_definition_id  policyDefinitionId
azurerm_policy_set_definition.policy_definition_reference.parameter_values  parameters  json

azurerm_role_assignment                            Microsoft.Authorization/roleAssignments
azurerm_role_assignment.scope                      @scope
azurerm_role_assignment.role_definition_id         properties.roleDefinitionId
azurerm_role_assignment.role_definition_name       properties.roleDefinitionName
azurerm_role_assignment.principal_id               properties.principalId
azurerm_role_assignment.principal_type             properties.principalType
azurerm_role_assignment.condition                  properties.condition
azurerm_user_assigned_identity                     Microsoft.ManagedIdentity/userAssignedIdentities
azurerm_resource_group                             Microsoft.Resources/resourceGroups

# --- Monitoring ---
azurerm_monitor_diagnostic_setting                 Microsoft.Insights/diagnosticSettings
azurerm_monitor_diagnostic_setting.target_resource_id  @scope
azurerm_monitor_diagnostic_setting.log_analytics_workspace_id  properties.workspaceId
azurerm_monitor_diagnostic_setting.log_analytics_destination_type  properties.logAnalyticsDestinationType
azurerm_monitor_diagnostic_setting.storage_account_id  properties.storageAccountId
azurerm_monitor_diagnostic_setting.eventhub_authorization_rule_id  properties.eventHubAuthorizationRuleId
azurerm_monitor_diagnostic_setting.eventhub_name   properties.eventHubName
azurerm_monitor_diagnostic_setting.partner_solution_id  properties.marketplacePartnerId
azurerm_monitor_diagnostic_setting.enabled_log     properties.logs  list  set:enabled=true
azurerm_monitor_diagnostic_setting.enabled_log.category  category
azurerm_monitor_diagnostic_setting.enabled_log.category_group  categoryGroup
azurerm_monitor_diagnostic_setting.log             properties.logs  list  set:enabled=true
azurerm_monitor_diagnostic_setting.log.category    category
azurerm_monitor_diagnostic_setting.log.category_group  categoryGroup
azurerm_monitor_diagnostic_setting.log.enabled     enabled
azurerm_monitor_diagnostic_setting.metric          properties.metrics  list  set:enabled=true
azurerm_monitor_diagnostic_setting.metric.category category
azurerm_monitor_diagnostic_setting.metric.enabled  enabled
azurerm_monitor_diagnostic_setting.enabled_metric  properties.metrics  list  set:enabled=true
azurerm_monitor_diagnostic_setting.enabled_metric.category  category

azurerm_monitor_metric_alert                       Microsoft.Insights/metricAlerts
azurerm_monitor_metric_alert.scopes                properties.scopes
azurerm_monitor_metric_alert.enabled               properties.enabled
azurerm_monitor_metric_alert.description           properties.description
azurerm_monitor_metric_alert.severity              properties.severity
azurerm_monitor_metric_alert.frequency             properties.evaluationFrequency
azurerm_monitor_metric_alert.window_size           properties.windowSize
azurerm_monitor_metric_alert.auto_mitigate         properties.autoMitigate
azurerm_monitor_metric_alert.criteria              properties.criteria.allOf  list  set:criterionType=StaticThresholdCriterion
azurerm_monitor_metric_alert.criteria.metric_namespace  metricNamespace
azurerm_monitor_metric_alert.criteria.metric_name  metricName
azurerm_monitor_metric_alert.criteria.aggregation  timeAggregation
azurerm_monitor_metric_alert.criteria.operator     operator
azurerm_monitor_metric_alert.criteria.threshold    threshold
azurerm_monitor_metric_alert.criteria.dimension    dimensions  list
azurerm_monitor_metric_alert.criteria.dimension.name  name
azurerm_monitor_metric_alert.criteria.dimension.operator  operator
azurerm_monitor_metric_alert.criteria.dimension.values  values
azurerm_monitor_metric_alert.action                properties.actions  list
azurerm_monitor_metric_alert.action.action_group_id  actionGroupId
azurerm_monitor_activity_log_alert                 Microsoft.Insights/activityLogAlerts
azurerm_monitor_activity_log_alert.scopes          properties.scopes
azurerm_monitor_activity_log_alert.enabled         properties.enabled
azurerm_monitor_action_group                       Microsoft.Insights/actionGroups
azurerm_monitor_action_group.short_name            properties.groupShortName
azurerm_monitor_action_group.enabled               properties.enabled

azurerm_log_analytics_workspace                    Microsoft.OperationalInsights/workspaces
azurerm_log_analytics_workspace.sku                properties.sku.name
azurerm_log_analytics_workspace.retention_in_days  properties.retentionInDays
azurerm_log_analytics_workspace.internet_ingestion_enabled  properties.publicNetworkAccessForIngestion  enabled
azurerm_log_analytics_workspace.internet_query_enabled  properties.publicNetworkAccessForQuery  enabled
azurerm_log_analytics_workspace.local_authentication_disabled  properties.features.disableLocalAuth
azurerm_log_analytics_workspace.local_authentication_enabled  properties.features.disableLocalAuth  invert

# --- App Service ---
azurerm_linux_web_app                              Microsoft.Web/sites  set:kind=app,linux
azurerm_linux_web_app.service_plan_id              properties.serverFarmId
azurerm_linux_web_app.https_only                   properties.httpsOnly
azurerm_linux_web_app.public_network_access_enabled  properties.publicNetworkAccess  enabled
azurerm_linux_web_app.client_certificate_enabled   properties.clientCertEnabled
azurerm_linux_web_app.virtual_network_subnet_id    properties.virtualNetworkSubnetId
azurerm_linux_web_app.key_vault_reference_identity_id  properties.keyVaultReferenceIdentity
azurerm_linux_web_app.app_settings                 properties.siteConfig.appSettings  namevalue
azurerm_linux_web_app.site_config                  properties.siteConfig  block
azurerm_linux_web_app.site_config.minimum_tls_version  minTlsVersion
azurerm_linux_web_app.site_config.ftps_state       ftpsState
azurerm_linux_web_app.site_config.http2_enabled    http2Enabled
azurerm_linux_web_app.site_config.remote_debugging_enabled  remoteDebuggingEnabled
azurerm_linux_web_app.connection_string            properties.siteConfig.connectionStrings  list
azurerm_linux_web_app.connection_string.name       name
azurerm_linux_web_app.connection_string.type       type
azurerm_linux_web_app.connection_string.value      connectionString
azurerm_windows_web_app                            Microsoft.Web/sites  like=azurerm_linux_web_app  set:kind=app
azurerm_linux_function_app                         Microsoft.Web/sites  like=azurerm_linux_web_app  set:kind=functionapp,linux
azurerm_linux_function_app.storage_account_access_key  properties.storageAccountAccessKey
azurerm_windows_function_app                       Microsoft.Web/sites  like=azurerm_linux_function_app  set:kind=functionapp
azurerm_app_service                                Microsoft.Web/sites  like=azurerm_linux_web_app  set:kind=app
azurerm_function_app                               Microsoft.Web/sites  like=azurerm_linux_function_app  set:kind=functionapp

# --- Microsoft Entra ID (azuread provider), Microsoft Graph shapes ---
azuread_application                                Microsoft.Graph/applications  flat  name=display_name
azuread_application.display_name                   displayName
azuread_application.sign_in_audience               signInAudience
azuread_application.owners                         owners
azuread_application.password                       passwordCredentials  list
azuread_application.password.display_name          displayName
azuread_application.password.start_date            startDateTime
azuread_application.password.end_date             endDateTime
azuread_application.required_resource_access       requiredResourceAccess  list
azuread_application.required_resource_access.resource_app_id  resourceAppId
azuread_application.required_resource_access.resource_access  resourceAccess  list
azuread_application.web                            web  block
azuread_application.web.redirect_uris              redirectUris
azuread_application.web.implicit_grant             implicitGrantSettings  block
azuread_application.web.implicit_grant.access_token_issuance_enabled  enableAccessTokenIssuance
azuread_application.web.implicit_grant.id_token_issuance_enabled      enableIdTokenIssuance
azuread_application_registration                   Microsoft.Graph/applications  flat  name=display_name  like=azuread_application

azuread_application_password                       Microsoft.Graph/applications/passwordCredentials  flat  name=display_name
azuread_application_password.application_id        @parent
azuread_application_password.application_object_id  @parent
azuread_application_password.display_name          displayName
azuread_application_password.start_date            startDateTime
azuread_application_password.end_date              endDateTime
azuread_application_password.end_date_relative     endDateTimeRelative
azuread_application_password.rotate_when_changed   rotateWhenChanged

azuread_service_principal_password                 Microsoft.Graph/servicePrincipals/passwordCredentials  flat  name=display_name
azuread_service_principal_password.service_principal_id  @parent
azuread_service_principal_password.display_name    displayName
azuread_service_principal_password.start_date      startDateTime
azuread_service_principal_password.end_date        endDateTime
azuread_service_principal_password.end_date_relative  endDateTimeRelative
azuread_service_principal_password.rotate_when_changed  rotateWhenChanged

azuread_application_federated_identity_credential  Microsoft.Graph/applications/federatedIdentityCredentials  flat  name=display_name
azuread_application_federated_identity_credential.application_id  @parent
azuread_application_federated_identity_credential.application_object_id  @parent
azuread_application_federated_identity_credential.display_name  name
azuread_application_federated_identity_credential.description  description
azuread_application_federated_identity_credential.audiences  audiences
azuread_application_federated_identity_credential.issuer  issuer
azuread_application_federated_identity_credential.subject  subject

azuread_service_principal                          Microsoft.Graph/servicePrincipals  flat
azuread_service_principal.client_id                appId
azuread_service_principal.application_id           appId
azuread_service_principal.app_role_assignment_required  appRoleAssignmentRequired
azuread_service_principal.owners                   owners

# --- Conditional Access (Microsoft Graph conditionalAccessPolicy) ---
azuread_conditional_access_policy                  Microsoft.Graph/conditionalAccessPolicies  flat  name=display_name
azuread_conditional_access_policy.display_name     displayName
azuread_conditional_access_policy.state            state
azuread_conditional_access_policy.conditions       conditions  block
azuread_conditional_access_policy.conditions.client_app_types  clientAppTypes
azuread_conditional_access_policy.conditions.sign_in_risk_levels  signInRiskLevels
azuread_conditional_access_policy.conditions.user_risk_levels  userRiskLevels
azuread_conditional_access_policy.conditions.service_principal_risk_levels  servicePrincipalRiskLevels
azuread_conditional_access_policy.conditions.users  users  block
azuread_conditional_access_policy.conditions.users.included_users   includeUsers
azuread_conditional_access_policy.conditions.users.excluded_users   excludeUsers
azuread_conditional_access_policy.conditions.users.included_roles   includeRoles
azuread_conditional_access_policy.conditions.users.excluded_roles   excludeRoles
azuread_conditional_access_policy.conditions.users.included_groups  includeGroups
azuread_conditional_access_policy.conditions.users.excluded_groups  excludeGroups
azuread_conditional_access_policy.conditions.applications  applications  block
azuread_conditional_access_policy.conditions.applications.included_applications  includeApplications
azuread_conditional_access_policy.conditions.applications.excluded_applications  excludeApplications
azuread_conditional_access_policy.conditions.applications.included_user_actions  includeUserActions
azuread_conditional_access_policy.conditions.locations  locations  block
azuread_conditional_access_policy.conditions.locations.included_locations  includeLocations
azuread_conditional_access_policy.conditions.locations.excluded_locations  excludeLocations
azuread_conditional_access_policy.conditions.platforms  platforms  block
azuread_conditional_access_policy.conditions.platforms.included_platforms  includePlatforms
azuread_conditional_access_policy.conditions.platforms.excluded_platforms  excludePlatforms
azuread_conditional_access_policy.conditions.client_applications  clientApplications  block
azuread_conditional_access_policy.conditions.client_applications.included_service_principals  includeServicePrincipals
azuread_conditional_access_policy.conditions.client_applications.excluded_service_principals  excludeServicePrincipals
azuread_conditional_access_policy.grant_controls   grantControls  block
azuread_conditional_access_policy.grant_controls.operator  operator
azuread_conditional_access_policy.grant_controls.built_in_controls  builtInControls
azuread_conditional_access_policy.grant_controls.custom_authentication_factors  customAuthenticationFactors
azuread_conditional_access_policy.grant_controls.terms_of_use  termsOfUse
azuread_conditional_access_policy.grant_controls.authentication_strength_policy_id  authenticationStrength.id
azuread_conditional_access_policy.session_controls  sessionControls  block
azuread_conditional_access_policy.session_controls.sign_in_frequency  signInFrequency.value  set:signInFrequency.isEnabled=true
azuread_conditional_access_policy.session_controls.sign_in_frequency_period  signInFrequency.type
azuread_conditional_access_policy.session_controls.sign_in_frequency_interval  signInFrequency.frequencyInterval
azuread_conditional_access_policy.session_controls.sign_in_frequency_authentication_type  signInFrequency.authenticationType
azuread_conditional_access_policy.session_controls.persistent_browser_mode  persistentBrowser.mode  set:persistentBrowser.isEnabled=true
azuread_conditional_access_policy.session_controls.application_enforced_restrictions_enabled  applicationEnforcedRestrictions.isEnabled
azuread_conditional_access_policy.session_controls.cloud_app_security_policy  cloudAppSecurity.cloudAppSecurityType  set:cloudAppSecurity.isEnabled=true
azuread_conditional_access_policy.session_controls.disable_resilience_defaults  disableResilienceDefaults
`;
