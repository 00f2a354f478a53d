import { reconcileOrder } from '../catalogue/reconcileOrder';
import {
  checkEntry,
  completeOrder,
  lineEntriesFromValues,
  orderFormValues,
  orderProblems,
  type LineEntry,
} from '../catalogue/orderForm';
import { billingCycleChoice, billingCycleLabel, termLabel } from '../catalogue/offerWording';
import { OFFER_PAGE_SIZE, type OfferFinder, type OfferPage } from '../catalogue/offerSearch';
import type { Offer, Order, OrderLine, Reseller } from '../catalogue/schemas';
import { defaultChoices, type BillingCycle, type Term } from '../catalogue/terms';
import { countryRules, type CountryRules } from '../countries/countryRules';
import { resolveCountry } from '../countries/resolveCountry';
import { agentDay, type AgentDay } from '../customers/acceptanceDate';
import type { AccountInfo } from '../customers/accountInfo';
import type {
  AccountInfoCheck,
  AgentContext,
  CatalogueReader,
  CustomerService,
  DraftInput,
  RefusedCustomer,
  SubmitOutcome,
  ValidDraft,
} from '../customers/customerService';
import type { CustomerRecord } from '../customers/customerRecord';
import type { OnboardingFilter, OnboardingPage } from '../customers/customerRepository';
import type { McaConfirmation } from '../customers/mca';
import { tenantDomain } from '../customers/tenantDomain';
import { countryInSentence } from '../countries/countryParam';
import { addressLines, type PostalAddress } from '../countries/addressLayout';
import type { PartnerProfile } from '../partner/partnerProfile';
import { canAttestMca, receivesOnboardingNotifications } from '../roles/permissions';
import type { FieldError, Validated } from '../validation/fieldError';
import type { MessageParam } from '../../messages/catalogue';

/** The sections of a draft that a change elsewhere may invalidate. */
export interface DraftSections {
  accountInfo?: AccountInfo;
  mca?: McaConfirmation;
  resellerId?: string | null;
  order?: Order;
}

/** What still holds after account info or the MCA changed, and what went, each with its reason. */
export interface KeptSections {
  /** The order with only the lines still valid; absent when there was no order. */
  order?: Order;
  /** The reseller chosen no longer serves the customer's country: it must be chosen again. */
  resellerDropped: boolean;
  removed: FieldError[];
}

/**
 * What the add-customer conversation asks of the domain, in one place: the dialogs reach the
 * services through this facade only. It holds no rule of its own; each method hands over to the
 * service, catalogue or table that owns the rule, so a rule is still written once.
 */
export class OnboardingService {
  constructor(
    private readonly customers: CustomerService,
    private readonly catalogue: CatalogueReader & OfferFinder,
    private readonly now: () => Date,
  ) {}

  get partner(): PartnerProfile {
    return this.customers.partner;
  }

  /** Whether account info is checked in Partner Center (existing tenant, taken prefix, address). */
  get checksInPartnerCenter(): boolean {
    return this.customers.checksInPartnerCenter;
  }

  mayAddCustomers(agent: AgentContext): boolean {
    return this.customers.mayAddCustomers(agent);
  }

  mayAttestMca(agent: AgentContext): boolean {
    return canAttestMca(agent.roles);
  }

  /** The agent's today, and whether it is surely theirs (their UTC offset is known). */
  agentDay(agent: AgentContext): AgentDay {
    return agentDay(this.now(), agent.utcOffsetMinutes);
  }

  /** A country typed as a code, a name or an alias ("UK"), as its rules; undefined when unknown. */
  resolveCountry(typed: string): CountryRules | undefined {
    const resolved = resolveCountry(typed);
    return resolved.ok ? countryRules(resolved.value) : undefined;
  }

  termLabel(term: unknown): MessageParam {
    return termLabel(term);
  }

  /** "annually", inside a sentence. */
  billingCycleLabel(billingCycle: unknown): MessageParam {
    return billingCycleLabel(billingCycle);
  }

  /** "Billed annually", as a choice. */
  billingCycleChoice(billingCycle: BillingCycle): MessageParam {
    return billingCycleChoice(billingCycle);
  }

  /** The address's lines in the order its country writes them ("1015 CJ Amsterdam", "Redmond, WA 98052"). */
  addressLines(address: PostalAddress): string[] {
    return addressLines(address);
  }

  tenantDomain(prefix: string): string {
    return tenantDomain(prefix);
  }

  /** The draft's own submission (its idempotency key) does not count as another agent's. */
  checkAccountInfo(
    form: unknown,
    idempotencyKey: string,
    options: { addressConfirmed?: boolean } = {},
  ): Promise<AccountInfoCheck> {
    return this.customers.checkAccountInfo(form, { idempotencyKey, ...options });
  }

  validateMca(form: unknown, agent: AgentContext): Validated<McaConfirmation> {
    return this.customers.validateMca(form, agent);
  }

  /** The resellers that may be chosen for a customer in this country, narrowed by a search. */
  resellersFor(country: string, query: string): Promise<readonly Reseller[]> {
    return query.trim()
      ? this.catalogue.searchResellers(query, { country, limit: 20 })
      : this.catalogue.activeResellers({ country });
  }

  resellerById(resellerId: string): Promise<Reseller | undefined> {
    return this.catalogue.reseller(resellerId);
  }

  validateReseller(
    resellerId: string | null | undefined,
    country: string,
  ): Promise<Validated<Reseller | null>> {
    return this.customers.validateReseller(resellerId, country);
  }

