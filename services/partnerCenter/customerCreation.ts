import { randomUUID } from 'node:crypto';
import type { CustomerRecord, PartnerCenterSection, StoredCustomer } from '../customers/customerRecord';
import { ConcurrentUpdateError } from '../customers/customerRepository';
import { PartnerCenterError, type PartnerCenter } from './partnerCenter';
import { agreementOf, newCustomerOf } from './newCustomer';
import { RoundLoop } from '../scheduling/roundLoop';
import type { PendingCreations } from './pendingCreations';

/** What the agent who submitted is told; the temporary password lives in this call only. */
export type CreationNews =
  | { kind: 'created'; admin: { userName: string; password: string } }
  | { kind: 'rejected' }
  | { kind: 'agreementRefused' };

export interface CreationAnnouncer {
  /** Tells the agent; true when the message was delivered. Never throws for a channel's refusal. */
  tell(record: CustomerRecord, news: CreationNews): Promise<boolean>;
}

export interface CreationLog {
  info(event: string, detail: Record<string, unknown>): void;
  warn(event: string, detail: Record<string, unknown>): void;
}

export interface CustomerCreationOptions {
  pending: PendingCreations;
  partnerCenter: PartnerCenter;
  announcer: CreationAnnouncer;
  /** Gives back the domain and name of a customer Partner Center refused. */
  giveBack(record: CustomerRecord): Promise<void>;
  log: CreationLog;
  now?: () => Date;
  /** How long a worker's claim on an entry holds before another instance may take it. */
  leaseMs?: number;
  /** Backoff after a failure that is retried: first wait, doubled per attempt, at most `maxMs`. */
  backoff?: { firstMs: number; maxMs: number };
  /** How often pending entries are looked for when nothing wakes the worker (other instances' submits). */
  pollMs?: number;
  /** How long telling the agent may take before it counts as not told (the chat's service hangs). */
  tellTimeoutMs?: number;
}

const defaults = {
  leaseMs: 2 * 60_000,
  backoff: { firstMs: 5_000, maxMs: 15 * 60_000 },
  pollMs: 30_000,
  tellTimeoutMs: 20_000,
};

/**
 * Tries of the create whose message with the password did not reach the agent. Each try asks Partner
 * Center again with the same request id (the same customer and password) and tells again; after the
 * last, the customer is recorded as created without the agent told (the password can be reset in the
 * Microsoft 365 admin center).
 */
const TELL_TRIES = 5;

/** How long a message under way may still take once the worker is asked to stop (within the shutdown grace). */
const STOP_GRACE_MS = 3_000;

/** The agent could not be told that the customer exists: the create is repeated, with the same request id. */
class AgentNotToldError extends Error {
  override name = 'AgentNotToldError';
}

/**
 * Creates submitted customers in Partner Center, from the record's own entry (`partnerCenter`,
 * written with the record). Each entry is claimed with the record's etag, so one instance works on it
 * at a time. The create is sent with `MS-RequestId` = the submission's idempotency key: a retry after
 * a timeout, a crash or a restart is the same request to Partner Center, never a second tenant.
 * Throttling and outages are retried with backoff (Retry-After when Partner Center gives one); a
 * refusal is kept with Partner Center's reason and told to the agent.
 */
export class CustomerCreation {
  private readonly owner = randomUUID();
  private readonly now: () => Date;
  private readonly settings: typeof defaults;
  private stopping = new AbortController();
  private stopped = true;
  private readonly rounds: RoundLoop;

  constructor(private readonly options: CustomerCreationOptions) {
    this.now = options.now ?? (() => new Date());
    this.settings = {
      leaseMs: options.leaseMs ?? defaults.leaseMs,
      backoff: options.backoff ?? defaults.backoff,
      pollMs: options.pollMs ?? defaults.pollMs,
      tellTimeoutMs: options.tellTimeoutMs ?? defaults.tellTimeoutMs,
    };
    this.rounds = new RoundLoop({
      run: async () => {
        const nextDue = await this.runOnce();
        return nextDue ? nextDue.getTime() - this.now().getTime() : undefined;
      },
      pollMs: this.settings.pollMs,
      onError: (error) => this.options.log.warn('partner center round failed', { error: String(error) }),
    });
  }

