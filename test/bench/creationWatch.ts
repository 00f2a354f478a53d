import { containerDefinitions } from '../../services/cosmos/containers';
import { createCosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { benchProbeHeader } from './cosmosRequests';
import type { BotHost } from './hostProtocol';

export interface CreationWatch {
  /** Waits until the record for `domain` has left `pending` (polled every `pollMs`); its state. */
  settled(domain: string): Promise<string>;
  close(): void;
}

const pollMs = 20;
const timeoutMs = 120_000;

/**
 * The creation worker's progress, read from this process with a Cosmos DB client of its own, so the
 * bot process spends nothing on the look-ups; its requests carry the benchmark's probe header, so the
 * store's count leaves them out (the store process still answers them).
 */
export function watchCreations(host: BotHost): CreationWatch {
  const endpoint = host.storeProcess?.endpoint ?? process.env.COSMOS_ENDPOINT?.trim();
  const key = host.storeProcess?.key ?? process.env.COSMOS_KEY;
  if (!endpoint || !host.databaseId)
    throw new Error('Creations are watched on the store process or on COSMOS_ENDPOINT only');
  const access = createCosmosAccess({
    endpoint,
    ...(key ? { key } : {}),
    headers: { [benchProbeHeader]: '1' },
  });
  const customers = access.client.database(host.databaseId).container(containerDefinitions.customers.id);
  return {
    async settled(domain) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const { resources } = await customers.items
          .query<string>({
            query: 'SELECT VALUE c.partnerCenter.state FROM c WHERE c.domain = @domain',
            parameters: [{ name: '@domain', value: domain }],
          })
          .fetchAll();
        const state = resources[0];
        if (state && state !== 'pending') return state;
        if (performance.now() > deadline)
          throw new Error(
            `Waited ${timeoutMs / 1000} s for ${domain} to be created: ${state ?? 'no record'}`,
          );
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
    close: () => access.dispose(),
  };
}
