import type { Activity } from 'botbuilder';
import { readFileSync } from 'node:fs';
import { defaultCataloguePaths } from '../../services/catalogue/loadCatalogue';
import { actionsOf, type AgentDriver } from '../harness/conversationHarness';

/** What an agent types into the account info card for a Dutch customer, keyed by input id (= field path). */
export function dutchAccountInputs(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    legalName: 'Northwind Traders B.V.',
    domainPrefix: 'northwindnl',
    country: 'NL',
    'address.line1': 'Keizersgracht 12',
    'address.line2': '',
    'address.city': 'Amsterdam',
    'address.state': '',
    'address.postalCode': '1015cj',
    registrationNumber: '',
    language: 'nl',
    culture: 'nl-NL',
    'primaryContact.firstName': 'Anna',
    'primaryContact.lastName': 'Jansen',
    'primaryContact.email': 'anna.jansen@northwind.nl',
    'primaryContact.phone': '',
    ...overrides,
  };
}

/** The quantity input of an offer on the subscriptions card. */
export const quantityOf = (offerId: string): string => `offers.${offerId}.quantity`;

// Read, not imported: tsc would copy an imported JSON file into dist/, where the bot looks for its data first.
const shippedOffers = JSON.parse(readFileSync(defaultCataloguePaths().offers, 'utf8')) as {
  offers: { id: string; sku: string }[];
};

/** The SKU of an offer of the shipped catalogue: what an agent types to find exactly that offer. */
export function skuOf(offerId: string): string {
  const offer = shippedOffers.offers.find((candidate) => candidate.id === offerId);
  if (!offer) throw new Error(`The shipped catalogue has no offer "${offerId}"`);
  return offer.sku;
}

/**
 * Adds an offer the way an agent does on the subscriptions card: finds it (by its SKU, unless the
 * card lists it already), types the licences (and a term or billing frequency when given) and
 * presses its Add.
 */
export async function addOffer(
  agent: AgentDriver,
  offerId: string,
  quantity: string,
  choices: { term?: string; billingCycle?: string } = {},
): Promise<Partial<Activity>[]> {
  const listed = (card: ReturnType<AgentDriver['lastCard']>) =>
    actionsOf(card).some((action) => action.data?.action === 'addLine' && action.data.offerId === offerId);
  if (!listed(agent.lastCard())) await agent.submit('search', { offerQuery: skuOf(offerId) });
  return agent.submit(
    'addLine',
    {
      [quantityOf(offerId)]: quantity,
      ...(choices.term ? { [`offers.${offerId}.term`]: choices.term } : {}),
      ...(choices.billingCycle ? { [`offers.${offerId}.billingCycle`]: choices.billingCycle } : {}),
    },
    { offerId },
  );
}
