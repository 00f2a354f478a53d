import { ConfigError, loadConfig } from '../../bot/config';

const appId = '9f0b5a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('configuration', () => {
  it('starts with nothing set: port 3978, embedded Cosmos DB, direct partner', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      cosmos: { mode: 'embedded', databaseId: 'onboarding', dataDir: '.data/cosmos' },
      partner: { type: 'direct' },
      bot: { appType: 'SingleTenant' },
    });
    expect(config.bot.appId).toBeUndefined();
  });

  it('reads the partner profile: markets and email domains normalised', () => {
    const config = loadConfig({
      PARTNER_MARKETS: 'nl, de',
      PARTNER_EMAIL_DOMAINS: '@Fabrikam.com,fabrikam.nl',
    });
    expect(config.partner).toMatchObject({
      markets: ['NL', 'DE'],
      emailDomains: ['fabrikam.com', 'fabrikam.nl'],
    });
    expect(loadConfig({}).partner.markets).toContain('GB');
    expect(loadConfig({}).localAgent).toEqual({
      id: 'local-agent',
      name: 'Local Agent',
      roles: ['salesAgent'],
    });
  });

  it('uses Azure Cosmos DB when COSMOS_ENDPOINT is set, with the key when given', () => {
    expect(
      loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k' }).cosmos,
    ).toEqual({
      mode: 'azure',
      endpoint: 'https://acct.documents.azure.com:443/',
      key: 'k',
      databaseId: 'onboarding',
    });
    expect(
      loadConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/' }).cosmos,
    ).not.toHaveProperty('key');
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT must be a whole number from 0 to 65535 (got "abc").'],
    [{ PORT: '70000' }, 'Configuration error: PORT must be a whole number from 0 to 65535 (got "70000").'],
    [
      { PARTNER_TYPE: 'reseller' },
      'Configuration error: PARTNER_TYPE must be direct or indirectProvider (got "reseller").',
    ],
    [
      { COSMOS_ENDPOINT: 'not a url' },
      'Configuration error: COSMOS_ENDPOINT must be the https:// address of a Cosmos DB account (got "not a url").',
    ],
    [
      { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: tenantId },
      'Configuration error: MicrosoftAppId must be the application (client) id of the bot registration, a GUID (got "abc").',
    ],
    [
      { MicrosoftAppId: appId, MicrosoftAppTenantId: tenantId },
      'Configuration error: MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant (the client secret of the bot registration).',
    ],
    [
      { MicrosoftAppId: appId, MicrosoftAppPassword: 'secret' },
      'Configuration error: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.',
    ],
    [
      { MicrosoftAppId: appId, MicrosoftAppType: 'UserAssignedMSI' },
      'Configuration error: MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI.',
    ],
    [
      { MicrosoftAppId: appId, MicrosoftAppType: 'MultiTenant' },
      'Configuration error: MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is MultiTenant (the client secret of the bot registration).',
    ],
    [
      { MicrosoftAppId: appId, MicrosoftAppTenantId: 'contoso.onmicrosoft.com', MicrosoftAppPassword: 's' },
      'Configuration error: MicrosoftAppTenantId must be the bot\'s Microsoft Entra tenant id, a GUID (got "contoso.onmicrosoft.com").',
    ],
    [
      { PARTNER_MARKETS: 'NL,XX' },
      'Configuration error: PARTNER_MARKETS must be a comma-separated list of country codes from: NL, BE, DE, FR, GB, IE, US, CA, AU, IN, BR, PL, ZA, ES, SE, IT, AT, CH, DK, NO, TR, AE (got "NL,XX").',
    ],
    [
      { LOCAL_AGENT_ROLES: 'salesAgent,boss' },
      'Configuration error: LOCAL_AGENT_ROLES must be a comma-separated list of roles from: globalAdmin, userManagementAdmin, adminAgent, salesAgent, manager (got "salesAgent,boss").',
    ],
    [
      { PARTNER_TENANT_ID: 'contoso' },
      'Configuration error: PARTNER_TENANT_ID must be the partner\'s Microsoft Entra tenant id (a GUID) (got "contoso").',
    ],
    [
      { MicrosoftAppType: 'Multi' },
      'Configuration error: MicrosoftAppType must be SingleTenant, UserAssignedMSI or MultiTenant (got "Multi").',
    ],
  ])('stops start-up on %j with one readable line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses a secret with a user-assigned managed identity, without echoing the secret', () => {
    const env = {
      MicrosoftAppId: appId,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppPassword: 'do-not-print-me',
    };
    expect(() => loadConfig(env)).toThrow(
      'Configuration error: MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI (the managed identity signs in without a secret).',
    );
    expect(() => loadConfig(env)).not.toThrow(/do-not-print-me/);
  });

  it.each<[Record<string, string>]>([
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: tenantId }],
    [{ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: tenantId }],
    [{ MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 'secret' }],
  ])('accepts a complete %j bot identity', (identity) => {
    expect(loadConfig({ MicrosoftAppId: appId, ...identity }).bot).toEqual({
      appId,
      appType: identity.MicrosoftAppType,
      ...(identity.MicrosoftAppPassword ? { appPassword: identity.MicrosoftAppPassword } : {}),
      ...(identity.MicrosoftAppTenantId ? { tenantId } : {}),
    });
  });

  it('listens on loopback only in local mode, on every interface with an app id, or where HOST says', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    const withAppId = { MicrosoftAppId: appId, MicrosoftAppPassword: 's', MicrosoftAppTenantId: tenantId };
    expect(loadConfig(withAppId).host).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('ignores the identity settings in local mode (no app id)', () => {
    expect(loadConfig({ MicrosoftAppType: 'UserAssignedMSI' }).bot).toEqual({ appType: 'UserAssignedMSI' });
  });
});
