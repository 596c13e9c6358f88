// The secure counterpart: the vault authorises through Azure RBAC and grants one narrow role.
param location string = resourceGroup().location
param apiPrincipalId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-example-secure'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    accessPolicies: []
    enableSoftDelete: true
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, apiPrincipalId, 'Key Vault Secrets User')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: apiPrincipalId
    principalType: 'ServicePrincipal'
  }
}
