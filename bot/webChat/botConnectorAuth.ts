import {
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { ReusedClientsAuthentication } from '../reusedClients';
import { botAuthorization, isBotAuthorization, isOwnServiceUrl } from './botSecret';
import { webChatChannelId } from './directLineRouter';

type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
type SignedRequest = Parameters<Credentials['signRequest']>[0];

/**
 * Local mode's credentials: none for every service URL (the Emulator's among them), except that a
 * request to this process's own web chat router carries the secret. Decided per request, by its URL.
 */
export class WebChatCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials(
    appId: string,
    audience: string,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<Credentials> {
    const inner = await super.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    return {
      async signRequest(request: SignedRequest): Promise<SignedRequest> {
        if (!isOwnServiceUrl(request.url)) return inner.signRequest(request);
        request.headers.set('authorization', botAuthorization());
        return request;
      },
    };
  }
}

/** Refused: an activity for the local web chat that its router did not send. */
export class WebChatActivityRefused extends Error {
  override readonly name = 'WebChatActivityRefused';
  constructor() {
    super('An activity of the local web chat comes from its router only.');
  }
}

/**
 * Local mode's authentication (no app id): anonymous, as for the Emulator, except that an activity
 * of the local web chat (its channel, or replies going to its router) must carry the secret, which
 * only the router has. So no one can drive a web chat conversation, or have the bot's replies sent
 * into one with the secret, by posting to /api/messages.
 */
export class WebChatBotAuthentication extends ReusedClientsAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    if (activity.channelId === webChatChannelId || isOwnServiceUrl(activity.serviceUrl)) {
      if (!isBotAuthorization(authHeader)) throw new WebChatActivityRefused();
      return super.authenticateRequest(activity, '');
    }
    return super.authenticateRequest(activity, authHeader);
  }
}

/** The authentication of local mode, with the web chat's secret (see above). */
export function localModeAuthentication(
  options: ConfigurationBotFrameworkAuthenticationOptions,
): WebChatBotAuthentication {
  return new WebChatBotAuthentication(options, new WebChatCredentialsFactory(options));
}
