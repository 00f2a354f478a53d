import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import type { RunningBot } from '../../bot/startBot';
import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import { CustomerService } from '../../services/customers/customerService';
import { say } from '../../messages/catalogue';
import { cardText, DirectLineClient, type DirectLineActivity } from '../harness/directLineClient';
import { startTestBot } from '../harness/testBot';
import { dutchDraft } from '../fixtures/customerDrafts';

/**
 * A developer tries notifications on the local web chat page: the local agent with the manager role
 * says "notify me" there, and the notification of the next onboarding arrives in that chat.
 */
describe('notifications on the local web chat page', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({ LOCAL_AGENT_ROLES: 'salesAgent,manager' }, { dispatcher: { pollMs: 100 } });
  });
  afterAll(async () => bot.stop());

  it('delivers the notification to the chat where the manager said "notify me"', async () => {
    const chat = new DirectLineClient(`http://localhost:${bot.port}`);
    await chat.start();
    await chat.poll();
    await chat.post({ type: 'message', text: 'notify me' });
    const answer = (await chat.poll()).filter((activity) => activity.from.role === 'bot');
    expect(answer.map((activity) => activity.text)).toEqual([say('notify.subscribed')]);

    const database = bot.cosmos.client.database(bot.databaseId);
    const customers = new CustomerService({
      database,
      catalogue: CatalogueStore.forDatabase(database),
      partner: loadConfig({}).partner,
      outbox: bot.dispatcher.options.notifications,
    });
    const outcome = await customers.submit(
      dutchDraft({ legalName: 'Web Chat Trial B.V.', domainPrefix: 'webchattrial' }),
      {
        idempotencyKey: randomUUID(),
        agent: {
          actor: { agentId: 'local-agent', displayName: 'Local Agent', channel: 'webchat' },
          roles: ['salesAgent'],
        },
      },
    );
    expect(outcome).toMatchObject({ kind: 'created', notified: [{ kind: 'person', name: 'Local Agent' }] });

    const arrived: DirectLineActivity[] = [];
    for (let tries = 0; tries < 50 && arrived.length === 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      arrived.push(
        ...(await chat.poll()).filter((activity) => cardText(activity).includes('Web Chat Trial B.V.')),
      );
    }
    expect(arrived).toHaveLength(1);
    expect(cardText(arrived[0])).toContain(say('card.notification.title'));
  });
});
