import type { Locator } from 'playwright-core';
import { containerDefinitions } from '../../services/cosmos/containers';
import { browserAndBot, dutchPartnerEnv, WebChatPage } from './webChatPage';

jest.setTimeout(90_000);

const running = browserAndBot(dutchPartnerEnv);

/** The line of the order that names this offer. */
function orderLine(card: Locator, offerName: string): Locator {
  return card
    .locator('.ac-container')
    .filter({ hasText: new RegExp(`^${offerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ licences?`) })
    .last();
}

describe('an agent adds a customer in the web chat page', () => {
  it('fills every card, updates a section from Review, submits, and the record is stored', async () => {
    const chat = await WebChatPage.open(running.browser, running.bot.chatUrl!);
    try {
      let card = chat.lastCard();
      await expect(card.innerText()).resolves.toContain('Add a new customer');
      await chat.screenshot('01-welcome');

      // Account info: the card starts with the partner's first market, the Netherlands.
      card = await chat.press(card.getByRole('button', { name: 'Add customer' }));
      await expect(chat.field(card, 'Country or region').inputValue()).resolves.toBe('NL');
      await chat.field(card, 'Company legal name').fill('Northwind Traders B.V.');
      await chat.field(card, 'Domain prefix').fill('northwindnl');
      await chat.field(card, 'Address line 1').fill('Keizersgracht 12');
      await chat.field(card, 'City').fill('Amsterdam');
      await chat.field(card, 'Postal code').fill('1015cj');
      await chat.field(card, 'Language').selectOption({ value: 'nl' });
      await chat.field(card, 'First name').fill('Anna');
      await chat.field(card, 'Last name').fill('Jansen');
      await chat.field(card, 'Email address').fill('anna.jansen@northwind.nl');
      await chat.screenshot('02-account-info');

      // Microsoft Customer Agreement: the acceptor starts as the primary contact.
      card = await chat.press(card.getByRole('button', { name: 'Next: Customer agreement', exact: true }));
      await expect(card.innerText()).resolves.toContain('Microsoft Customer Agreement');
      await expect(chat.field(card, 'First name').inputValue()).resolves.toBe('Anna');
      await expect(chat.field(card, 'Email address').inputValue()).resolves.toBe('anna.jansen@northwind.nl');
      await card.getByRole('radio', { name: /I confirm that the customer has accepted/ }).check();
      await chat.field(card, 'Date of acceptance').fill('2026-01-15');
      await chat.screenshot('03-mca');

      // Subscriptions: the most sold in the Netherlands first; the order is built line by line.
      card = await chat.press(card.getByRole('button', { name: 'Next: Subscriptions', exact: true }));
      await expect(card.innerText()).resolves.toContain('Most sold in the Netherlands');

      // An add-on before its base: it is added, and says what it still needs.
      let offer = chat.block(card, 'Teams Phone Standard', 'input');
      await offer.locator('input[type=number]').fill('5');
      card = await chat.press(offer.getByRole('button', { name: 'Add', exact: true }));
      let text = await card.innerText();
      expect(text).toContain('Added Teams Phone Standard: 5 licences');
      expect(text).toContain('Needs one of its base offers in the order too.');

      // A search with no result shows the most sold instead.
      await chat.field(card, 'Search offers').fill('Contoso Quantum Licence');
      card = await chat.press(card.getByRole('button', { name: 'Search', exact: true }));
      // Web Chat's typographer curls the quotes.
      expect(await card.innerText()).toMatch(
        /No offer sold in the Netherlands matches .Contoso Quantum Licence./,
      );

      // A search a page at a time.
      await chat.field(card, 'Search offers').fill('business');
      card = await chat.press(card.getByRole('button', { name: 'Search', exact: true }));
      expect(await card.innerText()).toContain('Showing 1–5');
      card = await chat.press(card.getByRole('button', { name: 'More', exact: true }));
      expect(await card.innerText()).toContain('Showing 6–10');
      card = await chat.press(card.getByRole('button', { name: 'Previous', exact: true }));
      expect(await card.innerText()).toContain('Showing 1–5');

      // The base: the add-on no longer waits.
      offer = chat.block(card, 'Microsoft 365 Business Premium', 'input');
      await offer.locator('input[type=number]').fill('20');
      card = await chat.press(offer.getByRole('button', { name: 'Add', exact: true }));
      text = await card.innerText();
      expect(text).toContain('Added Microsoft 365 Business Premium: 20 licences');
      expect(text).not.toContain('Needs one of its base offers');

      // An add-on after its base, then removed again.
      await chat.field(card, 'Search offers').fill('audio conferencing');
      card = await chat.press(card.getByRole('button', { name: 'Search', exact: true }));
      offer = chat.block(card, 'Microsoft 365 Audio Conferencing', 'input');
      await offer.locator('input[type=number]').fill('3');
      card = await chat.press(offer.getByRole('button', { name: 'Add', exact: true }));
      expect(await card.innerText()).toContain('Order: 3 lines');
      card = await chat.press(
        orderLine(card, 'Microsoft 365 Audio Conferencing').getByRole('button', { name: 'Change' }),
      );
      card = await chat.press(card.getByRole('button', { name: 'Remove', exact: true }));
      text = await card.innerText();
      expect(text).toContain('Removed Microsoft 365 Audio Conferencing from the order.');
      expect(text).toContain('Order: 2 lines');

      // A line changed.
      card = await chat.press(
        orderLine(card, 'Microsoft 365 Business Premium').getByRole('button', { name: 'Change' }),
      );
      await chat.field(card, 'Licences of Microsoft 365 Business Premium').fill('25');
      card = await chat.press(card.getByRole('button', { name: 'Save', exact: true }));
      expect(await card.innerText()).toContain('Changed Microsoft 365 Business Premium to 25 licences');
      await chat.screenshot('04-subscriptions', card.getByText('Find offers', { exact: true }));

      // Review: every section, each with Update.
      card = await chat.press(card.getByRole('button', { name: 'Next: Review', exact: true }));
      let review = await card.innerText();
      expect(review).toContain('Review');
      expect(review).toContain('Northwind Traders B.V.');
      expect(review).toContain('Keizersgracht 12, 1015 CJ Amsterdam');
      expect(review).toMatch(/Microsoft 365 Business Premium\s+25 licences/);
      await chat.screenshot('05-review');

      // Update from Review: account info opens filled in, then Review comes back.
      const accountSection = chat.block(card, 'Account info', 'button');
      card = await chat.press(accountSection.getByRole('button', { name: 'Update' }));
      await expect(chat.field(card, 'Company legal name').inputValue()).resolves.toBe(
        'Northwind Traders B.V.',
      );
      await expect(chat.field(card, 'Postal code').inputValue()).resolves.toBe('1015 CJ');
      await chat.field(card, 'Address line 2').fill('3rd floor');
      await chat.screenshot('06-update-account-info');

      card = await chat.press(card.getByRole('button', { name: 'Save and back to Review', exact: true }));
      review = await card.innerText();
      expect(review).toContain('Keizersgracht 12, 3rd floor, 1015 CJ Amsterdam');
      expect(review).toMatch(/Teams Phone Standard\s+5 licences/);
      await chat.screenshot('07-review-updated');

      // Submit: the done card shows the admin sign-in name.
      await chat.press(card.getByRole('button', { name: 'Submit', exact: true }));
      card = await chat.cardShowing('Customer added');
      const done = await card.innerText();
      expect(done).toContain('Customer added');
      expect(done).toContain('admin@northwindnl.onmicrosoft.com');
      expect(done).toContain('Pending verification');
      expect(await chat.transcriptText()).toContain(
        'Northwind Traders B.V. is saved as your customer; Partner Center is creating it now.',
      );
      // Partner Center's message follows in the same chat, with the admin's temporary password.
      const created = await chat.cardShowing('Northwind Traders B.V. is now in Partner Center');
      expect(await created.innerText()).toContain('Temporary password');
      await chat.screenshot('08-done', card, [
        chat.page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/),
        created.locator('.ac-richTextBlock'),
      ]);
    } catch (error) {
      await chat.saveFailure('browser-onboarding-failure');
      throw error;
    } finally {
      await chat.close();
    }

    const { resources } = await running.bot.cosmos.client
      .database(running.bot.databaseId)
      .container(containerDefinitions.customers.id)
      .items.query({
        query: 'SELECT * FROM c WHERE c.domain = @domain',
        parameters: [{ name: '@domain', value: 'northwindnl.onmicrosoft.com' }],
      })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      status: 'pendingVerification',
      accountInfo: {
        legalName: 'Northwind Traders B.V.',
        country: 'NL',
        address: { line1: 'Keizersgracht 12', line2: '3rd floor', city: 'Amsterdam', postalCode: '1015 CJ' },
        primaryContact: { firstName: 'Anna', lastName: 'Jansen', email: 'anna.jansen@northwind.nl' },
      },
      // In the order they were added: the add-on first, its base after it.
      subscriptions: [
        { offerId: 'teams-phone-standard', quantity: 5 },
        { offerId: 'm365-business-premium', quantity: 25 },
      ],
      createdBy: { agentId: 'local-agent', channel: 'webchat' },
    });
  });
});
