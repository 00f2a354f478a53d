import {
  ConversationStore,
  defaultStoreLimits,
  type ChatConversation,
  type CreateResult,
} from '../../bot/webChat/conversationStore';

const user = { id: 'web-1', name: 'Agent' };
const minute = 60_000;

/** The conversation of a result that must have one. */
function made(result: CreateResult): ChatConversation {
  if (!('conversation' in result)) throw new Error(`refused: ${result.refused}`);
  return result.conversation;
}

/** A clock a test moves on by hand. */
function clock(start = Date.UTC(2026, 0, 15, 9)) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("the local web chat's conversation store", () => {
  it('has the documented bounds', () => {
    expect(defaultStoreLimits).toEqual({
      conversations: 200,
      conversationsPerClient: 50,
      conversationsPerUser: 5,
      activitiesPerConversation: 1000,
      charactersPerConversation: 500_000,
      idleMs: 60 * minute,
    });
  });

  it("when full, refuses a new conversation with Retry-After instead of evicting someone else's", () => {
    const time = clock();
    const store = new ConversationStore({ conversations: 2, conversationsPerClient: 10 }, time.now);
    const first = made(store.create({ id: 'web-a', name: 'A' }, 'client-a'));
    time.advance(10 * minute);
    const second = made(store.create({ id: 'web-b', name: 'B' }, 'client-b'));

    time.advance(5 * minute);
    expect(store.create({ id: 'web-c', name: 'C' }, 'client-c')).toEqual({
      refused: 'full',
      // The least recently used (the first, 15 minutes old) idles out in 45 minutes.
      retryAfterSeconds: 45 * 60,
    });
    expect(store.byToken(first.token)).toBe(first);
    expect(store.byToken(second.token)).toBe(second);
    expect(store.size).toBe(2);
  });

  it('makes room once a conversation idled out for an hour, and forgets it with its token', () => {
    const time = clock();
    const store = new ConversationStore({ conversations: 2 }, time.now);
    const idle = made(store.create({ id: 'web-a', name: 'A' }, 'client-a'));
    const used = made(store.create({ id: 'web-b', name: 'B' }, 'client-b'));
    time.advance(59 * minute);
    expect(store.byToken(used.token)).toBe(used); // a poll keeps it alive
    time.advance(minute);

    const third = made(store.create({ id: 'web-c', name: 'C' }, 'client-c'));
    expect(store.byToken(idle.token)).toBeUndefined();
    expect(store.get(idle.id)).toBeUndefined();
    expect(store.get(used.id)).toBe(used);
    expect(store.get(third.id)).toBe(third);
  });

  it("a user's sixth conversation takes the place of that user's own least recently used", () => {
    const store = new ConversationStore();
    const other = made(store.create({ id: 'web-other', name: 'B' }, 'loopback'));
    const sameIdElsewhere = made(store.create(user, '192.0.2.7'));
    const mine = Array.from({ length: 5 }, () => made(store.create(user, 'loopback')));
    store.get(mine[0]!.id); // used again: the second is now the least recently used

    const sixth = made(store.create(user, 'loopback'));
    expect(store.get(mine[1]!.id)).toBeUndefined();
    expect(store.byToken(mine[1]!.token)).toBeUndefined();
    for (const kept of [mine[0]!, ...mine.slice(2), sixth, other, sameIdElsewhere])
      expect(store.get(kept.id)).toBe(kept);
    expect(store.size).toBe(7);
  });

  it('a client gets at most its bound, whatever user ids it gives; another client still gets one', () => {
    const time = clock();
    const store = new ConversationStore(
      { conversations: 10, conversationsPerClient: 3, conversationsPerUser: 1 },
      time.now,
    );
    const first = made(store.create({ id: 'web-1', name: 'A' }, 'loopback'));
    time.advance(20 * minute);
    made(store.create({ id: 'web-2', name: 'A' }, 'loopback'));
    made(store.create({ id: 'web-3', name: 'A' }, 'loopback'));

    expect(store.create({ id: 'web-4', name: 'A' }, 'loopback')).toEqual({
      refused: 'client',
      retryAfterSeconds: 40 * 60,
    });
    expect(store.get(first.id)).toBe(first);
    made(store.create({ id: 'web-4', name: 'A' }, '198.51.100.1'));
    // The user's own conversation makes room, even at the client's bound.
    made(store.create({ id: 'web-2', name: 'A' }, 'loopback'));
    expect(store.size).toBe(4);
  });

  it('keeps the newest activities of a long conversation, and watermarks keep counting', () => {
    const store = new ConversationStore({ conversations: 5, activitiesPerConversation: 3 });
    const conversation = made(store.create(user));
    for (let n = 1; n <= 5; n++)
      store.append(conversation, { type: 'message', text: `m${n}` }, store.nextId(conversation));

    const all = store.since(conversation, 0);
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe(5);
    expect(store.since(conversation, 4).activities.map((a) => a.text)).toEqual(['m5']);
    expect(store.since(conversation, 5).activities).toEqual([]);
  });

  it("keeps a conversation's log within its characters; the newest activity always stays", () => {
    const store = new ConversationStore({ charactersPerConversation: 1000 });
    const conversation = made(store.create(user));
    const add = (text: string) =>
      store.append(conversation, { type: 'message', text }, store.nextId(conversation));
    for (let n = 0; n < 10; n++) add(`${n}`.repeat(200));

    const kept = store.since(conversation, 0);
    expect(conversation.characters).toBeLessThanOrEqual(1000);
    expect(conversation.characters).toBe(
      kept.activities.reduce((sum, a) => sum + JSON.stringify(a).length, 0),
    );
    expect(kept.activities.at(-1)!.text).toBe('9'.repeat(200));
    expect(kept.watermark).toBe(10);

    add('x'.repeat(5000));
    expect(store.since(conversation, 0).activities.map((a) => a.text)).toEqual(['x'.repeat(5000)]);
    expect(store.since(conversation, 0).watermark).toBe(11);
  });

  it('stamps strictly increasing times, and an update keeps the original time', () => {
    const store = new ConversationStore();
    const conversation = made(store.create(user));
    const first = store.append(conversation, { type: 'message' }, store.nextId(conversation));
    const second = store.append(conversation, { type: 'message' }, store.nextId(conversation));
    expect(Date.parse(second.timestamp)).toBeGreaterThan(Date.parse(first.timestamp));

    store.append(conversation, { type: 'message', text: 'new' }, first.id, first.timestamp);
    expect(store.find(conversation, first.id)).toMatchObject({ text: 'new', timestamp: first.timestamp });
  });
});
