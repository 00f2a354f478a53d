/// <reference lib="dom" />
import { type Browser, type Locator, type Page } from 'playwright-core';
import type { RunningBot } from '../../bot/startBot';
import { launchChromium } from '../harness/browser';
import { failurePath, saveScreenshot } from '../harness/screenshotFile';
import { startTestBot } from '../harness/testBot';

const viewport = { width: 1000, height: 1200 };
/** A screenshot grows to show a tall card whole, up to this height. */
const maxScreenshotHeight = 2000;
const replyTimeoutMs = 30_000;

/** The local web chat page in a browser tab, driven as an agent uses it. */
export class WebChatPage {
  private constructor(readonly page: Page) {}

  /**
   * Opens the chat page in a browser whose language is `locale` (the page talks in it) and waits
   * for the bot's welcome card.
   */
  static async open(browser: Browser, chatUrl: string, locale = 'en-US'): Promise<WebChatPage> {
    const context = await browser.newContext({ viewport, locale });
    const page = await context.newPage();
    const chat = new WebChatPage(page);
    await page.goto(chatUrl);
    await chat.lastCard().waitFor({ timeout: replyTimeoutMs });
    // "Connecting…" goes once the first poll answered.
    await page
      .locator('.webchat__connectivityStatus')
      .waitFor({ state: 'detached', timeout: replyTimeoutMs });
    return chat;
  }

  /** For a failed test: the page as it was, in test-results/ (git-ignored). */
  async saveFailure(name: string): Promise<void> {
    await this.page.screenshot({ path: failurePath(name), fullPage: true }).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  /** The newest Adaptive Card in the transcript. */
  lastCard(): Locator {
    return this.page.locator('.ac-adaptiveCard').last();
  }

  /** The input whose label starts with this text, on a card. */
  field(card: Locator, label: string): Locator {
    return card.getByLabel(new RegExp(`^${escapeRegExp(label)}`));
  }

  /** The innermost container of a card that shows this exact text and holds an input or a button. */
  block(card: Locator, text: string, holding: 'input' | 'button'): Locator {
    return card
      .locator('.ac-container')
      .filter({ has: this.page.getByText(text, { exact: true }) })
      .filter({ has: this.page.locator(holding === 'input' ? 'input' : 'button') })
      .last();
  }

  /** Presses a button and waits for the bot's next card; answers that card. */
  async press(button: Locator): Promise<Locator> {
    const before = await this.page.locator('.ac-adaptiveCard').count();
    await button.click();
    await this.page.waitForFunction(
      (count) => document.querySelectorAll('.ac-adaptiveCard').length > count,
      before,
      { timeout: replyTimeoutMs },
    );
    const card = this.lastCard();
    await card.waitFor();
    return card;
  }

  /**
   * The newest card showing this text, once it is there: after Submit the Done card, which the
   * message from Partner Center's creation (sent on its own) may already follow.
   */
  async cardShowing(text: string): Promise<Locator> {
    const card = this.page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
    await card.waitFor({ timeout: replyTimeoutMs });
    return card;
  }

  /** Types a message into the send box and sends it (Enter). */
  async send(text: string): Promise<void> {
    const input = this.page.locator('.webchat__send-box-text-box__input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** Every message and card text in the transcript, as the agent reads it. */
  async transcriptText(): Promise<string> {
    return (await this.page.locator('.webchat__basic-transcript__activity').allInnerTexts()).join('\n');
  }

  /**
   * Saves a screenshot into docs/screenshots/<name>.png: the page, grown so that the newest card is
   * shown whole (up to a limit), scrolled to the bottom or to `focus`. The file is written only
   * when it changed.
   */
  /** `mask` covers what differs on every run (a new customer id), so the picture stays the same. */
  async screenshot(name: string, focus?: Locator, mask: Locator[] = []): Promise<void> {
    const { page } = this;
    // No focus ring or selected text in the picture.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const scroller = page.locator('.webchat__basic-transcript__scrollable');
    const cardHeight = (await this.lastCard().boundingBox())?.height ?? 0;
    const chrome = await scroller.evaluate((element) => window.innerHeight - element.clientHeight);
    const height = Math.min(
      maxScreenshotHeight,
      Math.max(viewport.height, Math.ceil(cardHeight + chrome + 48)),
    );
    await page.setViewportSize({ width: viewport.width, height });
    const focusElement = focus ? await focus.elementHandle() : null;
    // Web Chat scrolls to new messages with an animation: scroll, then wait until nothing moves.
    await scroller.evaluate(async (element, target) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const wanted = () =>
        target
          ? element.scrollTop + target.getBoundingClientRect().top - element.getBoundingClientRect().top - 16
          : element.scrollHeight - element.clientHeight;
      let still = 0;
      for (let attempt = 0; attempt < 200 && still < 5; attempt++) {
        const goal = Math.max(0, Math.min(wanted(), element.scrollHeight - element.clientHeight));
        if (Math.abs(element.scrollTop - goal) < 1) still += 1;
        else {
          still = 0;
          element.scrollTop = goal;
        }
        await frame();
      }
    }, focusElement);
    const png = await page.screenshot({
      fullPage: true,
      animations: 'disabled',
      caret: 'hide',
      mask,
      maskColor: '#e0e0e0',
    });
    await page.setViewportSize(viewport);
    await saveScreenshot(name, png);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Dutch partner: the account info card starts with its first market, the Netherlands. */
export const dutchPartnerEnv = {
  PARTNER_MARKETS: 'NL,BE,DE,FR,GB,US',
  PARTNER_NAME: 'Fabrikam Cloud Services',
};

/**
 * Chromium and a bot for the tests of one file, started before them and stopped after. Chromium
 * first: without it the file fails at once, before a bot is started.
 */
export function browserAndBot(env: Record<string, string>): { browser: Browser; bot: RunningBot } {
  const running = {} as { browser: Browser; bot: RunningBot };
  beforeAll(async () => {
    running.browser = await launchChromium();
    running.bot = await startTestBot(env);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.bot?.stop();
  });
  return running;
}
