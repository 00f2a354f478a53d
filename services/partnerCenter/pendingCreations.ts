import type { Container } from '@azure/cosmos';
import { customerRecordSchema, type CustomerRecord, type StoredCustomer } from '../customers/customerRecord';
import { CustomerRepository } from '../customers/customerRepository';

const pending = "c.partnerCenter.state = 'pending'";
const unleased = '(NOT IS_DEFINED(c.partnerCenter.lease) OR c.partnerCenter.lease.until <= @now)';

/** The records whose customer is still to be made in Partner Center, oldest due first. */
export class PendingCreations {
  private readonly customers: CustomerRepository;

  constructor(
    private readonly container: Container,
    private readonly batch = 20,
  ) {
    this.customers = new CustomerRepository(container);
  }

  /**
   * Pending entries due by `now` that no worker holds, the longest waiting first: one query on the
   * record's own entry. An entry another worker leased is left out, so it cannot fill the batch.
   */
  async due(now: Date): Promise<StoredCustomer[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown> & { _etag: string }>({
        query: `SELECT TOP @limit * FROM c WHERE ${pending} AND c.partnerCenter.nextAttemptAt <= @now AND ${unleased}
          ORDER BY c.partnerCenter.nextAttemptAt`,
        parameters: [
          { name: '@limit', value: this.batch },
          { name: '@now', value: now.toISOString() },
        ],
      })
      .fetchAll();
    return resources.map((item) => ({ customer: customerRecordSchema.parse(item), etag: item._etag }));
  }

  /** When the next pending entry is due: its next attempt, or the end of another worker's lease. */
  async nextDue(): Promise<Date | undefined> {
    const { resources } = await this.container.items
      .query<{ nextAttemptAt: string; leaseUntil?: string }>({
        query: `SELECT c.partnerCenter.nextAttemptAt, c.partnerCenter.lease.until AS leaseUntil FROM c WHERE ${pending}`,
      })
      .fetchAll();
    const times = resources.map((entry) =>
      entry.leaseUntil && entry.leaseUntil > entry.nextAttemptAt ? entry.leaseUntil : entry.nextAttemptAt,
    );
    const first = times.sort()[0];
    return first ? new Date(first) : undefined;
  }

  replace(record: CustomerRecord, etag: string): Promise<StoredCustomer> {
    return this.customers.replace(record, etag);
  }
}