  /**
   * A page of the offers sold in the customer's country: those matching the query (name, product
   * family, part of the SKU), or without one the most sold there; `cursor` is the `next` of the page
   * before.
   */
  findOffers(country: string, query: string, cursor?: string): Promise<OfferPage> {
    return this.catalogue.findOffers({ country, query, ...(cursor ? { cursor } : {}) });
  }

  /** Offers a page of findOffers holds at most. */
  get offerPageSize(): number {
    return OFFER_PAGE_SIZE;
  }

  /** The offers with these ids and the base offers of their add-ons, by id. */
  async offersByIds(ids: readonly string[]): Promise<ReadonlyMap<string, Offer>> {
    if (ids.length === 0) return new Map();
    return new Map((await this.catalogue.offersByIds(ids)).map((offer) => [offer.id, offer]));
  }

  /** What an offer's term and billing frequency are until the agent chooses. */
  defaultChoices(offer: Offer): { term: Term | undefined; billingCycle: BillingCycle | undefined } {
    return defaultChoices(offer);
  }

  /**
   * A line the agent adds to the order or changes there, checked on its own: the offer sold in the
   * country, its licences, term and billing frequency, the MCA, room in the order. Problems are at
   * the offer's inputs (`offers.<offerId>.quantity`, ...). Answers the offers it read too (the line's
   * and its bases), so that the caller can name them without reading them again.
   */
  async checkOrderLine(
    entry: LineEntry,
    context: { country: string; mcaPending: boolean; lines: readonly OrderLine[] },
  ): Promise<{ checked: Validated<OrderLine>; offers: ReadonlyMap<string, Offer> }> {
    const offers = await this.catalogue.offersByIds([entry.offerId]);
    const checked = checkEntry(entry, {
      offers,
      country: context.country,
      countryName: countryInSentence(context.country),
      mcaPending: context.mcaPending,
      lines: context.lines,
    });
    return { checked, offers: new Map(offers.map((offer) => [offer.id, offer])) };
  }

  /** What the order still needs before it can go on (an add-on without its base), at each line. */
  orderProblems(lines: readonly OrderLine[], offers: ReadonlyMap<string, Offer>): FieldError[] {
    return orderProblems(lines, { offers: [...offers.values()] });
  }

  /**
   * The whole order when the agent goes on: the lines with what the card still holds typed (a
   * changed line, an offer with a licence count not yet added), under every order rule.
   */
  async completeOrder(
    lines: readonly OrderLine[],
    entries: readonly LineEntry[],
    context: { country: string; mcaPending: boolean },
  ): Promise<Validated<Order>> {
    const ids = [...lines, ...entries].map((line) => line.offerId);
    return completeOrder(lines, entries, {
      offers: await this.catalogue.offersByIds(ids),
      country: context.country,
      countryName: countryInSentence(context.country),
      mcaPending: context.mcaPending,
    });
  }

  /** The offers and their inputs in a card's values (`offers.<offerId>.quantity`, ...). */
  lineEntries(values: Readonly<Record<string, unknown>>): LineEntry[] {
    return lineEntriesFromValues(values);
  }

  /** Order lines as a card's inputs show them, keyed by field path. */
  orderFormValues(order: Order): Record<string, string> {
    return orderFormValues(order);
  }

  /**
   * After account info or the MCA changed: the order lines still valid for the customer's country
   * and MCA choice are kept, the others removed with the reason; a reseller that does not serve the
   * country is dropped, with the reason.
   */
  async keepValidSections(sections: DraftSections): Promise<KeptSections> {
    const { accountInfo, mca, resellerId, order } = sections;
    const removed: FieldError[] = [];
    let kept: Order | undefined;
    if (order && accountInfo) {
      const reconciled = reconcileOrder(order, {
        offers: await this.catalogue.offersByIds(order.lines.map((line) => line.offerId)),
        country: accountInfo.country,
        countryName: countryInSentence(accountInfo.country),
        mcaPending: mca?.kind === 'customerWillAccept',
      });
      kept = reconciled.order;
      removed.push(...reconciled.removed.map((line) => line.reason));
    }
    let resellerDropped = false;
    if (resellerId && accountInfo) {
      const check = await this.validateReseller(resellerId, accountInfo.country);
      if (!check.ok) {
        resellerDropped = true;
        removed.push(...check.errors);
      }
    }
    return { ...(kept ? { order: kept } : {}), resellerDropped, removed };
  }

  validateDraft(draft: DraftInput, agent: AgentContext): Promise<Validated<ValidDraft>> {
    return this.customers.validateDraft(draft, agent);
  }

  submit(
    draft: DraftInput,
    request: { idempotencyKey: string; agent: AgentContext },
  ): Promise<SubmitOutcome> {
    return this.customers.submit(draft, request);
  }

  /** Managers: onboarding notifications and the list of recent onboardings. */
  isManager(agent: AgentContext): boolean {
    return receivesOnboardingNotifications(agent.roles);
  }

  recentOnboardings(
    filter: OnboardingFilter,
    page: { pageSize?: number; continuationToken?: string },
  ): Promise<OnboardingPage> {
    return this.customers.recentOnboardings(filter, page);
  }

  async customer(customerId: string): Promise<CustomerRecord | undefined> {
    return (await this.customers.getCustomer(customerId))?.customer;
  }

  /** A customer Partner Center refused, as its agent entered it, to add it again corrected. */
  refusedCustomer(customerId: string, agent: AgentContext): Promise<RefusedCustomer> {
    return this.customers.refusedCustomer(customerId, agent);
  }
}
