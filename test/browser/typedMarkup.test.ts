import type { Browser, Locator } from 'playwright-core';
import type { RunningBot } from '../../bot/startBot';
import { launchChromium } from '../harness/browser';
import { startTestBot } from '../harness/testBot';
import { WebChatPage } from './webChatPage';

jest.setTimeout(90_000);

let bot: RunningBot;
let browser: Browser;
beforeAll(async () => {
  // Chromium first: without it the file fails at once, before a bot is started.
  browser = await launchChromium();
  bot = await startTestBot({ PARTNER_MARKETS: 'NL,BE,DE' });
});
afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

const legalName = '[click](http://evil.example) **Fabrikam** B.V.';
const line1 = 'Keizersgracht 12 http://evil.example';
const lastName = '_Jansen_';

/** What Web Chat made of the card's texts: no link to what was typed, no emphasis. */
async function expectNoTypedMarkup(card: Locator): Promise<void> {
  await expect(card.locator('a[href*="evil"]').count()).resolves.toBe(0);
  await expect(
    card.locator('.ac-textBlock strong, .ac-textBlock em, .ac-factset strong, .ac-factset em').count(),
  ).resolves.toBe(0);
}

describe('markdown and a URL typed into the web chat page', () => {
  it('show on Review and Done as the text that was typed, not as a link or emphasis', async () => {
    const chat = await WebChatPage.open(browser, bot.chatUrl!);
    try {
      let card = await chat.press(chat.lastCard().getByRole('button', { name: 'Add customer' }));
      await chat.field(card, 'Company legal name').fill(legalName);
      await chat.field(card, 'Domain prefix').fill('markupbrowser');
      await chat.field(card, 'Address line 1').fill(line1);
      await chat.field(card, 'City').fill('Amsterdam');
      await chat.field(card, 'Postal code').fill('1015 CJ');
      await chat.field(card, 'Language').selectOption({ value: 'nl' });
      await chat.field(card, 'First name').fill('Anna');
      await chat.field(card, 'Last name').fill(lastName);
      await chat.field(card, 'Email address').fill('anna@northwind.nl');

      card = await chat.press(card.getByRole('button', { name: 'Next: Customer agreement', exact: true }));
      await expect(chat.field(card, 'Last name').inputValue()).resolves.toBe(lastName);
      await card.getByRole('radio', { name: /I confirm that the customer has accepted/ }).check();
      await chat.field(card, 'Date of acceptance').fill('2026-01-15');

      card = await chat.press(card.getByRole('button', { name: 'Next: Subscriptions', exact: true }));
      await chat.block(card, 'Microsoft 365 Business Basic', 'input').locator('input[type=number]').fill('1');
      for (const quantity of await card.locator('input[type=number]').all()) {
        if ((await quantity.inputValue()) === '') await quantity.fill('0');
      }

      card = await chat.press(card.getByRole('button', { name: 'Next: Review', exact: true }));
      await expectNoTypedMarkup(card);
      const review = await card.innerText();
      expect(review).toContain(legalName);
      expect(review).toContain(`${line1}, 1015 CJ Amsterdam`);
      expect(review).toContain(`Anna ${lastName}, anna@northwind.nl`);

      await chat.press(card.getByRole('button', { name: 'Submit', exact: true }));
      card = await chat.cardShowing('Customer added');
      await expectNoTypedMarkup(card);
      const done = await card.innerText();
      expect(done).toContain('Customer added');
      expect(done).toContain(
        `${legalName} is saved as your customer, and Partner Center is creating it now.`,
      );
    } catch (error) {
      await chat.saveFailure('browser-typed-markup-failure');
      throw error;
    } finally {
      await chat.close();
    }
  });
});
