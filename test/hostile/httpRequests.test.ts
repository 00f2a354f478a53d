import fc from 'fast-check';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { countItems } from '../harness/countItems';
import { startTestBot } from '../harness/testBot';
import { hostileText, hostileValue } from './generators';

const runs = 1000;

let bot: RunningBot;
let connector: ConnectorRecorder;
beforeAll(async () => {
  connector = await new ConnectorRecorder().start();
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

/** An activity as a client could send it, each part either sensible or hostile. */
function activities(serviceUrl: string) {
  const either = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: good }, hostileValue);
  return fc.record(
    {
      type: either(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event', 'typing')),
      channelId: either(fc.constantFrom('emulator', 'msteams')),
      serviceUrl: fc.oneof(
        { weight: 12, arbitrary: fc.constant(serviceUrl) },
        fc.constantFrom(
          'http://evil.example/',
          'http://10.0.0.1/',
          'file:///etc/passwd',
          'javascript:alert(1)',
        ),
        hostileValue,
      ),
      deliveryMode: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom('expectReplies', 'normal', undefined) },
        hostileValue,
      ),
      conversation: either(fc.record({ id: fc.oneof(fc.uuid(), hostileText), isGroup: fc.boolean() })),
      from: either(fc.record({ id: fc.oneof(fc.uuid(), hostileText), name: hostileText })),
      recipient: either(fc.constant({ id: 'bot', name: 'Bot' })),
      text: hostileText,
      value: either(fc.constant(undefined)),
      membersAdded: either(fc.array(fc.record({ id: hostileText }), { maxLength: 3 })),
      attachments: either(fc.constant(undefined)),
      entities: either(fc.constant(undefined)),
    },
    { requiredKeys: [] },
  );
}

const bodies = (serviceUrl: string) =>
  fc.oneof(
    { weight: 4, arbitrary: activities(serviceUrl).map((activity) => JSON.stringify(activity)) },
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('', '{', '[]', 'null', '{"type":"message"', 'type=message&text=hi'),
  );

const contentTypes = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ),
);

function isInvoke(body: string): boolean {
  try {
    return (JSON.parse(body) as { type?: unknown }).type === 'invoke';
  } catch {
    return false;
  }
}

describe('generated requests to /api/messages', () => {
  it(`are answered 2xx or 4xx (501 for an invoke), never a failure, and the bot stays healthy (${runs} cases)`, async () => {
    const records = () =>
      countItems(bot.cosmos.client.database(bot.databaseId), containerDefinitions.customers.id);
    const before = await records();
    let cases = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(bodies(connector.serviceUrl), contentTypes, async (body, contentType) => {
        cases += 1;
        const response = await fetch(bot.messagesUrl, {
          method: 'POST',
          headers: contentType ? { 'content-type': contentType } : {},
          body,
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        // 501 is the Bot Framework's answer to an invoke the bot does not implement (none, here).
        if (response.status === 501) expect(isInvoke(body)).toBe(true);
        else expect(response.status).toBeLessThan(500);
      }),
      { numRuns: runs },
    );
    expect(cases).toBe(runs);
    // Not only refusals: a share of the cases (about one in ten) reached a turn.
    expect(
      [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0),
    ).toBeGreaterThan(runs / 25);
    // No generated request can walk a flow to Submit: nothing was added.
    expect(await records()).toBe(before);
    const health = await fetch(bot.messagesUrl.replace('/api/messages', '/healthz'));
    expect(health.status).toBe(200);
    // Replies went only where a case named this machine's connector: nowhere else was reachable.
    expect(connector.calls.length).toBeGreaterThan(0);
  });
});
