import type {
  AccountInfoCardModel,
  AdaptiveCardJson,
  DoneCardModel,
  ExistingCustomerCardModel,
  McaCardModel,
  ResellerCardModel,
  ReviewCardModel,
  SubmittedCardModel,
  SubscriptionsCardModel,
} from '../../cards/cardModels';
import { accountInfoCard } from '../../cards/accountInfoCard';
import { confirmCancelCard } from '../../cards/confirmCancelCard';
import { doneCard } from '../../cards/doneCard';
import { existingCustomerCard } from '../../cards/existingCustomerCard';
import { helpCard } from '../../cards/helpCard';
import { mcaCard } from '../../cards/mcaCard';
import { resellerCard } from '../../cards/resellerCard';
import { reviewCard } from '../../cards/reviewCard';
import { submittedCard } from '../../cards/submittedCard';
import { subscriptionsCard } from '../../cards/subscriptionsCard';
import { welcomeCard } from '../../cards/welcomeCard';
import { say } from '../../services/messages/catalogue';

/** Realistic models, with messages rendered from the catalogue as the dialogs do. */

export const countries = [
  { value: 'NL', title: 'Netherlands' },
  { value: 'US', title: 'United States' },
  { value: 'GB', title: 'United Kingdom' },
];

export const usAccountInfo: AccountInfoCardModel = {
  promptId: 'accountInfo:7f3a',
  values: {
    legalName: 'ACME',
    domainPrefix: 'acme-corp',
    country: 'US',
    addressLine1: '1 Microsoft Way',
    addressLine2: '',
    city: 'Redmond',
    state: 'WA',
    postalCode: '9805',
    language: 'en',
    culture: 'en-US',
    contactFirstName: 'Dana',
    contactLastName: 'Whitfield',
    contactEmail: 'dana@microsoft.com',
    contactPhone: '+1 425 555 0100',
  },
  errors: {
    legalName: say('legalName.acronym', { value: 'ACME' }),
    domainPrefix: say('domainPrefix.invalidCharacters', { suggestion: 'acmecorp' }),
    postalCode: say('address.postalCode.invalid', {
      value: '9805',
      country: 'United States',
      example: '98052',
    }),
    contactEmail: say('person.email.microsoft', { domain: 'microsoft.com' }),
    general: say('customer.inProgress.domain', { domain: 'acmecorp.onmicrosoft.com' }),
  },
  countries,
  country: {
    code: 'US',
    name: 'United States',
    states: [
      { value: 'CA', title: 'California' },
      { value: 'NY', title: 'New York' },
      { value: 'WA', title: 'Washington' },
    ],
    stateRequired: true,
    cityRequired: true,
    postalCodeRequired: true,
    postalCodeExample: '98052',
    phoneRequired: false,
    phoneExample: '+1 425 555 0100',
    registrationNumberRequired: false,
    languages: [{ value: 'en', title: 'English' }],
    cultures: [{ value: 'en-US', title: 'English (United States)' }],
  },
};

export const nlAccountInfo: AccountInfoCardModel = {
  promptId: 'accountInfo:91bc',
  values: {
    legalName: 'Contoso Nederland B.V.',
    domainPrefix: 'contosonl',
    country: 'NL',
    addressLine1: 'Herengracht 182',
    city: 'Amsterdam',
    postalCode: '1016 BR',
    language: 'nl',
    culture: 'nl-NL',
    contactFirstName: 'Sanne',
    contactLastName: 'de Vries',
    contactEmail: 'sanne@contoso.nl',
  },
  errors: {},
  notice: say('accountInfo.countryChanged', { country: 'Netherlands' }),
  countries,
  country: {
    code: 'NL',
    name: 'Netherlands',
    stateRequired: false,
    cityRequired: true,
    postalCodeRequired: true,
    postalCodeExample: '1234 AB',
    phoneRequired: false,
    phoneExample: '+31 20 123 4567',
    registrationNumberRequired: false,
    languages: [
      { value: 'nl', title: 'Dutch' },
      { value: 'en', title: 'English' },
    ],
    cultures: [
      { value: 'nl-NL', title: 'Dutch (Netherlands)' },
      { value: 'en-US', title: 'English (United States)' },
    ],
  },
};

