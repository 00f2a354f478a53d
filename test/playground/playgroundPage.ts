/// <reference lib="dom" />
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { isLoopbackUrl } from '../../services/network/loopback';
import { failurePath, saveScreenshot } from '../harness/screenshotFile';

const viewport = { width: 1280, height: 900 };
/** A screenshot grows to show a tall card whole, up to this height. */
const maxScreenshotHeight = 2200;
const replyTimeoutMs = 20_000;
/** Times and ids differ on every run: in screenshots a time is hidden, an id shown as a placeholder. */
const timePattern = /\b\d{1,2}:\d{2}\s?[AP]M\b/;
const idPattern = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/;
const idPlaceholder = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';
const hiddenAttribute = 'data-screenshot-hidden';

/**
 * A browser context that reaches loopback only: everything else is refused and written down, so a
 * test can check what the Playground's page tried to fetch.
 */
export async function offlineContext(
  browser: Browser,
): Promise<{ context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'UTC' });
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    if (isLoopbackUrl(route.request().url())) return route.continue();
    refused.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Routes do not see WebSockets: those are written down only (the test then fails).
  context.on('page', (page) =>
    page.on('websocket', (socket) => {
      if (!isLoopbackUrl(socket.url())) refused.push(socket.url());
    }),
  );
  return { context, refused };
}

export type ChatName = 'Personal Chat' | (string & {});

export interface ScreenshotOptions {
  /** What must be in the picture whole; the newest card by default. */
  focus?: Locator;
  /** Where `focus` goes: at the bottom of the conversation (default) or at its top. */
  align?: 'top' | 'bottom';
  /** Room between `focus` and that edge, in pixels. */
  margin?: number;
}

/** The Microsoft 365 Agents Playground's page, driven as an agent uses Teams. */
export class PlaygroundPage {
  private constructor(
    readonly page: Page,
    private readonly botName: string,
  ) {}

  /** Opens the page; the personal chat is open and, when `welcome`, its welcome card is there. */
  static async open(
    context: BrowserContext,
    url: string,
    options: { botName: string; welcome?: boolean },
  ): Promise<PlaygroundPage> {
    const page = await context.newPage();
    const playground = new PlaygroundPage(page, options.botName);
    await page.goto(url);
    await playground.composeBox().waitFor({ timeout: replyTimeoutMs });
    // Teams has no log panel; the pictures should look like Teams.
    await page.getByTitle('Hide log panel').click();
    if (options.welcome ?? true) await playground.lastCard().waitFor({ timeout: replyTimeoutMs });
    return playground;
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }

  async saveFailure(name: string): Promise<void> {
    await this.page.screenshot({ path: failurePath(name) }).catch(() => undefined);
  }

