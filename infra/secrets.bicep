// The app's two secrets in Key Vault (RBAC, no access policies): the Function App reads them
// through Key Vault references with its managed identity, so app settings hold only URIs and
// a rotation is a new secret version, not a redeployment (docs/deploy.md, "Rotating secrets").

param keyVaultName string
param location string
param tenantId string

@description('Principal id of the managed identity that reads the secrets.')
param readerPrincipalId string

param keyVaultSecretsUserRoleId string

@secure()
param aadAppClientSecret string

@secure()
param botAadAppClientSecret string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource aadSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(aadAppClientSecret)) {
  parent: vault
  name: 'aad-app-client-secret'
  properties: {
    value: aadAppClientSecret
    contentType: 'Entra app client secret (AAD_APP_CLIENT_SECRET)'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAadAppClientSecret)) {
  parent: vault
  name: 'bot-client-secret'
  properties: {
    value: botAadAppClientSecret
    contentType: 'Bot Entra app client secret (BOT_PASSWORD)'
  }
}

// Versionless URIs: the app follows the newest version of each secret.
output aadAppCredentialRef string = empty(aadAppClientSecret) ? '' : '${vault.properties.vaultUri}secrets/aad-app-client-secret'
output botCredentialRef string = empty(botAadAppClientSecret) ? '' : '${vault.properties.vaultUri}secrets/bot-client-secret'