  /** Works through what is pending (entries an earlier process left too), then keeps watching. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = new AbortController();
    this.rounds.start();
  }

  /** Finishes the round under way; what is left stays pending for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    // A message to the agent still under way no longer holds the shutdown: its entry stays pending,
    // and the next start creates (the same customer) and tells again.
    this.stopping.abort();
    await this.rounds.stop();
  }

  /** A round now (a submit just wrote an entry); a round under way is followed by another. */
  wake(): void {
    this.rounds.wake();
  }

  /** One pass over the entries that are due; returns when the next pending one is due, if any. */
  async runOnce(): Promise<Date | undefined> {
    const due = await this.options.pending.due(this.now());
    for (const stored of due) await this.work(stored);
    return this.options.pending.nextDue();
  }

  private async work(stored: StoredCustomer): Promise<void> {
    const claimed = await this.claim(stored);
    if (!claimed) return;
    let { customer: record, etag } = claimed;
    const section = record.partnerCenter!;
    try {
      if (!section.customerId) {
        ({ customer: record, etag } = await this.create(record, etag));
      }
      if (record.partnerCenter?.agreement === 'pending') {
        ({ customer: record, etag } = await this.confirmAgreement(record, etag));
      }
    } catch (error) {
      // One entry's trouble (the store, the chat) never stops the round: the entry is tried again.
      await this.failed(record, etag, error).catch((failure: unknown) =>
        this.options.log.warn('partner center entry not updated', {
          customerId: record.id,
          error: String(failure),
        }),
      );
    }
  }

  /** Takes the entry for this worker, unless another holds it; a lost race is nothing to report. */
  private async claim(stored: StoredCustomer): Promise<StoredCustomer | undefined> {
    const section = stored.customer.partnerCenter;
    if (!section || section.state !== 'pending') return undefined;
    const now = this.now();
    if (
      section.lease &&
      section.lease.owner !== this.owner &&
      Date.parse(section.lease.until) > now.getTime()
    )
      return undefined;
    const lease = { owner: this.owner, until: new Date(now.getTime() + this.settings.leaseMs).toISOString() };
    return this.update(stored.customer, stored.etag, { lease });
  }

  private async create(record: CustomerRecord, etag: string): Promise<StoredCustomer> {
    const created = await this.options.partnerCenter.createCustomer(
      newCustomerOf(record),
      record.submissionKey,
    );
    const at = this.now().toISOString();
    this.options.log.info('partner center customer created', {
      customerId: record.id,
      partnerCenterCustomerId: created.id,
    });
    // Told before the record is updated: a crash in between repeats the create with the same
    // request id, which Partner Center answers with the same customer, and the agent is told again.
    // The other way round, a crash would lose the one message with the password.
    const told = await this.tell(
      {
        ...record,
        partnerCenter: { ...record.partnerCenter!, customerId: created.id, tenantId: created.tenantId },
      },
      { kind: 'created', admin: created.adminCredentials },
    );
    if (
      !told &&
      (this.stopping.signal.aborted || (record.partnerCenter!.notToldTries ?? 0) < TELL_TRIES - 1)
    ) {
      throw new AgentNotToldError(`The agent was not told that customer ${record.id} exists`);
    }
    const needsAgreement = record.mca.kind === 'attested';
    const updated = await this.update(record, etag, {
      customerId: created.id,
      tenantId: created.tenantId,
      createdAt: at,
      agreement: needsAgreement ? 'pending' : 'notNeeded',
      ...(needsAgreement ? {} : { state: 'created' as const }),
      ...(told ? { agentToldAt: at } : {}),
    });
    if (!updated) throw new ConcurrentUpdateError(`Customer ${record.id} changed while it was created`);
    return updated;
  }

  private async confirmAgreement(record: CustomerRecord, etag: string): Promise<StoredCustomer> {
    const { partnerCenter } = this.options;
    const template = await partnerCenter.currentCustomerAgreement();
    const acceptance = agreementOf(record, template.templateId);
    if (acceptance) await partnerCenter.confirmCustomerAgreement(record.partnerCenter!.tenantId!, acceptance);
    const updated = await this.update(record, etag, { agreement: 'confirmed', state: 'created' });
    if (!updated)
      throw new ConcurrentUpdateError(`Customer ${record.id} changed while its MCA was confirmed`);
    return updated;
  }

