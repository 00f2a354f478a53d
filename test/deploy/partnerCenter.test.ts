import { readFileSync } from 'node:fs';
import { loadConfig } from '../../bot/config';
import { pureArmFunction } from './armFunctions';
import {
  loadExampleParameters,
  loadTemplate,
  loadTemplateJson,
  templatePath,
  type ArmTemplate,
} from './armTemplateFiles';
import type { ArmValue } from './armValue';
import { appSettingsOf, theResource } from './deployedResources';
import { exampleDeployment } from './exampleDeployment';
import { callsIn } from './expressionCalls';
import { partnerCenterAppId, partnerCenterRefreshToken, withPartnerCenter } from './partnerCenterParameters';
import type { TemplateEvaluation } from './templateEvaluation';

/**
 * Partner Center in Azure: without partnerCenterAppId the deployed bot runs its local Partner Center
 * (sample data); with it, Microsoft's, signed in to as the partner's app with the bot's own managed
 * identity as the app's federated credential, and App+User when a refresh token is given too.
 */

const WEB_APP = 'Microsoft.Web/sites';
const IDENTITY = 'Microsoft.ManagedIdentity/userAssignedIdentities';

function deployedWith(overrides: Record<string, ArmValue>, changedTemplate?: ArmTemplate) {
  const evaluation = exampleDeployment(overrides, changedTemplate);
  const settings = appSettingsOf(theResource(evaluation, WEB_APP));
  return { evaluation, settings, config: loadConfig(settings) };
}

const partnerCenterSettingsOf = (settings: Record<string, string>) =>
  Object.fromEntries(Object.entries(settings).filter(([name]) => name.startsWith('PARTNER_CENTER_')));

let template: ArmTemplate;
beforeAll(() => {
  template = loadTemplate();
});

describe('Partner Center, deployed without partnerCenterAppId', () => {
  it('sets no PARTNER_CENTER_* app setting, so the bot starts on its local Partner Center', () => {
    const { settings, config } = deployedWith({});
    expect(partnerCenterSettingsOf(settings)).toEqual({});
    expect(config.partnerCenter).toEqual({ mode: 'local', port: 0 });
  });

  it('treats a blank partnerCenterAppId as none', () => {
    const { settings, config } = deployedWith({ partnerCenterAppId: ' \n' });
    expect(partnerCenterSettingsOf(settings)).toEqual({});
    expect(config.partnerCenter.mode).toBe('local');
  });

  it('leaves a refresh token out rather than set a Partner Center variable without the app, which stops start-up', () => {
    const { evaluation, settings, config } = deployedWith({ partnerCenterRefreshToken });
    expect(partnerCenterSettingsOf(settings)).toEqual({});
    expect(config.partnerCenter.mode).toBe('local');
    expect(JSON.stringify(evaluation.resources)).not.toContain(partnerCenterRefreshToken);
  });
});

