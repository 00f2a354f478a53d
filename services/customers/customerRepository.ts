import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { statusOf } from './reservationStore';
import {
  customerRecordSchema,
  customerStatusSchema,
  type CustomerRecord,
  type CustomerSummary,
  type StoredCustomer,
} from './customerRecord';

export interface CustomerPage {
  customers: CustomerSummary[];
  /** Pass back to get the next page; absent on the last page. */
  continuationToken?: string;
}

const summaryRowSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  country: z.string(),
  domain: z.string(),
  status: customerStatusSchema,
});

/** A line of "recent onboardings". */
export const onboardingRowSchema = z.object({
  id: z.string(),
  legalName: z.string(),
  domain: z.string(),
  country: z.string(),
  status: customerStatusSchema,
  createdAt: z.string(),
  createdBy: z.object({ displayName: z.string().optional(), userPrincipalName: z.string().optional() }),
});
export type OnboardingRow = z.infer<typeof onboardingRowSchema>;

export interface OnboardingFilter {
  /** Part of the agent's name or sign-in name, lower case; empty: every agent. */
  agent: string;
  /** ISO instants: from (inclusive) and to (exclusive). */
  from: string;
  to: string;
}

export interface OnboardingPage {
  onboardings: OnboardingRow[];
  continuationToken?: string;
}

export class ConcurrentUpdateError extends Error {
  override name = 'ConcurrentUpdateError';
}

/** Customer records in the `customers` container (partitioned on /id). */
export class CustomerRepository {
  constructor(private readonly container: Container) {}

  async read(id: string): Promise<StoredCustomer | undefined> {
    const { resource, etag } = await this.container.item(id, id).read();
    return resource ? { customer: customerRecordSchema.parse(resource), etag } : undefined;
  }

  /** The record whose draft "Add it again" started from the refused record `id`, if one was submitted. */
  async addedAgainFrom(id: string): Promise<CustomerRecord | undefined> {
    const { resources } = await this.container.items
      .query({
        query: 'SELECT TOP 1 * FROM c WHERE c.addedAgainFrom = @id',
        parameters: [{ name: '@id', value: id }],
      })
      .fetchAll();
    return resources[0] === undefined ? undefined : customerRecordSchema.parse(resources[0]);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.read(id)) !== undefined;
  }

  /** Creates the record; when it already exists (a retried submission) returns what is stored. */
  async createOrRead(customer: CustomerRecord): Promise<StoredCustomer> {
    try {
      const { resource, etag } = await this.container.items.create(customer);
      return { customer: customerRecordSchema.parse(resource), etag };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const stored = await this.read(customer.id);
      if (!stored) throw error;
      return stored;
    }
  }

  /** Replaces the record only if nobody changed it since `etag` was read. */
  async replace(customer: CustomerRecord, etag: string): Promise<StoredCustomer> {
    try {
      const result = await this.container
        .item(customer.id, customer.id)
        .replace(customer, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { customer: customerRecordSchema.parse(result.resource), etag: result.etag };
    } catch (error) {
      if (statusOf(error) === 412)
        throw new ConcurrentUpdateError(`Customer ${customer.id} was changed by someone else`);
      throw error;
    }
  }

  /**
   * Customers whose name contains the query, in name order, a page at a time. Paging uses the
   * continuation token (the Cosmos DB way; OFFSET would cost more on the service and the
   * emulator lacks it).
   */
  /** Onboardings newest first, narrowed by agent and time, a page at a time. */
  async recent(
    filter: OnboardingFilter,
    pageSize: number,
    continuationToken?: string,
  ): Promise<OnboardingPage> {
    const byAgent = filter.agent
      ? ' AND (CONTAINS(LOWER(c.createdBy.displayName), @agent) OR CONTAINS(LOWER(c.createdBy.userPrincipalName), @agent))'
      : '';
    const iterator = this.container.items.query(
      {
        query:
          'SELECT c.id, c.accountInfo.legalName AS legalName, c.domain, c.accountInfo.country AS country, c.status, ' +
          'c.createdAt, c.createdBy FROM c WHERE c.createdAt >= @from AND c.createdAt < @to' +
          byAgent +
          ' ORDER BY c.createdAt DESC',
        parameters: [
          { name: '@from', value: filter.from },
          { name: '@to', value: filter.to },
          ...(filter.agent ? [{ name: '@agent', value: filter.agent }] : []),
        ],
      },
      { maxItemCount: pageSize, ...(continuationToken ? { continuationToken } : {}) },
    );
    const page = await iterator.fetchNext();
    return {
      onboardings: page.resources.map((row) => onboardingRowSchema.parse(row)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }

  async searchByName(
    nameSearchKey: string,
    pageSize: number,
    continuationToken?: string,
  ): Promise<CustomerPage> {
    const iterator = this.container.items.query(
      {
        query:
          'SELECT c.id, c.accountInfo.legalName AS legalName, c.accountInfo.country AS country, c.domain, c.status ' +
          'FROM c WHERE CONTAINS(c.nameSearchKey, @q) ORDER BY c.nameSearchKey',
        parameters: [{ name: '@q', value: nameSearchKey }],
      },
      { maxItemCount: pageSize, ...(continuationToken ? { continuationToken } : {}) },
    );
    const page = await iterator.fetchNext();
    return {
      customers: page.resources.map((row) => summaryRowSchema.parse(row)),
      ...(page.continuationToken ? { continuationToken: page.continuationToken } : {}),
    };
  }
}
