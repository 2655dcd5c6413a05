// Dealflow in one resource group: storage (tables + queues, no keys in use), a Flex Consumption
// Function App on Linux/Node 22 that serves the API, the bot endpoint and the tab pages,
// a user-assigned managed identity that opens storage and Key Vault, the secrets in Key Vault,
// Application Insights on a Log Analytics workspace, and the Azure Bot with its Teams channel.
// Deployed by the Agents Toolkit (m365agents.yml, arm/deploy with azure.parameters.json) or by
// `az deployment group create` (docs/deploy.md).

@maxLength(40)
@minLength(4)
@description('Prefix of every resource name: lowercase letters and digits, e.g. "dealflowprod".')
param resourceBaseName string

param location string = resourceGroup().location

@description('Client id of the Entra app of the tab SSO and the API (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('The publisher\'s tenant: home of the Entra app and of MAIL_SENDER (AAD_APP_TENANT_ID).')
param aadAppTenantId string

@secure()
@description('Client secret of the Entra app (Graph on-behalf-of and client credentials). Empty: Graph stays off and Dealflow uses its outbox adapters.')
param aadAppClientSecret string = ''

@description('The shared mailbox Dealflow sends mail from (UPN), in the publisher\'s tenant. Required when aadAppClientSecret is set.')
param mailSender string = ''

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
@description('Bot identity: an Entra app with a secret (SingleTenant), or this deployment\'s managed identity (UserAssignedMSI, no secret at all). Azure creates no new multi-tenant bots.')
param botAppType string = 'SingleTenant'

@description('Client id of the bot\'s Entra app (SingleTenant only; ignored for UserAssignedMSI).')
param botAadAppClientId string = ''

@secure()
@description('Client secret of the bot\'s Entra app (SingleTenant only).')
param botAadAppClientSecret string = ''

param botDisplayName string = 'Dealflow'

@description('The Teams app id (teamsApp/create), for the Open deep links of cards (TEAMS_APP_ID).')
param teamsAppId string = ''

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier: Teams is a standard channel, free on both; S1 lifts the premium-channel message cap.')
param botServiceSku string = 'F0'

