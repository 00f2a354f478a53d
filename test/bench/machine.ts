import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { projectRoot } from './benchEnvironment';

export interface Machine {
  cpuModel: string;
  cores: number;
  /** Measured: how many cores' worth of work two busy threads get done at once (2.0 on two real cores). */
  parallelCapacity: number;
  memoryGiB: number;
  os: string;
  /** The benchmark's scheduling priority (nice; below 0: favoured over other work on the machine). */
  niceness: number;
  node: string;
  packages: Record<string, string>;
  commit: string;
}

const packages = ['botbuilder', 'botbuilder-dialogs', 'restify', '@azure/cosmos', '@vercel/cosmosdb-server'];

export async function describeMachine(): Promise<Machine> {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    parallelCapacity: await measureParallelCapacity(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    niceness: os.getPriority(),
    node: process.version,
    packages: Object.fromEntries(packages.map((name) => [name, versionOf(name)])),
    commit: commitOf(),
  };
}

function versionOf(name: string): string {
  try {
    const file = path.join(projectRoot, 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

/** The commit measured; BENCH_COMMIT names it when the folder is an export, not a git checkout. */
function commitOf(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim();
    if (git('rev-parse', '--show-toplevel') !== projectRoot) throw new Error('not a checkout of its own');
    const dirty = git('status', '--porcelain') ? ' (with uncommitted changes)' : '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty}`;
  } catch {
    return process.env.BENCH_COMMIT ?? 'unknown';
  }
}

const spin = `
const { parentPort, workerData } = require('node:worker_threads');
const end = Date.now() + workerData;
let n = 0;
while (Date.now() < end) n++;
parentPort.postMessage(n);
`;

function busyWork(ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(spin, { eval: true, workerData: ms });
    worker.once('message', (count: number) => {
      resolve(count);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * A virtual machine may report more cores than it can run at once: one busy thread, then two at
 * the same time, and the work done compared. The load generator and the bot share this capacity.
 */
export async function measureParallelCapacity(): Promise<number> {
  const alone = await busyWork(700);
  const together = await Promise.all([busyWork(700), busyWork(700)]);
  return (together[0]! + together[1]!) / alone;
}

export interface CpuTimes {
  /** Milliseconds of CPU time summed over every core since boot. */
  busy: number;
  idle: number;
  /** Time the hypervisor ran something else while this machine wanted to run. */
  steal: number;
}

/** The whole machine's CPU times from /proc/stat (Linux); undefined elsewhere. */
export function machineCpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .split(/\s+/)
      .slice(1)
      .map((value) => (Number(value) * 1000) / 100);
    return {
      busy: user! + nice! + system! + irq! + softirq!,
      idle: idle! + iowait!,
      steal: steal ?? 0,
    };
  } catch {
    return undefined;
  }
}
