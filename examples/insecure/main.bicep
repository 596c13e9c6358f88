// An intentionally insecure example: every resource here breaks a rule of the security guide.
param location string = resourceGroup().location

@description('Left false on purpose: the vault then falls back to access policies.')
param enableRbac bool = false

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-example-insecure'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: enableRbac
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: '00000000-0000-0000-0000-000000000000'
        permissions: {
          secrets: [
            'all'
          ]
        }
      }
    ]
  }
}

resource legacyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-example-legacy'
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
  }
}
