import type { Database } from '@azure/cosmos';
import { customerIdFor } from './customerId';
import { OrderLineSchema, type Offer, type Order, type OrderLine, type Reseller } from '../catalogue/schemas';
import { offerIdsOf, validateOrder } from '../catalogue/orderRules';
import { validateResellerChoice } from '../catalogue/resellerChoice';
import { searchKey } from '../catalogue/searchKey';
import { countryInSentence } from '../countries/countryParam';
import { containerDefinitions } from '../cosmos/containers';
import type { PartnerProfile } from '../partner/partnerProfile';
import { canAddCustomer, type Role } from '../roles/permissions';
import type { DeliveryAddress, DeliveryOrigin } from '../notifications/deliveryAddress';
import type { PartnerCenter } from '../partnerCenter/partnerCenter';
import {
  checkWithPartnerCenter,
  prefixFreeInPartnerCenter,
  type CompanyAddress,
} from '../partnerCenter/tenantChecks';
import type { NotifiedRecipient, OnboardingOutbox } from '../notifications/onboardingNotifications';
import { fieldError, type FieldError, type Validated } from '../validation/fieldError';
import { validateAccountInfo, type AccountInfo } from './accountInfo';
import { z } from 'zod';
import {
  draftTrailEventSchema,
  type Actor,
  type CustomerRecord,
  type CustomerStatus,
  type PartnerCenterSection,
  type StoredCustomer,
} from './customerRecord';
import {
  CustomerRepository,
  type CustomerPage,
  type OnboardingFilter,
  type OnboardingPage,
} from './customerRepository';
import { checkDomainPrefix } from './domainPrefix';
import { suggestDomainPrefixes } from './domainPrefixSuggestions';
import { validateMcaConfirmation, type McaConfirmation } from './mca';
import { normaliseName } from './normaliseName';
import { ReservationStore, reservationIds, type Reservation } from './reservationStore';
import { adminSignInName, tenantDomain } from './tenantDomain';

/** What the service needs of the partner's catalogues. */
export interface CatalogueReader {
  /** The offers with these ids and the base offers of their add-ons; the catalogue is never read whole. */
  offersByIds(ids: readonly string[]): Promise<readonly Offer[]>;
  reseller(id: string): Promise<Reseller | undefined>;
  activeResellers(options?: { country?: string }): Promise<readonly Reseller[]>;
  searchResellers(
    query: string,
    options?: { country?: string; limit?: number },
  ): Promise<readonly Reseller[]>;
}

/** The agent acting, with the roles the role directory gives them. */
export interface AgentContext {
  actor: Actor;
  roles: readonly Role[];
  /** The agent's offset from UTC in minutes, when the channel tells it. */
  utcOffsetMinutes?: number;
  /** Where the agent's channel is: a manager's personal chat can be started from there. */
  origin?: DeliveryOrigin;
  /** The agent's personal chat with the bot, when this turn is in it. */
  personalChat?: DeliveryAddress;
  /** The language the agent reads, for what they are told later (e.g. that Partner Center created the customer). */
  locale?: string;
}

