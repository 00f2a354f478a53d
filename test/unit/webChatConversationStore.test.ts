import { ConversationStore } from '../../bot/webChat/conversationStore';

const user = { id: 'web-1', name: 'Agent' };

describe("the local web chat's conversation store", () => {
  it('forgets the least recently used conversation, and its token, beyond the limit', () => {
    const store = new ConversationStore({ conversations: 2, activitiesPerConversation: 10 });
    const first = store.create(user);
    const second = store.create(user);
    expect(store.byToken(first.token)).toBe(first);
    const third = store.create(user);

    expect(store.get(second.id)).toBeUndefined();
    expect(store.byToken(second.token)).toBeUndefined();
    expect(store.get(first.id)).toBe(first);
    expect(store.get(third.id)).toBe(third);
  });

  it('keeps the newest activities of a long conversation, and watermarks keep counting', () => {
    const store = new ConversationStore({ conversations: 5, activitiesPerConversation: 3 });
    const conversation = store.create(user);
    for (let n = 1; n <= 5; n++)
      store.append(conversation, { type: 'message', text: `m${n}` }, store.nextId(conversation));

    const all = store.since(conversation, 0);
    expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(all.watermark).toBe(5);
    expect(store.since(conversation, 4).activities.map((a) => a.text)).toEqual(['m5']);
    expect(store.since(conversation, 5).activities).toEqual([]);
  });

  it('stamps strictly increasing times, and an update keeps the original time', () => {
    const store = new ConversationStore();
    const conversation = store.create(user);
    const first = store.append(conversation, { type: 'message' }, store.nextId(conversation));
    const second = store.append(conversation, { type: 'message' }, store.nextId(conversation));
    expect(Date.parse(second.timestamp)).toBeGreaterThan(Date.parse(first.timestamp));

    store.append(conversation, { type: 'message', text: 'new' }, first.id, first.timestamp);
    expect(store.find(conversation, first.id)).toMatchObject({ text: 'new', timestamp: first.timestamp });
  });
});
