import { randomUUID } from 'node:crypto';
import { tenantDomain } from '../../services/customers/tenantDomain';
import { ConnectorRecorder } from '../harness/connectorRecorder';
import { BenchClient } from './benchClient';
import { difference, emptyTally, type Tally } from './cosmosRequests';
import { readingOverheadMs, turnCpuMs } from './cpuPerTurn';
import { watchCreations } from './creationWatch';
import type { BotHost, HostSnapshot } from './hostProtocol';
import { onboardingTurns, runOnboarding, type BenchCompany } from './onboardingScript';

export type Identity = 'emulator' | 'teams';
/**
 * `new`: each onboarding in a conversation of its own (the web chat page after a reload); `standing`:
 * all in one conversation that already had an onboarding, as Teams keeps one personal chat per agent.
 */
export type ConversationUse = 'new' | 'standing';

/**
 * Background work billed apart from the turns: the creation worker's after the submit turn (CPU and
 * requests), and the requests background work made while a turn ran.
 */
export const creationStep = 'creation';
/** The chat's turns and, last, the creation worker's work after the submit. */
export const profiledSteps = [...onboardingTurns, creationStep] as const;
export type ProfiledStep = (typeof profiledSteps)[number];

export interface TurnCosts {
  identity: Identity;
  conversation: ConversationUse;
  onboardings: number;
  /**
   * Cosmos DB requests by who made them (a turn's own async chain, or background work, under
   * `creationStep`), summed over the onboardings measured; divide by `onboardings` for one.
   */
  byTurn: Record<ProfiledStep, Tally>;
  /** The store's count of the same windows' requests (the embedded server's, else the client's). */
  storeRequests?: number;
  /** The bot process's CPU ms by time window, summed over the onboardings, less what each reading cost. */
  cpuMs: Record<ProfiledStep, number>;
  /** The store process's CPU ms, summed (store process only; the creation row includes the benchmark's polling). */
  storeCpuMs?: Record<ProfiledStep, number>;
  /** What one pair of readings costs the bot process (ms), subtracted from each step. */
  readingOverheadMs: number;
  /** Onboardings whose record the creation worker did not mark `created`. */
  notCreated: number;
}

/** What the store received (the embedded server), else what the client sent (Azure). */
export function storeTally(snapshot: HostSnapshot): Tally {
  return snapshot.server ?? snapshot.client;
}

const calibrationPairs = 15;
/** After the record is created, the worker's round ends (it asks when the next entry is due). */
const roundEndMs = 100;

/**
 * Cosmos DB requests and CPU of each turn of an onboarding, measured one turn at a time (one agent,
 * the bot otherwise idle). Requests are billed to who made them: a turn's own async chain, or
 * background work (the creation worker, which the submit wakes and whose first round runs during it),
 * billed under `creationStep`. CPU is billed by time window. After the submit the creation worker's
 * work is billed on its own: the next onboarding starts only once its record is created (watched from
 * this process). The agent's chat is a local Bot Connector
 * that takes the worker's message, as Teams would. `emulator`: the Emulator's identity (no Microsoft
 * Entra id: the configured local agent stands in, no role look-up); `teams`: an agent with an
 * aadObjectId, as Teams sends it, whose roles come from the role directory.
 */
export async function measureTurnCosts(
  host: BotHost,
  identity: Identity,
  onboardings: number,
  nextCompany: () => BenchCompany,
  conversation: ConversationUse = 'new',
): Promise<TurnCosts> {
  const aadObjectId = randomUUID();
  if (identity === 'teams') await host.call('assignRoles', { agentIds: [aadObjectId] });
  const user = {
    id: `bench-profile-${identity}`,
    name: 'Bench Profile Agent',
    ...(identity === 'teams' ? { aadObjectId } : {}),
  };
  const zeros = () =>
    Object.fromEntries(profiledSteps.map((step) => [step, 0])) as Record<ProfiledStep, number>;
  const costs: TurnCosts = {
    identity,
    conversation,
    onboardings,
    byTurn: Object.fromEntries(profiledSteps.map((step) => [step, emptyTally()])) as Record<
      ProfiledStep,
      Tally
    >,
    cpuMs: zeros(),
    ...(host.storeProcess ? { storeCpuMs: zeros() } : {}),
    readingOverheadMs: await calibrate(host),
    notCreated: 0,
  };
  let storeRequests = 0;
  const bill = (step: ProfiledStep, before: HostSnapshot, after: HostSnapshot) => {
    // After the submit no turn runs: what a turn's chain made then is the submit's tail.
    addTally(
      costs.byTurn[step === creationStep ? 'submit' : step],
      difference(after.made.turn, before.made.turn),
    );
    addTally(costs.byTurn[creationStep], difference(after.made.background, before.made.background));
    storeRequests += storeTally(after).requests - storeTally(before).requests;
    costs.cpuMs[step] += turnCpuMs(before.cpu, after.cpu, costs.readingOverheadMs);
    if (costs.storeCpuMs && before.store && after.store)
      costs.storeCpuMs[step] += turnCpuMs(before.store.cpu, after.store.cpu, 0);
  };

  const connector = await new ConnectorRecorder().start();
  const creations = watchCreations(host);
  const standingId = `bench-${randomUUID()}`;
  const clientFor = () =>
    new BenchClient(host.messagesUrl, {
      user,
      serviceUrl: connector.serviceUrl,
      conversationId: conversation === 'standing' ? standingId : `bench-${randomUUID()}`,
    });
  try {
    if (conversation === 'standing') {
      const company = nextCompany();
      await runOnboarding(clientFor(), company, { after: () => undefined });
      await creations.settled(tenantDomain(company.domainPrefix));
    }
    for (let index = 0; index < onboardings; index += 1) {
      const company = nextCompany();
      const client = clientFor();
      let before: HostSnapshot | undefined;
      let afterSubmit: HostSnapshot | undefined;
      await runOnboarding(client, company, {
        before: async () => {
          before = await host.snapshot();
        },
        after: async (turn) => {
          const after = await host.snapshot();
          bill(turn as ProfiledStep, before!, after);
          if (turn === 'submit') afterSubmit = after;
        },
      });
      const state = await creations.settled(tenantDomain(company.domainPrefix));
      if (state !== 'created') costs.notCreated += 1;
      await new Promise((resolve) => setTimeout(resolve, roundEndMs));
      bill(creationStep, afterSubmit!, await host.snapshot());
    }
    return { ...costs, storeRequests };
  } finally {
    creations.close();
    await connector.stop();
  }
}

/** Back-to-back readings of the idle bot: what a reading pair costs it. */
async function calibrate(host: BotHost): Promise<number> {
  const pairs: [NodeJS.CpuUsage, NodeJS.CpuUsage][] = [];
  for (let index = 0; index < calibrationPairs; index += 1) {
    const first = await host.snapshot();
    const second = await host.snapshot();
    pairs.push([first.cpu, second.cpu]);
  }
  return readingOverheadMs(pairs);
}

/** Adds one tally's counts into another. */
export function addTally(sum: Tally, part: Tally): void {
  sum.requests += part.requests;
  sum.requestCharge += part.requestCharge;
  sum.bytesSent += part.bytesSent;
  for (const [field, counts] of [
    [sum.byKind, part.byKind],
    [sum.byContainer, part.byContainer],
    [sum.bytesByContainer, part.bytesByContainer],
    [sum.byStatus, part.byStatus],
  ] as const) {
    for (const [key, value] of Object.entries(counts)) field[key] = (field[key] ?? 0) + value;
  }
}
