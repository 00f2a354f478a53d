import { randomUUID } from 'node:crypto';
import { BenchClient } from './benchClient';
import { difference, emptyTally, type Tally } from './cosmosRequests';
import type { BotHost, HostSnapshot } from './hostProtocol';
import { onboardingTurns, runOnboarding, type BenchCompany } from './onboardingScript';

export type Identity = 'emulator' | 'teams';

export interface TurnCosts {
  identity: Identity;
  onboardings: number;
  /** Summed over the onboardings measured; divide by `onboardings` for one. */
  byTurn: Record<string, Tally>;
}

/** What the store received (the embedded server), else what the client sent (Azure). */
export function storeTally(snapshot: HostSnapshot): Tally {
  return snapshot.server ?? snapshot.client;
}

/**
 * Cosmos DB requests of each turn of an onboarding, measured one turn at a time (one agent, the bot
 * otherwise idle), so every request is billed to the turn that made it. `emulator`: the Emulator's
 * identity (no Microsoft Entra id: the configured local agent stands in, no role look-up); `teams`:
 * an agent with an aadObjectId, as Teams sends it, whose roles come from the role directory.
 */
export async function measureTurnCosts(
  host: BotHost,
  identity: Identity,
  onboardings: number,
  nextCompany: () => BenchCompany,
): Promise<TurnCosts> {
  const aadObjectId = randomUUID();
  if (identity === 'teams') await host.call('assignRoles', { agentIds: [aadObjectId] });
  const user = {
    id: `bench-profile-${identity}`,
    name: 'Bench Profile Agent',
    ...(identity === 'teams' ? { aadObjectId } : {}),
  };
  const byTurn: Record<string, Tally> = Object.fromEntries(
    onboardingTurns.map((turn) => [turn, emptyTally()]),
  );
  let before: HostSnapshot | undefined;
  for (let index = 0; index < onboardings; index += 1) {
    const client = new BenchClient(host.messagesUrl, { user, conversationId: `bench-${randomUUID()}` });
    await runOnboarding(client, nextCompany(), {
      before: async () => {
        before = await host.snapshot();
      },
      after: async (turn) => {
        const after = await host.snapshot();
        addTally(byTurn[turn]!, difference(storeTally(after), storeTally(before!)));
      },
    });
  }
  return { identity, onboardings, byTurn };
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
