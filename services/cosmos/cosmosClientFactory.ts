import { CosmosClient } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import https from 'node:https';
import { isLoopbackUrl } from '../network/loopback';

export interface CosmosConnection {
  endpoint: string;
  /** Account key; without it the client signs in with Microsoft Entra ID. */
  key?: string;
  /** Headers sent with every request (the embedded store tells its own requests apart by one). */
  headers?: Record<string, string>;
}

export interface CosmosAccess {
  endpoint: string;
  client: CosmosClient;
  dispose(): void;
}

export function createCosmosAccess(connection: CosmosConnection): CosmosAccess {
  // Local stores on loopback (the embedded server, the Azure Cosmos DB Emulator) present
  // self-signed certificates; nothing else gets relaxed certificate checks.
  const agent = isLoopbackUrl(connection.endpoint)
    ? new https.Agent({ rejectUnauthorized: false, keepAlive: true })
    : undefined;
  const client = new CosmosClient({
    endpoint: connection.endpoint,
    ...(agent ? { agent } : {}),
    // A local store has one region; discovery would only add requests.
    connectionPolicy: { enableEndpointDiscovery: !agent },
    ...(connection.headers ? { defaultHeaders: { ...connection.headers } } : {}),
    ...(connection.key ? { key: connection.key } : { aadCredentials: new DefaultAzureCredential() }),
  });
  return {
    endpoint: connection.endpoint,
    client,
    dispose() {
      client.dispose();
      agent?.destroy();
    },
  };
}