/** A draft as a caller holds it: every section is checked again on submit. */
export interface DraftInput {
  accountInfo: unknown;
  mca: unknown;
  /** An indirect reseller's id; null or absent: the partner's direct customer. */
  resellerId?: string | null;
  order: unknown;
  /** When the draft was started and how it went (kept with the record; left out when not readable). */
  startedAt?: unknown;
  trail?: unknown;
  /** The refused customer this draft was started from ("Add it again"), kept with the record. */
  addedAgainFrom?: unknown;
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

/**
 * A customer that is already the partner's own (our store holds only this partner's records), as the
 * agent is shown it: nothing is added, and no invitation is sent.
 */
export interface ExistingCustomer {
  id: string;
  legalName: string;
  /** ISO 3166 alpha-2 code, as in the record. */
  country: string;
  /** The tenant domain, `<prefix>.onmicrosoft.com`. */
  domain: string;
  status: CustomerStatus;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Who added it: display name and sign-in name where the channel told them, and the agent's id. */
  createdBy: { name?: string; userPrincipalName?: string; id: string };
  /**
   * `name`: the same normalised legal name in the same country; `domainAndName`: the same domain
   * prefix and the same normalised legal name.
   */
  by: 'name' | 'domainAndName';
}

/**
 * The account info step's answer. `invalid` holds the rules' errors, a domain prefix taken by another
 * company ('domainPrefix.taken', with free alternatives), and another agent's submission of the same
 * customer still under way ('customer.inProgress.*'); fields are the account info's own paths.
 */
export type AccountInfoCheck =
  /** `partnerCenterUnanswered`: Partner Center did not answer, so its checks were skipped. */
  | { kind: 'valid'; value: AccountInfo; partnerCenterUnanswered?: boolean }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'ownCustomer'; customer: ExistingCustomer }
  /**
   * The customer's own domain is already in Microsoft's directory: they have a tenant (through another
   * partner or none), so a relationship is requested instead. `link`: the partner's relationship
   * request link, when Partner Center gave it.
   */
  | { kind: 'existingTenant'; value: AccountInfo; domain: string; link?: string }
  /** Partner Center could not verify the address: its suggestions (possibly none), to choose from. */
  | { kind: 'addressUnverified'; value: AccountInfo; suggestions: CompanyAddress[] };

export type SubmitOutcome =
  /** `notified`: who the onboarding's notification goes to (none when no manager is subscribed). */
  | { kind: 'created'; customer: CustomerRecord; replayed: boolean; notified: NotifiedRecipient[] }
  /** Fields are prefixed with their section: 'accountInfo.domainPrefix', 'mca.acceptedOn', ... */
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'ownCustomer'; customer: ExistingCustomer }
  | { kind: 'notAllowed'; error: FieldError };

/**
 * A customer Partner Center refused, for a corrected try: each section as the agent who submitted it
 * confirmed it, and Partner Center's reason. Only that agent gets it, and only while the record's
 * answer from Partner Center is the refusal.
 */
export type RefusedCustomer =
  | {
      kind: 'refused';
      legalName: string;
      accountInfo: AccountInfo;
      mca: McaConfirmation;
      /** null: a direct customer; absent: the reseller no longer serves the customer, to choose again. */
      resellerId?: string | null;
      /** The order's lines whose offers the catalogue still has. */
      lines: OrderLine[];
      reason?: { code?: string; description: string };
      /** What no longer holds and was left out: offers gone from the catalogue, the reseller's name. */
      leftOut: { offers: string[]; reseller?: string };
    }
  /** No such record, or another agent's: the same answer, which tells nothing of the record. */
  | { kind: 'notFound' }
  | { kind: 'pending'; legalName: string }
  | { kind: 'created'; legalName: string }
  /** Already added again from this refusal: the customer that draft submitted. */
  | { kind: 'addedAgain'; legalName: string };

/** What duplicate detection found for valid account info (fields without a section prefix). */
type Duplicate =
  { kind: 'invalid'; errors: FieldError[] } | { kind: 'ownCustomer'; customer: ExistingCustomer };

/** Who holds a reservation: the record it names, or (record not yet written) a submission under way. */
interface Holder {
  reservation: Reservation;
  record?: CustomerRecord;
}

export interface CustomerServiceOptions {
  database: Database;
  catalogue: CatalogueReader;
  partner: PartnerProfile;
  now?: () => Date;
  /** How long a submission holds its reservations before an abandoned one may be taken over. */
  pendingReservationMs?: number;
  /** Fault-injection point for tests: runs after the reservations, before the record is written. */
  afterReservations?: (customerId: string) => Promise<void>;
  /** Where the onboarding's notifications are written, before its record; none: nobody is notified. */
  outbox?: OnboardingOutbox;
  /**
   * Microsoft Partner Center (or the local one): account info is checked there, and a record is
   * written with its entry for the creation worker. None: records only, as before.
   */
  partnerCenter?: PartnerCenter;
  /** A record with a Partner Center entry was written: the creation worker may start on it. */
  onCreationPending?: () => void;
}

