import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { PartnerCenter } from '../../services/partnerCenter/partnerCenter';
import { PartnerCenterClient } from '../../services/partnerCenter/partnerCenterClient';
import {
  createPartnerCenterTokens,
  localPartnerCenterTokens,
} from '../../services/partnerCenter/partnerCenterCredentials';
import type { LocalPartnerCenter } from '../../services/partnerCenter/local/localPartnerCenter';
import type { Config } from '../config';

export interface PartnerCenterAccess {
  partnerCenter: PartnerCenter;
  /** Where the bot's Partner Center calls go (Microsoft's API, or the local one on loopback). */
  endpoint: string;
  /** The local Partner Center, when the bot started one. */
  local?: LocalPartnerCenter;
  stop(): Promise<void>;
}

/** A Partner Center someone else started (a test's, behind a fault proxy): its endpoint and token. */
export interface GivenPartnerCenter {
  endpoint: string;
  token: string;
}

/**
 * Microsoft's Partner Center when PARTNER_CENTER_APP_ID is configured; otherwise a local one: the one
 * at LOCAL_PARTNER_CENTER_ENDPOINT (e.g. shared by two bots on one store), or one started here on
 * loopback like the embedded store, keeping its data in the store's data folder (or in memory). The
 * same REST client talks to each.
 */
export async function openPartnerCenter(
  config: Config,
  given?: GivenPartnerCenter,
): Promise<PartnerCenterAccess> {
  const settings = config.partnerCenter;
  if (given) return runningElsewhere(given);
  if ('token' in settings) return runningElsewhere(settings);
  if (settings.mode === 'microsoft') {
    return {
      partnerCenter: new PartnerCenterClient({
        endpoint: settings.endpoint,
        tokens: createPartnerCenterTokens({
          authorityHost: settings.authorityHost,
          tenantId: settings.tenantId,
          appId: settings.appId,
          credential: settings.credential,
          ...(settings.refreshToken ? { refreshToken: settings.refreshToken } : {}),
        }),
      }),
      endpoint: settings.endpoint,
      stop: () => Promise.resolve(),
    };
  }
  // A token of this process only: nothing else on the machine can use the local Partner Center's data.
  const token = randomBytes(32).toString('base64url');
  const dataDir = config.cosmos.mode === 'embedded' ? config.cosmos.dataDir : undefined;
  // Loaded only when it runs here: with Microsoft's Partner Center the bot never needs it.
  const { startLocalPartnerCenter } = await import('../../services/partnerCenter/local/localPartnerCenter');
  const local = await startLocalPartnerCenter({
    port: settings.port,
    token,
    partnerTenantId: config.partner.tenantId,
    ...(dataDir ? { dataFile: path.join(dataDir, 'partner-center.json') } : {}),
  });
  return {
    partnerCenter: new PartnerCenterClient({
      endpoint: local.endpoint,
      tokens: localPartnerCenterTokens(token),
    }),
    endpoint: local.endpoint,
    local,
    stop: () => local.stop(),
  };
}

/** A local Partner Center another process (or a test) runs: this bot only talks to it. */
function runningElsewhere(running: GivenPartnerCenter): PartnerCenterAccess {
  return {
    partnerCenter: new PartnerCenterClient({
      endpoint: running.endpoint,
      tokens: localPartnerCenterTokens(running.token),
    }),
    endpoint: running.endpoint,
    stop: () => Promise.resolve(),
  };
}
