import { ConfigurationServiceClientCredentialFactory, type Activity, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { BotAdapter, createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { AdapterNotificationSender } from '../../bot/notifications/notificationSender';
import { ReusedClientsAuthentication } from '../../bot/reusedClients';
import { ConnectorRecorder } from '../harness/connectorRecorder';

/** What a turn was given to talk back with: the SDK keeps both in the turn state. */
interface TurnClients {
  connector: unknown;
  userToken: unknown;
}

function message(serviceUrl: string, conversationId: string, text: string): Activity {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'agent-1', name: 'Agent' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
  } as Activity;
}

async function runTurn(adapter: BotAdapter, activity: Activity): Promise<TurnClients> {
  let clients: TurnClients | undefined;
  await adapter.handle('', activity, async (context: TurnContext) => {
    clients = {
      connector: context.turnState.get(adapter.ConnectorClientKey),
      userToken: context.turnState.get(adapter.UserTokenClientKey),
    };
    await context.sendActivity(`echo: ${activity.text}`);
  });
  return clients!;
}

describe('clients to reply with, made once and reused', () => {
  let connector: ConnectorRecorder;
  let other: ConnectorRecorder;
  let adapter: BotAdapter;

  beforeAll(async () => {
    connector = await new ConnectorRecorder().start();
    other = await new ConnectorRecorder().start();
    // Local mode: the Emulator's anonymous turns, through the same authentication class as with an app id.
    adapter = createAdapter(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
  });
  afterAll(async () => {
    await connector.stop();
    await other.stop();
  });

  it('gives turns on one service URL the same clients, and every reply still reaches the channel', async () => {
    const first = await runTurn(adapter, message(connector.serviceUrl, 'c-1', 'one'));
    const second = await runTurn(adapter, message(connector.serviceUrl, 'c-2', 'two'));
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
    expect(connector.calls.map((call) => [call.conversationId, call.activity?.text])).toEqual([
      ['c-1', 'echo: one'],
      ['c-2', 'echo: two'],
    ]);
  });

  it('makes a connector client of its own for another service URL', async () => {
    const here = await runTurn(adapter, message(connector.serviceUrl, 'c-3', 'here'));
    const there = await runTurn(adapter, message(other.serviceUrl, 'c-4', 'there'));
    expect(there.connector).not.toBe(here.connector);
    expect(other.calls.map((call) => call.activity?.text)).toEqual(['echo: there']);
  });

  it("keeps a notification's client without retries apart from the client replies go through", async () => {
    const sender = new AdapterNotificationSender(adapter, '');
    const address = { channelId: 'emulator', serviceUrl: connector.serviceUrl, conversationId: 'n-1' };
    const card = { type: 'AdaptiveCard' as const, version: '1.5', body: [] };
    // A notification is never sent again by the client: the dispatcher decides (one call, then the error).
    connector.script('n-1', [{ status: 503 }]);
    await expect(sender.send(address, card, 'first')).rejects.toMatchObject({ statusCode: 503 });
    expect(connector.posts('n-1')).toHaveLength(1);

    // A reply after it still has the client's own retries: the 503 is followed by the delivered message.
    const before = await runTurn(adapter, message(connector.serviceUrl, 'c-5', 'before'));
    connector.script('c-5', [{ status: 503 }]);
    const reply = { ...message(connector.serviceUrl, 'c-5', 'after'), id: undefined } as unknown as Activity;
    const after = await runTurn(adapter, reply);
    expect(after.connector).toBe(before.connector);
    expect(connector.posts('c-5').map((call) => call.status)).toEqual([200, 503, 200]);

    // Each proactive turn has a client of its own, so taking its retries out reaches nothing else.
    const reference = {
      channelId: 'emulator',
      serviceUrl: connector.serviceUrl,
      conversation: { id: 'n-2', isGroup: false, conversationType: 'personal', name: '' },
    };
    const proactive: unknown[] = [];
    for (let turn = 0; turn < 2; turn += 1) {
      await adapter.continueConversationAsync('', reference, async (context) => {
        proactive.push(context.turnState.get(adapter.ConnectorClientKey));
      });
    }
    expect(proactive[0]).toBeDefined();
    expect(proactive[1]).not.toBe(proactive[0]);
    expect(proactive).not.toContain(after.connector);

    // And the next notification is again sent once only.
    connector.script('n-1', [{ status: 503 }]);
    await expect(sender.send(address, card, 'second')).rejects.toMatchObject({ statusCode: 503 });
    expect(connector.posts('n-1')).toHaveLength(2);
  });

  it('makes a client again after making it failed, rather than keeping the failure', async () => {
    const options = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' };
    let failures = 1;
    class FailingOnce extends ConfigurationServiceClientCredentialFactory {
      override async createCredentials(
        ...args: Parameters<ConfigurationServiceClientCredentialFactory['createCredentials']>
      ) {
        if (failures > 0) {
          failures -= 1;
          throw new Error('token endpoint unreachable');
        }
        return super.createCredentials(...args);
      }
    }
    const flaky = new BotAdapter(new ReusedClientsAuthentication(options, new FailingOnce(options)));
    await expect(runTurn(flaky, message(connector.serviceUrl, 'c-6', 'refused'))).rejects.toThrow(
      'token endpoint unreachable',
    );
    const after = await runTurn(flaky, message(connector.serviceUrl, 'c-7', 'again'));
    expect(after.connector).toBeDefined();
    expect(
      connector.calls.filter((call) => call.conversationId === 'c-7').map((call) => call.activity?.text),
    ).toEqual(['echo: again']);
  });
});
