import type { Database } from '@azure/cosmos';
import type { DeliveryAddress, DeliveryOrigin } from './deliveryAddress';
import { planTargets, type Manager, type Target } from './notificationPlan';
import { OutboxStore, outboxEntryId, type OutboxEntry } from './outboxStore';
import {
  RecipientStore,
  personRecipientId,
  type Channel,
  type Person,
  type PersonSeen,
  type Recipient,
} from './recipientStore';
import { RosterRevision } from './rosterRevision';

/** Who an onboarding's notification went to, as the agent's Done card says it. */
export type NotifiedRecipient = Pick<Target, 'kind' | 'name'>;

/** The onboarding being finished, as the outbox records it. */
export interface Onboarding {
  customerId: string;
  legalName: string;
  createdAt: string;
}

/** What the customer service asks of notifications while it finishes a record. */
export interface OnboardingOutbox {
  /** Writes the onboarding's entries (again, harmlessly, on a retried submit). */
  enqueue(onboarding: Onboarding, origin: DeliveryOrigin | undefined): Promise<NotifiedRecipient[]>;
  /** The record is written: its entries may be sent now. */
  recordWritten(): void;
  notifiedFor(customerId: string): Promise<NotifiedRecipient[]>;
}

/** A manager's notifications as `notifications` tells them. */
export interface NotificationState {
  subscribed: boolean;
  /** The channel their notifications go to, when they chose one. */
  channel?: { name?: string; inactive: boolean };
  /** Why their personal chat gets nothing (blocked the bot, removed it), if so. */
  inactiveCode?: string;
  waiting: number;
  failed: OutboxEntry[];
}

export interface OnboardingNotificationsOptions {
  database: Database;
  /** Everyone who holds the manager role now. */
  managers: () => Promise<Manager[]>;
  now?: () => Date;
  /**
   * How long a copy of the managers and recipients is used while the roster's revision says it is
   * current (default 5 minutes): the bound on a change written without its revision (a writer that
   * stopped in between, an edit in the Azure portal). Milliseconds by `clock`.
   */
  rosterMaxAgeMs?: number;
  clock?: () => number;
}

/** Who may be notified, as read under one revision of the roster. */
interface Roster {
  revision: string;
  managers: Manager[];
  recipients: Recipient[];
  readAt: number;
}

const defaultRosterMaxAgeMs = 5 * 60_000;

/**
 * Onboarding notifications for managers: who gets them (their choices, kept with their delivery
 * address), and the outbox the submit writes into, one entry per recipient, before the record is
 * written (so an onboarding never exists without its entries). Sending is the bot's (the dispatcher);
 * this service knows nothing of chat.
 */
export class OnboardingNotifications implements OnboardingOutbox {
  readonly recipients: RecipientStore;
  readonly outbox: OutboxStore;
  private readonly now: () => Date;
  private readonly wakeListeners = new Set<() => void>();
  private readonly revision: RosterRevision;
  private roster: Roster | undefined;

  constructor(private readonly options: OnboardingNotificationsOptions) {
    this.now = options.now ?? (() => new Date());
    this.recipients = RecipientStore.forDatabase(options.database, this.now);
    this.outbox = OutboxStore.forDatabase(options.database);
    this.revision = RosterRevision.forDatabase(options.database);
  }

  async enqueue(onboarding: Onboarding, origin: DeliveryOrigin | undefined): Promise<NotifiedRecipient[]> {
    const { managers, recipients } = await this.currentRoster();
    const targets = planTargets(managers, recipients, origin);
    const at = this.now().toISOString();
    await this.outbox.add(
      targets.map((target): OutboxEntry => ({
        id: outboxEntryId(onboarding.customerId, target.recipientId),
        customerId: onboarding.customerId,
        legalName: onboarding.legalName,
        recipientId: target.recipientId,
        ...(target.name ? { recipientName: target.name } : {}),
        ...(origin ? { origin } : {}),
        createdAt: onboarding.createdAt,
        status: 'pending',
        attempts: 0,
        notBefore: at,
      })),
    );
    return targets.map(notified);
  }

