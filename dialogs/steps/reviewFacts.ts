import type { Say } from '../../messages/catalogue';
import type { Fact, ReviewSection } from '../../cards/cardModels';
import type { OrderLine, Reseller } from '../../services/catalogue/schemas';
import type { AccountInfo } from '../../services/customers/accountInfo';
import type { OnboardingService } from '../../services/onboarding/onboardingService';
import type { McaConfirmation } from '../../services/customers/mca';
import type { Draft } from '../draft';
import { formatDay, type Reader } from '../readerTime';

/** The draft by section, as Review shows it; the reseller only for an indirect provider. */
export async function reviewSections(
  say: Say,
  /** Who reads the dates: their locale. */
  reader: Reader,
  draft: Draft,
  onboarding: OnboardingService,
  /** The reseller as the service's check of the draft just read it, when that check passed. */
  checkedReseller?: Reseller | null,
): Promise<{ section: ReviewSection; facts: Fact[] }[]> {
  const sections: { section: ReviewSection; facts: Fact[] }[] = [];
  if (draft.accountInfo)
    sections.push({
      section: 'accountInfo',
      facts: accountInfoFacts(say, draft.accountInfo, onboarding, draft.partnerCenterUnchecked === true),
    });
  if (draft.mca) sections.push({ section: 'mca', facts: mcaFacts(say, reader, draft.mca) });
  if (onboarding.partner.type === 'indirectProvider') {
    sections.push({
      section: 'reseller',
      facts: [await resellerFact(say, draft.resellerId, onboarding, checkedReseller)],
    });
  }
  const lines = draft.order?.lines ?? [];
  sections.push({ section: 'subscriptions', facts: await subscriptionFacts(say, lines, onboarding) });
  return sections;
}

function accountInfoFacts(
  say: Say,
  info: AccountInfo,
  onboarding: OnboardingService,
  partnerCenterUnchecked: boolean,
): Fact[] {
  const { address, primaryContact: contact } = info;
  const facts: Fact[] = [
    { title: say('fact.legalName'), value: info.legalName },
    { title: say('fact.domain'), value: onboarding.tenantDomain(info.domainPrefix) },
    { title: say('fact.country'), value: say.text({ country: info.country }) },
    {
      title: say('fact.address'),
      value: onboarding.addressLines({ ...address, country: info.country }).join(', '),
    },
  ];
  if (info.registrationNumber)
    facts.push({ title: say('fact.registrationNumber'), value: info.registrationNumber });
  facts.push(
    { title: say('fact.language'), value: say.text({ language: info.language }) },
    { title: say('fact.culture'), value: say.text({ language: info.culture }) },
    {
      title: say('fact.primaryContact'),
      value: [`${contact.firstName} ${contact.lastName}`, contact.email, contact.phone]
        .filter(Boolean)
        .join(', '),
    },
    // What the product could check: its own records, and with Partner Center, Microsoft's directory.
    {
      title: say('fact.existingCustomerCheck'),
      value: say(
        !onboarding.checksInPartnerCenter
          ? 'value.notAmongYourCustomers'
          : partnerCenterUnchecked
            ? 'value.notAmongYourCustomersTenantUnchecked'
            : 'value.notAmongYourCustomersNorTenant',
      ),
    },
  );
  return facts;
}

function mcaFacts(say: Say, reader: Reader, mca: McaConfirmation): Fact[] {
  if (mca.kind === 'customerWillAccept')
    return [{ title: say('fact.mca'), value: say('value.mcaCustomerWillAccept') }];
  const person = mca.acceptedBy;
  return [
    { title: say('fact.mca'), value: say('value.mcaAttested') },
    {
      title: say('fact.mcaAcceptedBy'),
      value: `${person.firstName} ${person.lastName}, ${person.email}`,
    },
    { title: say('fact.mcaAcceptedOn'), value: formatDay(reader, mca.acceptedOn) },
  ];
}

/** The reseller chosen, "No reseller: direct customer", or that none was chosen yet. */
async function resellerFact(
  say: Say,
  resellerId: string | null | undefined,
  onboarding: OnboardingService,
  checked?: Reseller | null,
): Promise<Fact> {
  const reseller = !resellerId ? undefined : (checked ?? (await onboarding.resellerById(resellerId)));
  const value =
    resellerId === undefined
      ? say('value.resellerNotChosen')
      : reseller
        ? say('value.reseller', { name: reseller.name, mpnId: reseller.mpnId })
        : resellerId === null
          ? say('value.noReseller')
          : resellerId;
  return { title: say('fact.reseller'), value };
}

/** One fact per line: the offer, its licences, term and billing frequency. */
export async function subscriptionFacts(
  say: Say,
  lines: readonly (Pick<OrderLine, 'offerId' | 'quantity' | 'term' | 'billingCycle'> & {
    offerName?: string;
  })[],
  onboarding: OnboardingService,
): Promise<Fact[]> {
  if (lines.length === 0) return [{ title: say('fact.subscriptions'), value: say('value.noSubscriptions') }];
  const unnamed = lines.filter((line) => !line.offerName).map((line) => line.offerId);
  const offers = await onboarding.offersByIds(unnamed);
  return lines.map((line) => {
    const offer = offers.get(line.offerId);
    return {
      title: line.offerName ?? offer?.name ?? line.offerId,
      value: say('value.subscriptionLine', {
        count: line.quantity,
        term: onboarding.termLabel(line.term),
        billingCycle: onboarding.billingCycleLabel(line.billingCycle),
      }),
    };
  });
}
