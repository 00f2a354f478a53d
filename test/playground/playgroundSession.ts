import type { Browser } from 'playwright-core';
import { playgroundBot } from '../../bot/playground/playgroundConfig';
import { startPlayground, type RunningPlayground } from '../../bot/playground/launchPlayground';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { launchChromium } from '../harness/browser';
import { createLoopbackGuard, type LoopbackGuard } from '../harness/loopbackGuard';
import { startTestBot } from '../harness/testBot';
import { offlineContext, PlaygroundPage } from './playgroundPage';

/** A Dutch partner, as in the web chat tests: the account info card starts in the Netherlands. */
export const partnerEnv = { PARTNER_MARKETS: 'NL,BE,DE,FR,GB,US', PARTNER_NAME: 'Fabrikam Cloud Services' };

/**
 * The bot on a free port, Chromium, and Agents Playgrounds started by the launcher that
 * `npm run playground` uses, each under a guard that refuses and records any call off this machine.
 */
export class PlaygroundSession {
  private readonly playgrounds: RunningPlayground[] = [];
  private readonly pageRefusals: string[][] = [];

  private constructor(
    readonly bot: RunningBot,
    readonly browser: Browser,
    private readonly guard: LoopbackGuard,
  ) {}

  static async start(): Promise<PlaygroundSession> {
    // Chromium first: without it the file fails at once, before anything else starts.
    const browser = await launchChromium();
    const [bot, guard] = await Promise.all([startTestBot(partnerEnv), createLoopbackGuard()]);
    return new PlaygroundSession(bot, browser, guard);
  }

  /** A Playground acting as one local agent, and its page in a browser context of its own. */
  async open(as: string, options: { welcome?: boolean } = {}): Promise<PlaygroundPage> {
    const playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${this.bot.port}/api/messages`,
      as,
      port: 0,
      nodeOptions: this.guard.nodeOptions,
    });
    this.playgrounds.push(playground);
    const { context, refused } = await offlineContext(this.browser);
    this.pageRefusals.push(refused);
    return PlaygroundPage.open(context, playground.url, { botName: playgroundBot.name, ...options });
  }

  /** What the Playground's pages tried to fetch from anywhere but loopback (refused). */
  pageRefused(): string[] {
    return this.pageRefusals.flat();
  }

  /** Connections the Playground processes tried to open to anything but loopback (refused). */
  processRefused(): Promise<string[]> {
    return this.guard.refused();
  }

  async customerRecord(domainPrefix: string): Promise<Record<string, unknown>[]> {
    const { resources } = await this.bot.cosmos.client
      .database(this.bot.databaseId)
      .container(containerDefinitions.customers.id)
      .items.query<Record<string, unknown>>({
        query: 'SELECT * FROM c WHERE c.domain = @domain',
        parameters: [{ name: '@domain', value: `${domainPrefix}.onmicrosoft.com` }],
      })
      .fetchAll();
    return resources;
  }

  async stop(): Promise<void> {
    await Promise.all(this.playgrounds.map((playground) => playground.stop()));
    await this.browser?.close();
    await this.bot?.stop();
    await this.guard.dispose();
  }
}
