import type { Database } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import type { Offer, Order, Reseller } from '../catalogue/schemas';
import { validateOrder } from '../catalogue/orderRules';
import { validateResellerChoice } from '../catalogue/resellerChoice';
import { searchKey } from '../catalogue/searchKey';
import { countryRules } from '../countries/countryRules';
import { containerDefinitions } from '../cosmos/containers';
import type { PartnerProfile } from '../partner/partnerProfile';
import { canAddCustomer, type Role } from '../roles/permissions';
import { fieldError, type FieldError, type Validated } from '../validation/fieldError';
import { validateAccountInfo, type AccountInfo } from './accountInfo';
import {
  summarise,
  type Actor,
  type CustomerRecord,
  type CustomerStatus,
  type CustomerSummary,
  type StoredCustomer,
} from './customerRecord';
import { CustomerRepository, type CustomerPage } from './customerRepository';
import { checkDomainPrefix } from './domainPrefix';
import { suggestDomainPrefixes } from './domainPrefixSuggestions';
import { validateMcaConfirmation, type McaConfirmation } from './mca';
import { normaliseName } from './normaliseName';
import { RelationshipRequestStore, type RelationshipRequest } from './relationshipRequests';
import { ReservationStore, reservationIds, type Reservation } from './reservationStore';

/** What the service needs of the partner's catalogues. */
export interface CatalogueReader {
  offers(): Promise<readonly Offer[]>;
  offersForCountry(country: string): Promise<readonly Offer[]>;
  reseller(id: string): Promise<Reseller | undefined>;
  activeResellers(): Promise<readonly Reseller[]>;
  searchResellers(query: string, options?: { limit?: number }): Promise<readonly Reseller[]>;
}

/** The agent acting, with the roles the role directory gives them. */
export interface AgentContext {
  actor: Actor;
  roles: readonly Role[];
  /** The agent's offset from UTC in minutes, when the channel tells it. */
  utcOffsetMinutes?: number;
}

/** A draft as a caller holds it: every section is checked again on submit. */
export interface DraftInput {
  accountInfo: unknown;
  mca: unknown;
  /** An indirect reseller's id; null or absent: the partner's direct customer. */
  resellerId?: string | null;
  order: unknown;
}

export interface ValidDraft {
  accountInfo: AccountInfo;
  mca: McaConfirmation;
  reseller: Reseller | null;
  order: Order;
}

export type DomainPrefixCheck =
  | { status: 'available'; prefix: string }
  | { status: 'invalid'; error: FieldError }
  | { status: 'taken'; prefix: string; suggestions: string[]; error: FieldError };

export interface ExistingCustomerMatch {
  by: 'domain' | 'name';
  /** Absent while another agent's submission is still under way. */
  customer?: CustomerSummary;
  inProgress: boolean;
  error: FieldError;
}

export type SubmitOutcome =
  | { kind: 'created'; customer: CustomerRecord; replayed: boolean }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'exists'; match: ExistingCustomerMatch }
  | { kind: 'notAllowed'; error: FieldError };

export interface CustomerServiceOptions {
  database: Database;
  catalogue: CatalogueReader;
  partner: PartnerProfile;
  now?: () => Date;
  /** How long a submission holds its reservations before an abandoned one may be taken over. */
  pendingReservationMs?: number;
  /** Fault-injection point for tests: runs after the reservations, before the record is written. */
  afterReservations?: (customerId: string) => Promise<void>;
}

const defaultPendingReservationMs = 10 * 60 * 1000;

/**
 * The rules of adding a customer, and the records behind them. Knows nothing of chat: the same
 * service could serve an HTTP API or a command line.
 */
export class CustomerService {
  private readonly customers: CustomerRepository;
  private readonly reservations: ReservationStore;
  private readonly relationships: RelationshipRequestStore;
  private readonly now: () => Date;

  constructor(private readonly options: CustomerServiceOptions) {
    const { database } = options;
    this.now = options.now ?? (() => new Date());
    this.customers = new CustomerRepository(database.container(containerDefinitions.customers.id));
    this.reservations = new ReservationStore(
      database.container(containerDefinitions.reservations.id),
      this.now,
      options.pendingReservationMs ?? defaultPendingReservationMs,
      (customerId) => this.customers.exists(customerId),
    );
    this.relationships = new RelationshipRequestStore(
      database.container(containerDefinitions.relationshipRequests.id),
      this.now,
    );
  }

