import type { Locator } from 'playwright-core';
import type { PlaygroundPage } from './playgroundPage';

export interface DutchCompany {
  legalName: string;
  domainPrefix: string;
  street: string;
  postalCode: string;
  contact: { firstName: string; lastName: string; email: string };
}

/** Fills the account info card for a company in the Netherlands (the card's first country). */
export async function fillAccountInfo(
  chat: PlaygroundPage,
  card: Locator,
  company: DutchCompany,
): Promise<void> {
  await chat.field(card, 'Company legal name').fill(company.legalName);
  await chat.field(card, 'Domain prefix').fill(company.domainPrefix);
  await chat.field(card, 'Address line 1').fill(company.street);
  await chat.field(card, 'City').fill('Amsterdam');
  await chat.field(card, 'Postal code').fill(company.postalCode);
  await chat.field(card, 'First name').fill(company.contact.firstName);
  await chat.field(card, 'Last name').fill(company.contact.lastName);
  await chat.field(card, 'Email address').fill(company.contact.email);
}

/** The agent confirms the customer accepted the agreement, on a date in the past. */
export async function attestAgreement(chat: PlaygroundPage, card: Locator): Promise<void> {
  await card.getByRole('radio', { name: /I confirm that the customer has accepted/ }).check();
  const acceptedOn = chat.field(card, 'Date of acceptance');
  await acceptedOn.fill('January 15, 2026');
  await acceptedOn.press('Tab');
}

export function licences(card: Locator, offer: string): Locator {
  return card.getByRole('spinbutton', { name: `Licences of ${offer}` });
}

/** The buttons the flow's cards have; each Next says where it leads. */
type ButtonName =
  'Next: Customer agreement' | 'Next: Subscriptions' | 'Next: Review' | 'Submit' | 'Add customer';

export function button(card: Locator, name: ButtonName): Locator {
  return card.getByRole('button', { name, exact: true });
}

/** Text only this card shows (case counts), to know the bot's answer from any other card. */
export const cardMarks = {
  accountInfo: 'Company legal name',
  agreement: 'Acceptance of the agreement',
  subscriptions: 'Licences of',
  review: 'Check every entry',
  done: 'Customer added',
} as const;
