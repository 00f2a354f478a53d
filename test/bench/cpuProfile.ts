import { readFile } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  /** Share of the busy (non-idle) sampled time, in %. */
  percent: number;
}

export interface ProfileSummary {
  /** Share of the sampled wall time the process was busy, in %. */
  busyPercent: number;
  /** Self time by area: the bot's own folders, packages, Node internals, GC. */
  areas: ProfileShare[];
  /** Self time by function. */
  functions: ProfileShare[];
  /** Time inside (self and callees) a few places of interest, where they show up. */
  inclusive: ProfileShare[];
}

/**
 * Where the bot process spends its CPU, from a V8 profile written by --cpu-prof: self time grouped
 * by area (the bot's own bot/, dialogs/, cards/, services/ code, each npm package, Node internals,
 * garbage collection) and the busiest functions.
 */
export async function summariseCpuProfile(file: string, projectRoot: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)),
  );

  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id)!;
    total += micros;
    const area = areaOf(node, projectRoot);
    if (area === '(idle)') {
      idle += micros;
      continue;
    }
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${locationOf(node, projectRoot)}`;
    functions.set(fn, (functions.get(fn) ?? 0) + micros);
    // Inclusive time of interesting frames: walk up the stack once per distinct label.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const label = interestingLabel(byId.get(at)!, projectRoot);
      if (label && !seen.has(label)) {
        seen.add(label);
        inclusive.set(label, (inclusive.get(label) ?? 0) + micros);
      }
    }
  }
  const busy = total - idle;
  const shares = (map: Map<string, number>, top: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, percent: (micros / busy) * 100 }));
  return {
    busyPercent: total ? (busy / total) * 100 : 0,
    areas: shares(areas, 14),
    functions: shares(functions, 12),
    inclusive: shares(inclusive, 14),
  };
}

function areaOf(node: ProfileNode, projectRoot: string): string {
  const { functionName, url } = node.callFrame;
  if (functionName === '(idle)') return '(idle)';
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8/native (program)';
  if (!url) return 'native / builtins';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (packageMatch) return `package ${packageMatch[1]}`;
  if (url.startsWith('node:')) return `Node.js ${nodeAreaOf(url)}`;
  const file = url.replace(/^file:\/\//, '');
  const relative = path.relative(path.join(projectRoot, 'dist'), file);
  if (!relative.startsWith('..')) return `bot code ${relative.split(path.sep)[0]}/`;
  return 'other';
}

function nodeAreaOf(url: string): string {
  const module = url.replace(/^node:(internal\/)?/, '');
  if (/tls|crypto/.test(module)) return 'TLS';
  if (/^_?http|^https/.test(module)) return 'http';
  if (/^net|stream_base|^dns/.test(module)) return 'net (sockets)';
  if (/streams|^stream/.test(module)) return 'streams';
  if (/^modules|^vm/.test(module)) return 'module loading';
  if (/^process|^timers|^async_hooks|^events/.test(module)) return 'event loop, timers, events';
  return 'other internals';
}

function locationOf(node: ProfileNode, projectRoot: string): string {
  const url = node.callFrame.url.replace(/^file:\/\//, '');
  if (!url) return '';
  const packageMatch = /node_modules\/(.*)$/.exec(url);
  const where = packageMatch ? packageMatch[1]! : path.relative(projectRoot, url) || url;
  return `(${where}:${node.callFrame.lineNumber + 1})`;
}

/**
 * Frames whose inclusive time answers "where does a turn go": card templating, parsing, the
 * Cosmos DB client and the embedded server, the SDK, and each of the bot's own folders.
 */
function interestingLabel(node: ProfileNode, projectRoot: string): string | undefined {
  const { functionName, url } = node.callFrame;
  if (!url) {
    if (functionName === 'stringify') return 'JSON.stringify';
    if (functionName === 'parse') return 'JSON.parse';
    return undefined;
  }
  const packages: [string, string][] = [
    ['adaptivecards-templating', 'adaptivecards-templating (card expansion)'],
    ['adaptive-expressions', 'adaptive-expressions (template expressions)'],
    ['zod', 'zod (parsing)'],
    ['@vercel/cosmosdb-server', 'embedded Cosmos DB server'],
    ['@azure/cosmos', '@azure/cosmos client'],
    ['restify', 'restify'],
    ['botbuilder-dialogs', 'botbuilder-dialogs'],
    ['botbuilder', 'botbuilder (CloudAdapter)'],
    ['botbuilder-core', 'botbuilder-core (TurnContext, BotState)'],
  ];
  for (const [name, label] of packages) if (url.includes(`node_modules/${name}/`)) return label;
  if (/^node:(internal\/)?(tls|_tls|crypto)/.test(url)) return 'TLS';
  const relative = path.relative(path.join(projectRoot, 'dist'), url.replace(/^file:\/\//, ''));
  if (relative.startsWith('..') || relative.startsWith('test')) return undefined;
  if (relative === path.join('bot', 'cosmosStateStorage.js'))
    return 'bot/cosmosStateStorage.ts (state read/write)';
  return `bot code ${relative.split(path.sep)[0]}/`;
}
