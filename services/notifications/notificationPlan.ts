import type { DeliveryOrigin } from './deliveryAddress';
import { personRecipientId, type Channel, type Person, type Recipient } from './recipientStore';

/** Someone who holds the manager role, as the role directory (or local mode) names them. */
export interface Manager {
  id: string;
  displayName?: string;
}

/** Where one onboarding's notification goes: a manager's personal chat or a channel. */
export interface Target {
  recipientId: string;
  kind: 'person' | 'channel';
  name?: string;
}

/**
 * Who gets an onboarding's notification: every manager, unless they said "stop notifications"; in
 * the channel they routed theirs to, or else their personal chat. Nobody Teams said cannot be reached
 * (blocked the bot, removed it), and nobody whose chat cannot be started (no address and no origin to
 * start one from). A channel several managers chose gets it once.
 */
export function planTargets(
  managers: readonly Manager[],
  recipients: readonly Recipient[],
  origin: DeliveryOrigin | undefined,
): Target[] {
  const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
  const targets = new Map<string, Target>();
  for (const manager of managers) {
    const person = byId.get(personRecipientId(manager.id)) as Person | undefined;
    if (person && !person.subscribed) continue;
    const channel = person?.routedTo ? (byId.get(person.routedTo) as Channel | undefined) : undefined;
    if (channel?.kind === 'channel' && !channel.inactive) {
      targets.set(channel.id, {
        recipientId: channel.id,
        kind: 'channel',
        ...(channel.name ? { name: channel.name } : {}),
      });
      continue;
    }
    if (person?.inactive || (!person?.address && !origin)) continue;
    const name = person?.displayName ?? manager.displayName;
    targets.set(personRecipientId(manager.id), {
      recipientId: personRecipientId(manager.id),
      kind: 'person',
      ...(name ? { name } : {}),
    });
  }
  return [...targets.values()];
}
