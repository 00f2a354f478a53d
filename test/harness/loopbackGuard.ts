import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A `--require` script for a Node.js process under test: every TCP connection to an address that is
 * not loopback is refused and written down, so a test can both keep the machine offline and fail
 * when something tries to call out (telemetry, metadata services, proxies).
 */
export interface LoopbackGuard {
  /** Node.js options that load the guard. */
  nodeOptions: readonly string[];
  /** Every refused connection so far, as "host:port". */
  refused(): Promise<string[]>;
  dispose(): Promise<void>;
}

const script = (reportFile: string) => `'use strict';
const net = require('node:net');
const fs = require('node:fs');
const report = ${JSON.stringify(reportFile)};
const isLoopback = (host) =>
  host === undefined || host === '' || host === 'localhost' || host === '::1' ||
  /^127\\./.test(host) || /^::ffff:127\\./.test(host);
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    first !== null && typeof first === 'object'
      ? first
      : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (options.path === undefined && !isLoopback(options.host)) {
    fs.appendFileSync(report, options.host + ':' + options.port + '\\n');
    process.nextTick(() => this.destroy(new Error('Refused: ' + options.host + ' is not a loopback address')));
    return this;
  }
  return connect.apply(this, args);
};
`;

export async function createLoopbackGuard(): Promise<LoopbackGuard> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'loopback-guard-'));
  const reportFile = path.join(folder, 'refused.txt');
  const scriptFile = path.join(folder, 'guard.js');
  await writeFile(reportFile, '');
  await writeFile(scriptFile, script(reportFile));
  return {
    nodeOptions: ['--require', scriptFile],
    async refused() {
      return (await readFile(reportFile, 'utf8')).split('\n').filter(Boolean);
    },
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}