/** A country where phone and registration number are required, with the number's own name. */
export const brAccountInfo: AccountInfoCardModel = {
  promptId: 'accountInfo:b7e0',
  values: { country: 'BR' },
  errors: {
    registrationNumber: say('registrationNumber.required', {
      name: 'CNPJ',
      country: 'Brazil',
      example: '12.345.678/0001-95',
    }),
    contactPhone: say('person.phone.required', { country: 'Brazil' }),
  },
  countries: [...countries, { value: 'BR', title: 'Brazil' }],
  country: {
    code: 'BR',
    name: 'Brazil',
    states: [
      { value: 'SP', title: 'São Paulo' },
      { value: 'RJ', title: 'Rio de Janeiro' },
    ],
    stateRequired: true,
    cityRequired: true,
    postalCodeRequired: true,
    postalCodeExample: '01310-100',
    phoneRequired: true,
    phoneExample: '+55 11 91234 5678',
    registrationNumberRequired: true,
    registrationNumberName: 'CNPJ',
    registrationNumberExample: '12.345.678/0001-95',
    languages: [{ value: 'pt', title: 'Portuguese' }],
    cultures: [{ value: 'pt-BR', title: 'Portuguese (Brazil)' }],
  },
};

export const mcaAttest: McaCardModel = {
  promptId: 'mca:51d2',
  values: {
    mcaChoice: 'attested',
    acceptedByFirstName: 'Sanne',
    acceptedByLastName: 'de Vries',
    acceptedByEmail: 'sanne@contoso',
    acceptedByPhone: '',
    acceptedOn: '2031-01-01',
  },
  errors: {
    acceptedByEmail: say('person.email.invalid', { value: 'sanne@contoso' }),
    acceptedOn: say('mca.acceptedOn.future', { value: '2031-01-01', today: '2025-06-30' }),
  },
  mayAttest: true,
  maxDate: '2025-06-30',
  maxDateIsAgentsOwn: true,
};

export const mcaNotAllowed: McaCardModel = {
  promptId: 'mca:88aa',
  values: { mcaChoice: 'attested' },
  errors: { mcaChoice: say('mca.attest.notAllowed') },
  mayAttest: false,
  maxDate: '2025-06-30',
  maxDateIsAgentsOwn: true,
};

export const resellers = [
  { id: 'fourth-coffee-it-services', name: 'Fourth Coffee IT Services', mpnId: '4120387' },
  { id: 'northwind-traders-solutions', name: 'Northwind Traders Solutions', mpnId: '4120512' },
  { id: 'wide-world-importers-cloud', name: 'Wide World Importers Cloud', mpnId: '5306644' },
];

export const resellerChosen: ResellerCardModel = {
  promptId: 'reseller:3c1f',
  query: 'coffee',
  resellers: resellers.slice(0, 1),
  selectedResellerId: 'fourth-coffee-it-services',
  noMatch: false,
  errors: {},
};

export const resellerNoMatch: ResellerCardModel = {
  promptId: 'reseller:77e0',
  query: 'Tailspin',
  resellers,
  noMatch: true,
  errors: { resellerId: say('reseller.unknown', { resellerId: 'tailspin' }) },
};

export const resellerLongList: ResellerCardModel = {
  promptId: 'reseller:a001',
  query: '',
  resellers: Array.from({ length: 12 }, (_, index) => ({
    id: `reseller-${index + 1}`,
    name: `Reseller ${index + 1} Cloud Services`,
    mpnId: String(5000000 + index),
  })),
  noMatch: false,
  errors: {},
};

