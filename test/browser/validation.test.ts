import type { Browser } from 'playwright-core';
import type { RunningBot } from '../../bot/startBot';
import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import { startTestBot } from '../harness/testBot';
import { launchChromium } from '../harness/browser';
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

describe('wrong account info in the web chat page', () => {
  it('shows each message on the card that comes back, with the values kept', async () => {
    const chat = await WebChatPage.open(browser, bot.chatUrl!);
    try {
      let card = await chat.press(chat.lastCard().getByRole('button', { name: 'Add customer' }));
      await chat.field(card, 'Company legal name').fill('KPMG');
      await chat.field(card, 'Domain prefix').fill('kpmgnl');
      await chat.field(card, 'Address line 1').fill('Laan van Langerhuize 1');
      await chat.field(card, 'City').fill('Amstelveen');
      await chat.field(card, 'Postal code').fill('12345');
      await chat.field(card, 'First name').fill('Pieter');
      await chat.field(card, 'Last name').fill('Bakker');
      await chat.field(card, 'Email address').fill('pieter.bakker@kpmg.nl');

      card = await chat.press(card.getByRole('button', { name: 'Next: Customer agreement', exact: true }));
      const text = await card.innerText();
      expect(text).toContain('Account info');
      expect(text).toMatch(/not the acronym ["“]KPMG["”]/);
      expect(text).toMatch(/["“]12345["”] is not a valid postal code in the Netherlands/);
      await expect(chat.field(card, 'Company legal name').inputValue()).resolves.toBe('KPMG');
      await expect(chat.field(card, 'Postal code').inputValue()).resolves.toBe('12345');
      await expect(chat.field(card, 'City').inputValue()).resolves.toBe('Amstelveen');
      await expect(chat.field(card, 'Email address').inputValue()).resolves.toBe('pieter.bakker@kpmg.nl');
      expect(await chat.transcriptText()).toContain('Some fields need a change');
      await chat.screenshot('09-account-info-errors');

      // Corrected, the same card goes on to the Microsoft Customer Agreement.
      await chat.field(card, 'Company legal name').fill('KPMG Accountants N.V.');
      await chat.field(card, 'Postal code').fill('1186 DS');
      card = await chat.press(card.getByRole('button', { name: 'Next: Customer agreement', exact: true }));
      await expect(card.innerText()).resolves.toContain('Microsoft Customer Agreement');
    } catch (error) {
      await chat.saveFailure('browser-validation-failure');
      throw error;
    } finally {
      await chat.close();
    }
    expect(
      await countItems(bot.cosmos.client.database(bot.databaseId), containerDefinitions.customers.id),
    ).toBe(0);
  });
});
