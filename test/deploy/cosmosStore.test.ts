import { readFileSync } from 'node:fs';
import { containerDeclarations } from '../../services/cosmos/containers';
import { containersParameter, loadTemplate, templatePath } from './armTemplateFiles';
import { isArmObject, valueAt, type ArmValue } from './armValue';
import { containersAsDeployed, containersAsTheCodeDefinesThem } from './deployedContainers';
import { resourcesOfType, theResource } from './deployedResources';
import { exampleDeployment } from './exampleDeployment';
import type { FakeDeployment } from './fakeDeployment';
import { dataContributorRoleDefinition } from './knownAzureTypes';
import type { DeployedResource, TemplateEvaluation } from './templateEvaluation';

let deployed: TemplateEvaluation;
let fake: FakeDeployment;
let account: DeployedResource;
let database: DeployedResource;
beforeAll(() => {
  deployed = exampleDeployment();
  fake = deployed.deployment;
  account = theResource(deployed, 'Microsoft.DocumentDB/databaseAccounts');
  database = theResource(deployed, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
});
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
const shapesOf = (evaluation: TemplateEvaluation) =>
  byId(containersAsDeployed(evaluation).map(({ name: _name, ...container }) => container));

/** The template with one piece of its text replaced, to show the checks catch that mistake. */
function templateWith(original: string, replacement: string) {
  const text = readFileSync(templatePath, 'utf8');
  if (!text.includes(original)) throw new Error(`the template no longer contains ${original}`);
  return loadTemplate(text.replace(original, replacement));
}

describe('the Cosmos DB account', () => {
  it('accepts no keys, keeps session consistency and TLS 1.2', () => {
    expect(account.body).toMatchObject({
      kind: 'GlobalDocumentDB',
      properties: {
        disableLocalAuth: true,
        disableKeyBasedMetadataWriteAccess: true,
        consistencyPolicy: { defaultConsistencyLevel: 'Session' },
        minimalTlsVersion: 'Tls12',
      },
    });
  });

  it('is serverless by default, or the free tier with throughput shared by the database', () => {
    expect(valueAt(account.body, 'properties.capabilities')).toEqual([{ name: 'EnableServerless' }]);
    expect(valueAt(database.body, 'properties.options')).toEqual({});
    const free = exampleDeployment({ cosmosCapacityMode: 'provisionedFreeTier' });
    expect(theResource(free, 'Microsoft.DocumentDB/databaseAccounts').body).toMatchObject({
      properties: { enableFreeTier: true, capabilities: [] },
    });
    expect(
      valueAt(
        theResource(free, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases').body,
        'properties.options',
      ),
    ).toEqual({ throughput: 1000 });
  });

  it('holds the database named by the parameter, onboarding by default', () => {
    expect(loadTemplate().parameters.cosmosDatabaseName?.defaultValue).toBe('onboarding');
    expect(database.name).toBe(`${account.name}/onboarding`);
    expect(valueAt(database.body, 'properties.resource.id')).toBe('onboarding');
  });

  it("gives the bot's identity the built-in Data Contributor role on the account, by principal id", () => {
    const assignment = theResource(deployed, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    expect(assignment.name.startsWith(`${account.name}/`)).toBe(true);
    expect(assignment.body).toMatchObject({
      properties: {
        roleDefinitionId: `${account.id}/sqlRoleDefinitions/${dataContributorRoleDefinition}`,
        principalId: fake.identity.principalId,
        scope: account.id,
      },
    });
    expect(valueAt(assignment.body, 'properties.principalId')).not.toBe(fake.identity.clientId);
  });
});

describe('the containers', () => {
  it('are those of services/cosmos/containers.json, as the code defines them', () => {
    expect(shapesOf(deployed)).toEqual(byId(containersAsTheCodeDefinesThem()));
    for (const container of containersAsDeployed(deployed)) {
      expect(container.name).toBe(`${database.name}/${container.id}`);
    }
  });

  it('come only from the containers parameter: the template names none of them', () => {
    const text = readFileSync(templatePath, 'utf8');
    expect(Object.keys(containerDeclarations).filter((name) => text.includes(`"${name}"`))).toEqual([]);
    expect(loadTemplate().parameters.containers).toMatchObject({ type: 'object' });
    expect(loadTemplate().parameters.containers?.defaultValue).toBeUndefined();
  });

  it('follow the declaration: a container added to it is deployed too', () => {
    const declaration = containersParameter();
    if (!isArmObject(declaration)) throw new Error('the declaration is not an object');
    const added: ArmValue = {
      description: 'Test.',
      partitionKey: '/tenantId',
      uniqueKeys: [['/a', '/b'], ['/c']],
    };
    const grown = exampleDeployment({ containers: { ...declaration, auditTrail: added } });
    expect(containersAsDeployed(grown).find((container) => container.id === 'auditTrail')).toMatchObject({
      partitionKey: { paths: ['/tenantId'], kind: 'Hash', version: 2 },
      uniqueKeys: [['/a', '/b'], ['/c']],
    });
  });

  it('are created one at a time, as shared-throughput databases need', () => {
    const loop = loadTemplate().resources.find((resource) => resource.copy)?.copy;
    expect(loop).toMatchObject({ mode: 'serial', batchSize: 1 });
    expect(
      resourcesOfType(deployed, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers'),
    ).toHaveLength(Object.keys(containerDeclarations).length);
  });
});

describe('the containers check', () => {
  it('fails when the template reads a field the declaration does not have', () => {
    const wrongField = templateWith('.value.partitionKey]', '.value.partitionKeyPath]');
    expect(() => exampleDeployment({}, wrongField)).toThrow(/partitionKeyPath/);
  });

  it('fails when the template maps a field wrongly', () => {
    const wrongMapping = templateWith(
      "createObject('paths', lambdaVariables('paths'))",
      "createObject('paths', createArray())",
    );
    expect(shapesOf(exampleDeployment({}, wrongMapping))).not.toEqual(byId(containersAsTheCodeDefinesThem()));
  });

  it("fails when the template does not skip the declaration's $comment", () => {
    const noFilter = templateWith("'$comment'", "'$nothing'");
    expect(() => exampleDeployment({}, noFilter)).toThrow(/partitionKey/);
  });
});