  /** A chat in the list on the left: "Personal Chat", the group chat's name, or "<team> - <channel>". */
  async openChat(name: ChatName): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
    await this.composeBox().waitFor();
    await this.settled();
  }

  /**
   * Opening a chat tells the bot about it (installationUpdate, conversationUpdate), which may answer
   * with a welcome card: wait until the cards stop changing, so a later answer is not mistaken for it.
   */
  private async settled(quietMs = 800, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    let count = await this.cards().count();
    let quietSince = Date.now();
    while (Date.now() < until && Date.now() - quietSince < quietMs) {
      await this.page.waitForTimeout(100);
      const now = await this.cards().count();
      if (now !== count) {
        count = now;
        quietSince = Date.now();
      }
    }
  }

  /** The box to write in: a chat's message box, or a channel's "Start a new post". */
  composeBox(): Locator {
    return this.page.locator('[role=textbox][contenteditable=true]').first();
  }

  cards(): Locator {
    return this.page.locator('.ac-adaptiveCard');
  }

  lastCard(): Locator {
    return this.cards().last();
  }

  /** The input whose label starts with this text, on a card. */
  field(card: Locator, label: string): Locator {
    return card.getByLabel(new RegExp(`^${escapeRegExp(label)}`));
  }

  /**
   * Types a message and sends it; resolves with the bot's new card that shows `expecting` (any new
   * card without it). Naming the card keeps a welcome card that arrives meanwhile from being taken
   * for the answer.
   */
  async say(text: string, expecting?: string): Promise<Locator> {
    return this.expectingCard(expecting, async () => {
      await this.composeBox().click();
      await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
    });
  }

  /** "@<bot> text", picking the bot from the mention list as a Teams user does. */
  async mentionBot(text: string, expecting?: string): Promise<Locator> {
    return this.expectingCard(expecting, async () => {
      await this.composeBox().click();
      await this.page.keyboard.type('@');
      await this.page.getByRole('menuitem').filter({ hasText: this.botName }).click();
      await this.page.keyboard.type(` ${text}`);
      await this.page.keyboard.press('Enter');
    });
  }

  /** Presses a card's button and resolves with the bot's next card (showing `expecting`). */
  async press(button: Locator, expecting?: string): Promise<Locator> {
    return this.expectingCard(expecting, () => button.click());
  }

  /** The agent's own message that @mentioned the bot with this text (the newest one). */
  mention(text: string): Locator {
    return this.page.getByText(new RegExp(`^${escapeRegExp(this.botName)}\\s+${escapeRegExp(text)}$`)).last();
  }

  /** Resolves once a card with this text is on the page (e.g. an answered card's summary). */
  async cardWithText(text: string): Promise<Locator> {
    const card = this.cards().filter({ hasText: text }).last();
    await card.waitFor({ timeout: replyTimeoutMs });
    return card;
  }

  private async expectingCard(expecting: string | undefined, action: () => Promise<void>): Promise<Locator> {
    const wanted = expecting
      ? this.cards().filter({ hasText: new RegExp(escapeRegExp(expecting)) })
      : this.cards();
    const before = await wanted.count();
    await action();
    const deadline = Date.now() + replyTimeoutMs;
    while ((await wanted.count()) <= before) {
      if (Date.now() > deadline) {
        throw new Error(`No new card${expecting ? ` showing "${expecting}"` : ''} in ${replyTimeoutMs} ms`);
      }
      await this.page.waitForTimeout(50);
    }
    return wanted.last();
  }

  /**
   * Saves docs/screenshots/<name>.png when it changed: the page, grown so that `focus` (the newest
   * card by default) is shown whole, with the conversation scrolled to it. Times and ids are hidden.
   */
  async screenshot(name: string, options: ScreenshotOptions = {}): Promise<void> {
    const { focus = this.lastCard(), align = 'bottom', margin = 16 } = options;
    const { page } = this;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focusHeight = (await focus.boundingBox())?.height ?? 0;
    const height = Math.min(maxScreenshotHeight, Math.max(viewport.height, Math.ceil(focusHeight + 260)));
    await page.setViewportSize({ width: viewport.width, height });
    await focus.evaluate(
      async (element, { alignTo, space }) => {
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        let scroller: HTMLElement | null = element.parentElement;
        while (
          scroller &&
          !(
            scroller.scrollHeight > scroller.clientHeight + 1 &&
            /auto|scroll/.test(getComputedStyle(scroller).overflowY)
          )
        ) {
          scroller = scroller.parentElement;
        }
        if (!scroller) return;
        // Scroll `focus` to the top or bottom of the conversation, then wait until nothing moves.
        const offset = () =>
          alignTo === 'top'
            ? element.getBoundingClientRect().top - scroller!.getBoundingClientRect().top - space
            : element.getBoundingClientRect().bottom - scroller!.getBoundingClientRect().bottom + space;
        let still = 0;
        for (let attempt = 0; attempt < 100 && still < 5; attempt++) {
          const goal = scroller.scrollTop + offset();
          const target = Math.max(0, Math.min(goal, scroller.scrollHeight - scroller.clientHeight));
          if (Math.abs(scroller.scrollTop - target) < 1) still += 1;
          else {
            still = 0;
            scroller.scrollTop = target;
          }
          await frame();
        }
      },
      { alignTo: align, space: margin },
    );
    await page.evaluate(
      ({ times, ids, attribute, placeholder }) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          // An id keeps its place (its width shapes the card's layout); a time is hidden.
          if (new RegExp(ids, 'i').test(text))
            node.textContent = text.replace(new RegExp(ids, 'gi'), placeholder);
          else if (new RegExp(times).test(text)) node.parentElement?.setAttribute(attribute, '');
        }
      },
      {
        times: timePattern.source,
        ids: idPattern.source,
        attribute: hiddenAttribute,
        placeholder: idPlaceholder,
      },
    );
    // Like Playwright's toHaveScreenshot: the picture is taken once two in a row agree.
    let png: Buffer = Buffer.alloc(0);
    for (let attempt = 0; attempt < 10; attempt++) {
      const next = await page.screenshot({
        animations: 'disabled',
        caret: 'hide',
        style: `[${hiddenAttribute}] { visibility: hidden !important; }`,
      });
      if (next.equals(png)) break;
      png = next;
      await page.waitForTimeout(100);
    }
    await page.setViewportSize(viewport);
    await saveScreenshot(name, png);
  }
}

/**
 * Runs a test's steps on pages; on a failure each page is saved as it was (test-results/). The
 * pages are closed either way.
 */
export async function driving<T>(
  pages: readonly PlaygroundPage[],
  failureName: string,
  steps: () => Promise<T>,
): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    await Promise.all(pages.map((page, index) => page.saveFailure(`${failureName}-${index + 1}`)));
    throw error;
  } finally {
    await Promise.all(pages.map((page) => page.close()));
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
