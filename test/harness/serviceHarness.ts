import type { Database } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { ensureContainers } from '../../services/cosmos/containers';
import { createCosmosAccess, type CosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { CatalogueStore } from '../../services/catalogue/catalogueStore';
import type { Actor } from '../../services/customers/customerRecord';
import type { AgentContext, CustomerServiceOptions } from '../../services/customers/customerService';
import { CustomerService } from '../../services/customers/customerService';
import type { PartnerProfile } from '../../services/partner/partnerProfile';
import type { Role } from '../../services/roles/permissions';

export const testPartner: PartnerProfile = {
  type: 'direct',
  name: 'Fabrikam Cloud Services',
  tenantId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  markets: ['NL', 'BE', 'DE', 'FR', 'GB', 'IE', 'US', 'CA', 'AU', 'IN', 'BR', 'PL', 'ZA', 'ES', 'SE'],
  emailDomains: ['fabrikam.com'],
};

/** An agent on the test channel; `actor` overrides the display name or adds a sign-in name. */
export function agent(
  roles: Role[] = ['salesAgent'],
  agentId = 'agent-1',
  actor: Partial<Omit<Actor, 'agentId'>> = {},
): AgentContext {
  return { actor: { agentId, displayName: `Agent ${agentId}`, channel: 'test', ...actor }, roles };
}

/**
 * A hook for `afterReservations` that holds a submission after its reservations until `open()`:
 * another agent's submission of the same customer, caught under way. `reached` resolves when the
 * submission gets there.
 */
export function submissionGate() {
  let open!: () => void;
  let arrive!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  return {
    hook: async () => {
      arrive();
      await opened;
    },
    reached,
    open,
  };
}

export interface ServiceHarness {
  store: EmbeddedCosmos;
  access: CosmosAccess;
  database: Database;
  /** A service on the shared store; each call may change the partner, clock or hooks. */
  service(options?: Partial<Omit<CustomerServiceOptions, 'database' | 'catalogue'>>): CustomerService;
  stop(): Promise<void>;
}

/** A fresh database on an embedded Cosmos DB, with every container, for service tests. */
export async function startServiceHarness(): Promise<ServiceHarness> {
  const store = await startEmbeddedCosmos();
  const access = createCosmosAccess({ endpoint: store.endpoint, key: 'any' });
  const { database } = await access.client.databases.createIfNotExists({ id: `test-${randomUUID()}` });
  await ensureContainers(database);
  const catalogue = CatalogueStore.forDatabase(database);
  await catalogue.sync(await loadCatalogue());
  return {
    store,
    access,
    database,
    service: (options = {}) => new CustomerService({ database, catalogue, partner: testPartner, ...options }),
    async stop() {
      access.dispose();
      await store.stop();
    },
  };
}