  private async failed(record: CustomerRecord, etag: string, error: unknown): Promise<void> {
    const section = record.partnerCenter!;
    const at = this.now().toISOString();
    if (error instanceof PartnerCenterError && error.failure === 'rejected') {
      const rejection = {
        ...(error.code ? { code: error.code } : {}),
        description: error.description ?? error.message,
        at,
      };
      this.options.log.warn('partner center refused', {
        customerId: record.id,
        step: section.customerId ? 'agreement' : 'customer',
        status: error.status,
        code: error.code,
        requestId: error.requestId,
      });
      if (section.customerId) {
        const updated = await this.update(record, etag, {
          agreement: 'refused',
          state: 'created',
          rejection,
        });
        if (updated) await this.tell(updated.customer, { kind: 'agreementRefused' });
        return;
      }
      const updated = await this.update(record, etag, { state: 'rejected', rejection });
      if (!updated) return;
      // The agent is told even when the name and domain cannot be given back now (they then expire
      // only with an operator's help: said in the log).
      await this.options.giveBack(updated.customer).catch((failure: unknown) =>
        this.options.log.warn('reservations of a refused customer not given back', {
          customerId: record.id,
          error: String(failure),
        }),
      );
      await this.tell(updated.customer, { kind: 'rejected' });
      return;
    }
    const attempts = section.attempts + 1;
    const notTold = error instanceof AgentNotToldError && !this.stopping.signal.aborted;
    const retryAfter = error instanceof PartnerCenterError ? error.retryAfterMs : undefined;
    const { firstMs, maxMs } = this.settings.backoff;
    const wait = retryAfter ?? Math.min(maxMs, firstMs * 2 ** Math.min(attempts - 1, 20));
    this.options.log.warn('partner center call failed; will retry', {
      customerId: record.id,
      attempts,
      waitMs: wait,
      failure: error instanceof PartnerCenterError ? error.failure : 'error',
      status: error instanceof PartnerCenterError ? error.status : undefined,
      error: error instanceof PartnerCenterError ? undefined : String(error),
    });
    await this.update(record, etag, {
      attempts,
      ...(notTold ? { notToldTries: (section.notToldTries ?? 0) + 1 } : {}),
      nextAttemptAt: new Date(this.now().getTime() + wait).toISOString(),
      lease: undefined,
      lastFailure: {
        failure: error instanceof PartnerCenterError ? error.failure : 'error',
        ...(error instanceof PartnerCenterError && error.status ? { status: error.status } : {}),
        ...(error instanceof PartnerCenterError && error.code ? { code: error.code } : {}),
        at,
      },
    });
  }

  /**
   * Tells the agent, unless that takes longer than `tellTimeoutMs`, or than a few seconds after the
   * worker was asked to stop: then not told (the entry stays pending and is told again later).
   */
  private async tell(record: CustomerRecord, news: CreationNews): Promise<boolean> {
    const signal = this.stopping.signal;
    const timers: NodeJS.Timeout[] = [];
    let onAbort: (() => void) | undefined;
    const givenUp = new Promise<boolean>((resolve) => {
      timers.push(setTimeout(() => resolve(false), this.settings.tellTimeoutMs));
      onAbort = () => timers.push(setTimeout(() => resolve(false), STOP_GRACE_MS));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([this.options.announcer.tell(record, news), givenUp]);
    } finally {
      timers.forEach(clearTimeout);
      if (onAbort) signal.removeEventListener('abort', onAbort);
    }
  }

  /** The record with its Partner Center entry changed, replaced only if nobody changed it meanwhile. */
  private async update(
    record: CustomerRecord,
    etag: string,
    change: Partial<PartnerCenterSection>,
  ): Promise<StoredCustomer | undefined> {
    const section: PartnerCenterSection = { ...record.partnerCenter!, ...change };
    for (const key of Object.keys(change) as (keyof PartnerCenterSection)[]) {
      if (change[key] === undefined) delete section[key];
    }
    if (section.state !== 'pending') delete section.lease;
    try {
      return await this.options.pending.replace({ ...record, partnerCenter: section }, etag);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) return undefined;
      throw error;
    }
  }
}
