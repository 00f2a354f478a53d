import { ConfigurationServiceClientCredentialFactory, type Activity, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { BotAdapter, createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
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

  it('reuses the client of proactive messages too (the notifications and the creation news)', async () => {
    const reference = {
      channelId: 'emulator',
      serviceUrl: connector.serviceUrl,
      conversation: { id: 'c-5', isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: 'bot', name: 'Bot' },
      user: { id: 'agent-1', name: 'Agent' },
    };
    const seen: unknown[] = [];
    for (const text of ['first', 'second']) {
      await adapter.continueConversationAsync('', reference, async (context) => {
        seen.push(context.turnState.get(adapter.ConnectorClientKey));
        await context.sendActivity(text);
      });
    }
    expect(seen[1]).toBe(seen[0]);
    expect(
      connector.calls.filter((call) => call.conversationId === 'c-5').map((call) => call.activity?.text),
    ).toEqual(['first', 'second']);
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
