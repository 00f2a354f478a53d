import { ConfigError, loadConfig } from '../../bot/config';

describe('configuration', () => {
  it('starts with nothing set: port 3978, embedded Cosmos DB, direct partner', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3978,
      cosmos: { mode: 'embedded', databaseId: 'onboarding', dataDir: '.data/cosmos' },
      partner: { type: 'direct' },
      bot: { appType: 'MultiTenant' },
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
      { MicrosoftAppId: 'abc' },
      'Configuration error: MicrosoftAppPassword is required when MicrosoftAppId is set (the client secret of the bot registration).',
    ],
    [
      { MicrosoftAppType: 'SingleTenant' },
      'Configuration error: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.',
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
      'Configuration error: MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI (got "Multi").',
    ],
  ])('stops start-up on %j with one readable line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
