import { median } from './percentiles';

/** CPU milliseconds (user + system) a process used between two of its `process.cpuUsage()` readings. */
export function cpuMsBetween(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage): number {
  return (after.user + after.system - before.user - before.system) / 1000;
}

/** CPU milliseconds per turn over a window; undefined when no turn finished in it. */
export function cpuMsPerTurn(
  before: NodeJS.CpuUsage,
  after: NodeJS.CpuUsage,
  turns: number,
): number | undefined {
  return turns > 0 ? cpuMsBetween(before, after) / turns : undefined;
}

/**
 * What reading a process's CPU over IPC costs that process, from back-to-back reading pairs with
 * nothing else to do: the rest of the first reading (memory, counts, the reply) and the receipt of
 * the second. The median, so that a timer that fired in one pair does not count.
 */
export function readingOverheadMs(pairs: readonly [NodeJS.CpuUsage, NodeJS.CpuUsage][]): number {
  if (pairs.length === 0) return 0;
  return median(pairs.map(([before, after]) => cpuMsBetween(before, after)));
}

/** A turn's CPU from readings around it, less what the readings themselves cost. */
export function turnCpuMs(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, overheadMs: number): number {
  return cpuMsBetween(before, after) - overheadMs;
}
