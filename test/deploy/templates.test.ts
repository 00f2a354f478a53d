import { readFileSync } from 'node:fs';
import {
  loadExampleParameters,
  loadTemplate,
  loadTemplateJson,
  parametersFilePath,
  templatePath,
  type ArmTemplate,
} from './armTemplateFiles';
import { exampleDeployment } from './exampleDeployment';
import { callsIn, literalFirstArguments, type ExpressionCall } from './expressionCalls';
import { existingResourceTypes, knownApiVersions } from './knownAzureTypes';
import type { TemplateEvaluation } from './templateEvaluation';

let template: ArmTemplate;
let calls: ExpressionCall[];
let templateTypes: Set<string>;
beforeAll(() => {
  template = loadTemplate();
  calls = callsIn(loadTemplateJson());
  templateTypes = new Set(template.resources.map((resource) => resource.type.toLowerCase()));
});

describe('the deployment template, as written', () => {
  it('is JSON in the deploymentTemplate schema with a content version, and so is its parameters file', () => {
    expect(() => JSON.parse(readFileSync(templatePath, 'utf8'))).not.toThrow();
    expect(() => JSON.parse(readFileSync(parametersFilePath, 'utf8'))).not.toThrow();
    expect(() => loadExampleParameters()).not.toThrow();
    expect(template.$schema).toBe(
      'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    );
    expect(template.contentVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('passes names to parameters(), variables() and resourceId() as literals, so every use can be checked', () => {
    for (const name of ['parameters', 'variables', 'resourceId']) {
      expect(literalFirstArguments(calls, name)).not.toContain(undefined);
    }
  });

  it('declares every parameter and variable an expression uses', () => {
    const used = (name: string) => new Set(literalFirstArguments(calls, name));
    expect([...used('parameters')].filter((name) => !(name! in template.parameters))).toEqual([]);
    expect([...used('variables')].filter((name) => !(name! in template.variables))).toEqual([]);
  });

  it('uses every parameter and variable it declares', () => {
    const used = (name: string) => new Set(literalFirstArguments(calls, name));
    expect(Object.keys(template.parameters).filter((name) => !used('parameters').has(name))).toEqual([]);
    expect(Object.keys(template.variables).filter((name) => !used('variables').has(name))).toEqual([]);
  });

  it('uses only resource types and generally available API versions known to exist', () => {
    const unknown = template.resources
      .filter((resource) => !knownApiVersions[resource.type]?.includes(resource.apiVersion))
      .map((resource) => `${resource.type}@${resource.apiVersion}`);
    expect(unknown).toEqual([]);
  });

  it('points resourceId() only at resource types it deploys or that every account has', () => {
    const known = new Set([...templateTypes, ...existingResourceTypes.map((type) => type.toLowerCase())]);
    const types = literalFirstArguments(calls, 'resourceId').map((type) => type!.toLowerCase());
    expect(types.filter((type) => !known.has(type))).toEqual([]);
  });

  it('calls reference() only where Resource Manager allows it: not in variables or parameter defaults', () => {
    const misplaced = calls.filter(
      (call) =>
        call.name.toLowerCase() === 'reference' &&
        (call.at.startsWith('$.variables') || call.at.startsWith('$.parameters')),
    );
    expect(misplaced).toEqual([]);
  });
});

describe('the deployment template, evaluated as docs/deploy.md deploys it', () => {
  let deployed: TemplateEvaluation;
  beforeAll(() => {
    deployed = exampleDeployment();
  });

  it('deploys with the example parameters file plus the containers declaration, which the file does not repeat', () => {
    const example = loadExampleParameters();
    expect(Object.keys(example).filter((name) => !(name in template.parameters))).toEqual([]);
    expect(example).not.toHaveProperty('containers');
    const required = Object.entries(template.parameters)
      .filter(([, declaration]) => declaration.defaultValue === undefined)
      .map(([name]) => name);
    expect(required.filter((name) => name !== 'containers' && !(name in example))).toEqual([]);
    expect(deployed.resources.length).toBeGreaterThan(0);
  });

  it('gives the globally named resources names Azure accepts, even with the longest base name', () => {
    const longest = exampleDeployment({ baseName: 'a'.repeat(template.parameters.baseName?.maxLength ?? 0) });
    const nameOf = (type: string) => longest.resources.find((resource) => resource.type === type)?.name;
    expect(nameOf('Microsoft.DocumentDB/databaseAccounts')).toMatch(/^[a-z0-9][a-z0-9-]{1,42}[a-z0-9]$/);
    expect(nameOf('Microsoft.Web/sites')).toMatch(/^[a-z0-9][a-z0-9-]{0,58}[a-z0-9]$/);
    expect(nameOf('Microsoft.BotService/botServices')).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{1,63}$/);
  });

  it('builds resource ids only of resources it deploys, or of types every account has', () => {
    const deployedIds = new Set(deployed.resources.map((resource) => resource.id.toLowerCase()));
    const existing = new Set(existingResourceTypes.map((type) => type.toLowerCase()));
    const strays = deployed.deployment.resourceIdCalls.filter(
      (call) => !deployedIds.has(call.id.toLowerCase()) && !existing.has(call.type.toLowerCase()),
    );
    expect(strays).toEqual([]);
  });

  it('reads with reference() only resources it deploys, and every reader depends on what it reads', () => {
    const deployedIds = new Set(deployed.resources.map((resource) => resource.id.toLowerCase()));
    expect(deployed.deployment.referenceCalls.filter((id) => !deployedIds.has(id.toLowerCase()))).toEqual([]);
    for (const resource of deployed.resources) {
      const dependsOn = new Set(resource.dependsOn.map((id) => id.toLowerCase()));
      const missing = resource.references.filter((id) => !dependsOn.has(id.toLowerCase()));
      expect({ resource: resource.name, missing }).toEqual({ resource: resource.name, missing: [] });
    }
  });

  it('names in dependsOn only resources or copy loops of the template', () => {
    const targets = new Set([
      ...deployed.resources.map((resource) => resource.id.toLowerCase()),
      ...template.resources.flatMap((resource) => (resource.copy ? [resource.copy.name.toLowerCase()] : [])),
    ]);
    for (const resource of deployed.resources) {
      expect(resource.dependsOn.filter((entry) => !targets.has(entry.toLowerCase()))).toEqual([]);
    }
  });

  it('gives the outputs the deployment steps use: identity client id, bot host, Cosmos endpoint, web app name', () => {
    const fake = deployed.deployment;
    expect(deployed.outputs).toMatchObject({
      identityClientId: fake.identity.clientId,
      tenantId: fake.tenantId,
      botHost: expect.stringMatching(/\.azurewebsites\.net$/),
      messagingEndpoint: expect.stringMatching(/^https:\/\/[^/]+\/api\/messages$/),
      cosmosEndpoint: expect.stringMatching(/^https:\/\/.+\.documents\.azure\.com:443\/$/),
      webAppName: deployed.resources.find((resource) => resource.type === 'Microsoft.Web/sites')?.name,
      cosmosAccountName: deployed.resources.find(
        (resource) => resource.type === 'Microsoft.DocumentDB/databaseAccounts',
      )?.name,
    });
    expect(deployed.outputs.messagingEndpoint).toBe(
      `https://${String(deployed.outputs.botHost)}/api/messages`,
    );
  });
});
