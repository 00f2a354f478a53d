import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { LRUCache } from 'lru-cache';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Service URLs (one per Teams region, the Emulator's, the local web chat's) times app ids: few. */
const maxClients = 100;

/**
 * The SDK's Bot Framework authentication, except that the clients it makes for every incoming turn (a
 * connector client to reply with, a user token client the bot never uses), each with its own request
 * pipeline and credentials, are made once per app id, service URL and audience and then reused. They
 * keep nothing of a turn; the credentials cache and renew their tokens themselves; the HTTP
 * connections are shared either way. A client whose making failed is made again next time.
 * Proactive turns (`createConnectorFactory`) still get a connector client of their own each time: a
 * notification takes the retry policy out of its client (bot/notifications/notificationSender.ts),
 * which must not reach the clients replies go through.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: maxClients });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: maxClients });

  override async authenticateRequest(activity: Activity, authHeader: string) {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.claimsIdentity, result.connectorFactory) };
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.tokenClients, JSON.stringify([appIdOf(claimsIdentity)]), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(claimsIdentity: ClaimsIdentity, made: ConnectorFactory): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        kept(this.connectors, JSON.stringify([appId, serviceUrl, audience ?? null]), () =>
          made.create(serviceUrl, audience),
        ),
    };
  }
}

/**
 * The app id the SDK makes a turn's clients for: the token's audience, else its appid claim (the
 * Emulator's), else none (anonymous, local mode). As botframework-connector's `getAppId` decides it.
 */
function appIdOf(claimsIdentity: ClaimsIdentity): string | null {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? null;
}

function kept<T extends object>(
  cache: LRUCache<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const making = make();
  cache.set(key, making);
  making.catch(() => {
    if (cache.get(key) === making) cache.delete(key);
  });
  return making;
}
