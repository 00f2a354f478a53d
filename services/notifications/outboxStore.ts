import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod';
import { containerDefinitions } from '../cosmos/containers';
import { deliveryOriginSchema } from './deliveryAddress';

/** `cancelled`: not sent, because the manager stopped notifications or lost the role meanwhile. */
export const outboxStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

/** One notification of one onboarding to one recipient. Its id makes a second write of it a no-op. */
export const outboxEntrySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  legalName: z.string(),
  recipientId: z.string(),
  /** The person's name or the channel's, as the agent's Done card says it; absent when unknown. */
  recipientName: z.string().optional(),
  /** Where to start a personal chat when the recipient has none yet. */
  origin: deliveryOriginSchema.optional(),
  /** When the onboarding was submitted: a recipient's notifications are sent in this order. */
  createdAt: z.string(),
  status: outboxStatusSchema,
  attempts: z.number().int().min(0),
  /** Not before this moment (a Retry-After, a backoff). */
  notBefore: z.string(),
  /** While sending: the dispatcher that claimed it, and until when its claim holds. */
  claimedBy: z.string().optional(),
  leaseUntil: z.string().optional(),
  /** Whether a lost personal chat was already started again once for this entry. */
  readdressed: z.boolean().optional(),
  lastError: z
    .object({ status: z.number().int().optional(), code: z.string().max(128).optional() })
    .optional(),
  sentAt: z.string().optional(),
  failedAt: z.string().optional(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** An entry as read, with the etag a change must present. */
export interface StoredEntry {
  entry: OutboxEntry;
  etag: string;
}

const laneSchema = z.object({ owner: z.string(), until: z.string() });
const laneId = (recipientId: string): string => `lane|${recipientId}`;

export type LaneClaim = { claimed: boolean; until: string };

export const outboxEntryId = (customerId: string, recipientId: string): string =>
  `${customerId}|${recipientId}`;

/** The outbox in Cosmos DB: entries are written once, claimed with their etag, and finished. */
export class OutboxStore {
  constructor(private readonly container: Container) {}

  static forDatabase(database: Database): OutboxStore {
    return new OutboxStore(database.container(containerDefinitions.notificationOutbox.id));
  }

  /** Writes each entry unless it is there already (a retried submit writes the same ids). */
  async add(entries: readonly OutboxEntry[]): Promise<void> {
    await Promise.all(
      entries.map(async (entry) => {
        try {
          await this.container.items.create(outboxEntrySchema.parse(entry));
        } catch (error) {
          if ((error as { code?: unknown }).code !== 409) throw error;
        }
      }),
    );
  }

  /** Entries not yet sent or given up, oldest onboarding first. */
  async unsent(limit: number): Promise<StoredEntry[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>(
        {
          query:
            "SELECT * FROM c WHERE c.status = 'pending' OR c.status = 'sending' ORDER BY c.createdAt ASC",
        },
        { maxItemCount: limit },
      )
      .fetchNext();
    return resources.flatMap((resource) => this.parse(resource));
  }

  async byCustomer(customerId: string): Promise<OutboxEntry[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE c.customerId = @customerId',
        parameters: [{ name: '@customerId', value: customerId }],
      })
      .fetchAll();
    return resources.flatMap((resource) => this.parse(resource).map(({ entry }) => entry));
  }

  /** A recipient's entries in one state, newest first. */
  async forRecipients(
    recipientIds: readonly string[],
    status: OutboxStatus,
    limit = 20,
  ): Promise<OutboxEntry[]> {
    if (recipientIds.length === 0) return [];
    const { resources } = await this.container.items
      .query<ItemDefinition>(
        {
          query:
            'SELECT * FROM c WHERE ARRAY_CONTAINS(@recipients, c.recipientId) AND c.status = @status ORDER BY c.createdAt DESC',
          parameters: [
            { name: '@recipients', value: [...recipientIds] },
            { name: '@status', value: status },
          ],
        },
        { maxItemCount: limit },
      )
      .fetchNext();
    return resources.flatMap((resource) => this.parse(resource).map(({ entry }) => entry));
  }

  /** How many of the recipients' entries are in this state. */
  async countFor(recipientIds: readonly string[], status: OutboxStatus): Promise<number> {
    if (recipientIds.length === 0) return 0;
    const { resources } = await this.container.items
      .query<number>({
        query:
          'SELECT VALUE COUNT(1) FROM c WHERE ARRAY_CONTAINS(@recipients, c.recipientId) AND c.status = @status',
        parameters: [
          { name: '@recipients', value: [...recipientIds] },
          { name: '@status', value: status },
        ],
      })
      .fetchAll();
    return resources.reduce((sum, count) => sum + count, 0);
  }

  /** Removes an entry nobody changed since it was read (one whose onboarding never came). */
  async remove(stored: StoredEntry): Promise<void> {
    try {
      await this.container
        .item(stored.entry.id, stored.entry.id)
        .delete({ accessCondition: { type: 'IfMatch', condition: stored.etag } });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 412 && code !== 404) throw error;
    }
  }

  /**
   * Takes (or keeps) the right to send a recipient's notifications until `leaseMs` from now: one
   * dispatcher at a time per recipient, so Teams' pace per conversation holds across instances and
   * a recipient's notifications stay in order. False when another dispatcher holds it.
   */
  async claimLane(recipientId: string, owner: string, now: Date, leaseMs: number): Promise<LaneClaim> {
    const id = laneId(recipientId);
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const lane = { id, kind: 'lane', recipientId, owner, until };
    const { resource, etag } = await this.container.item(id, id).read<ItemDefinition>();
    const held = laneSchema.safeParse(resource);
    try {
      if (!resource) await this.container.items.create(lane);
      else if (held.success && held.data.owner !== owner && Date.parse(held.data.until) > now.getTime())
        return { claimed: false, until: held.data.until };
      else
        await this.container
          .item(id, id)
          .replace(lane, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { claimed: true, until };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 409 || code === 412) return { claimed: false, until };
      throw error;
    }
  }

  /** Replaces the entry only if nobody changed it since it was read; false when someone did. */
  async replaceIfUnchanged(entry: OutboxEntry, etag: string): Promise<StoredEntry | undefined> {
    try {
      const { resource, etag: next } = await this.container
        .item(entry.id, entry.id)
        .replace(entry, { accessCondition: { type: 'IfMatch', condition: etag } });
      return resource ? { entry: outboxEntrySchema.parse(resource), etag: next } : undefined;
    } catch (error) {
      if ((error as { code?: unknown }).code === 412) return undefined;
      throw error;
    }
  }

  private parse(resource: ItemDefinition): StoredEntry[] {
    const parsed = outboxEntrySchema.safeParse(resource);
    return parsed.success ? [{ entry: parsed.data, etag: String(resource._etag) }] : [];
  }
}