  get partner(): PartnerProfile {
    return this.options.partner;
  }

  mayAddCustomers(agent: AgentContext): boolean {
    return canAddCustomer(agent.roles);
  }

  validateAccountInfo(input: unknown): Validated<AccountInfo> {
    return validateAccountInfo(input, {
      markets: this.options.partner.markets,
      partnerEmailDomains: this.options.partner.emailDomains,
    });
  }

  validateMca(input: unknown, agent: AgentContext): Validated<McaConfirmation> {
    return validateMcaConfirmation(input, {
      now: this.now(),
      roles: agent.roles,
      partnerEmailDomains: this.options.partner.emailDomains,
      ...(agent.utcOffsetMinutes !== undefined ? { agentUtcOffsetMinutes: agent.utcOffsetMinutes } : {}),
    });
  }

  /** Format first, then whether the prefix is free; a taken one comes with free alternatives. */
  async checkDomainPrefix(typed: string): Promise<DomainPrefixCheck> {
    const format = checkDomainPrefix(typed);
    if (!format.ok)
      return { status: 'invalid', error: fieldError('domainPrefix', format.key, format.params) };
    const prefix = format.value;
    if (!(await this.isDomainPrefixTaken(prefix))) return { status: 'available', prefix };
    const candidates = suggestDomainPrefixes(prefix, 8, { exclude: [prefix] });
    const taken = await Promise.all(candidates.map((candidate) => this.isDomainPrefixTaken(candidate)));
    const suggestions = candidates.filter((_, index) => !taken[index]).slice(0, 3);
    return {
      status: 'taken',
      prefix,
      suggestions,
      error: fieldError('domainPrefix', 'domainPrefix.taken', {
        value: prefix,
        suggestion: suggestions[0] ?? `${prefix}1`,
      }),
    };
  }

  /** An existing customer with this domain, or with this legal name in this country. */
  async findExistingCustomer(query: {
    domainPrefix: string;
    legalName: string;
    country: string;
  }): Promise<ExistingCustomerMatch | undefined> {
    const [byDomain, byName] = await Promise.all([
      this.reservations.read(reservationIds.domain(query.domainPrefix.toLowerCase())),
      this.reservations.read(reservationIds.name(query.country, normaliseName(query.legalName))),
    ]);
    if (byDomain) {
      const match = await this.matchFor('domain', byDomain.reservation, {
        domain: domainOf(query.domainPrefix),
      });
      if (match) return match;
    }
    if (byName) {
      return this.matchFor('name', byName.reservation, {
        legalName: query.legalName,
        country: countryName(query.country),
      });
    }
    return undefined;
  }

  /** Records a relationship request for an existing customer; nothing else is created. */
  async requestRelationship(
    customerId: string,
    agent: AgentContext,
    resellerId?: string,
  ): Promise<RelationshipRequest> {
    const stored = await this.customers.read(customerId);
    if (!stored) throw new Error(`No customer ${customerId}`);
    const reseller = resellerId ? await this.options.catalogue.reseller(resellerId) : undefined;
    return this.relationships.create(
      stored.customer,
      this.options.partner,
      agent.actor,
      reseller ? { id: reseller.id, tenantId: reseller.tenantId } : undefined,
    );
  }

  relationshipRequestsFor(customerId: string): Promise<RelationshipRequest[]> {
    return this.relationships.forCustomer(customerId);
  }

  offersForCountry(country: string): Promise<readonly Offer[]> {
    return this.options.catalogue.offersForCountry(country);
  }

  activeResellers(): Promise<readonly Reseller[]> {
    return this.options.catalogue.activeResellers();
  }

  resellerById(resellerId: string): Promise<Reseller | undefined> {
    return this.options.catalogue.reseller(resellerId);
  }

  searchResellers(query: string, limit = 20): Promise<readonly Reseller[]> {
    return this.options.catalogue.searchResellers(query, { limit });
  }

  /**
   * The reseller step: an active reseller for an indirect provider, or explicitly none (null: a direct
   * customer). An indirect provider must choose one or the other.
   */
  async validateReseller(resellerId: string | null | undefined): Promise<Validated<Reseller | null>> {
    // null is the explicit "no reseller: direct customer"; nothing at all is no choice yet.
    if (resellerId === undefined || resellerId === '') {
      return this.options.partner.type === 'indirectProvider'
        ? { ok: false, errors: [fieldError('resellerId', 'reseller.required')] }
        : { ok: true, value: null };
    }
    if (resellerId === null) return { ok: true, value: null };
    if (this.options.partner.type !== 'indirectProvider') {
      return { ok: false, errors: [fieldError('resellerId', 'reseller.notForDirectPartner')] };
    }
    const reseller = await this.options.catalogue.reseller(resellerId);
    return validateResellerChoice(reseller ? [reseller] : [], resellerId);
  }

