import {
  attestAgreement,
  button,
  cardMarks,
  fillAccountInfo,
  licences,
  type DutchCompany,
} from './cardForms';
import { say } from '../../messages/catalogue';
import { driving } from './playgroundPage';
import { PlaygroundSession } from './playgroundSession';

jest.setTimeout(90_000);

const submittedNote = 'Submitted: this card can no longer be changed.';
const refusal = 'You need one of these roles to add a customer';
const contosoRetail: DutchCompany = {
  legalName: 'Contoso Retail B.V.',
  domainPrefix: 'contosoretailnl',
  street: 'Herengracht 100',
  postalCode: '1015bs',
  contact: { firstName: 'Sanne', lastName: 'de Boer', email: 'sanne.deboer@contosoretail.nl' },
};

let session: PlaygroundSession;
beforeAll(async () => {
  session = await PlaygroundSession.start();
});
afterAll(async () => {
  await session?.stop();
});

describe('the Agents Playground, personal chat', () => {
  it('Alex Wilber (Sales agent) adds a customer; each answered card becomes its read-only summary', async () => {
    const chat = await session.open('Alex Wilber');
    await driving([chat], 'playground-personal-chat-failure', async () => {
      let card = chat.lastCard();
      const welcome = await card.innerText();
      expect(welcome).toContain('Add a new customer');
      // The role comes from bot/playground/localAgents.json: no refusal.
      expect(welcome).not.toContain(refusal);
      await chat.screenshot('teams-01-welcome');

      card = await chat.press(button(card, 'Add customer'), cardMarks.accountInfo);
      await expect(chat.field(card, 'Country or region').first().inputValue()).resolves.toBe('Netherlands');
      await fillAccountInfo(chat, card, contosoRetail);
      await chat.screenshot('teams-02-account-info');

      // Teams' updateActivity: the answered card turns into its summary, without inputs or buttons.
      card = await chat.press(button(card, 'Next: Customer agreement'), cardMarks.agreement);
      await expect(card.innerText()).resolves.toContain('Microsoft Customer Agreement');
      const answered = await chat.cardWithText('Account info submitted');
      expect(await answered.innerText()).toContain('contosoretailnl.onmicrosoft.com');
      expect(await answered.innerText()).toContain(submittedNote);
      expect(await answered.locator('input, button').count()).toBe(0);
      await expect(chat.field(card, 'First name').inputValue()).resolves.toBe('Sanne');
      await attestAgreement(chat, card);
      await chat.screenshot('teams-03-answered-card', { focus: answered, align: 'top' });

      card = await chat.press(button(card, 'Next: Subscriptions'), cardMarks.subscriptions);
      await expect(card.innerText()).resolves.toContain('Subscriptions');
      await licences(card, 'Microsoft 365 Business Premium').fill('25');
      await licences(card, 'Teams Phone Standard').fill('5');

      card = await chat.press(button(card, 'Next: Review'), cardMarks.review);
      const review = await card.innerText();
      expect(review).toContain('Review');
      expect(review).toContain('Herengracht 100, 1015 BS Amsterdam');
      // The Playground's client says en-US: the date as an American reads it.
      expect(review).toContain('Jan 15, 2026');
      expect(review).toMatch(/Microsoft 365 Business Premium\s+25 licences/);
      await chat.screenshot('teams-04-review');

      card = await chat.press(button(card, 'Submit'), cardMarks.done);
      const done = await card.innerText();
      expect(done).toContain('Customer added');
      expect(done).toContain('admin@contosoretailnl.onmicrosoft.com');
      await chat.screenshot('teams-05-done');

      // Account info, the agreement, subscriptions and review: each replaced once answered.
      await expect(chat.cards().filter({ hasText: submittedNote }).count()).resolves.toBe(4);
      await expect(
        chat.page
          .getByText('Contoso Retail B.V. is saved as your customer; Partner Center is creating it now.')
          .count(),
      ).resolves.toBe(1);
    });

    const [record] = await session.customerRecord('contosoretailnl');
    expect(record).toMatchObject({
      accountInfo: { legalName: 'Contoso Retail B.V.', country: 'NL' },
      mca: { acceptedOn: '2026-01-15' },
      subscriptions: [
        { offerId: 'm365-business-premium', quantity: 25 },
        { offerId: 'teams-phone-standard', quantity: 5 },
      ],
      // The sign-in name only TeamsInfo.getMember gives: the Playground's mocked connector answered.
      createdBy: {
        agentId: '00000000-0000-0000-0000-0000000000020',
        displayName: 'Alex Wilber',
        userPrincipalName: 'alexw@example.com',
        channel: 'msteams',
      },
    });
  });

  it('Isaiah Langer (Manager) is welcomed as a manager, with his own commands in help', async () => {
    const chat = await session.open('Isaiah Langer');
    await driving([chat], 'playground-manager-failure', async () => {
      const welcome = await chat.lastCard().innerText();
      expect(welcome).toContain(say('card.welcome.manager'));
      // He does not add customers, and is not shown a refusal for it.
      expect(welcome).not.toContain(refusal);
      await chat.screenshot('teams-06-manager-welcome');
      const help = await chat.say('help', 'recent onboardings');
      expect(await help.innerText()).not.toContain('add customer');
    });
  });

  it('nothing left this machine: the Playground and its page reached loopback only', async () => {
    expect(await session.processRefused()).toEqual([]);
    // The page asks Microsoft's CDN for the Segoe UI font files (refused, so a fallback font shows).
    const elsewhere = session.pageRefused().filter((url) => new URL(url).hostname !== 'res-1.cdn.office.net');
    expect(elsewhere).toEqual([]);
  });
});
