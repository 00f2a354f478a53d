import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../harness/botProcess';

const entry = path.join(projectRoot, 'dist', 'bot', 'index.js');
const marker = 'LOADED PACKAGES ';

/**
 * Starts the compiled entry as `npm start` does (local mode, embedded store, local Partner Center),
 * stops it as soon as it listens, and returns the packages it had loaded by then.
 */
async function packagesLoadedAtStart(dataDir: string): Promise<Set<string>> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does).`);
  const report = `process.on('exit', () => process.stderr.write(${JSON.stringify(marker)} + JSON.stringify(Object.keys(require.cache)) + '\\n'));`;
  const child = spawn(
    process.execPath,
    ['--disable-warning=DEP0111', '-e', `${report} require(${JSON.stringify(entry)});`],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LOG_LEVEL: 'warn',
        PORT: '0',
        EMBEDDED_COSMOS_PORT: '0',
        EMBEDDED_COSMOS_DATA_DIR: dataDir,
      },
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The bot did not start in time: ${out}${err}`)),
        30_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (/Bot listening at /.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`The bot exited with ${code}: ${err}`));
      });
    });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const line = err.split('\n').find((text) => text.startsWith(marker));
  if (!line) throw new Error(`The bot did not report its packages: ${err}`);
  const files = JSON.parse(line.slice(marker.length)) as string[];
  return new Set(
    files.flatMap((file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1] ?? []),
  );
}

describe('what the bot loads before its first turn', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'startup-modules-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("leaves out the template expression engine, the prompts' text recognizers and the Azure storage SDK", async () => {
    const loaded = await packagesLoadedAtStart(dataDir);
    // It did start: the Bot Framework SDK, the store and its server are there.
    for (const needed of [
      'botbuilder',
      'botframework-connector',
      '@azure/cosmos',
      '@vercel/cosmosdb-server',
    ]) {
      expect([needed, loaded.has(needed)]).toEqual([needed, true]);
    }
    for (const unneeded of [
      'adaptive-expressions',
      'adaptivecards-templating',
      '@microsoft/recognizers-text-number',
      '@microsoft/recognizers-text-date-time',
      'botbuilder-azure',
    ]) {
      expect([unneeded, loaded.has(unneeded)]).toEqual([unneeded, false]);
    }
  });
});
