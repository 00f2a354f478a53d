import { randomUUID } from 'node:crypto';
import { BenchClient } from './benchClient';
import { difference } from './cosmosRequests';
import { startHost } from './hostProtocol';
import { inPool } from './loadGenerator';
import { runOnboarding, type BenchCompany } from './onboardingScript';
import { stateWritesOf } from './results';
import { storeTally } from './turnProfile';

export interface MemoryFigures {
  inFlight: number;
  /** The bot process after start-up and a few onboardings, after a full GC (bytes). */
  idle: NodeJS.MemoryUsage;
  /** With the onboardings in flight, as sampled (bytes). */
  loaded: NodeJS.MemoryUsage;
  /** With the onboardings in flight, after a full GC (bytes). */
  loadedAfterGc: NodeJS.MemoryUsage;
  /** Average size of a conversation state document written (bytes of the write's body). */
  stateDocumentBytes: number;
  failures: number;
  store: string;
  /** Resident memory of the store process with the onboardings in flight, when the store runs there. */
  storeRss?: number;
}

/**
 * Resident memory of the bot process with `inFlight` onboardings started and not finished: that
 * many conversations have each sent "add customer" and their account info (the bot waits on the
 * MCA card), 50 at a time. The bot runs in a child process of its own (test/bench/botHost.ts)
 * started with --expose-gc, its store in another (as Azure Cosmos DB is remote), so the bot's memory
 * does not include the conversations' state documents; the store's is reported beside it.
 */
export async function measureMemory(
  inFlight: number,
  nextCompany: () => BenchCompany,
): Promise<MemoryFigures> {
  const host = await startHost('onboarding', { nodeArgs: ['--expose-gc'] });
  try {
    const user = { id: 'bench-memory', name: 'Bench Memory Agent' };
    const newClient = () =>
      new BenchClient(host.messagesUrl, { user, conversationId: `bench-${randomUUID()}` });
    const quiet = { after: () => undefined };
    for (let index = 0; index < 3; index += 1) await runOnboarding(newClient(), nextCompany(), quiet);
    await host.call('gc');
    const idle = await host.snapshot();

    let failures = 0;
    await inPool(
      Array.from({ length: inFlight }, (_, index) => index),
      50,
      async () => {
        await runOnboarding(newClient(), nextCompany(), quiet, 'accountInfo').catch(() => (failures += 1));
      },
    );
    const loaded = await host.snapshot();
    await host.call('gc');
    const loadedAfterGc = await host.snapshot();
    const written = difference(storeTally(loaded), storeTally(idle));
    const writes = stateWritesOf(written.byContainer);
    const writtenBytes = ['upsert', 'replace', 'create'].reduce(
      (sum, kind) => sum + (written.bytesByContainer[`botState.${kind}`] ?? 0),
      0,
    );
    return {
      inFlight,
      idle: idle.memory,
      loaded: loaded.memory,
      loadedAfterGc: loadedAfterGc.memory,
      stateDocumentBytes: writes ? writtenBytes / writes : 0,
      failures,
      store: host.store,
      ...(loaded.store ? { storeRss: loaded.store.memory.rss } : {}),
    };
  } finally {
    await host.stop();
  }
}