  async validateOrder(
    input: unknown,
    context: { country: string; mcaPending: boolean },
  ): Promise<Validated<Order>> {
    return validateOrder(input, {
      offers: await this.options.catalogue.offers(),
      country: context.country,
      countryName: countryName(context.country),
      mcaPending: context.mcaPending,
    });
  }

  /** Every rule on every section; error fields are prefixed with their section. */
  async validateDraft(draft: DraftInput, agent: AgentContext): Promise<Validated<ValidDraft>> {
    const errors: FieldError[] = [];
    const section = <T>(name: string, result: Validated<T>): T | undefined => {
      if (result.ok) return result.value;
      errors.push(...result.errors.map((error) => ({ ...error, field: `${name}.${error.field}` })));
      return undefined;
    };
    const accountInfo = section('accountInfo', this.validateAccountInfo(draft.accountInfo));
    const mca = section('mca', this.validateMca(draft.mca, agent));
    const reseller = section('reseller', await this.validateReseller(draft.resellerId));
    const order =
      accountInfo && mca
        ? section(
            'order',
            await this.validateOrder(draft.order, {
              country: accountInfo.country,
              mcaPending: mca.kind === 'customerWillAccept',
            }),
          )
        : undefined;
    if (errors.length > 0 || !accountInfo || !mca || reseller === undefined || !order) {
      return { ok: false, errors };
    }
    return { ok: true, value: { accountInfo, mca, reseller, order } };
  }

  /**
   * Submits a draft. Idempotent on `idempotencyKey`: a double click or a retry after a timeout gets
   * the same record back. Two agents adding the same customer at once get exactly one record; the
   * other is told it exists. A failure part-way leaves reservations that the retry with the same
   * key completes, and that expire for anyone else if the submission is abandoned.
   */
  async submit(
    draft: DraftInput,
    request: { idempotencyKey: string; agent: AgentContext },
  ): Promise<SubmitOutcome> {
    const { idempotencyKey, agent } = request;
    if (!this.mayAddCustomers(agent))
      return { kind: 'notAllowed', error: fieldError('', 'roles.addCustomer.notAllowed') };

    const validated = await this.validateDraft(draft, agent);
    if (!validated.ok) return { kind: 'invalid', errors: validated.errors };
    const valid = validated.value;
    const prefix = valid.accountInfo.domainPrefix;
    const nameKey = normaliseName(valid.accountInfo.legalName);

    const submission = await this.reservations.claim({
      id: reservationIds.submission(idempotencyKey),
      customerId: randomUUID(),
      submissionKey: idempotencyKey,
    });
    if (!submission.claimed) throw new Error('A submission reservation is always its own key');
    const { customerId } = submission.reservation;
    if (!submission.fresh) {
      const replay = await this.customers.read(customerId);
      if (replay) return { kind: 'created', customer: replay.customer, replayed: true };
    }
    const claim = (id: string) => this.reservations.claim({ id, customerId, submissionKey: idempotencyKey });

    const domainId = reservationIds.domain(prefix);
    const domain = await claim(domainId);
    if (!domain.claimed) {
      const match = await this.matchFor('domain', domain.holder, { domain: domainOf(prefix) });
      if (match) return { kind: 'exists', match };
      throw new Error(`Reservation ${domainId} is held but no match was found`);
    }
    const nameId = reservationIds.name(valid.accountInfo.country, nameKey);
    const name = await claim(nameId);
    if (!name.claimed) {
      await this.reservations.release(domainId, idempotencyKey);
      const match = await this.matchFor('name', name.holder, {
        legalName: valid.accountInfo.legalName,
        country: countryName(valid.accountInfo.country),
      });
      if (match) return { kind: 'exists', match };
      throw new Error(`Reservation ${nameId} is held but no match was found`);
    }

    await this.options.afterReservations?.(customerId);

    const offers = await this.options.catalogue.offers();
    const record = this.newRecord({ customerId, draft: valid, nameKey, idempotencyKey, agent, offers });
    const stored = await this.customers.createOrRead(record);
    // The submission's own reservation stays as it is: a replay looks for the record it names.
    await Promise.all([
      this.reservations.confirm(domain.reservation),
      this.reservations.confirm(name.reservation),
    ]);
    return { kind: 'created', customer: stored.customer, replayed: false };
  }

