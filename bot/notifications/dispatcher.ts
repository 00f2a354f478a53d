import { randomUUID } from 'node:crypto';
import { RoundLoop } from '../../services/scheduling/roundLoop';
import { notificationSummary, onboardingNotificationCard } from '../../dialogs/onboardingNotificationCard';
import type { DeliveryAddress } from '../../services/notifications/deliveryAddress';
import type { OnboardingNotifications } from '../../services/notifications/onboardingNotifications';
import type { OutboxEntry, StoredEntry } from '../../services/notifications/outboxStore';
import type { Recipient } from '../../services/notifications/recipientStore';
import type { OnboardingService } from '../../services/onboarding/onboardingService';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { Logger } from '../logger';
import type { NotificationSender } from './notificationSender';
import { ConversationPacer, teamsConversationLimits, type RateLimit } from './pacer';
import { classifySendError, type SendFailure } from './teamsAnswer';

export interface DispatcherOptions {
  notifications: OnboardingNotifications;
  onboarding: OnboardingService;
  sender: NotificationSender;
  logger: Logger;
  now?: () => Date;
  /** How often the outbox is read when nothing wakes the dispatcher (entries of other instances). */
  pollMs?: number;
  /** How long a claim holds: another dispatcher takes an entry over only after it. */
  leaseMs?: number;
  /** First backoff of 412/502/503/504; doubled per attempt, with full jitter, up to `backoffCapMs`. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Tries of one entry before it is marked failed. */
  maxAttempts?: number;
  /** An entry whose record never appears is dropped after this long (its submission was abandoned). */
  abandonAfterMs?: number;
  limits?: readonly RateLimit[];
  /** Recipients served at once; each recipient's entries are sent one after the other, in order. */
  concurrency?: number;
}

/** What became of one entry's attempt. */
type Result =
  | { kind: 'sent' }
  | { kind: 'cancelled' }
  /** `holdsLane`: the recipient's later entries wait for this one (a retry), so they stay in order. */
  | {
      kind: 'later';
      notBefore: Date;
      countsAsAttempt: boolean;
      holdsLane: boolean;
      error?: OutboxEntry['lastError'];
    }
  | { kind: 'failed'; error: OutboxEntry['lastError'] };

const batchSize = 200;

/**
 * Sends the outbox. Each recipient's entries go one after the other, oldest onboarding first, paced
 * to Teams' limits per conversation; an entry waiting to be retried holds back the ones after it,
 * so a manager reads onboardings in the order they happened. An entry is claimed before it is sent
 * (replace with IfMatch on its etag, with a lease): of two dispatchers on one store, only one sends
 * it, and one whose process died leaves it to be taken over when the lease ends.
 */
export class NotificationDispatcher {
  readonly instanceId = randomUUID();
  private readonly now: () => Date;
  private readonly pacer: ConversationPacer;
  private readonly rounds: RoundLoop;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;
  /** Ends a wait for Teams' rate limits when the dispatcher stops. */
  private stopping = new AbortController();
  private readonly settings: Required<
    Pick<
      DispatcherOptions,
      | 'pollMs'
      | 'leaseMs'
      | 'backoffBaseMs'
      | 'backoffCapMs'
      | 'maxAttempts'
      | 'abandonAfterMs'
      | 'concurrency'
    >
  >;

  constructor(readonly options: DispatcherOptions) {
    this.now = options.now ?? (() => new Date());
    this.pacer = new ConversationPacer(options.limits ?? teamsConversationLimits);
    this.settings = {
      pollMs: options.pollMs ?? 5_000,
      leaseMs: options.leaseMs ?? 120_000,
      backoffBaseMs: options.backoffBaseMs ?? 1_000,
      backoffCapMs: options.backoffCapMs ?? 300_000,
      maxAttempts: options.maxAttempts ?? 8,
      abandonAfterMs: options.abandonAfterMs ?? 15 * 60_000,
      concurrency: options.concurrency ?? 8,
    };
    this.rounds = new RoundLoop({
      run: () => this.runRound(),
      pollMs: this.settings.pollMs,
      onError: (error) =>
        this.options.logger.error(
          { err: { message: (error as Error).message } },
          'notification round failed',
        ),
    });
  }

  /** Sends what is waiting (entries left by a process that stopped too), then keeps watching. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = new AbortController();
    this.unsubscribe = this.options.notifications.onReady(() => this.wake());
    this.rounds.start();
  }

  /** Finishes the round under way; what is left stays in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    this.unsubscribe?.();
    await this.rounds.stop();
  }

  /** One round now, e.g. after a submit; a round under way is followed by another. */
  wake(): void {
    this.rounds.wake();
  }