@description('Flex Consumption: the most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

// Node 22 is GA on Azure Functions and Flex Consumption's default; Node 24 is still in preview
// there, so it is allowed but not the default (docs/deploy.md "Node.js version", with sources).
// Node 20 reached its end of life on 30 April 2026. CI runs the tests on 22 (.ci/run).
@allowed([
  '22'
  '24'
])
@description('Node.js major version the Function App runs on. 24 only where `az functionapp list-flexconsumption-runtimes --location <region> --runtime node` lists it.')
param nodeVersion string = '22'

// Global names (storage, Key Vault, Function App) need to be unique: the base name plus a hash
// of the resource group keeps re-deployments idempotent and two environments apart.
var suffix = take(uniqueString(resourceGroup().id, resourceBaseName), 6)
var baseName = toLower(resourceBaseName)
// Storage and Key Vault names allow no hyphens (storage) or no trailing one (Key Vault): letters
// and digits only, short enough that the suffix always survives.
var compactName = replace(replace(baseName, '-', ''), '_', '')
var storageAccountName = '${take(compactName, 18)}${suffix}'
var keyVaultName = 'kv${take(compactName, 16)}${suffix}'
var functionAppName = '${baseName}-${suffix}'
var storageSuffix = environment().suffixes.storage
var deploymentContainerName = 'app-package'
var useBotMsi = botAppType == 'UserAssignedMSI'

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // No account key works: the app, the Functions host and deployments all use Entra tokens.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

// Flex Consumption deploys from a zip in this container (functionAppConfig.deployment).
resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// The app's tables and queues (Storage Table/Queue Data Contributor) and the Functions host's
// AzureWebJobsStorage: blobs for keys, leases and deployment (Blob Data Owner), queues and tables
// for timers' and queue triggers' bookkeeping.
var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

// Lets the Functions host send its telemetry with the identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

module secrets 'secrets.bicep' = {
  name: 'dealflow-secrets'
  params: {
    keyVaultName: keyVaultName
    location: location
    tenantId: subscription().tenantId
    readerPrincipalId: identity.properties.principalId
    keyVaultSecretsUserRoleId: roles.keyVaultSecretsUser
    aadAppClientSecret: aadAppClientSecret
    botAadAppClientSecret: useBotMsi ? '' : botAadAppClientSecret
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var botId = useBotMsi ? identity.properties.clientId : botAadAppClientId
var botTenantId = useBotMsi ? identity.properties.tenantId : aadAppTenantId

var baseSettings = {
  // The Functions host's own storage, by identity (no AzureWebJobsStorage connection string).
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identity.properties.clientId
  // The queue trigger's connection is named STORAGE_CONNECTION_STRING (functions/src/registry):
  // with these settings and no value of its own, the host opens it by identity too.
  STORAGE_CONNECTION_STRING__queueServiceUri: 'https://${storage.name}.queue.${storageSuffix}'
  STORAGE_CONNECTION_STRING__credential: 'managedidentity'
  STORAGE_CONNECTION_STRING__clientId: identity.properties.clientId
  // The app's own clients (functions/src/storage): service URLs + this identity. URLs rather
  // than STORAGE_ACCOUNT_NAME so that sovereign clouds work unchanged.
  STORAGE_TABLE_URL: 'https://${storage.name}.table.${storageSuffix}'
  STORAGE_QUEUE_URL: 'https://${storage.name}.queue.${storageSuffix}'
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  // The tab is served at / by the app itself; the host's default home page must not answer there.
  AzureWebJobsDisableHomepage: 'true'
  AUTH_MODE: 'entra'
  SEED: 'none'
  TIMERS: 'on'
  AAD_APP_CLIENT_ID: aadAppClientId
  AAD_APP_TENANT_ID: aadAppTenantId
  BOT_ID: botId
  BOT_TENANT_ID: botTenantId
  BOT_TYPE: botAppType
  // Where clients open the links Dealflow mails them (review links, /r/{token}).
  PUBLIC_BASE_URL: 'https://${functionApp.properties.defaultHostName}'
}

// Graph needs the Entra app's secret (and the mailbox to send from); without one, none is set.
var graphSettings = empty(aadAppClientSecret) ? {} : {
  AAD_APP_CLIENT_SECRET: '@Microsoft.KeyVault(SecretUri=${secrets.outputs.aadAppCredentialRef})'
  MAIL_SENDER: mailSender
}

var botSecretSettings = useBotMsi || empty(botAadAppClientSecret) ? {} : {
  BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${secrets.outputs.botCredentialRef})'
}

var teamsSettings = empty(teamsAppId) ? {} : {
  TEAMS_APP_ID: teamsAppId
}

var appSettings = union(baseSettings, graphSettings, botSecretSettings, teamsSettings)

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // The host's storage from the first start; appSettingsConfig below then sets all of them.
      appSettings: [
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }
  dependsOn: [
    storageRoleAssignments
    deploymentContainer
  ]
}

// Every setting, as one resource (it replaces the whole set): built as an object because its
// values are known only during the deployment, which a for-expression into siteConfig's array
// would not allow.
resource appSettingsConfig 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: appSettings
}

// Basic-auth publishing (FTP, SCM with a password) stays off: deployments use Entra identities.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

var appDomain = functionApp.properties.defaultHostName

var botProperties = {
  displayName: botDisplayName
  endpoint: 'https://${appDomain}/api/messages'
  msaAppId: botId
  msaAppType: botAppType
  msaAppTenantId: botTenantId
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${baseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botServiceSku
  }
  properties: union(botProperties, useBotMsi ? { msaAppMSIResourceId: identity.id } : {})
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

// The Agents Toolkit's arm/deploy writes each output to env/.env.<env> under its own name, where
// the Teams manifest (${{TAB_DOMAIN}}, ${{BOT_ID}}…) and the deploy action read it.
output FUNCTION_APP_RESOURCE_ID string = functionApp.id
output FUNCTION_APP_NAME string = functionApp.name
output FUNCTION_APP_ENDPOINT string = 'https://${appDomain}'
output FUNCTION_APP_DOMAIN string = appDomain
output TAB_ENDPOINT string = 'https://${appDomain}'
output TAB_DOMAIN string = appDomain
output BOT_ID string = botId
output BOT_TENANT_ID string = botTenantId
output BOT_DOMAIN string = appDomain
output BOT_SERVICE_NAME string = bot.name
output STORAGE_ACCOUNT_NAME string = storage.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output APPLICATIONINSIGHTS_RESOURCE_ID string = appInsights.id
output KEY_VAULT_NAME string = keyVaultName
