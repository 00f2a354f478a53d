import { randomUUID } from 'node:crypto';
import { tenantDomain } from '../../services/customers/tenantDomain';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { BenchClient } from './benchClient';
import type { BotHost, HostCreations } from './hostProtocol';
import { runOnboarding, type BenchCompany } from './onboardingScript';
import { addCalls, callsBetween, emptyCalls, type PartnerCenterCalls } from './partnerCenterCalls';

export interface PartnerCenterProbe {
  onboardings: number;
  /** Summed over the onboardings: calls of the turns before the submit (start … subscriptions). */
  beforeSubmit: PartnerCenterCalls;
  /** Summed: from the submit turn until the record's `partnerCenter.state` was `created` (the creation worker). */
  fromSubmit: PartnerCenterCalls;
  /** Per onboarding: ms from the submit's answer until the record was seen `created` (polled). */
  createdAfterMs: number[];
  /** Onboardings whose agent got the creation worker's message in their chat. */
  told: number;
}

const pollMs = 10;
const settleTimeoutMs = 120_000;

/**
 * Partner Center calls per completed onboarding, exact: one onboarding at a time on a bot with nothing
 * else to do. Before each, the creation worker has no pending entry left (earlier onboardings of this
 * bot finished); after its submit, the probe waits until the record's `partnerCenter.state` is
 * `created`, so the worker's create and MCA calls are in the count and nothing else is. The agent's
 * chat is a local Bot Connector that accepts the worker's message, as Teams would.
 * Undefined when the bot talks to Microsoft's Partner Center (nothing counts its calls).
 */
export async function measurePartnerCenterCalls(
  host: BotHost,
  onboardings: number,
  nextCompany: () => BenchCompany,
): Promise<PartnerCenterProbe | undefined> {
  if (!(await host.snapshot()).partnerCenter) return undefined;
  const connector = await new ConnectorRecorder().start();
  const probe: PartnerCenterProbe = {
    onboardings,
    beforeSubmit: emptyCalls(),
    fromSubmit: emptyCalls(),
    createdAfterMs: [],
    told: 0,
  };
  const calls = async () => (await host.snapshot()).partnerCenter!;
  try {
    await waitFor(host, undefined, (found) => found.pending === 0, 'no creation pending');
    for (let index = 0; index < onboardings; index += 1) {
      const company = nextCompany();
      const client = new BenchClient(host.messagesUrl, {
        serviceUrl: connector.serviceUrl,
        user: { id: 'bench-partner-center', name: 'Bench Partner Center Agent' },
        conversationId: `bench-pc-${randomUUID()}`,
      });
      const start = await calls();
      let atSubmit: PartnerCenterCalls | undefined;
      let answered = 0;
      await runOnboarding(client, company, {
        before: async (turn) => {
          if (turn === 'submit') atSubmit = await calls();
        },
        after: (turn, _start, end) => {
          if (turn === 'submit') answered = end;
        },
      });
      const domain = tenantDomain(company.domainPrefix);
      const found = await waitFor(
        host,
        domain,
        (creations) => creations.state !== undefined && creations.state !== 'pending',
        `${domain} created`,
      );
      if (found.state !== 'created')
        throw new Error(`Partner Center did not create ${domain}: its record is ${found.state}`);
      probe.createdAfterMs.push(performance.now() - answered);
      const end = await calls();
      addCalls(probe.beforeSubmit, callsBetween(atSubmit!, start));
      addCalls(probe.fromSubmit, callsBetween(end, atSubmit!));
      if (connector.sent(client.conversationId).length > 0) probe.told += 1;
    }
    return probe;
  } finally {
    await connector.stop();
  }
}

async function waitFor(
  host: BotHost,
  domain: string | undefined,
  done: (found: HostCreations) => boolean,
  what: string,
): Promise<HostCreations> {
  const deadline = performance.now() + settleTimeoutMs;
  for (;;) {
    const found = (await host.call('creations', domain ? { domain } : {})) as HostCreations;
    if (done(found)) return found;
    if (performance.now() > deadline)
      throw new Error(`Waited ${settleTimeoutMs / 1000} s for ${what}: ${JSON.stringify(found)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
