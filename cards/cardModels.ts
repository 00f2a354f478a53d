import type { FormValues } from './formPaths';

/**
 * What each card shows, as plain data: the dialogs build these models, the card functions turn
 * them into Adaptive Card JSON. Every sentence on a card comes from the message catalogue; the
 * models carry only the customer's values, choices and already-rendered error messages.
 *
 * Values (names, addresses, facts, queries) are plain text: the card function shows them literally
 * (`asText`, cards/plainText.ts). Messages (`errors`, `notice`, `notices`, `nextSteps`) are catalogue
 * markdown already, rendered with their quoted values escaped (`words()` in dialogs/stepView.ts), and
 * are shown as they are.
 */

/** An Adaptive Card as JSON (version 1.5 at most: what Teams renders). */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: unknown[] } & Record<
  string,
  unknown
>;

/** A step's card submit always carries the prompt it answers and what the agent chose. */
export interface PromptIdentity {
  /** `${step}:${nonce}`: tells the current card from an older or another one. */
  promptId: string;
}

/** Messages to show at the fields they concern, keyed by the card's input id. */
export type FieldMessages = Readonly<Record<string, string>>;

export interface Choice {
  value: string;
  title: string;
}

/** Where a step card's Next leads ("Next: Subscriptions", or back to Review after an update). */
export interface NextStep {
  nextLabel: string;
}

export interface AccountInfoCardModel extends PromptIdentity, NextStep {
  /** Keyed by input id, which is the field path ("address.postalCode"). */
  values: FormValues;
  /** Keyed by field path; a path the card has no input for shows at the top. */
  errors: FieldMessages;
  /** A message above the form, e.g. "Check the fields for Germany." */
  notice?: string;
  /**
   * Partner Center could not verify the address: its suggestions (each as one line) and the address
   * as typed, one to choose (input `addressChoice`: a suggestion's index, or `typed`).
   */
  addressCheck?: { choices: Choice[] };
  /** The partner's markets. */
  countries: Choice[];
  /** Rules of the selected country, shaping the form. */
  country: {
    code: string;
    /** As named inside a sentence: "the Netherlands". */
    name: string;
    /** When present, state is a choice from this list. */
    states?: Choice[];
    stateRequired: boolean;
    cityRequired: boolean;
    postalCodeRequired: boolean;
    postalCodeExample?: string;
    phoneRequired: boolean;
    phoneExample?: string;
    registrationNumberRequired: boolean;
    /** Optional: the country's name for the number (e.g. "CNPJ"), shown in the label. */
    registrationNumberName?: string;
    /** Optional: an example number, shown as the placeholder. */
    registrationNumberExample?: string;
    languages: Choice[];
    cultures: Choice[];
  };
}
// Actions: { promptId, action: 'next' } (submits inputs), { promptId, action: 'cancel' }.

/** The customer is already the partner's own: its record, and nothing added. */
export interface OwnCustomerCardModel {
  customerId: string;
  legalName: string;
  countryName: string;
  domain: string;
  status: string;
  /** When and by whom it was added, as the agent reads them. */
  addedOn: string;
  addedBy: string;
}
// Actions: { command: 'addCustomer' } ("Add another customer").

/** A customer that already has a Microsoft tenant: a relationship is requested instead. */
export interface RelationshipRequestCardModel {
  legalName: string;
  /** The customer's own domain found in Microsoft's directory. */
  domain: string;
  /** Partner Center's personalised relationship request link; absent when it could not be had. */
  link?: string;
}
// No actions: the link is text, to be copied into the agent's own email.

export interface McaCardModel extends PromptIdentity, NextStep {
  /** Keyed by field path ("acceptedBy.email"). */
  values: FormValues;
  errors: FieldMessages;
  /** Only Admin agents and Sales agents may attest; others see why. */
  mayAttest: boolean;
  /** The agent's today: the card's default and upper bound. */
  maxDate: string;
  /** Whether that is surely the agent's own date (their UTC offset is known); only then is it named. */
  maxDateIsAgentsOwn: boolean;
}
// kind values: 'attested' | 'customerWillAccept'.
// Actions: { promptId, action: 'next' }, { promptId, action: 'cancel' }.

export interface ResellerCardModel extends PromptIdentity, NextStep {
  /** Input `resellerQuery`: narrows the list (part of a name or an MPN ID). */
  query: string;
  /** Input `resellerId`: one of these, or '' for "no reseller: direct customer". */
  resellers: { id: string; name: string; mpnId: string }[];
  selectedResellerId?: string;
  /** The search found nothing (the list then shows every active reseller). */
  noMatch: boolean;
  errors: FieldMessages;
}
// Actions: { promptId, action: 'search' } (submits resellerQuery), { promptId, action: 'next' }
// (submits resellerId), { promptId, action: 'cancel' }.

