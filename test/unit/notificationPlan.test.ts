import type { DeliveryAddress } from '../../services/notifications/deliveryAddress';
import { planTargets } from '../../services/notifications/notificationPlan';
import type { Channel, Person } from '../../services/notifications/recipientStore';

const address = (conversationId: string): DeliveryAddress => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationId,
});
const origin = { channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 't' };
const at = '2026-11-30T10:00:00.000Z';

function person(id: string, extra: Partial<Person> = {}): Person {
  return {
    id: `person:${id}`,
    kind: 'person',
    personId: id,
    subscribed: true,
    updatedAt: at,
    address: address(`a:${id}`),
    ...extra,
  };
}
function channel(id: string, extra: Partial<Channel> = {}): Channel {
  return {
    id: `channel:${id}`,
    kind: 'channel',
    name: 'Onboardings',
    address: address(id),
    updatedAt: at,
    ...extra,
  };
}

describe('who gets an onboarding notification', () => {
  it('sends every manager one, by default in their personal chat', () => {
    expect(
      planTargets(
        [{ id: 'm1', displayName: 'Marieke' }, { id: 'm2' }],
        [person('m2', { displayName: 'Joost' })],
        origin,
      ),
    ).toEqual([
      { recipientId: 'person:m1', kind: 'person', name: 'Marieke' },
      { recipientId: 'person:m2', kind: 'person', name: 'Joost' },
    ]);
  });

  it('leaves out a manager who stopped notifications, and one Teams cannot reach', () => {
    const recipients = [
      person('m1', { subscribed: false }),
      person('m2', { inactive: { code: 'ConversationBlockedByUser', at } }),
    ];
    expect(planTargets([{ id: 'm1' }, { id: 'm2' }], recipients, origin)).toEqual([]);
  });

  it('leaves out a manager with no chat when no chat can be started (not in Teams)', () => {
    expect(planTargets([{ id: 'm1' }], [], undefined)).toEqual([]);
    expect(planTargets([{ id: 'm1' }], [person('m1')], undefined)).toHaveLength(1);
  });

  it('sends to the channel two managers chose once, and to the personal chat when the channel is gone', () => {
    const routed = [
      person('m1', { routedTo: 'channel:19:c' }),
      person('m2', { routedTo: 'channel:19:c' }),
      channel('19:c'),
    ];
    expect(planTargets([{ id: 'm1' }, { id: 'm2' }], routed, origin)).toEqual([
      { recipientId: 'channel:19:c', kind: 'channel', name: 'Onboardings' },
    ]);
    const gone = [...routed.slice(0, 2), channel('19:c', { inactive: { code: 'AppUninstalled', at } })];
    expect(
      planTargets([{ id: 'm1' }, { id: 'm2' }], gone, origin).map((target) => target.recipientId),
    ).toEqual(['person:m1', 'person:m2']);
  });

  it('matches a manager to their choices whatever the case of their object id', () => {
    const recipients = [person('0a1b2c3d-0000-4000-8000-00000000abcd', { subscribed: false })];
    expect(planTargets([{ id: '0A1B2C3D-0000-4000-8000-00000000ABCD' }], recipients, origin)).toEqual([]);
  });
});
