import { randomUUID } from 'node:crypto';
import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { containerDefinitions } from '../cosmos/containers';

/** Kept with the recipients, whose ids all start with "person:" or "channel:", so it meets none of them. */
const revisionId = 'revision:roster';

/**
 * Who gets notified follows from the role directory (the managers) and the recipients (their choices
 * and addresses). This item changes with every change to either, so an instance that keeps a copy of
 * both reads it (one point read) instead of reading both again (a query each, and each query costs a
 * query plan too). A writer changes it after its own write; a reader reads it before the data it
 * keeps, so a copy is never older than the revision it is kept under.
 */
export class RosterRevision {
  constructor(private readonly container: Container) {}

  static forDatabase(database: Database): RosterRevision {
    return new RosterRevision(database.container(containerDefinitions.notificationRecipients.id));
  }

  /** The revision now; empty before anything changed. */
  async current(): Promise<string> {
    const { resource } = await this.container.item(revisionId, revisionId).read<ItemDefinition>();
    return typeof resource?.revision === 'string' ? resource.revision : '';
  }

  /** Something the roster follows from was written. */
  async changed(): Promise<void> {
    await this.container.items.upsert({
      id: revisionId,
      revision: randomUUID(),
      changedAt: new Date().toISOString(),
    });
  }
}
