import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BotClient, texts } from '../harness/botClient';
import { killBotProcesses, runBotExpectingFailure, startBotProcess } from '../harness/botProcess';
import { cardsOf, inputOf } from '../harness/conversationHarness';

describe('the bot as a process (what npm start runs)', () => {
  let workDir: string;
  beforeEach(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'bot-process-'));
  });
  afterEach(async () => {
    killBotProcesses();
    await rm(workDir, { recursive: true, force: true });
  });

  it('warns when local mode is opened to other machines with HOST', async () => {
    const bot = await startBotProcess({ PORT: '0', EMBEDDED_COSMOS_PORT: '0', HOST: '0.0.0.0' }, workDir);
    expect(bot.stdout()).toMatch(
      /Warning: local mode listens on 0\.0\.0\.0 \(HOST\): anyone who reaches it acts as the local agent/,
    );
    expect(await bot.stop('SIGTERM')).toBe(0);
  });

  it('prints where it listens, answers, exits 0 on SIGTERM and keeps embedded data across a restart', async () => {
    const env = {
      PORT: '0',
      EMBEDDED_COSMOS_PORT: '0',
      EMBEDDED_COSMOS_DATA_DIR: path.join(workDir, 'data'),
    };
    const first = await startBotProcess(env, workDir);
    expect(first.messagesUrl).toMatch(/^http:\/\/localhost:\d+\/api\/messages$/);
    expect(first.stdout()).toMatch(/embedded Cosmos DB .*local use only/);
    expect(first.stdout()).not.toMatch(/Warning/);
    const client = new BotClient(first.messagesUrl);
    const started = cardsOf(await client.send('add customer'));
    expect(started[0] && inputOf(started[0], 'legalName')).toBeDefined();
    expect(await first.stop('SIGTERM')).toBe(0);

    const snapshot = await readFile(path.join(workDir, 'data', 'embedded-cosmos.json'), 'utf8');
    expect(snapshot).toContain(client.conversationId);

    const second = await startBotProcess(env, workDir);
    const again = new BotClient(second.messagesUrl, { conversationId: client.conversationId });
    const replies = await again.send('hello');
    expect(texts(replies).join(' ')).toMatch(/waiting for your answer on the card/);
    const card = cardsOf(replies)[0];
    expect(card && inputOf(card, 'legalName')).toBeDefined();
    expect(await second.stop('SIGINT')).toBe(0);
  });

  it('refuses to start on a bad variable with one readable line naming it', async () => {
    const result = await runBotExpectingFailure({ PORT: 'eighty' }, workDir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Configuration error: PORT must be a whole number from 0 to 65535 (got "eighty").',
    );
    expect(result.stdout).toBe('');
  });

  it('reads a .env file in the working folder', async () => {
    await writeFile(path.join(workDir, '.env'), 'PARTNER_TYPE=distributor\n');
    const result = await runBotExpectingFailure({}, workDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PARTNER_TYPE must be direct or indirectProvider (got "distributor")');
  });
});