const terms = [
  { value: 'P1M', title: say('order.term.P1M') },
  { value: 'P1Y', title: say('order.term.P1Y') },
];

export const subscriptionsWithErrors: SubscriptionsCardModel = {
  promptId: 'subscriptions:e4d9',
  families: [
    {
      name: 'Microsoft 365',
      offers: [
        {
          id: 'm365-business-basic',
          name: 'Microsoft 365 Business Basic',
          description:
            'Web and mobile Office apps, Teams, Exchange mailbox and 1 TB OneDrive for small businesses.',
          minQuantity: 1,
          maxQuantity: 300,
          isAddOn: false,
          terms,
        },
        {
          id: 'm365-business-premium',
          name: 'Microsoft 365 Business Premium',
          description: 'Business Standard plus Intune, Entra ID P1 and Defender for Business.',
          minQuantity: 1,
          maxQuantity: 300,
          isAddOn: false,
          terms,
        },
      ],
    },
    {
      name: 'Microsoft Teams',
      offers: [
        {
          id: 'teams-phone-standard',
          name: 'Teams Phone Standard',
          description: '',
          minQuantity: 1,
          maxQuantity: 1000,
          isAddOn: true,
          terms: [{ value: 'P1Y', title: say('order.term.P1Y') }],
        },
      ],
    },
  ],
  quantities: { 'm365-business-basic': '25', 'm365-business-premium': '400', 'teams-phone-standard': '5' },
  terms: { 'm365-business-basic': 'P1Y' },
  errors: {
    'quantity_m365-business-premium': say('order.quantity.outOfRange', {
      offerName: 'Microsoft 365 Business Premium',
      min: 1,
      max: 300,
      value: 400,
    }),
    'quantity_teams-phone-standard': say('order.addOn.baseMissing', {
      offerName: 'Teams Phone Standard',
      baseOffers: 'Microsoft 365 E3',
    }),
    general: say('order.empty'),
  },
  mcaPending: false,
  countryName: 'Netherlands',
};

export const subscriptionsMcaPending: SubscriptionsCardModel = {
  ...subscriptionsWithErrors,
  promptId: 'subscriptions:0b12',
  quantities: {},
  terms: {},
  errors: {},
  mcaPending: true,
};

export const subscriptionsNoOffers: SubscriptionsCardModel = {
  ...subscriptionsMcaPending,
  promptId: 'subscriptions:0b13',
  families: [],
  mcaPending: false,
};

export const reviewSections: ReviewCardModel['sections'] = [
  {
    section: 'accountInfo',
    facts: [
      { title: say('fact.legalName'), value: 'Contoso Nederland B.V.' },
      { title: say('fact.domain'), value: 'contosonl.onmicrosoft.com' },
      { title: say('fact.address'), value: 'Herengracht 182, 1016 BR Amsterdam, Netherlands' },
    ],
  },
  {
    section: 'mca',
    facts: [
      { title: say('fact.mca'), value: say('value.mcaAttested') },
      { title: say('fact.mcaAcceptedOn'), value: '2025-06-01' },
    ],
  },
  { section: 'reseller', facts: [{ title: say('fact.reseller'), value: say('value.noReseller') }] },
  { section: 'subscriptions', facts: [] },
];

export const reviewClean: ReviewCardModel = { promptId: 'review:5a5a', sections: reviewSections, errors: [] };

export const reviewWithErrors: ReviewCardModel = {
  promptId: 'review:6b6b',
  sections: reviewSections,
  errors: [
    say('domainPrefix.taken', { value: 'contosonl', suggestion: 'contosonl2' }),
    say('order.offer.notSoldInCountry', { offerName: 'Teams Phone Standard', country: 'Netherlands' }),
  ],
};

