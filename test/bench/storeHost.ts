/**
 * A child process that runs what the bot reaches over the network in production, so that none of its
 * CPU is billed to the bot: the embedded Cosmos DB (`startEmbeddedCosmos`, in memory, whose server
 * keeps connections alive as Azure Cosmos DB does) and the local Partner Center. It reports their
 * endpoints when ready and answers snapshots (its CPU, memory, the requests the store received and the
 * calls Partner Center received) over IPC: `node dist/test/bench/storeHost.js`.
 */
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../bot/config';
import { embeddedCosmosKey, startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { startLocalPartnerCenter } from '../../services/partnerCenter/local/localPartnerCenter';
import { benchBotEnvironment } from './benchEnvironment';
import { countServerRequests, emptyTally } from './cosmosRequests';
import { answerRequests } from './ipcChild';
import { callsFrom } from './partnerCenterCalls';
import type { StoreHostReady, StoreHostRequest, StoreSnapshot } from './storeProcess';

async function main(): Promise<void> {
  const store = await startEmbeddedCosmos();
  const received = emptyTally();
  countServerRequests(Number(new URL(store.endpoint).port), received);
  const token = randomBytes(32).toString('base64url');
  const config = loadConfig(benchBotEnvironment({}));
  const partnerCenter = await startLocalPartnerCenter({ token, partnerTenantId: config.partner.tenantId });

  answerRequests<StoreHostRequest>(async (request) => {
    switch (request.op) {
      case 'snapshot':
        return {
          at: Date.now(),
          cpu: process.cpuUsage(),
          memory: process.memoryUsage(),
          server: structuredClone(received),
          partnerCenter: callsFrom((method, prefix) => partnerCenter.requests.count(method, prefix)),
        } satisfies StoreSnapshot;
      case 'stop':
        await partnerCenter.stop();
        await store.stop();
        setTimeout(() => process.exit(0), 50);
        return undefined;
    }
  });
  const ready: StoreHostReady = {
    type: 'ready',
    endpoint: store.endpoint,
    key: embeddedCosmosKey,
    partnerCenter: { endpoint: partnerCenter.endpoint, token },
  };
  process.send?.(ready);
}

main().catch((error: unknown) => {
  process.stderr.write(`Store host failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