const defaultPendingReservationMs = 10 * 60 * 1000;

/**
 * The rules of adding a customer, and the records behind them. Knows nothing of chat: the same
 * service could serve an HTTP API or a command line.
 */
export class CustomerService {
  private readonly customers: CustomerRepository;
  private readonly reservations: ReservationStore;
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
  }

  get partner(): PartnerProfile {
    return this.options.partner;
  }

  get checksInPartnerCenter(): boolean {
    return this.options.partnerCenter !== undefined;
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
    const { partnerCenter } = this.options;
    const free =
      !(await this.isDomainPrefixTaken(prefix)) &&
      (!partnerCenter || (await prefixFreeInPartnerCenter(partnerCenter, prefix)));
    if (free) return { status: 'available', prefix };
    const suggestions = await this.freeAlternatives(prefix);
    return { status: 'taken', prefix, suggestions, error: takenError('domainPrefix', prefix, suggestions) };
  }

  /**
   * The account info step: every rule first (no store reads when one fails), then duplicates. The
   * partner's own customer (same normalised legal name in the country, or same domain prefix and
   * same normalised legal name) is answered with its record; a prefix held by another company is a
   * field error with free alternatives; the same customer being submitted by another agent right now
   * is a field error too. `idempotencyKey`: the draft's own key, so that reservations left by this
   * draft's own unfinished submit are not taken for someone else's.
   */
  async checkAccountInfo(
    form: unknown,
    options: { idempotencyKey?: string; addressConfirmed?: boolean } = {},
  ): Promise<AccountInfoCheck> {
    const validated = this.validateAccountInfo(form);
    if (!validated.ok) return { kind: 'invalid', errors: validated.errors };
    const info = validated.value;
    const duplicate = await this.findDuplicates(info, options.idempotencyKey);
    if (duplicate) return duplicate;
    const { partnerCenter } = this.options;
    if (!partnerCenter) return { kind: 'valid', value: info };

    const found = await checkWithPartnerCenter(partnerCenter, info, {
      addressConfirmed: options.addressConfirmed ?? false,
    });
    if (found.existingTenantDomain) {
      const link = await partnerCenter.relationshipRequestLink().catch(() => undefined);
      return {
        kind: 'existingTenant',
        value: info,
        domain: found.existingTenantDomain,
        ...(link ? { link } : {}),
      };
    }
    if (found.prefixTaken) {
      const suggestions = await this.freeAlternatives(info.domainPrefix, {
        legalName: info.legalName,
        country: info.country,
      });
      return {
        kind: 'invalid',
        errors: [takenError('domainPrefix', info.domainPrefix, suggestions, 'domainPrefix.takenInDirectory')],
      };
    }
    if (found.address.kind === 'unverified')
      return { kind: 'addressUnverified', value: info, suggestions: found.address.suggestions };
    return {
      kind: 'valid',
      value: info,
      ...(found.unanswered.length > 0 ? { partnerCenterUnanswered: true } : {}),
    };
  }

  /**
   * Partner Center refused the customer: nothing was created, so its domain and name are given back
   * for a corrected try. The record stays, with the reason.
   */
  async giveBack(record: CustomerRecord): Promise<void> {
    await Promise.all([
      this.reservations.giveBack(reservationIds.domain(record.accountInfo.domainPrefix), record.id),
      this.reservations.giveBack(reservationIds.name(record.accountInfo.country, record.nameKey), record.id),
    ]);
  }

  /**
   * The reseller step: an active reseller that serves the customer's country, for an indirect provider,
   * or explicitly none (null: a direct customer). An indirect provider must choose one or the other.
   */
  async validateReseller(
    resellerId: string | null | undefined,
    country?: string,
  ): Promise<Validated<Reseller | null>> {
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
    return validateResellerChoice(reseller ? [reseller] : [], resellerId, country ? { country } : {});
  }

  async validateOrder(
    input: unknown,
    context: { country: string; mcaPending: boolean },
  ): Promise<Validated<Order>> {
    return validateOrder(input, {
      offers: await this.options.catalogue.offersByIds(offerIdsOf(input)),
      country: context.country,
      countryName: countryInSentence(context.country),
      mcaPending: context.mcaPending,
    });
  }

  /** Every rule on every section; error fields are prefixed with their section. */
  async validateDraft(draft: DraftInput, agent: AgentContext): Promise<Validated<ValidDraft>> {
    const errors: FieldError[] = [];
    const section = <T>(name: string, result: Validated<T>): T | undefined => {
      if (result.ok) return result.value;
      errors.push(...inSection(name, result.errors));
      return undefined;
    };
    const accountInfo = section('accountInfo', this.validateAccountInfo(draft.accountInfo));
    const mca = section('mca', this.validateMca(draft.mca, agent));
    const reseller = section('reseller', await this.validateReseller(draft.resellerId, accountInfo?.country));
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
   * other gets `ownCustomer` (or, while the first is still being written, a 'customer.inProgress.*'
   * error). A domain prefix held by another company is `invalid` ('domainPrefix.taken' at
   * 'accountInfo.domainPrefix', with free alternatives), and this attempt keeps nothing reserved but
   * its idempotency key. A failure part-way leaves reservations that the retry with the same key
   * completes, and that expire for anyone else if the submission is abandoned.
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

    // The record's id follows from the submission, so a replay names the same record and needs no
    // reservation of its own.
    const customerId = customerIdFor(idempotencyKey);
    const domainId = reservationIds.domain(prefix);
    const nameId = reservationIds.name(valid.accountInfo.country, nameKey);
    const claim = (id: string, extra: { nameKey?: string } = {}) =>
      this.reservations.claim({ id, customerId, submissionKey: idempotencyKey, ...extra });

    // Domain first, then name; a lost name gives the domain back. A lost claim is explained by what
    // holds it now; when that has gone in the meantime (released, abandoned), claim again.
    let reserved = false;
    for (let attempt = 0; !reserved; attempt += 1) {
      const domain = await claim(domainId, { nameKey });
      if (domain.claimed && !domain.fresh) {
        // This submission held it already: a replay, whose record may be written.
        const replay = await this.customers.read(customerId);
        if (replay) {
          const notified = (await this.options.outbox?.notifiedFor(customerId)) ?? [];
          return { kind: 'created', customer: replay.customer, replayed: true, notified };
        }
      }
      if (domain.claimed) {
        const name = await claim(nameId);
        if (name.claimed) {
          reserved = true;
          break;
        }
        await this.reservations.release(domainId, idempotencyKey);
      }
      const duplicate = await this.findDuplicates(valid.accountInfo, idempotencyKey);
      if (duplicate?.kind === 'ownCustomer') return duplicate;
      if (duplicate) return { kind: 'invalid', errors: inSection('accountInfo', duplicate.errors) };
      if (attempt >= 2) throw new Error(`Reservations ${domainId} / ${nameId} keep changing; giving up`);
    }

    await this.options.afterReservations?.(customerId);

    const offers = await this.options.catalogue.offersByIds(valid.order.lines.map((line) => line.offerId));
    const record = this.newRecord({
      customerId,
      draft: valid,
      history: draftHistory(draft),
      nameKey,
      idempotencyKey,
      agent,
      offers,
    });
    // The notifications first: a record never exists without them. Entries whose record never comes
    // (the submission abandoned) are dropped by the dispatcher.
    const onboarding = { customerId, legalName: record.accountInfo.legalName, createdAt: record.createdAt };
    const notified = (await this.options.outbox?.enqueue(onboarding, agent.origin)) ?? [];
    const stored = await this.customers.createOrRead(record);
    // The dispatcher is woken only when there is something for it to send.
    if (notified.length > 0) this.options.outbox?.recordWritten();
    if (stored.customer.partnerCenter?.state === 'pending') this.options.onCreationPending?.();
    // The reservations stay pending: the record they name holds them from now on (see ReservationStore).
    return { kind: 'created', customer: stored.customer, replayed: false, notified };
  }

  getCustomer(customerId: string): Promise<StoredCustomer | undefined> {
    return this.customers.read(customerId);
  }

  async refusedCustomer(customerId: string, agent: AgentContext): Promise<RefusedCustomer> {
    const record = (await this.customers.read(customerId))?.customer;
    if (!record || record.createdBy.agentId.toLowerCase() !== agent.actor.agentId.toLowerCase())
      return { kind: 'notFound' };
    const { partnerCenter, accountInfo } = record;
    const { legalName } = accountInfo;
    if (partnerCenter?.state !== 'rejected')
      return { kind: partnerCenter?.state === 'pending' ? 'pending' : 'created', legalName };
    const again = await this.customers.addedAgainFrom(record.id);
    if (again) return { kind: 'addedAgain', legalName: again.accountInfo.legalName };

    const offers = new Set(
      (await this.options.catalogue.offersByIds(record.subscriptions.map((line) => line.offerId))).map(
        (offer) => offer.id,
      ),
    );
    const reseller = record.reseller
      ? await this.validateReseller(record.reseller.id, accountInfo.country)
      : undefined;
    const resellerGone = record.reseller && !reseller?.ok;
    const rejection = partnerCenter.rejection;
    return {
      kind: 'refused',
      legalName,
      accountInfo,
      mca: record.mca,
      ...(resellerGone ? {} : { resellerId: record.reseller?.id ?? null }),
      lines: record.subscriptions
        .filter((line) => offers.has(line.offerId))
        .map((line) => OrderLineSchema.parse(line)),
      leftOut: {
        offers: record.subscriptions
          .filter((line) => !offers.has(line.offerId))
          .map((line) => line.offerName),
        ...(resellerGone ? { reseller: record.reseller!.name } : {}),
      },
      ...(rejection
        ? {
            reason: {
              ...(rejection.code ? { code: rejection.code } : {}),
              description: rejection.description,
            },
          }
        : {}),
    };
  }

  /** Customers whose legal name contains the query, a page at a time. */
  searchCustomers(
    query: string,
    page: { pageSize?: number; continuationToken?: string } = {},
  ): Promise<CustomerPage> {
    return this.customers.searchByName(searchKey(query), page.pageSize ?? 20, page.continuationToken);
  }

  /** The latest onboardings, newest first (`recent onboardings`). */
  recentOnboardings(
    filter: OnboardingFilter,
    page: { pageSize?: number; continuationToken?: string } = {},
  ): Promise<OnboardingPage> {
    return this.customers.recent(filter, page.pageSize ?? 10, page.continuationToken);
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

  /**
   * Free prefixes for a taken one, most natural first (checked against the store): from the legal
   * name and country when known (the prefix was taken by another company), then from the prefix.
   */
  private async freeAlternatives(
    prefix: string,
    hints: { legalName?: string; country?: string } = {},
  ): Promise<string[]> {
    const wanted = 3;
    const free: string[] = [];
    const checked = new Set([prefix]);
    for (const count of [8, 24]) {
      const candidates = [
        ...(hints.legalName
          ? suggestDomainPrefixes(hints.legalName, Math.ceil(count / 2), {
              exclude: [prefix],
              ...(hints.country ? { country: hints.country } : {}),
            })
          : []),
        ...suggestDomainPrefixes(prefix, count, { exclude: [prefix] }),
      ].filter((candidate) => !checked.has(candidate) && checked.add(candidate));
      const taken = await Promise.all(candidates.map((candidate) => this.isDomainPrefixTaken(candidate)));
      const freeHere = candidates.filter((_, index) => !taken[index]);
      const { partnerCenter } = this.options;
      const freeThere = partnerCenter
        ? await Promise.all(freeHere.map((candidate) => prefixFreeInPartnerCenter(partnerCenter, candidate)))
        : freeHere.map(() => true);
      free.push(...freeHere.filter((_, index) => freeThere[index]));
      if (free.length >= wanted) break;
    }
    return free.slice(0, wanted);
  }

  /**
   * Duplicates of valid account info: two point reads (the domain and name reservations), then the
   * record each names. Only the same customer is an existing customer; a domain prefix held by
   * another company is a field error. Reservations of `ownSubmissionKey` whose record was never
   * written (this draft's own unfinished submit) count for nothing.
   */
  private async findDuplicates(info: AccountInfo, ownSubmissionKey?: string): Promise<Duplicate | undefined> {
    const prefix = info.domainPrefix.toLowerCase();
    const nameKey = normaliseName(info.legalName);
    const [domainFound, nameFound] = await Promise.all([
      this.reservations.read(reservationIds.domain(prefix)),
      this.reservations.read(reservationIds.name(info.country, nameKey)),
    ]);
    const [domainHolder, nameHolder] = await Promise.all([
      this.holderOf(domainFound?.reservation, ownSubmissionKey),
      this.holderOf(nameFound?.reservation, ownSubmissionKey),
    ]);

    if (domainHolder?.record && normaliseName(domainHolder.record.accountInfo.legalName) === nameKey)
      return { kind: 'ownCustomer', customer: existingCustomer(domainHolder.record, 'domainAndName') };
    if (nameHolder?.record)
      return { kind: 'ownCustomer', customer: existingCustomer(nameHolder.record, 'name') };

    const errors: FieldError[] = [];
    if (nameHolder) {
      errors.push(
        fieldError('legalName', 'customer.inProgress.name', {
          legalName: info.legalName,
          country: countryInSentence(info.country),
        }),
      );
    }
    if (domainHolder) {
      const pending = domainHolder.record === undefined;
      const heldNameKey = domainHolder.reservation.nameKey;
      const sameSubmission = nameHolder?.reservation.submissionKey === domainHolder.reservation.submissionKey;
      if (pending && sameSubmission) {
        // One submission of this very customer under way: already said on the legal name.
      } else if (pending && (heldNameKey === undefined || heldNameKey === nameKey)) {
        errors.push(
          fieldError('domainPrefix', 'customer.inProgress.domain', { domain: tenantDomain(prefix) }),
        );
      } else {
        const suggestions = await this.freeAlternatives(prefix, {
          legalName: info.legalName,
          country: info.country,
        });
        errors.push(takenError('domainPrefix', prefix, suggestions));
      }
    }
    return errors.length > 0 ? { kind: 'invalid', errors } : undefined;
  }

  /** The record a reservation names, or the submission still holding it; nothing when it is free. */
  private async holderOf(
    reservation: Reservation | undefined,
    ownSubmissionKey: string | undefined,
  ): Promise<Holder | undefined> {
    if (!reservation) return undefined;
    const stored = await this.customers.read(reservation.customerId);
    if (stored) return { reservation, record: stored.customer };
    if (ownSubmissionKey !== undefined && reservation.submissionKey === ownSubmissionKey) return undefined;
    return (await this.reservations.isHeld(reservation)) ? { reservation } : undefined;
  }

  private newRecord(parts: {
    customerId: string;
    draft: ValidDraft;
    history: Pick<CustomerRecord, 'draftStartedAt' | 'draftTrail' | 'addedAgainFrom'>;
    nameKey: string;
    idempotencyKey: string;
    agent: AgentContext;
    offers: readonly Offer[];
  }): CustomerRecord {
    const { customerId, draft, nameKey, idempotencyKey, agent } = parts;
    const at = this.now().toISOString();
    const prefix = draft.accountInfo.domainPrefix;
    const offers = new Map(parts.offers.map((offer) => [offer.id, offer]));
    return {
      id: customerId,
      status: 'pendingVerification',
      accountInfo: draft.accountInfo,
      domain: tenantDomain(prefix),
      adminSignInName: adminSignInName(prefix),
      nameKey,
      nameSearchKey: searchKey(draft.accountInfo.legalName),
      mca: draft.mca,
      reseller: draft.reseller
        ? {
            id: draft.reseller.id,
            name: draft.reseller.name,
            mpnId: draft.reseller.mpnId,
            tenantId: draft.reseller.tenantId,
          }
        : null,
      // A valid order has every line's term and billing frequency as chosen (or the offer's only one).
      subscriptions: draft.order.lines.map((line) => ({
        ...line,
        offerName: offers.get(line.offerId)?.name ?? line.offerId,
      })),
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
      ...parts.history,
      ...(this.options.partnerCenter ? { partnerCenter: this.partnerCenterEntry(at, agent) } : {}),
    };
  }

  /** The record's entry for the creation worker: due now, and where to tell the agent. */
  private partnerCenterEntry(at: string, agent: AgentContext): PartnerCenterSection {
    const agentObjectId = agent.actor.agentId;
    return {
      state: 'pending',
      attempts: 0,
      nextAttemptAt: at,
      tellAgent: {
        ...(agent.personalChat ? { personalChat: agent.personalChat } : {}),
        ...(agent.origin ? { origin: agent.origin } : {}),
        // The object id Teams gave (`from.aadObjectId`): where a personal chat can be started.
        ...(agent.origin && !agentObjectId.startsWith('unidentified:') ? { agentObjectId } : {}),
        ...(agent.locale ? { locale: agent.locale } : {}),
      },
    };
  }
}