describe('Partner Center, deployed with partnerCenterAppId', () => {
  it("signs in to Microsoft's Partner Center as the app, with the bot's managed identity as its credential", () => {
    const { evaluation, settings, config } = deployedWith({ partnerCenterAppId });
    const fake = evaluation.deployment;
    expect(partnerCenterSettingsOf(settings)).toEqual({
      PARTNER_CENTER_APP_ID: partnerCenterAppId,
      PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: fake.identity.clientId,
    });
    expect(config.partnerCenter).toEqual({
      mode: 'microsoft',
      endpoint: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
      tenantId: fake.tenantId,
      appId: partnerCenterAppId,
      credential: { kind: 'managedIdentity', clientId: fake.identity.clientId },
    });
  });

  it('names the identity the web app runs as, by its client id (not its principal id)', () => {
    const { evaluation, settings } = deployedWith({ partnerCenterAppId });
    const webApp = theResource(evaluation, WEB_APP);
    const identity = theResource(evaluation, IDENTITY);
    expect(webApp.body).toMatchObject({
      identity: { type: 'UserAssigned', userAssignedIdentities: { [identity.id]: {} } },
    });
    expect(webApp.references).toContain(identity.id);
    expect(settings.PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID).toBe(evaluation.outputs.identityClientId);
    expect(settings.PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID).not.toBe(
      evaluation.deployment.identity.principalId,
    );
  });

  it('adds App+User when a refresh token is given', () => {
    const { evaluation, settings, config } = deployedWith(withPartnerCenter);
    expect(partnerCenterSettingsOf(settings)).toEqual({
      PARTNER_CENTER_APP_ID: partnerCenterAppId,
      PARTNER_CENTER_MANAGED_IDENTITY_CLIENT_ID: evaluation.deployment.identity.clientId,
      PARTNER_CENTER_REFRESH_TOKEN: partnerCenterRefreshToken,
    });
    expect(config.partnerCenter).toEqual({
      mode: 'microsoft',
      endpoint: 'https://api.partnercenter.microsoft.com',
      authorityHost: 'https://login.microsoftonline.com',
      tenantId: evaluation.deployment.tenantId,
      appId: partnerCenterAppId,
      credential: { kind: 'managedIdentity', clientId: evaluation.deployment.identity.clientId },
      refreshToken: partnerCenterRefreshToken,
    });
  });

  it('trims the white space a pasted value or a file (parameter=@file) brings along', () => {
    const { settings } = deployedWith({
      partnerCenterAppId: ` ${partnerCenterAppId}\r\n`,
      partnerCenterRefreshToken: `${partnerCenterRefreshToken}\n`,
    });
    expect(settings.PARTNER_CENTER_APP_ID).toBe(partnerCenterAppId);
    expect(settings.PARTNER_CENTER_REFRESH_TOKEN).toBe(partnerCenterRefreshToken);
  });

  it("signs in to the identity's own tenant by default, the one the federated credential's issuer names", () => {
    const { evaluation, config } = deployedWith({ partnerCenterAppId });
    expect(config.partnerCenter).toMatchObject({ tenantId: evaluation.outputs.tenantId });
  });

  it('outputs what the federated credential needs: the tenant of its issuer and the principal id, its subject', () => {
    const { evaluation } = deployedWith({ partnerCenterAppId });
    expect(evaluation.outputs).toMatchObject({
      tenantId: evaluation.deployment.tenantId,
      identityPrincipalId: evaluation.deployment.identity.principalId,
    });
  });
});

describe('Partner Center, for every combination of the two parameters', () => {
  const appIds = ['', '   ', partnerCenterAppId];
  const tokens = ['', ' ', partnerCenterRefreshToken];
  const cases = appIds.flatMap((appId) => tokens.map((token) => [appId, token] as const));

  it.each(cases)(
    'appId %j, refresh token %j: no empty PARTNER_CENTER_* value, and a bot that starts',
    (appId, token) => {
      const { settings, config } = deployedWith({
        partnerCenterAppId: appId,
        partnerCenterRefreshToken: token,
      });
      const values = Object.values(partnerCenterSettingsOf(settings));
      expect(values.filter((value) => value.trim() === '')).toEqual([]);
      expect(config.partnerCenter.mode).toBe(appId.trim() ? 'microsoft' : 'local');
      const appUser = appId.trim() !== '' && token.trim() !== '';
      expect('PARTNER_CENTER_REFRESH_TOKEN' in settings).toBe(appUser);
      expect('refreshToken' in config.partnerCenter).toBe(appUser);
    },
  );
});

describe('Partner Center, the checks', () => {
  /** The template with one piece of its text replaced, to show the checks catch that mistake. */
  function templateWith(original: string, replacement: string) {
    const text = readFileSync(templatePath, 'utf8');
    if (!text.includes(original)) throw new Error(`the template no longer contains ${original}`);
    return loadTemplate(text.replace(original, replacement));
  }

  it('fail when the template sets the Partner Center app settings whatever the parameters', () => {
    const always = templateWith(
      "if(variables('microsoftPartnerCenter'), createArray(",
      'if(true(), createArray(',
    );
    expect(() => deployedWith({}, always)).toThrow(/Configuration error: .*PARTNER_CENTER_/);
  });

  it('fail when the refresh token is set without the app', () => {
    const tokenAlone = templateWith(
      "if(and(variables('microsoftPartnerCenter'), not(",
      'if(and(true(), not(',
    );
    expect(() => deployedWith({ partnerCenterRefreshToken }, tokenAlone)).toThrow(
      /Configuration error: .*PARTNER_CENTER_REFRESH_TOKEN/,
    );
  });
});

