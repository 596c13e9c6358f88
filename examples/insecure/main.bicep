// An intentionally insecure example: each resource breaks a rule of the security guide.
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

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: 'stexampleinsecure'
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'nsg-example-insecure'
  location: location
  properties: {
    securityRules: [
      {
        name: 'ssh-from-anywhere'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          sourceAddressPrefix: '*'
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: '22'
        }
      }
    ]
  }
}

resource storageKeyCheck 'Microsoft.Web/sites@2023-01-01' = {
  name: 'app-example-insecure'
  location: location
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'STORAGE_CONNECTION'
          value: 'DefaultEndpointsProtocol=https;AccountName=stexampleinsecure;AccountKey=Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmE=;EndpointSuffix=core.windows.net'
        }
      ]
    }
  }
}
