import type { Container } from '@azure/cosmos';
import { customerRecordSchema, type CustomerRecord, type StoredCustomer } from '../customers/customerRecord';
import type { CustomerRepository } from '../customers/customerRepository';

/** The records whose customer is still to be made in Partner Center, oldest due first. */
export class PendingCreations {
  constructor(
    private readonly container: Container,
    private readonly customers: CustomerRepository,
    private readonly batch = 20,
  ) {}

  /** Pending entries due by `now`: one query on the record's own entry. */
  async due(now: Date): Promise<StoredCustomer[]> {
    const { resources } = await this.container.items
      .query<Record<string, unknown> & { _etag: string }>({
        query:
          "SELECT TOP @limit * FROM c WHERE c.partnerCenter.state = 'pending' AND c.partnerCenter.nextAttemptAt <= @now",
        parameters: [
          { name: '@limit', value: this.batch },
          { name: '@now', value: now.toISOString() },
        ],
      })
      .fetchAll();
    return resources
      .map((item) => ({ customer: customerRecordSchema.parse(item), etag: item._etag }))
      .sort((a, b) => a.customer.partnerCenter!.nextAttemptAt.localeCompare(b.customer.partnerCenter!.nextAttemptAt));
  }

  /** When the next pending entry is due, if there is one. */
  async nextDue(): Promise<Date | undefined> {
    const { resources } = await this.container.items
      .query<string>({
        query: "SELECT VALUE c.partnerCenter.nextAttemptAt FROM c WHERE c.partnerCenter.state = 'pending'",
      })
      .fetchAll();
    const first = resources.sort()[0];
    return first ? new Date(first) : undefined;
  }

  replace(record: CustomerRecord, etag: string): Promise<StoredCustomer> {
    return this.customers.replace(record, etag);
  }
}