describe('the refresh token parameter', () => {
  let withToken: TemplateEvaluation;
  beforeAll(() => {
    withToken = exampleDeployment(withPartnerCenter);
  });

  it('is a securestring, empty by default, and in no parameters file', () => {
    expect(template.parameters.partnerCenterRefreshToken).toMatchObject({
      type: 'securestring',
      defaultValue: '',
    });
    expect(loadExampleParameters()).not.toHaveProperty('partnerCenterRefreshToken');
    // The app id is no secret: a plain string, empty by default, and in the example file to be filled in.
    expect(template.parameters.partnerCenterAppId).toMatchObject({ type: 'string', defaultValue: '' });
    expect(loadExampleParameters()).toHaveProperty('partnerCenterAppId', '');
  });

  it("is read only by the web app's app settings: no variable, output or other resource uses it", () => {
    const webAppIndex = template.resources.findIndex((resource) => resource.type === WEB_APP);
    const readers = callsIn(loadTemplateJson())
      .filter(
        (call) =>
          call.name.toLowerCase() === 'parameters' &&
          call.args[0]?.kind === 'string' &&
          call.args[0].value === 'partnerCenterRefreshToken',
      )
      .map((call) => call.at);
    expect(readers.length).toBeGreaterThan(0);
    expect(new Set(readers)).toEqual(
      new Set([`$.resources[${webAppIndex}].properties.siteConfig.appSettings`]),
    );
  });

  it('appears, when given, in no output, no variable and nowhere in the deployment but its app setting', () => {
    expect(JSON.stringify(withToken.outputs)).not.toContain(partnerCenterRefreshToken);
    expect(JSON.stringify(withToken.variables)).not.toContain(partnerCenterRefreshToken);
    for (const resource of withToken.resources) {
      const body = structuredClone(resource.body);
      if (resource.type === WEB_APP) {
        const siteConfig = (body.properties as Record<string, Record<string, ArmValue>>).siteConfig!;
        siteConfig.appSettings = (siteConfig.appSettings as { name: string }[]).filter(
          (setting) => setting.name !== 'PARTNER_CENTER_REFRESH_TOKEN',
        );
      }
      expect({
        resource: resource.name,
        leaks: JSON.stringify(body).includes(partnerCenterRefreshToken),
      }).toEqual({
        resource: resource.name,
        leaks: false,
      });
    }
  });

  it('is the one secret among the app settings, and only when given', () => {
    const secretLike = (settings: Record<string, string>) =>
      Object.keys(settings).filter((name) => /password|secret|key$|token/i.test(name));
    expect(secretLike(appSettingsOf(theResource(withToken, WEB_APP)))).toEqual([
      'PARTNER_CENTER_REFRESH_TOKEN',
    ]);
    expect(secretLike(deployedWith({ partnerCenterAppId }).settings)).toEqual([]);
  });
});

describe("the evaluator's trim(), as ARM's (.NET String.Trim)", () => {
  const trim = (text: string) => pureArmFunction('trim')!([text]);

  it('removes leading and trailing white space of every kind, and nothing inside', () => {
    expect(trim(' \t\r\n\u00a0a b\u2028\u3000 ')).toBe('a b');
    expect(trim('\u0085a\u0085')).toBe('a');
    expect(trim('   ')).toBe('');
  });

  it('keeps U+FEFF, which .NET does not count as white space', () => {
    expect(trim('\ufeffa')).toBe('\ufeffa');
  });

  it('takes only a string', () => {
    expect(() => pureArmFunction('trim')!([3])).toThrow(/trim\(\) must be a string/);
  });
});
