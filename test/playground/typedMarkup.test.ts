import type { Locator } from 'playwright-core';
import {
  attestAgreement,
  button,
  cardMarks,
  fillAccountInfo,
  licences,
  type DutchCompany,
} from './cardForms';
import { driving } from './playgroundPage';
import { PlaygroundSession } from './playgroundSession';

jest.setTimeout(90_000);

/**
 * The Agents Playground renders cards as Teams does: TextBlock text and facts are markdown (its
 * renderer allows links, emphasis, lists and images). What the agent typed must show as typed.
 */
const company: DutchCompany = {
  legalName: '[click](http://evil.example) **Fabrikam** B.V.',
  domainPrefix: 'markupplayground',
  street: 'Keizersgracht 12 http://evil.example',
  postalCode: '1015 CJ',
  contact: { firstName: 'Anna', lastName: '_Jansen_', email: 'anna.jansen@northwind.nl' },
};

let session: PlaygroundSession;
beforeAll(async () => {
  session = await PlaygroundSession.start();
});
afterAll(async () => {
  await session?.stop();
});

async function expectNoTypedMarkup(card: Locator): Promise<void> {
  await expect(card.locator('a[href*="evil"]').count()).resolves.toBe(0);
  await expect(card.locator('strong, em, img, ol').count()).resolves.toBe(0);
}

describe('markdown and a URL typed in the Agents Playground (Teams)', () => {
  it('show in the answered card, on Review and on Done as the text that was typed', async () => {
    const chat = await session.open('Alex Wilber');
    await driving([chat], 'playground-typed-markup-failure', async () => {
      let card = await chat.press(button(chat.lastCard(), 'Add customer'), cardMarks.accountInfo);
      await fillAccountInfo(chat, card, company);

      card = await chat.press(button(card, 'Next: Customer agreement'), cardMarks.agreement);
      const answered = await chat.cardWithText('Account info submitted');
      await expectNoTypedMarkup(answered);
      expect(await answered.innerText()).toContain(company.legalName);
      await attestAgreement(chat, card);

      card = await chat.press(button(card, 'Next: Subscriptions'), cardMarks.subscriptions);
      await licences(card, 'Microsoft 365 Business Basic').fill('1');

      card = await chat.press(button(card, 'Next: Review'), cardMarks.review);
      await expectNoTypedMarkup(card);
      const review = await card.innerText();
      expect(review).toContain(company.legalName);
      expect(review).toContain(`${company.street}, 1015 CJ Amsterdam`);
      expect(review).toContain(`Anna ${company.contact.lastName}, ${company.contact.email}`);

      card = await chat.press(button(card, 'Submit'), cardMarks.done);
      await expectNoTypedMarkup(card);
      expect(await card.innerText()).toContain(
        `${company.legalName} is saved as your customer, and Partner Center is creating it now.`,
      );
    });
  });
});