/**
 * Added: the value `resellerId` carries when the agent chooses "No reseller: direct customer".
 * A choice value of '' cannot work: the adaptivecards library rejects a choice without a value, and
 * its renderer (Web Chat, the Emulator) treats '' as "nothing selected" and leaves the input out of
 * the submit. Treat this value (and, to be safe, '') as "no reseller".
 */
export const noResellerChoiceValue = 'directCustomer';

/** An offer as the subscriptions card shows it: a search result, or the offer of an order line. */
export interface OfferRow {
  id: string;
  name: string;
  productFamily: string;
  sku: string;
  description: string;
  minQuantity: number;
  maxQuantity: number;
  /** An add-on's base offers as a sentence names them ("A, B or C"); absent for a base offer. */
  baseOffers?: string;
  /** Term choices, e.g. { value: 'P1Y', title: '1 year' }. */
  terms: Choice[];
  /** Billing frequency choices, e.g. { value: 'monthly', title: 'Billed monthly' }. */
  billingCycles: Choice[];
}

/** A line of the order: its offer and what was chosen, the term and billing as a sentence says them. */
export interface OrderLineRow {
  offer: OfferRow;
  quantity: number;
  /** "1 year". */
  term: string;
  /** "monthly". */
  billingCycle: string;
}

export interface SubscriptionsCardModel extends PromptIdentity, NextStep {
  /** The order so far, in the order the lines were added. */
  lines: OrderLineRow[];
  /** The offer id of the line being changed: its inputs show at the top, instead of the search. */
  changing?: string;
  /** Input `offerQuery`: the search shown. */
  query: string;
  /** A page of offers: matches of the query, or (no query, or no match) the most sold in the country. */
  results: {
    kind: 'bestSellers' | 'search';
    offers: OfferRow[];
    /** The query found nothing, so the most sold are shown. */
    noMatch: boolean;
    /** Where the page is in the whole list, from 1. */
    first: number;
    hasPrevious: boolean;
    /** Where the next page starts (the More button's `cursor`); absent on the last page. */
    next?: string;
  };
  /** Inputs `offers.<offerId>.quantity`, `.term` and `.billingCycle` of the results and of the line changed. */
  values: FormValues;
  /** Keyed by field path: an input, `offers.<offerId>` for an offer as a whole, `offers` for the order. */
  errors: FieldMessages;
  /** What the last action did ("Added …"), a message. */
  notice?: string;
  /** The customer accepts the MCA later: nothing can be ordered yet, the card says so and has no search. */
  mcaPending: boolean;
  countryName: string;
}
// Actions: { promptId, action: 'search' } (submits offerQuery), { promptId, action: 'morePage', cursor },
// { promptId, action: 'previousPage' }, { promptId, action: 'addLine', offerId } (submits that offer's
// inputs), { promptId, action: 'changeLine' | 'removeLine' | 'keepLine', offerId },
// { promptId, action: 'saveLine', offerId }, { promptId, action: 'next' } (submits every input: an
// offer with a licence count typed is added), { promptId, action: 'cancel' }.

export interface Fact {
  title: string;
  value: string;
}

export type ReviewSection = 'accountInfo' | 'mca' | 'reseller' | 'subscriptions';

export interface ReviewCardModel extends PromptIdentity {
  sections: { section: ReviewSection; facts: Fact[] }[];
  /** What keeps the customer from being submitted, each once, shown at the top. */
  errors: string[];
  /** What an update changed elsewhere (order lines removed, and why). */
  notices: string[];
}
// Actions: { promptId, action: 'update', section }, { promptId, action: 'submit' },
// { promptId, action: 'cancel' }.

export interface DoneCardModel {
  customerId: string;
  legalName: string;
  adminSignInName: string;
  status: string;
  /** The indirect reseller, or "No reseller: direct customer"; absent for a direct provider. */
  reseller?: string;
  /** One per subscription: its licences, term and billing frequency. */
  subscriptions: Fact[];
  /** Next steps, one sentence each. */
  nextSteps: string[];
  /** Who was notified of the onboarding, or that nobody was (markdown: names already escaped). */
  notified: string;
  /** Partner Center creates the customer after this card: the card says so rather than that it exists. */
  creatingInPartnerCenter: boolean;
}
// Actions: { command: 'addCustomer' } ("Add another customer").

/** Replaces a submitted card in Teams so it cannot be submitted twice. */
export interface SubmittedCardModel {
  title: string;
  facts: Fact[];
}

// An interface of its own (the contract's name), though it adds nothing to PromptIdentity.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConfirmCancelCardModel extends PromptIdentity {}
// Actions: { promptId, action: 'confirmCancel' }, { promptId, action: 'keepDraft' }.

export interface WelcomeCardModel {
  /** Whether the agent may add customers; if not, the card says why and has no button. */
  mayAddCustomers: boolean;
  /** A group chat or team channel: everyone in it reads the card, and commands need an @mention. */
  sharedChat: boolean;
  /** A manager in their personal chat: their onboarding notifications come here. */
  manager: boolean;
}
// Actions: { command: 'addCustomer' }.