/** The draft's start and trail as the caller kept them, when they are readable. */
function draftHistory(
  draft: DraftInput,
): Pick<CustomerRecord, 'draftStartedAt' | 'draftTrail' | 'addedAgainFrom'> {
  const startedAt = z.iso.datetime().safeParse(draft.startedAt);
  const trail = z.array(draftTrailEventSchema).max(200).safeParse(draft.trail);
  const addedAgainFrom = z.uuid().safeParse(draft.addedAgainFrom);
  return {
    ...(startedAt.success ? { draftStartedAt: startedAt.data } : {}),
    ...(trail.success && trail.data.length > 0 ? { draftTrail: trail.data } : {}),
    ...(addedAgainFrom.success ? { addedAgainFrom: addedAgainFrom.data } : {}),
  };
}

/** The customer as the agent is shown it when it is already the partner's own. */
function existingCustomer(record: CustomerRecord, by: ExistingCustomer['by']): ExistingCustomer {
  const { createdBy } = record;
  return {
    id: record.id,
    legalName: record.accountInfo.legalName,
    country: record.accountInfo.country,
    domain: record.domain,
    status: record.status,
    createdAt: record.createdAt,
    createdBy: {
      id: createdBy.agentId,
      ...(createdBy.displayName ? { name: createdBy.displayName } : {}),
      ...(createdBy.userPrincipalName ? { userPrincipalName: createdBy.userPrincipalName } : {}),
    },
    by,
  };
}

/** 'domainPrefix.taken' at `field`, naming the first free alternative (and all of them). */
function takenError(
  field: string,
  prefix: string,
  suggestions: readonly string[],
  key: 'domainPrefix.taken' | 'domainPrefix.takenInDirectory' = 'domainPrefix.taken',
): FieldError {
  return fieldError(field, key, {
    value: prefix,
    domain: tenantDomain(prefix),
    // Only when every alternative checked is taken: one further along, not checked.
    suggestion: suggestions[0] ?? suggestDomainPrefixes(prefix, 40, { exclude: [prefix] }).at(-1) ?? prefix,
    suggestions: suggestions.join(', '),
  });
}

/** Errors of one section of a draft, their fields prefixed with it: 'domainPrefix' -> 'accountInfo.domainPrefix'. */
function inSection(section: string, errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, field: `${section}.${error.field}` }));
}