  getCustomer(customerId: string): Promise<StoredCustomer | undefined> {
    return this.customers.read(customerId);
  }

  /** Customers whose legal name contains the query, a page at a time. */
  searchCustomers(
    query: string,
    page: { pageSize?: number; continuationToken?: string } = {},
  ): Promise<CustomerPage> {
    return this.customers.searchByName(searchKey(query), page.pageSize ?? 20, page.continuationToken);
  }

  /** Changes a customer's status; refused when the record changed since `etag` was read. */
  async changeStatus(
    customerId: string,
    status: CustomerStatus,
    etag: string,
    agent: AgentContext,
  ): Promise<StoredCustomer> {
    const stored = await this.customers.read(customerId);
    if (!stored) throw new Error(`No customer ${customerId}`);
    const at = this.now().toISOString();
    return this.customers.replace(
      {
        ...stored.customer,
        status,
        audit: [
          ...stored.customer.audit,
          { ...agent.actor, at, action: 'statusChanged', changes: ['status'] },
        ],
      },
      etag,
    );
  }

  private async isDomainPrefixTaken(prefix: string): Promise<boolean> {
    const existing = await this.reservations.read(reservationIds.domain(prefix));
    return existing !== undefined && (await this.reservations.isHeld(existing.reservation));
  }

  private async matchFor(
    by: 'domain' | 'name',
    reservation: Reservation,
    describe: Record<string, string>,
  ): Promise<ExistingCustomerMatch | undefined> {
    const stored = await this.customers.read(reservation.customerId);
    if (stored) {
      const customer = summarise(stored.customer);
      const params = { ...customer, country: countryName(customer.country) };
      return { by, customer, inProgress: false, error: fieldError(by, `customer.exists.${by}`, params) };
    }
    if (!(await this.reservations.isHeld(reservation))) return undefined;
    return { by, inProgress: true, error: fieldError(by, `customer.inProgress.${by}`, describe) };
  }

  private newRecord(parts: {
    customerId: string;
    draft: ValidDraft;
    nameKey: string;
    idempotencyKey: string;
    agent: AgentContext;
    offers: readonly Offer[];
  }): CustomerRecord {
    const { customerId, draft, nameKey, idempotencyKey, agent } = parts;
    const at = this.now().toISOString();
    const domain = domainOf(draft.accountInfo.domainPrefix);
    const offers = new Map(parts.offers.map((offer) => [offer.id, offer]));
    return {
      id: customerId,
      status: 'pendingVerification',
      accountInfo: draft.accountInfo,
      domain,
      adminSignInName: `admin@${domain}`,
      nameKey,
      nameSearchKey: searchKey(draft.accountInfo.legalName),
      mca: draft.mca,
      reseller: draft.reseller
        ? { id: draft.reseller.id, name: draft.reseller.name, mpnId: draft.reseller.mpnId }
        : null,
      subscriptions: draft.order.lines.map((line) => withDefaultTerms(line, offers.get(line.offerId))),
      submissionKey: idempotencyKey,
      createdAt: at,
      createdBy: agent.actor,
      audit: [
        {
          ...agent.actor,
          at,
          action: 'created',
          changes: ['accountInfo', 'mca', 'reseller', 'subscriptions'],
        },
      ],
    };
  }
}

/**
 * An order line as recorded: its term and billing cycle made explicit. Without a choice, the usual
 * commitment: one year where the offer has it, billed monthly where it can be.
 */
function withDefaultTerms(line: Order['lines'][number], offer: Offer | undefined) {
  const term = line.term ?? (offer?.terms.includes('P1Y') ? 'P1Y' : offer?.terms[0]);
  const billingCycle =
    line.billingCycle ?? (offer?.billingCycles.includes('monthly') ? 'monthly' : offer?.billingCycles[0]);
  return {
    ...line,
    ...(term ? { term } : {}),
    ...(billingCycle ? { billingCycle } : {}),
    offerName: offer?.name ?? line.offerId,
  };
}

function domainOf(prefix: string): string {
  return `${prefix.toLowerCase()}.onmicrosoft.com`;
}

function countryName(code: string): string {
  return countryRules(code)?.name ?? code;
}
