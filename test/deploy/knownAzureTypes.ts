/**
 * Generally available API versions known to exist, per resource type, checked in the Azure REST API
 * specifications (Azure/azure-rest-api-specs, specification/<service>/.../stable/<version>) and the
 * template reference on learn.microsoft.com. A preview or made-up version fails the test; add a
 * newer version here only after finding it there.
 */
const documentDbVersions = ['2024-05-15', '2024-08-15', '2024-11-15', '2025-04-15', '2025-10-15'];
const webVersions = ['2024-04-01', '2024-11-01'];
const botServiceVersions = ['2022-09-15'];

export const knownApiVersions: Readonly<Record<string, readonly string[]>> = {
  'Microsoft.ManagedIdentity/userAssignedIdentities': ['2023-01-31', '2024-11-30'],
  'Microsoft.Web/serverfarms': webVersions,
  'Microsoft.Web/sites': webVersions,
  'Microsoft.BotService/botServices': botServiceVersions,
  'Microsoft.BotService/botServices/channels': botServiceVersions,
  'Microsoft.DocumentDB/databaseAccounts': documentDbVersions,
  'Microsoft.DocumentDB/databaseAccounts/sqlDatabases': documentDbVersions,
  'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers': documentDbVersions,
  'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments': documentDbVersions,
};

/** Types the template may point at without creating them: they exist in every account. */
export const existingResourceTypes: readonly string[] = [
  // The built-in data-plane roles (...0001 Data Reader, ...0002 Data Contributor) of every Cosmos DB account.
  'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions',
];

export const dataContributorRoleDefinition = '00000000-0000-0000-0000-000000000002';
