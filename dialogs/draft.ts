import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { OrderLineSchema, OrderSchema } from '../services/catalogue/schemas';
import { flatForm } from '../cards/formPaths';
import { accountInfoSchema } from '../services/customers/accountInfo';
import type { RefusedCustomer } from '../services/customers/customerService';
import { draftTrailEventSchema } from '../services/customers/customerRecord';
import { mcaConfirmationSchema } from '../services/customers/mca';
import { wordingSchema } from './stepView';

const textRecord = z.record(z.string(), z.string());

/**
 * The customer being added, as this conversation holds it between turns (in conversation state,
 * so in Cosmos DB). What the agent typed on each card is kept by field path, so a card comes back
 * as the agent left it, and the order as the subscriptions card builds it, line by line in the order
 * added; the sections are what the service accepted. Parsed with zod whenever it is read (a draft of
 * an older shape, such as one with the subscriptions as typed text, is dropped politely).
 */
export const draftSchema = z.object({
  /** Passed to submit, so a double click or a retry never creates two records. */
  idempotencyKey: z.string(),
  startedAt: z.string(),
  values: z.object({ accountInfo: textRecord, mca: textRecord, subscriptions: z.array(OrderLineSchema) }),
  accountInfo: accountInfoSchema.optional(),
  mca: mcaConfirmationSchema.optional(),
  /** undefined: not chosen yet; null: no reseller (a direct customer). */
  resellerId: z.string().nullable().optional(),
  order: OrderSchema.optional(),
  /** What an update changed in other sections (order lines removed, and why): said on Review. */
  changes: z.array(wordingSchema),
  /**
   * Partner Center did not answer when account info was checked (its checks were skipped): Review
   * says so rather than that it found no tenant.
   */
  partnerCenterUnchecked: z.boolean().optional(),
  /** Each section as it was confirmed, or changed from Review: kept with the record (its audit trail). */
  trail: z.array(draftTrailEventSchema).default([]),
  /** The refused customer whose "Add it again" started this draft: kept with the record. */
  addedAgainFrom: z.string().optional(),
});

export type Draft = z.infer<typeof draftSchema>;

export function newDraft(now: Date): Draft {
  return {
    idempotencyKey: randomUUID(),
    startedAt: now.toISOString(),
    values: { accountInfo: {}, mca: {}, subscriptions: [] },
    changes: [],
    trail: [],
  };
}

/**
 * A new draft of a customer Partner Center refused: each card holds what the agent had confirmed, as
 * the card shows it, to be confirmed again; no section is accepted yet.
 */
export function draftFromRefused(
  customerId: string,
  refused: Extract<RefusedCustomer, { kind: 'refused' }>,
  now: Date,
): Draft {
  const draft = newDraft(now);
  const mca = flatForm(refused.mca);
  // Attesting is a deliberate act: never preselected, even to repeat it (the person and date stay).
  if (mca.kind === 'attested') delete mca.kind;
  draft.values = { accountInfo: flatForm(refused.accountInfo), mca, subscriptions: refused.lines };
  if (refused.resellerId !== undefined) draft.resellerId = refused.resellerId;
  draft.addedAgainFrom = customerId;
  return draft;
}

/** A section the agent confirmed (or changed from Review) goes into the draft's trail. */
export function noteInTrail(draft: Draft, step: string, fromReview: boolean, at: Date): void {
  const section = draftTrailEventSchema.shape.section.safeParse(step);
  if (!section.success) return;
  draft.trail.push({
    at: at.toISOString(),
    section: section.data,
    event: fromReview ? 'updated' : 'confirmed',
  });
}

/** Reads and writes the draft of the conversation. */
export class DraftStore {
  /** Drafts already parsed (or written by this code): a turn reads its draft several times. */
  private readonly checked = new WeakSet<object>();

  constructor(private readonly accessor: StatePropertyAccessor<unknown>) {}

  async read(context: TurnContext): Promise<Draft | undefined> {
    const stored = await this.accessor.get(context);
    if (stored === undefined) return undefined;
    if (typeof stored === 'object' && stored !== null && this.checked.has(stored)) return stored as Draft;
    const parsed = draftSchema.safeParse(stored);
    if (!parsed.success) throw new Error('The stored draft does not match its schema');
    await this.write(context, parsed.data);
    return parsed.data;
  }

  /** Whether the stored draft (if any) has the shape this version of the bot reads. */
  async isReadable(context: TurnContext): Promise<boolean> {
    const stored = await this.accessor.get(context);
    return (
      stored === undefined || this.checked.has(stored as object) || draftSchema.safeParse(stored).success
    );
  }

  /** The draft of a flow that is running; its absence is a programming error. */
  async get(context: TurnContext): Promise<Draft> {
    const draft = await this.read(context);
    if (!draft) throw new Error('No draft in this conversation');
    return draft;
  }

  async write(context: TurnContext, draft: Draft): Promise<void> {
    this.checked.add(draft);
    await this.accessor.set(context, draft);
  }

  async update(context: TurnContext, change: (draft: Draft) => void): Promise<Draft> {
    const draft = await this.get(context);
    change(draft);
    await this.write(context, draft);
    return draft;
  }

  async discard(context: TurnContext): Promise<void> {
    await this.accessor.delete(context);
  }
}

/** The draft's sections as the service checks them on Review and on submit. */
export function draftInput(draft: Draft) {
  return {
    accountInfo: draft.accountInfo ?? {},
    mca: draft.mca ?? {},
    resellerId: draft.resellerId,
    order: draft.order ?? { lines: [] },
    startedAt: draft.startedAt,
    trail: draft.trail,
    ...(draft.addedAgainFrom ? { addedAgainFrom: draft.addedAgainFrom } : {}),
  };
}