  /** Sends every entry that is due, and returns in how many ms the next one will be (if known). */
  async runRound(): Promise<number | undefined> {
    const { notifications } = this.options;
    const [unsent, managers] = await allFinished([
      notifications.outbox.unsent(batchSize),
      notifications.managerIds(),
    ]);
    const lanes = new Map<string, StoredEntry[]>();
    for (const stored of unsent.sort(byOnboardingOrder)) {
      const lane = lanes.get(stored.entry.recipientId) ?? [];
      lane.push(stored);
      lanes.set(stored.entry.recipientId, lane);
    }
    const queue = [...lanes.values()];
    const nextDue: number[] = [];
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        const due = await this.runLane(lane, managers);
        if (due !== undefined) nextDue.push(due);
      }
    };
    await allFinished(Array.from({ length: this.settings.concurrency }, worker));
    return nextDue.length > 0 ? Math.max(0, Math.min(...nextDue) - this.now().getTime()) : undefined;
  }

  /**
   * One recipient's entries in order, while this dispatcher holds the recipient's lane; stops at the
   * first that must wait (a retry later keeps the order). Returns when the lane is next due.
   */
  private async runLane(lane: StoredEntry[], managers: ReadonlySet<string>): Promise<number | undefined> {
    const { outbox } = this.options.notifications;
    const recipientId = lane[0]!.entry.recipientId;
    let laneUntil = 0;
    for (const stored of lane) {
      if (this.stopped) return undefined;
      const now = this.now().getTime();
      const { entry } = stored;
      if (entry.status === 'sending' && entry.leaseUntil && Date.parse(entry.leaseUntil) > now) {
        return Date.parse(entry.leaseUntil);
      }
      if (Date.parse(entry.notBefore) > now) return Date.parse(entry.notBefore);
      if (laneUntil - now < this.settings.leaseMs / 2) {
        const claim = await outbox.claimLane(recipientId, this.instanceId, this.now(), this.settings.leaseMs);
        if (!claim.claimed) return Date.parse(claim.until);
        laneUntil = Date.parse(claim.until);
      }
      const result = await this.deliver(stored, managers);
      if (result === 'held') return Date.parse(stored.entry.notBefore);
      if (result === 'skipped') continue;
      if (result.kind === 'later' && result.holdsLane) return result.notBefore.getTime();
    }
    return undefined;
  }

  /**
   * One entry: checked (still wanted, its record there), paced, claimed, sent, finished. 'skipped':
   * not for now, without holding back the ones after it (its record has not come yet); 'held': another
   * dispatcher claimed it first.
   */
  private async deliver(
    stored: StoredEntry,
    managers: ReadonlySet<string>,
  ): Promise<Result | 'skipped' | 'held'> {
    const { notifications, onboarding } = this.options;
    const { entry } = stored;
    const record = await onboarding.customer(entry.customerId);
    if (!record) {
      // Its submit has not written the record yet, or never will (abandoned): the entry is dropped.
      const age = this.now().getTime() - Date.parse(entry.createdAt);
      if (age > this.settings.abandonAfterMs) await notifications.outbox.remove(stored);
      return 'skipped';
    }
    const recipient = await notifications.recipients.recipient(entry.recipientId);
    if (entry.recipientId.startsWith('person:')) {
      const personId = entry.recipientId.slice('person:'.length);
      const unwanted = !managers.has(personId) || (recipient?.kind === 'person' && !recipient.subscribed);
      if (unwanted) return this.finishIfClaimed(stored, { kind: 'cancelled' });
    }
    if (recipient?.inactive)
      return this.finishIfClaimed(stored, { kind: 'failed', error: { code: recipient.inactive.code } });

    // Paced before it is claimed: a claim is never held through a wait for Teams' limits.
    if (
      recipient?.address &&
      !(await this.pacer.take(recipient.address.conversationId, this.stopping.signal))
    )
      return 'held';
    const claimed = await notifications.outbox.replaceIfUnchanged(
      {
        ...entry,
        status: 'sending',
        claimedBy: this.instanceId,
        leaseUntil: new Date(this.now().getTime() + this.settings.leaseMs).toISOString(),
      },
      stored.etag,
    );
    if (!claimed) return 'held';
    const result = await this.send(claimed.entry, record, recipient, recipient?.address !== undefined);
    await this.finish(claimed, result);
    return result;
  }

  private async send(
    entry: OutboxEntry,
    record: CustomerRecord,
    recipient: Recipient | undefined,
    paced: boolean,
  ): Promise<Result> {
    const { onboarding } = this.options;
    let address: DeliveryAddress | undefined = recipient?.address;
    let readdressed = false;
    let needsPace = !paced;
    try {
      if (!address) {
        address = await this.startPersonalChat(entry, recipient);
        if (!address) return { kind: 'failed', error: { code: 'NoAddress' } };
      }
      const reader = {
        ...(recipient?.locale ? { locale: recipient.locale } : {}),
        ...(recipient?.kind === 'person' && recipient.timeZone ? { timeZone: recipient.timeZone } : {}),
      };
      const card = await onboardingNotificationCard(record, onboarding, reader);
      for (;;) {
        try {
          if (needsPace && !(await this.pacer.take(address.conversationId, this.stopping.signal)))
            return { kind: 'later', notBefore: this.now(), countsAsAttempt: false, holdsLane: true };
          try {
            await this.options.sender.send(address, card, notificationSummary(record, reader));
          } finally {
            this.pacer.settle(address.conversationId);
          }
          return { kind: 'sent' };
        } catch (error) {
          const failure = classifySendError(error);
          // A personal chat Teams lost is started again, once per entry, and the message sent there.
          if (failure.kind !== 'conversationNotFound' || readdressed || recipient?.kind === 'channel')
            throw error;
          readdressed = true;
          needsPace = true;
          address = await this.startPersonalChat(entry, recipient);
          if (!address) throw error;
        }
      }
    } catch (error) {
      return this.afterFailure(entry, classifySendError(error));
    }
  }

  /** An entry not to be sent after all: finished as such, unless another dispatcher has it. */
  private async finishIfClaimed(stored: StoredEntry, result: Result): Promise<Result | 'held'> {
    const saved = await this.finish(stored, result);
    return saved ? result : 'held';
  }

  private async startPersonalChat(
    entry: OutboxEntry,
    recipient: Recipient | undefined,
  ): Promise<DeliveryAddress | undefined> {
    const personId = entry.recipientId.startsWith('person:')
      ? entry.recipientId.slice('person:'.length)
      : undefined;
    const origin = recipient?.kind === 'person' ? (recipient.address ?? entry.origin) : entry.origin;
    if (!personId || !origin) return undefined;
    const address = await this.options.sender.startPersonalChat(origin, personId);
    await this.options.notifications.recipients.readdressed(personId, address);
    return address;
  }

  private async afterFailure(entry: OutboxEntry, failure: SendFailure): Promise<Result> {
    const error = {
      ...(failure.status !== undefined ? { status: failure.status } : {}),
      ...(failure.code ? { code: failure.code } : {}),
    };
    this.options.logger.warn(
      {
        entryId: entry.id,
        attempt: entry.attempts + 1,
        status: failure.status,
        code: failure.code,
        kind: failure.kind,
      },
      'notification not delivered',
    );
    const lastTry = entry.attempts + 1 >= this.settings.maxAttempts;
    switch (failure.kind) {
      case 'retryAfter':
        return lastTry
          ? { kind: 'failed', error }
          : {
              kind: 'later',
              notBefore: this.later(failure.ms),
              countsAsAttempt: true,
              holdsLane: true,
              error,
            };
      case 'backoff': {
        const ceiling = Math.min(
          this.settings.backoffCapMs,
          this.settings.backoffBaseMs * 2 ** entry.attempts,
        );
        // Full jitter, never less than half the ceiling: instances that failed together spread out.
        const wait = ceiling / 2 + Math.random() * (ceiling / 2);
        return lastTry
          ? { kind: 'failed', error }
          : { kind: 'later', notBefore: this.later(wait), countsAsAttempt: true, holdsLane: true, error };
      }
      case 'unreachable':
        await this.options.notifications.recipients.deactivate(entry.recipientId, failure.code);
        return { kind: 'failed', error };
      case 'conversationNotFound':
        // A channel that is gone (a personal chat was already started again, once, before this).
        if (entry.recipientId.startsWith('channel:'))
          await this.options.notifications.recipients.deactivate(entry.recipientId, failure.code);
        return { kind: 'failed', error };
      case 'failed':
        return { kind: 'failed', error };
    }
  }

  /** Writes what became of an entry, over the etag it was read or claimed with; false when it changed. */
  private async finish(claimed: StoredEntry, result: Result): Promise<boolean> {
    const entry: OutboxEntry = { ...claimed.entry };
    delete entry.claimedBy;
    delete entry.leaseUntil;
    const at = this.now().toISOString();
    const attempts = entry.attempts + 1;
    const error = 'error' in result && result.error ? { lastError: result.error } : {};
    const next: OutboxEntry =
      result.kind === 'sent'
        ? { ...entry, status: 'sent', attempts, sentAt: at }
        : result.kind === 'cancelled'
          ? { ...entry, status: 'cancelled' }
          : result.kind === 'failed'
            ? { ...entry, status: 'failed', attempts, failedAt: at, ...error }
            : {
                ...entry,
                status: 'pending',
                attempts: result.countsAsAttempt ? attempts : entry.attempts,
                notBefore: result.notBefore.toISOString(),
                ...error,
              };
    const saved = await this.options.notifications.outbox.replaceIfUnchanged(next, claimed.etag);
    if (!saved && claimed.entry.status === 'sending') {
      this.options.logger.warn({ entryId: entry.id }, 'notification entry changed while it was being sent');
    }
    return saved !== undefined;
  }

  private later(ms: number): Date {
    return new Date(this.now().getTime() + ms);
  }
}

function byOnboardingOrder(a: StoredEntry, b: StoredEntry): number {
  return a.entry.createdAt.localeCompare(b.entry.createdAt) || a.entry.id.localeCompare(b.entry.id);
}

/**
 * Promise.all that fails only once every promise has settled. A round that gave up at the first
 * failure would end, and let stop() return, while the store calls beside it were still running (the
 * Cosmos DB client retries a dropped connection a second later).
 */
async function allFinished<T extends readonly unknown[] | []>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results = await Promise.allSettled<unknown>(promises);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
