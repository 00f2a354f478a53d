import path from 'node:path';
import type { Tally } from './cosmosRequests';
import { startIpcChild } from './ipcChild';
import type { PartnerCenterCalls } from './partnerCenterCalls';

export interface StoreHostReady {
  type: 'ready';
  /** The embedded Cosmos DB, e.g. https://127.0.0.1:51234/ */
  endpoint: string;
  key: string;
  /** The local Partner Center and the bearer token it accepts. */
  partnerCenter: { endpoint: string; token: string };
}

export type StoreHostRequest = { id: number; op: 'snapshot' } | { id: number; op: 'stop' };

/** The store process at one moment. */
export interface StoreSnapshot {
  /** Date.now() in the store process. */
  at: number;
  cpu: NodeJS.CpuUsage;
  memory: NodeJS.MemoryUsage;
  /** Requests the embedded store received (the benchmark's own probes left out). */
  server: Tally;
  /** Calls the local Partner Center received. */
  partnerCenter: PartnerCenterCalls;
}

/** The store host (test/bench/storeHost.ts) running in a child process of its own. */
export interface StoreProcess {
  endpoint: string;
  key: string;
  partnerCenter: { endpoint: string; token: string };
  snapshot(): Promise<StoreSnapshot>;
  stop(): Promise<void>;
}

/** What the report says the onboarding bot and the peer ran on, in the default store mode. */
export const storeProcessDescription =
  'embedded Cosmos DB (@vercel/cosmosdb-server, keep-alive, in memory) and the local Partner Center in a process of their own; ' +
  'the bot process runs only their clients, over loopback HTTPS and HTTP';

export async function startStoreProcess(): Promise<StoreProcess> {
  const running = await startIpcChild<StoreHostReady>({
    name: 'The store process',
    entry: path.join(__dirname, 'storeHost.js'),
    env: process.env,
  });
  const { endpoint, key, partnerCenter } = running.ready;
  return {
    endpoint,
    key,
    partnerCenter,
    snapshot: async () => (await running.call({ op: 'snapshot' })) as StoreSnapshot,
    stop: () => running.stop(),
  };
}
