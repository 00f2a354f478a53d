import type { Locator } from 'playwright-core';
import { sayIn, type MessageKey, type MessageParams } from '../../messages/catalogue';
import { commandPhrases, languageNames } from '../../messages/commands';
import { countryInSentence } from '../../services/countries/countryParam';
import { browserAndBot, dutchPartnerEnv, WebChatPage } from './webChatPage';

const nl = sayIn('nl');
const en = sayIn('en');

jest.setTimeout(90_000);

const running = browserAndBot(dutchPartnerEnv);

/**
 * A sentence of the catalogue as Web Chat shows it: its typographer curls the quotes. A placeholder
 * left without a parameter (an example the country's data gives) ends what is compared.
 */
function shown(sentence: string): RegExp {
  const known = sentence.split(/\{\w+\}/)[0]!;
  return new RegExp(known.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/["“”]/g, '["“”]'));
}

function inDutch(key: MessageKey, params?: MessageParams): RegExp {
  return shown(nl(key, params));
}

/** A button of a card, by its title in the catalogue. */
function button(card: Locator, title: string): Locator {
  return card.getByRole('button', { name: title, exact: true });
}

describe('a Dutch agent adds a customer in the web chat page', () => {
  it('is welcomed, asked, told and answered in Dutch, and "taal engels" switches to English', async () => {
    const chat = await WebChatPage.open(running.browser, running.bot.chatUrl!, 'nl-NL');
    const { page } = chat;
    try {
      // The page follows the browser's language, and the welcome card (sent before anyone typed) too.
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl-NL');
      await expect(page.locator('header h1').innerText()).resolves.toBe('Bot voor klantonboarding');
      let card = chat.lastCard();
      await expect(card.innerText()).resolves.toContain(nl('card.welcome.title'));
      await chat.screenshot('nl-01-welcome');

      // Accountgegevens: Dutch labels, the Netherlands first; one field wrong.
      card = await chat.press(button(card, nl('card.action.addCustomer')));
      await expect(card.innerText()).resolves.toContain(nl('card.accountInfo.title'));
      await expect(chat.field(card, nl('card.accountInfo.country')).inputValue()).resolves.toBe('NL');
      await chat.field(card, nl('card.accountInfo.legalName')).fill('Northwind Traders B.V.');
      await chat.field(card, nl('card.accountInfo.domainPrefix')).fill('northwindnl');
      await chat.field(card, nl('card.accountInfo.addressLine1')).fill('Keizersgracht 12');
      await chat.field(card, nl('card.accountInfo.city')).fill('Amsterdam');
      await chat.field(card, nl('card.accountInfo.postalCode')).fill('12345');
      await chat.field(card, nl('card.accountInfo.language')).selectOption({ value: 'nl' });
      await chat.field(card, nl('card.person.firstName')).fill('Anna');
      await chat.field(card, nl('card.person.lastName')).fill('Jansen');
      await chat.field(card, nl('card.person.email')).fill('anna.jansen@northwind.nl');
      await chat.screenshot('nl-02-account-info');

      card = await chat.press(button(card, nl('card.action.next.mca')));
      expect(await card.innerText()).toMatch(
        inDutch('address.postalCode.invalid', { value: '12345', country: countryInSentence('NL') }),
      );
      expect(await chat.transcriptText()).toContain(nl('accountInfo.checkFields'));
      await chat.screenshot('nl-09-account-info-errors');

      // Corrected: the Microsoft-klantovereenkomst, the acceptor starting as the primary contact.
      await chat.field(card, nl('card.accountInfo.postalCode')).fill('1015 CJ');
      card = await chat.press(button(card, nl('card.action.next.mca')));
      await expect(card.innerText()).resolves.toContain(nl('card.mca.title'));
      await expect(chat.field(card, nl('card.person.firstName')).inputValue()).resolves.toBe('Anna');
      await card.getByRole('radio', { name: nl('card.mca.choice.attested') }).check();
      await chat.field(card, nl('card.mca.acceptedOn')).fill('2026-01-15');

      // Abonnementen: the most sold in the Netherlands; one line added.
      card = await chat.press(button(card, nl('card.action.next.subscriptions')));
      let text = await card.innerText();
      expect(text).toContain(nl('card.subscriptions.title'));
      expect(text).toContain(nl('card.subscriptions.bestSellers', { country: countryInSentence('NL') }));
      const offer = chat.block(card, 'Microsoft 365 Business Basic', 'input');
      await offer.locator('input[type=number]').fill('10');
      card = await chat.press(button(offer, nl('card.subscriptions.add')));
      text = await card.innerText();
      expect(text).toMatch(
        inDutch('order.line.added', { offerName: 'Microsoft 365 Business Basic', count: 10 }),
      );
      expect(text).toContain(nl('card.subscriptions.order', { count: 1 }));

      // Controleren: every section in Dutch, each with Bijwerken.
      card = await chat.press(button(card, nl('card.action.next.review')));
      let review = await card.innerText();
      expect(review).toContain(nl('card.review.title'));
      expect(review).toContain(nl('card.review.section.mca'));
      expect(review).toContain('Keizersgracht 12, 1015 CJ Amsterdam');
      expect(review).toMatch(/Microsoft 365 Business Basic\s+10 licenties/);
      await chat.screenshot('nl-05-review');

      // Bijwerken: the account info opens filled in, and Controleren comes back.
      card = await chat.press(
        button(chat.block(card, nl('card.review.section.accountInfo'), 'button'), nl('card.review.update')),
      );
      await expect(chat.field(card, nl('card.accountInfo.postalCode')).inputValue()).resolves.toBe('1015 CJ');
      await chat.field(card, nl('card.accountInfo.addressLine2')).fill('3e verdieping');
      card = await chat.press(button(card, nl('card.action.backToReview')));
      review = await card.innerText();
      expect(review).toContain(nl('card.review.title'));
      expect(review).toContain('Keizersgracht 12, 3e verdieping, 1015 CJ Amsterdam');

      // Verzenden: the done card.
      await chat.press(button(card, nl('card.review.submit')));
      card = await chat.cardShowing(nl('card.done.title'));
      const done = await card.innerText();
      expect(done).toContain(nl('card.done.title'));
      expect(done).toContain('admin@northwindnl.onmicrosoft.com');
      expect(done).toContain(nl('status.pendingVerification'));
      expect(await chat.transcriptText()).toContain(
        nl('done.createdPartnerCenter', { legalName: 'Northwind Traders B.V.' }),
      );
      // Partner Center's message follows in the same chat, in Dutch, with the admin's password.
      const created = await chat.cardShowing(
        nl('card.creation.created.title', { legalName: 'Northwind Traders B.V.' }),
      );
      expect(await created.innerText()).toContain(nl('card.creation.password'));
      await chat.screenshot('nl-08-done', card, [
        page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/),
        created.locator('.ac-richTextBlock'),
      ]);

      // "taal engels": said in English at once, and the next card is English.
      const [taal] = commandPhrases.nl.language;
      const [engels] = languageNames.nl.en;
      await chat.send(`${taal} ${engels}`);
      await page
        .locator('.webchat__basic-transcript__activity')
        .getByText(en('language.changed'), { exact: true })
        .waitFor({ timeout: 30_000 });
      card = await chat.press(button(card, nl('card.action.addAnotherCustomer')));
      await expect(card.innerText()).resolves.toContain(en('card.accountInfo.title'));
      await expect(chat.field(card, en('card.accountInfo.legalName')).inputValue()).resolves.toBe('');
      await expect(button(card, en('card.action.next.mca')).count()).resolves.toBe(1);
    } catch (error) {
      await chat.saveFailure('browser-dutch-onboarding-failure');
      throw error;
    } finally {
      await chat.close();
    }
  });

  it('takes the language from ?locale= over the browser’s, and ignores one that is no language tag', async () => {
    const dutch = await WebChatPage.open(running.browser, `${running.bot.chatUrl!}?locale=nl-NL`, 'en-US');
    try {
      await expect(dutch.page.locator('html').getAttribute('lang')).resolves.toBe('nl-NL');
      await expect(dutch.lastCard().innerText()).resolves.toContain(nl('card.welcome.title'));
    } finally {
      await dutch.close();
    }
    const english = await WebChatPage.open(running.browser, `${running.bot.chatUrl!}?locale=nl_NL!`, 'en-GB');
    try {
      await expect(english.page.locator('html').getAttribute('lang')).resolves.toBe('en-GB');
      await expect(english.lastCard().innerText()).resolves.toContain(en('card.welcome.title'));
    } finally {
      await english.close();
    }
  });
});
