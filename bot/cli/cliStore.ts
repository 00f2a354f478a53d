import type { Database } from '@azure/cosmos';
import https from 'node:https';
import { openDatabase, StoreLayoutError } from '../../services/cosmos/containers';
import { createCosmosAccess } from '../../services/cosmos/cosmosClientFactory';
import { dataFolderOwner, DataFolderInUseError } from '../../services/cosmos/dataFolderOwner';
import { embeddedCosmosKey, startEmbeddedCosmos } from '../../services/cosmos/embeddedCosmos';
import { mayCreateContainers, type Config } from '../config';

/** The bot's database, reached the way the configuration says, for one command-line run. */
export interface CliStore {
  database: Database;
  /** Where the data is, for people: "Azure Cosmos DB at ...", "the running bot's embedded store ...". */
  description: string;
  /** Disposes the client; an embedded store started here is stopped, which saves its snapshot. */
  close(): Promise<void>;
}

/** The store cannot be used; the message says why and what to do. */
export class CliStoreError extends Error {
  override name = 'CliStoreError';
}

/**
 * With COSMOS_ENDPOINT: that account (key, or Microsoft Entra ID without one). Without it: the embedded
 * store of the bot serving EMBEDDED_COSMOS_DATA_DIR (it names its store in that folder), or of a bot
 * answering at https://127.0.0.1:<EMBEDDED_COSMOS_PORT>/, otherwise an embedded store started here from
 * the data folder and stopped (saved) on close.
 */
export async function openCliStore(cosmos: Config['cosmos']): Promise<CliStore> {
  if (cosmos.mode === 'azure') return openAzure(cosmos);
  // A bot serving the data folder says where its store is, whatever its port (EMBEDDED_COSMOS_PORT=0 too).
  const owner = cosmos.dataDir ? await dataFolderOwner(cosmos.dataDir) : undefined;
  if (owner) return openRunningBotStore(owner.endpoint, cosmos.databaseId);
  if (cosmos.port !== 0) {
    const endpoint = `https://127.0.0.1:${cosmos.port}/`;
    const probe = await probeEmbedded(endpoint);
    if (probe === 'cosmos') return openRunningBotStore(endpoint, cosmos.databaseId);
    if (probe !== 'nothing') {
      throw new CliStoreError(
        `Something that is not the bot's embedded Cosmos DB answers at ${endpoint} (${probe}). ` +
          'Set EMBEDDED_COSMOS_PORT to the port of the bot, or COSMOS_ENDPOINT and COSMOS_KEY ' +
          'if it is the Azure Cosmos DB Emulator.',
      );
    }
  }
  return startOwnStore(cosmos);
}

async function openAzure(cosmos: Extract<Config['cosmos'], { mode: 'azure' }>): Promise<CliStore> {
  const access = createCosmosAccess({
    endpoint: cosmos.endpoint,
    ...(cosmos.key ? { key: cosmos.key } : {}),
  });
  let database: Database;
  try {
    database = await openDatabase(access.client, cosmos.databaseId, {
      create: mayCreateContainers(cosmos),
      endpoint: cosmos.endpoint,
    });
  } catch (error) {
    access.dispose();
    if (error instanceof StoreLayoutError) throw new CliStoreError(error.message);
    throw error;
  }
  return {
    database,
    description: `Azure Cosmos DB at ${cosmos.endpoint}, database "${cosmos.databaseId}"`,
    async close() {
      access.dispose();
    },
  };
}

async function openRunningBotStore(endpoint: string, databaseId: string): Promise<CliStore> {
  const access = createCosmosAccess({ endpoint, key: embeddedCosmosKey });
  try {
    const database = await openDatabase(access.client, databaseId, { create: true, endpoint });
    return {
      database,
      description: `the running bot's embedded Cosmos DB at ${endpoint}, database "${databaseId}"`,
      async close() {
        access.dispose();
      },
    };
  } catch (error) {
    access.dispose();
    throw error;
  }
}

async function startOwnStore(cosmos: Extract<Config['cosmos'], { mode: 'embedded' }>): Promise<CliStore> {
  if (!cosmos.dataDir) {
    const where =
      cosmos.port === 0
        ? 'EMBEDDED_COSMOS_PORT is 0, so a running bot cannot be found,'
        : `No bot's embedded Cosmos DB answers at https://127.0.0.1:${cosmos.port}/`;
    throw new CliStoreError(
      `${where} and EMBEDDED_COSMOS_DATA_DIR is empty (memory only), so there is nothing to read and ` +
        'a change would be lost. Start the bot, or set EMBEDDED_COSMOS_DATA_DIR.',
    );
  }
  let embedded;
  try {
    embedded = await startEmbeddedCosmos({ dataDir: cosmos.dataDir, port: 0 });
  } catch (error) {
    if (error instanceof DataFolderInUseError) throw new CliStoreError(error.message);
    throw error;
  }
  const access = createCosmosAccess({ endpoint: embedded.endpoint, key: embeddedCosmosKey });
  const close = async () => {
    access.dispose();
    await embedded.stop();
  };
  try {
    const database = await openDatabase(access.client, cosmos.databaseId, {
      create: true,
      endpoint: embedded.endpoint,
    });
    return {
      database,
      description: `the embedded Cosmos DB data in ${cosmos.dataDir} (no bot running), database "${cosmos.databaseId}"`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * "cosmos" when a Cosmos DB server answers at the endpoint, "nothing" when nothing listens there
 * (connection refused), otherwise what answered instead. Only a refused connection lets this
 * process start the store itself: a second store on the same data folder would overwrite the
 * running bot's snapshot, or the bot would overwrite this change.
 */
function probeEmbedded(endpoint: string): Promise<string> {
  return new Promise((resolve) => {
    const request = https.get(
      endpoint,
      // Loopback only, and the embedded server's certificate is self-signed (see cosmosClientFactory).
      { rejectUnauthorized: false, agent: false, timeout: 3000 },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk.slice(0, 4096)));
        response.on('end', () => {
          if (response.statusCode !== 200) return resolve(`HTTP ${response.statusCode}`);
          try {
            const account = JSON.parse(body) as { writableLocations?: unknown };
            resolve(Array.isArray(account.writableLocations) ? 'cosmos' : 'not a Cosmos DB account');
          } catch {
            resolve('not a Cosmos DB account');
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 3 s')));
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'nothing' : error.message),
    );
  });
}
