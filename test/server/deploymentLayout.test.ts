import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BotClient } from '../harness/botClient';
import { projectRoot } from '../harness/botProcess';
import { cardsOf, visibleText } from '../harness/conversationHarness';

/** What the deployment zip holds (docs/deploy.md, step 5), besides node_modules. */
const deployedPaths = [
  'dist',
  'package.json',
  'services/catalogue/data',
  'services/partnerCenter/local/tenants.json',
];

describe('the build as the deployment zip lays it out', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'deployed-'));
    for (const entry of deployedPaths) {
      await cp(path.join(projectRoot, entry), path.join(folder, entry), { recursive: true });
    }
    await symlink(path.join(projectRoot, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  });
  afterAll(async () => rm(folder, { recursive: true, force: true }));

  it('starts from dist/ alone, with every file it reads at run time, and answers', async () => {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/bot/index.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: '0',
        EMBEDDED_COSMOS_PORT: '0',
        EMBEDDED_COSMOS_DATA_DIR: '',
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const messagesUrl = await new Promise<string>((resolve, reject) => {
        const look = () => {
          const match = /Bot listening at (\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        };
        child.stdout.on('data', look);
        child.once('exit', (code) => reject(new Error(`The bot exited with ${code}: ${output}`)));
      });
      const replies = await new BotClient(messagesUrl).send('add customer');
      expect(visibleText(cardsOf(replies)[0]!)).toContain('Account info');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
