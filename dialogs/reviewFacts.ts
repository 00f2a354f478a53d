import type { Fact, ReviewSection } from '../cards/cardModels';
import { termLabel } from '../services/catalogue/offerWording';
import type { Offer, Order } from '../services/catalogue/schemas';
import { countryRules } from '../services/countries/countryRules';
import type { AccountInfo } from '../services/customers/accountInfo';
import type { McaConfirmation } from '../services/customers/mca';
import { say } from '../services/messages/catalogue';

export function accountInfoFacts(info: AccountInfo): Fact[] {
  const { address, primaryContact: contact } = info;
  const place = [address.postalCode, address.city, address.state].filter(Boolean).join(' ');
  const facts: Fact[] = [
    { title: say('fact.legalName'), value: info.legalName },
    { title: say('fact.domain'), value: `${info.domainPrefix}.onmicrosoft.com` },
    { title: say('fact.country'), value: countryRules(info.country)?.name ?? info.country },
    { title: say('fact.address'), value: [address.line1, address.line2, place].filter(Boolean).join(', ') },
  ];
  if (info.registrationNumber)
    facts.push({ title: say('fact.registrationNumber'), value: info.registrationNumber });
  facts.push(
    { title: say('fact.languageCulture'), value: `${info.language} / ${info.culture}` },
    {
      title: say('fact.primaryContact'),
      value: [`${contact.firstName} ${contact.lastName}`, contact.email, contact.phone]
        .filter(Boolean)
        .join(', '),
    },
  );
  return facts;
}

export function mcaFacts(mca: McaConfirmation): Fact[] {
  if (mca.kind === 'customerWillAccept')
    return [{ title: say('fact.mca'), value: say('value.mcaCustomerWillAccept') }];
  const person = mca.acceptedBy;
  return [
    { title: say('fact.mca'), value: say('value.mcaAttested') },
    { title: say('fact.mcaAcceptedBy'), value: `${person.firstName} ${person.lastName}, ${person.email}` },
    { title: say('fact.mcaAcceptedOn'), value: mca.acceptedOn },
  ];
}

export function resellerFacts(reseller: { name: string; mpnId: string } | null): Fact[] {
  return [
    {
      title: say('fact.reseller'),
      value: reseller ? say('value.reseller', reseller) : say('value.noReseller'),
    },
  ];
}

export function subscriptionFacts(order: Order | undefined, offers: readonly Offer[]): Fact[] {
  const lines = order?.lines ?? [];
  if (lines.length === 0) return [{ title: say('fact.subscriptions'), value: say('value.noSubscriptions') }];
  return lines.map((line) => {
    const offer = offers.find((candidate) => candidate.id === line.offerId);
    const term = line.term ?? (offer?.terms.includes('P1Y') ? 'P1Y' : offer?.terms[0]);
    return {
      title: offer?.name ?? line.offerId,
      value: say('value.subscriptionLine', {
        quantity: line.quantity,
        offerName: offer?.name ?? line.offerId,
        term: termLabel(term),
      }),
    };
  });
}

export type ReviewSections = { section: ReviewSection; facts: Fact[] }[];
