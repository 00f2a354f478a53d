import path from 'node:path';
import { z } from 'zod';
import { loadConfig, mayCreateContainers } from '../../bot/config';
import { loadExampleParameters, readJson, repositoryRoot } from './armTemplateFiles';
import { valueAt } from './armValue';
import {
  settingsReadElsewhere,
  variablesDeployedOnRequest,
  variablesNotDeployed,
  variablesReadByBotConfig,
} from './botEnvironment';
import { appSettingsOf, theResource } from './deployedResources';
import { exampleDeployment } from './exampleDeployment';
import type { FakeDeployment } from './fakeDeployment';
import { withPartnerCenter } from './partnerCenterParameters';
import type { DeployedResource, TemplateEvaluation } from './templateEvaluation';

let deployed: TemplateEvaluation;
let fake: FakeDeployment;
let webApp: DeployedResource;
let plan: DeployedResource;
let identity: DeployedResource;
let bot: DeployedResource;
let settings: Record<string, string>;
/** With every optional setting the template offers: Microsoft's Partner Center, App+User. */
let settingsWithPartnerCenter: Record<string, string>;
beforeAll(() => {
  deployed = exampleDeployment();
  fake = deployed.deployment;
  webApp = theResource(deployed, 'Microsoft.Web/sites');
  plan = theResource(deployed, 'Microsoft.Web/serverfarms');
  identity = theResource(deployed, 'Microsoft.ManagedIdentity/userAssignedIdentities');
  bot = theResource(deployed, 'Microsoft.BotService/botServices');
  settings = appSettingsOf(webApp);
  settingsWithPartnerCenter = appSettingsOf(
    theResource(exampleDeployment(withPartnerCenter), 'Microsoft.Web/sites'),
  );
});
const example = loadExampleParameters();

const startScript = z
  .object({ scripts: z.object({ start: z.string(), prestart: z.string() }) })
  .parse(readJson(path.join(repositoryRoot, 'package.json'))).scripts;

describe('the web app', () => {
  it('runs on a Linux plan with Node 22 LTS, HTTPS only, TLS 1.2 and no FTP, checked at /healthz', () => {
    expect(plan.body).toMatchObject({ kind: 'linux', properties: { reserved: true } });
    expect(webApp.body).toMatchObject({
      kind: expect.stringContaining('linux'),
      properties: {
        serverFarmId: plan.id,
        httpsOnly: true,
        siteConfig: {
          linuxFxVersion: 'NODE|22-lts',
          minTlsVersion: '1.2',
          ftpsState: 'Disabled',
          healthCheckPath: '/healthz',
        },
      },
    });
  });

  it('starts the compiled bot as npm start does, without its prestart build (no TypeScript in the zip)', () => {
    expect(startScript.prestart).toContain('tsc');
    expect(valueAt(webApp.body, 'properties.siteConfig.appCommandLine')).toBe(startScript.start);
    expect(settings.SCM_DO_BUILD_DURING_DEPLOYMENT).toBe('false');
  });

  it('is always on, except on the free plan that cannot be', () => {
    expect(valueAt(webApp.body, 'properties.siteConfig.alwaysOn')).toBe(true);
    const free = theResource(exampleDeployment({ appServicePlanSku: 'F1' }), 'Microsoft.Web/sites');
    expect(valueAt(free.body, 'properties.siteConfig.alwaysOn')).toBe(false);
  });

  it('scales out by the instance count of its plan', () => {
    const three = theResource(
      exampleDeployment({ appServicePlanInstanceCount: 3 }),
      'Microsoft.Web/serverfarms',
    );
    expect(valueAt(three.body, 'sku.capacity')).toBe(3);
  });

  it('runs as the user-assigned managed identity', () => {
    expect(webApp.body).toMatchObject({
      identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id]: {} } },
    });
  });
});

