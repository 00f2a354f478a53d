import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { BotClient } from '../harness/botClient';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { startTestBot } from '../harness/testBot';

describe('with MicrosoftAppId and MicrosoftAppPassword set', () => {
  let bot: RunningBot;
  let connector: ConnectorRecorder;

  beforeAll(async () => {
    // The SDK reports each refused request on console.error; keep the test output readable.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    connector = await new ConnectorRecorder().start();
    bot = await startTestBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.stop();
    jest.restoreAllMocks();
  });

  it('listens on every interface, as App Service needs', () => {
    expect(['::', '0.0.0.0']).toContain(bot.address);
  });

  async function stateDocuments(): Promise<number> {
    const container = bot.cosmos.client.database(bot.databaseId).container(containerDefinitions.botState.id);
    const { resources } = await container.items.readAll().fetchAll();
    return resources.length;
  }

  it.each([
    ['no token', undefined],
    ['a forged token', 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiIwMDAwIn0.'],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers 401 to an activity with %s, which never reaches the bot', async (_case, authorization) => {
    const client = new BotClient(bot.messagesUrl, {
      serviceUrl: connector.serviceUrl,
      ...(authorization ? { authorization } : {}),
    });
    const result = await client.post(client.activity('help'));
    expect(result.status).toBe(401);
    expect(result.activities).toEqual([]);
    // No internal detail to the caller, and no stack trace on the console.
    expect(result.body).toEqual({ error: 'Unauthorized' });
    expect(console.error).not.toHaveBeenCalled();
    expect(connector.calls).toEqual([]);
    expect(await stateDocuments()).toBe(0);
  });
});