  /** The object ids of everyone who holds the manager role now, lower case. */
  async managerIds(): Promise<Set<string>> {
    const { managers } = await this.currentRoster();
    return new Set(managers.map((manager) => manager.id.toLowerCase()));
  }

  /**
   * The managers and recipients: this instance's copy while the roster's revision is the one it was
   * read under (one point read), else read again (two queries).
   */
  private async currentRoster(): Promise<Roster> {
    const clock = this.options.clock ?? Date.now;
    const revision = await this.revision.current();
    const kept = this.roster;
    const maxAgeMs = this.options.rosterMaxAgeMs ?? defaultRosterMaxAgeMs;
    if (kept && kept.revision === revision && clock() - kept.readAt < maxAgeMs) return kept;
    const readAt = clock();
    const [managers, recipients] = await Promise.all([this.options.managers(), this.recipients.all()]);
    const roster = { revision, managers, recipients, readAt };
    this.roster = roster;
    return roster;
  }

  recordWritten(): void {
    for (const wake of this.wakeListeners) wake();
  }

  /** Called when entries may be ready to send (the dispatcher listens). */
  onReady(listener: () => void): () => void {
    this.wakeListeners.add(listener);
    return () => this.wakeListeners.delete(listener);
  }

  async notifiedFor(customerId: string): Promise<NotifiedRecipient[]> {
    const entries = await this.outbox.byCustomer(customerId);
    return entries
      .sort((a, b) => a.recipientId.localeCompare(b.recipientId))
      .map((entry) =>
        notified({
          kind: entry.recipientId.startsWith('channel:') ? 'channel' : 'person',
          ...(entry.recipientName ? { name: entry.recipientName } : {}),
        }),
      );
  }

  /** A person wrote in their personal chat, or installed the bot. */
  seen(personId: string, seen: PersonSeen, options: { fresh?: boolean } = {}): Promise<void> {
    return this.recipients.seen(personId, seen, options);
  }

  uninstalled(personId: string): Promise<void> {
    return this.recipients.uninstalled(personId);
  }

  teamRemoved(teamId: string): Promise<void> {
    return this.recipients.teamRemoved(teamId);
  }

  subscribe(managerId: string, displayName?: string): Promise<Person> {
    return this.recipients.subscribe(managerId, displayName);
  }

  unsubscribe(managerId: string): Promise<Person> {
    return this.recipients.unsubscribe(managerId);
  }

  routeToChannel(
    managerId: string,
    channel: { address: DeliveryAddress; name?: string; teamId?: string },
    displayName?: string,
  ): Promise<Channel> {
    return this.recipients.routeToChannel(managerId, channel, displayName);
  }

  async state(managerId: string): Promise<NotificationState> {
    const person = await this.recipients.person(managerId);
    const channel = person?.routedTo ? await this.recipients.recipient(person.routedTo) : undefined;
    const recipientIds = [personRecipientId(managerId), ...(channel ? [channel.id] : [])];
    const [pending, sending, failed] = await Promise.all([
      this.outbox.countFor(recipientIds, 'pending'),
      this.outbox.countFor(recipientIds, 'sending'),
      this.outbox.forRecipients(recipientIds, 'failed', 5),
    ]);
    return {
      subscribed: person?.subscribed ?? true,
      ...(channel?.kind === 'channel'
        ? {
            channel: {
              ...(channel.name ? { name: channel.name } : {}),
              inactive: channel.inactive !== undefined,
            },
          }
        : {}),
      ...(person?.inactive ? { inactiveCode: person.inactive.code } : {}),
      waiting: pending + sending,
      failed,
    };
  }
}

function notified(target: Pick<Target, 'kind' | 'name'>): NotifiedRecipient {
  return { kind: target.kind, ...(target.name ? { name: target.name } : {}) };
}