describe('the app settings', () => {
  it('hold no password, key or secret', () => {
    expect(Object.keys(settings).filter((name) => /password|secret|key$/i.test(name))).toEqual([]);
    expect(settings).not.toHaveProperty('MicrosoftAppPassword');
    expect(settings).not.toHaveProperty('COSMOS_KEY');
  });

  it('set every variable the bot reads, except those a managed-identity deployment must not or need not set', () => {
    const onRequest = Object.keys(variablesDeployedOnRequest);
    const needed = variablesReadByBotConfig().filter(
      (name) => !(name in variablesNotDeployed) && !onRequest.includes(name),
    );
    expect(needed).toEqual(
      expect.arrayContaining(['MicrosoftAppId', 'COSMOS_ENDPOINT', 'PARTNER_EMAIL_DOMAINS']),
    );
    expect(needed.filter((name) => !(name in settings))).toEqual([]);
    // Those set on request: none by default, every one when its parameters are given.
    expect(onRequest.filter((name) => name in settings)).toEqual([]);
    expect([...needed, ...onRequest].filter((name) => !(name in settingsWithPartnerCenter))).toEqual([]);
  });

  it('are excused, or set on request, only for variables the bot reads', () => {
    const read = new Set(variablesReadByBotConfig());
    const listed = [...Object.keys(variablesNotDeployed), ...Object.keys(variablesDeployedOnRequest)];
    expect(listed.filter((name) => !read.has(name))).toEqual([]);
  });

  it('set nothing that neither the bot nor the platform reads', () => {
    const read = new Set([...variablesReadByBotConfig(), ...Object.keys(settingsReadElsewhere)]);
    expect(Object.keys(settings).filter((name) => !read.has(name))).toEqual([]);
    expect(Object.keys(settingsWithPartnerCenter).filter((name) => !read.has(name))).toEqual([]);
  });

  it('start the bot as the managed identity, on Azure Cosmos DB with Microsoft Entra ID', () => {
    const config = loadConfig(settings);
    expect(config.bot).toEqual({
      appId: fake.identity.clientId,
      appType: 'UserAssignedMSI',
      tenantId: fake.tenantId,
    });
    // No key: the bot opens the database without creating it or its containers (see openDatabase).
    expect(mayCreateContainers(config.cosmos)).toBe(false);
    expect(config.cosmos).toEqual({
      mode: 'azure',
      endpoint: expect.stringMatching(/^https:\/\/.+\.documents\.azure\.com:443\/$/),
      databaseId: example.cosmosDatabaseName,
    });
    expect(config.partner).toMatchObject({ type: example.partnerType, name: example.partnerName });
    expect(config.partner.markets.join(',')).toBe(example.partnerMarkets);
    expect(config.partner.emailDomains.join(',')).toBe(example.partnerEmailDomains);
  });

  it("let DefaultAzureCredential pick the bot's own identity for Cosmos DB", () => {
    expect(settings.AZURE_CLIENT_ID).toBe(fake.identity.clientId);
    expect(settings.AZURE_CLIENT_ID).toBe(settings.MicrosoftAppId);
  });

  it("give the partner's tenant from the subscription unless the parameters say otherwise", () => {
    expect(settings.PARTNER_TENANT_ID).toBe(fake.tenantId);
    const partnerTenantId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const other = appSettingsOf(theResource(exampleDeployment({ partnerTenantId }), 'Microsoft.Web/sites'));
    expect(other.PARTNER_TENANT_ID).toBe(partnerTenantId);
  });
});

describe('the Azure Bot', () => {
  it('signs in as the user-assigned managed identity, with no secret', () => {
    expect(bot.body).toMatchObject({
      kind: 'azurebot',
      location: 'global',
      sku: { name: example.botSku },
      properties: {
        msaAppType: 'UserAssignedMSI',
        msaAppId: fake.identity.clientId,
        msaAppTenantId: fake.tenantId,
        msaAppMSIResourceId: identity.id,
      },
    });
  });

  it("sends Teams messages to the web app's own host, at /api/messages", () => {
    const host = deployed.outputs.botHost;
    expect(valueAt(bot.body, 'properties.endpoint')).toBe(`https://${String(host)}/api/messages`);
    expect(bot.references).toContain(webApp.id);
  });

  it('has the Microsoft Teams channel, enabled', () => {
    const channel = theResource(deployed, 'Microsoft.BotService/botServices/channels');
    expect(channel.name.toLowerCase()).toBe(`${bot.name}/msteamschannel`);
    expect(channel.body).toMatchObject({
      location: 'global',
      properties: { channelName: 'MsTeamsChannel', properties: { isEnabled: true } },
    });
  });
});
