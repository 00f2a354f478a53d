import type { ProfileSummary } from './cpuProfile';
import type { HostStartup } from './hostProtocol';
import type { Machine } from './machine';
import type { PointResult } from './measurePoint';
import type { MemoryFigures } from './memoryProbe';
import type { NotificationCost } from './notificationCost';
import type { PartnerCenterProbe } from './partnerCenterProbe';
import type { BenchOptions } from './options';
import type { StartupComparison, StartupTiming } from './startupProbe';
import type { CatalogueSession } from './catalogueSession';
import type { TurnCosts } from './turnProfile';

/** Everything one run measured: what the report and the chart are made of. */
export interface BenchResults {
  options: BenchOptions;
  startedAt: Date;
  elapsedSeconds: number;
  machine: Machine;
  /** The parallel capacity measured again after the run (a change means the machine was shared). */
  capacityAfter: number;
  store: string;
  points: PointResult[];
  /** The journal's cost: onboarding points on a data folder, journal off (`snapshot`) and on (`journal`). */
  journal?: PointResult[];
  turnCosts: TurnCosts[];
  /** The widest order built on the subscriptions card: requests per turn and the largest card. */
  catalogue?: CatalogueSession;
  /** Partner Center calls per completed onboarding, the creation worker's included (local Partner Center only). */
  partnerCenter?: PartnerCenterProbe;
  /** What managers' notifications cost (the submit's share and the dispatcher's). */
  notifications?: NotificationCost;
  /** How the benchmark's own onboarding bot process started (the start-up breakdown). */
  hostStartup?: HostStartup;
  /** `npm start` from nothing, each run. */
  startup: StartupTiming[];
  startupCompared?: StartupComparison;
  memory?: MemoryFigures;
  profile?: { agents: number; summary: ProfileSummary };
  /** File name of the chart, next to docs/benchmarks.md. */
  chartFile: string;
}

export function point(
  results: BenchResults,
  kind: PointResult['kind'],
  agents: number,
): PointResult | undefined {
  return results.points.find((candidate) => candidate.kind === kind && candidate.agents === agents);
}

/** A point of the journal comparison. */
export function journalPoint(
  results: BenchResults,
  store: 'snapshot' | 'journal',
  agents: number,
): PointResult | undefined {
  return results.journal?.find((candidate) => candidate.store === store && candidate.agents === agents);
}

/** The agent counts of the journal comparison: the first of the sweep and the headline count. */
export function journalAgents(options: BenchResults['options']): number[] {
  return [...new Set([options.sweep[0]!, options.agents])];
}

/** Writes to the bot's state container in these counts (upserts, replaces, creates, patches). */
export function stateWritesOf(byContainer: Record<string, number>): number {
  return ['upsert', 'replace', 'create', 'patch'].reduce(
    (sum, kind) => sum + (byContainer[`botState.${kind}`] ?? 0),
    0,
  );
}