export const done: DoneCardModel = {
  customerId: '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
  legalName: 'Contoso Nederland B.V.',
  adminSignInName: 'admin@contosonl.onmicrosoft.com',
  status: say('status.pendingVerification'),
  subscriptions: [{ title: 'Microsoft 365 Business Basic', value: '25 × 1 year' }],
  nextSteps: [
    say('done.next.verification'),
    say('done.next.admin', { adminSignInName: 'admin@contosonl.onmicrosoft.com' }),
  ],
};

export const doneWithoutSubscriptions: DoneCardModel = { ...done, subscriptions: [], nextSteps: [] };

const invitationUrl =
  'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=1234#/BillingAccounts/partner-invitation';

export const existingByDomain: ExistingCustomerCardModel = {
  by: 'domain',
  legalName: 'Fabrikam B.V.',
  country: 'Netherlands',
  domain: 'fabrikam.onmicrosoft.com',
  invitationText: say('relationship.invitation', {
    partnerName: 'Adatum Cloud',
    customerName: 'Fabrikam B.V.',
    invitationUrl,
  }),
  invitationUrl,
};

export const existingByName: ExistingCustomerCardModel = {
  ...existingByDomain,
  by: 'name',
  invitationText: 'Hello, please accept our invitation to become your Cloud Solution Provider partner.',
};

export const submitted: SubmittedCardModel = {
  title: say('summary.accountInfo'),
  facts: [{ title: say('fact.legalName'), value: 'Contoso Nederland B.V.' }],
};

/** Every card in every variant the tests render: [name, model, card]. */
export function allRenderedCards(): [string, unknown, AdaptiveCardJson][] {
  return [
    [
      'welcome (may add customers)',
      { mayAddCustomers: true, sharedChat: false },
      welcomeCard({ mayAddCustomers: true, sharedChat: false }),
    ],
    [
      'welcome (may not add customers)',
      { mayAddCustomers: false, sharedChat: false },
      welcomeCard({ mayAddCustomers: false, sharedChat: false }),
    ],
    ['help (outside the flow)', { inFlow: false }, helpCard({ inFlow: false })],
    ['help (in the flow)', { inFlow: true }, helpCard({ inFlow: true })],
    ['account info (US, with errors)', usAccountInfo, accountInfoCard(usAccountInfo)],
    ['account info (NL, notice)', nlAccountInfo, accountInfoCard(nlAccountInfo)],
    [
      'account info (BR, phone and registration number required)',
      brAccountInfo,
      accountInfoCard(brAccountInfo),
    ],
    ['MCA (may attest, with errors)', mcaAttest, mcaCard(mcaAttest)],
    ['MCA (may not attest)', mcaNotAllowed, mcaCard(mcaNotAllowed)],
    ['reseller (chosen)', resellerChosen, resellerCard(resellerChosen)],
    ['reseller (no match, error)', resellerNoMatch, resellerCard(resellerNoMatch)],
    ['reseller (long list)', resellerLongList, resellerCard(resellerLongList)],
    ['subscriptions (with errors)', subscriptionsWithErrors, subscriptionsCard(subscriptionsWithErrors)],
    ['subscriptions (MCA pending)', subscriptionsMcaPending, subscriptionsCard(subscriptionsMcaPending)],
    ['subscriptions (no offers)', subscriptionsNoOffers, subscriptionsCard(subscriptionsNoOffers)],
    ['review (no errors)', reviewClean, reviewCard(reviewClean)],
    ['review (errors)', reviewWithErrors, reviewCard(reviewWithErrors)],
    ['done', done, doneCard(done)],
    ['done (no subscriptions, no next steps)', doneWithoutSubscriptions, doneCard(doneWithoutSubscriptions)],
    ['existing customer (by domain)', existingByDomain, existingCustomerCard(existingByDomain)],
    ['existing customer (by name)', existingByName, existingCustomerCard(existingByName)],
    ['submitted', submitted, submittedCard(submitted)],
    ['confirm cancel', { promptId: 'cancel:1d1d' }, confirmCancelCard({ promptId: 'cancel:1d1d' })],
  ];
}
