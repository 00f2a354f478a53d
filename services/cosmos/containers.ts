import type { ContainerDefinition, Database } from '@azure/cosmos';

/**
 * Every container of the store, with its partition key and unique key policy.
 * A unique key holds only inside one logical partition, so store-wide uniqueness (a domain
 * prefix, a legal name in a country) is kept by reservation items whose id *is* the unique
 * value, in a container partitioned on /id.
 */
export const containerDefinitions = {
  /** Conversation and user state of the bot (CosmosDbPartitionedStorage, compatibilityMode: false). */
  botState: { id: 'botState', partitionKey: { paths: ['/id'] } },
  /** Customer records, one logical partition each: point reads by id, cross-partition search by name. */
  customers: { id: 'customers', partitionKey: { paths: ['/id'] } },
  /** Store-wide unique values (domain prefixes, legal names per country, idempotency keys). */
  reservations: { id: 'reservations', partitionKey: { paths: ['/id'] } },
  /** Relationship requests sent to existing customers instead of creating a duplicate. */
  relationshipRequests: { id: 'relationshipRequests', partitionKey: { paths: ['/customerId'] } },
  /** The partner's offer catalogue; one partition, small and read whole. */
  offers: { id: 'offers', partitionKey: { paths: ['/catalogue'] } },
  /** The partner's indirect resellers; an MPN ID appears once. */
  resellers: {
    id: 'resellers',
    partitionKey: { paths: ['/catalogue'] },
    uniqueKeyPolicy: { uniqueKeys: [{ paths: ['/mpnId'] }] },
  },
  /** Which catalogue data version is loaded. */
  catalogueVersions: { id: 'catalogueVersions', partitionKey: { paths: ['/id'] } },
  /** Roles of agents, keyed by their Microsoft Entra object id. */
  agentRoles: { id: 'agentRoles', partitionKey: { paths: ['/id'] } },
} as const satisfies Record<string, ContainerDefinition & { id: string }>;

export type ContainerName = keyof typeof containerDefinitions;

/** Creates every container that is missing; existing ones are left as they are. */
export async function ensureContainers(database: Database): Promise<void> {
  for (const definition of Object.values(containerDefinitions)) {
    await database.containers.createIfNotExists(structuredClone(definition) as ContainerDefinition);
  }
}
