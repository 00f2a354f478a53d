import type { Browser } from 'playwright-core';
import type { RunningBot } from '../../bot/startBot';
import { launchChromium } from '../harness/browser';
import { DirectLineClient } from '../harness/directLineClient';
import { startTestBot } from '../harness/testBot';

jest.setTimeout(90_000);

let bot: RunningBot;
let browser: Browser;
beforeAll(async () => {
  // Chromium first: without it the file fails at once, before a bot is started.
  browser = await launchChromium();
  bot = await startTestBot();
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

describe('the web chat page when this machine has too many open conversations', () => {
  it('says so and when to try again, and the conversations already open keep working', async () => {
    const origin = `http://localhost:${bot.port}`;
    const open = new DirectLineClient(origin);
    await open.start('web-already-open');
    await open.poll();
    for (let n = 1; n < 50; n++)
      expect((await new DirectLineClient(origin).generate(`web-tab-${n}`)).status).toBe(200);

    const context = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(bot.chatUrl!);
      const problem = page.locator('#problem');
      await problem.waitFor({ state: 'visible', timeout: 30_000 });
      await expect(problem.innerText()).resolves.toBe(
        'The chat could not start: this machine has too many open conversations; try again in 60 minutes.',
      );
    } finally {
      await context.close();
    }

    expect((await open.post({ type: 'message', text: 'help' })).status).toBe(200);
    expect((await open.poll()).map((a) => a.from.role)).toEqual(['user', 'bot']);
  });
});
