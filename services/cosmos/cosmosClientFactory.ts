import { CosmosClient, type CosmosClientOptions } from '@azure/cosmos';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import https from 'node:https';

export interface CosmosConnection {
  endpoint: string;
  /** Account key; without it the client signs in with Microsoft Entra ID. */
  key?: string;
  /** Only for the embedded server on loopback, whose bundled certificate is self-signed and expired. */
  trustSelfSignedLoopback?: boolean;
}

export interface CosmosAccess {
  client: CosmosClient;
  /** What botbuilder-azure's storage needs to reach the same account the same way. */
  clientOptions: Omit<CosmosClientOptions, 'endpoint' | 'key' | 'aadCredentials'>;
  key?: string;
  credential?: TokenCredential;
  dispose(): void;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createCosmosAccess(connection: CosmosConnection): CosmosAccess {
  let agent: https.Agent | undefined;
  if (connection.trustSelfSignedLoopback) {
    if (!loopbackHosts.has(new URL(connection.endpoint).hostname)) {
      throw new Error('Certificate checks may be relaxed for a loopback endpoint only.');
    }
    agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  }
  const clientOptions = {
    ...(agent ? { agent } : {}),
    connectionPolicy: { enableEndpointDiscovery: !agent },
  };
  const credential = connection.key ? undefined : new DefaultAzureCredential();
  const client = new CosmosClient({
    endpoint: connection.endpoint,
    ...clientOptions,
    ...(connection.key ? { key: connection.key } : { aadCredentials: credential }),
  });
  return {
    client,
    clientOptions,
    ...(connection.key ? { key: connection.key } : {}),
    ...(credential ? { credential } : {}),
    dispose() {
      client.dispose();
      agent?.destroy();
    },
  };
}
