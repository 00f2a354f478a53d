import { dutchAccountInputs, quantityOf, skuOf } from '../dialogs/flowFixtures';
import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { creationMessage } from '../../bot/partnerCenter/creationAnnouncer';
import { containerDefinitions } from '../../services/cosmos/containers';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import { CustomerCreation, type CreationNews } from '../../services/partnerCenter/customerCreation';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { loadTenantDirectory } from '../../services/partnerCenter/local/tenantDirectory';
import { newCustomerOf } from '../../services/partnerCenter/newCustomer';
import type { PartnerCenter } from '../../services/partnerCenter/partnerCenter';
import { PartnerCenterClient } from '../../services/partnerCenter/partnerCenterClient';
import { localPartnerCenterTokens } from '../../services/partnerCenter/partnerCenterCredentials';
import { PendingCreations } from '../../services/partnerCenter/pendingCreations';
import { expectWithinTeamsLimit } from '../harness/cardValidation';
import {
  actionsOf,
  cardsOf,
  startConversationHarness,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { testPartner } from '../harness/serviceHarness';
import { storedCustomer } from '../harness/storedCustomer';
import { onboardingNotificationCard } from '../../dialogs/onboardingNotificationCard';

/**
 * Every card the tests in this folder check, as the real bot produces it: the composed bot (services,
 * dialogs, state in an embedded Cosmos DB) driven through TestAdapter over the scenarios below. No
 * card model is built by hand, so a field the dialogs never pass cannot hide behind a fixture. A third
 * bot checks account info with a local Partner Center (over HTTP, through the REST client), and the
 * creation worker then makes its submitted customers there: what the agent is told of each is drawn
 * by the announcer's own function.
 */

/** The card's template (cards/templates/<template>.json). */
export type TemplateName =
  | 'welcome'
  | 'help'
  | 'language'
  | 'accountInfo'
  | 'mca'
  | 'reseller'
  | 'subscriptions'
  | 'review'
  | 'done'
  | 'ownCustomer'
  | 'confirmCancel'
  | 'submitted'
  | 'notification'
  | 'recentOnboardings'
  | 'relationshipRequest'
  | 'partnerCenterOutcome';

/** Every card the scenarios keep, by name, with its template. */
export const producedCardNames = {
  'welcome: 1:1, may add customers': 'welcome',
  'welcome: 1:1, may not add customers': 'welcome',
  'welcome: group chat': 'welcome',
  'help: outside the flow': 'help',
  'help: in the flow': 'help',
  'language: in English': 'language',
  'language: in Dutch': 'language',
  'account info: first': 'accountInfo',
  'account info: field errors': 'accountInfo',
  'account info: BR, after a country change from a card with errors': 'accountInfo',
  'account info: BR, field errors': 'accountInfo',
  'account info: US, after a country change': 'accountInfo',
  'account info: IN, after a country change': 'accountInfo',
  'account info: from Review': 'accountInfo',
  'account info: IN, country changed from Review': 'accountInfo',
  'MCA: attesting agent': 'mca',
  'MCA: future date': 'mca',
  'MCA: Global admin, may not attest': 'mca',
  'MCA: indirect provider': 'mca',
  'MCA: from Review': 'mca',
  'reseller: list': 'reseller',
  'reseller: search without a match': 'reseller',
  'reseller: no choice made': 'reseller',
  'reseller: from Review, choice kept': 'reseller',
  'reseller: from Review, after a move': 'reseller',
  'subscriptions: first': 'subscriptions',
  'subscriptions: field errors': 'subscriptions',
  'subscriptions: after adding': 'subscriptions',
  'subscriptions: add-on waiting for its base': 'subscriptions',
  'subscriptions: a line refused': 'subscriptions',
  'subscriptions: changing a line': 'subscriptions',
  'subscriptions: more results': 'subscriptions',
  'subscriptions: no match': 'subscriptions',
  'subscriptions: MCA pending': 'subscriptions',
  'subscriptions: from Review': 'subscriptions',
  'review: direct': 'review',
  'review: indirect': 'review',
  'review: update notices after a country change': 'review',
  'review: submit problems': 'review',
  'done: direct': 'done',
  'done: indirect, with reseller': 'done',
  'done: MCA pending': 'done',
  'own customer': 'ownCustomer',
  'confirm cancel': 'confirmCancel',
  'submitted: account info (Teams)': 'submitted',
  'submitted: customer agreement (Teams)': 'submitted',
  'notification: indirect, read in Dutch': 'notification',
  'notification: MCA pending': 'notification',
  'recent onboardings': 'recentOnboardings',
  'relationship request: the customer has a Microsoft tenant': 'relationshipRequest',
  'account info: the customer has a Microsoft tenant': 'accountInfo',
  'account info: address not verified, no suggestion': 'accountInfo',
  'account info: address not verified, a suggestion': 'accountInfo',
  'done: Partner Center creates the customer': 'done',
  'Partner Center outcome: created': 'partnerCenterOutcome',
  'Partner Center outcome: rejected, read in Dutch': 'partnerCenterOutcome',
  'Partner Center outcome: agreement refused': 'partnerCenterOutcome',
} as const satisfies Record<string, TemplateName>;

export type ProducedCardName = keyof typeof producedCardNames;
export type CardJson = ReturnType<AgentDriver['lastCard']>;

/** The harness clock: 23 November 2026, noon UTC. */
export const today = '2026-11-23';
const now = () => new Date(`${today}T12:00:00Z`);
/** The attesting agent's clock as the channel sends it: one hour east of UTC, so their today is named. */
export const attestingAgentTimestamp = `${today}T13:00:00+01:00`;
export const localAgentName = 'Local Agent';

/** What the agent types into the account info card for a Dutch customer, as the store keeps it. */
export const dutchCustomer = (overrides: Record<string, string> = {}): Record<string, string> =>
  dutchAccountInputs({ 'address.postalCode': '1015 CJ', ...overrides });

/** The submits whose answers the tests check against the service's own verdict. */
export const typedForms = {
  /** Account info with a problem in several fields (Dutch rules). */
  accountInfoErrors: dutchCustomer({
    legalName: 'Fabrikam Test Customer',
    domainPrefix: 'fabrikam test',
    'address.postalCode': '10155',
    'primaryContact.email': 'anna@fabrikam.com',
  }),
  /** The Brazilian form as the agent left it: no CNPJ, no phone, no state. */
  brazilErrors: dutchCustomer({
    legalName: 'Café Brasileiro Ltda',
    domainPrefix: 'cafebrasileiro',
    country: 'BR',
    'address.line1': 'Avenida Paulista 1000',
    'address.city': 'São Paulo',
    'address.postalCode': '01310-100',
    language: 'pt',
    culture: 'pt-BR',
  }),
  /** Acceptance a week after the agent's today. */
  mcaFutureDate: { kind: 'attested', acceptedOn: '2026-11-30' },
  /** Typed on the first page and Next pressed: too many licences, an add-on without its base, not a number. */
  subscriptionsErrors: {
    'offers.m365-business-premium.quantity': '500',
    'offers.teams-phone-standard.quantity': '3',
    'offers.o365-e3.quantity': 'ten',
  },
  /** The search that finds no offer. */
  noMatchQuery: 'Contoso Quantum Licence',
} as const;

/** The Indian address the indirect customer moves to from Review. */
export const indianCustomer = {
  legalName: 'Adventure Customer Private Limited',
  'address.state': 'Maharashtra',
  'address.city': 'Mumbai',
  'address.postalCode': '400001',
  'primaryContact.phone': '+91 98765 43210',
  registrationNumber: 'AAACB1234F',
};

export interface ProducedCard {
  name: ProducedCardName;
  template: TemplateName;
  card: CardJson;
}

export interface ProducedCards {
  /** The card of that name (every name is produced, or produceCards fails). */
  get(name: ProducedCardName): CardJson;
  all(): ProducedCard[];
  /** Every string the scenarios typed into a card. */
  typed: ReadonlySet<string>;
  /** The records the scenarios created, as stored. */
  customers: { direct: CustomerRecord; mcaPending: CustomerRecord; indirect: CustomerRecord };
  /** The turns after "help" in the flow: the help card, then the card that waits. */
  helpInFlowReplies: Partial<Activity>[];
  /** What the Partner Center scenarios met and were given. */
  partnerCenter: PartnerCenterRun;
  direct: ConversationHarness;
  indirect: ConversationHarness;
  stop(): Promise<void>;
}

/** A submitted customer's outcome as the creation worker told it, and the card it was drawn as. */
export interface CreationTold {
  record: CustomerRecord;
  news: CreationNews;
  card: CardJson;
}

export interface PartnerCenterRun {
  /** The seeded tenant (local/tenants.json) whose own domain the customer's contact uses. */
  existingTenant: { companyName: string; domain: string };
  /** The relationship request link the local Partner Center gives this partner. */
  relationshipLink: string;
  /** The records the creation worker finished, as stored after it. */
  records: { created: CustomerRecord; rejected: CustomerRecord; agreementRefused: CustomerRecord };
  /** Everything the worker told, in order (the temporary passwords are in these only). */
  told: CreationTold[];
  /** The bot that checks with the local Partner Center. */
  harness: ConversationHarness;
}

/** Entra object ids: a Global admin in the role directory, and an agent it does not know (no roles). */
const teamsGlobalAdmin = '9a8b7c6d-0000-4000-8000-00000000ad01';
const unknownAgent = '9a8b7c6d-0000-4000-8000-00000000ff01';

/**
 * Drives a direct partner's bot, an indirect provider's bot and a direct partner's bot that checks
 * with a local Partner Center over every scenario and collects the cards by name. The harnesses start
 * together (after the local Partner Center); the caller stops them all (`stop`).
 */
export async function produceCards(): Promise<ProducedCards> {
  const partnerCenter = await startPartnerCenter();
  let harnesses: ConversationHarness[];
  try {
    harnesses = await startAll([
      startConversationHarness({ now }),
      startConversationHarness({ now, partner: { type: 'indirectProvider' } }),
      startConversationHarness({ now, partnerCenter: partnerCenter.client }),
    ]);
  } catch (error) {
    await partnerCenter.stop();
    throw error;
  }
  const [direct, indirect, checked] = harnesses as [
    ConversationHarness,
    ConversationHarness,
    ConversationHarness,
  ];
  const stop = async () => {
    await Promise.all(harnesses.map((harness) => harness.stop()));
    await partnerCenter.stop();
  };
  try {
    const collector = new Collector();
    const [, , partnerCenterRun] = await Promise.all([
      directScenarios(direct, collector),
      indirectScenarios(indirect, collector),
      partnerCenterScenarios(checked, partnerCenter, collector),
    ]);
    const customers = {
      direct: await storedCustomer(direct.composed.customers, 'Northwind Traders B.V.'),
      mcaPending: await storedCustomer(direct.composed.customers, 'Later Accept B.V.'),
      indirect: await storedCustomer(indirect.composed.customers, 'Adventure Customer Private Limited'),
    };
    await managerScenarios(direct, indirect, customers, collector);
    const missing = Object.keys(producedCardNames).filter((name) => !collector.cards.has(name));
    if (missing.length > 0) throw new Error(`No scenario produced: ${missing.join(', ')}`);
    return {
      get: (name) => {
        const kept = collector.cards.get(name);
        if (!kept) throw new Error(`No scenario produced "${name}"`);
        return kept.card;
      },
      all: () => [...collector.cards.values()],
      typed: collector.typed,
      customers,
      helpInFlowReplies: collector.helpInFlowReplies,
      partnerCenter: partnerCenterRun,
      direct,
      indirect,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Every harness started, or none left running: one that started is stopped when another did not. */
async function startAll(starting: Promise<ConversationHarness>[]): Promise<ConversationHarness[]> {
  const settled = await Promise.allSettled(starting);
  const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result) => result.status === 'rejected');
  if (!failed) return started;
  await Promise.all(started.map((harness) => harness.stop()));
  throw failed.reason;
}

class Collector {
  readonly cards = new Map<string, ProducedCard>();
  readonly typed = new Set<string>();
  helpInFlowReplies: Partial<Activity>[] = [];
  /** Each agent's replies of their latest turn: a card is kept only when that turn sent it. */
  private readonly latest = new WeakMap<AgentDriver, Partial<Activity>[]>();
  /** Each agent's cards replaced in their latest turn (Teams). */
  private readonly replaced = new WeakMap<AgentDriver, Partial<Activity>[]>();

  /** Keeps the last card the agent's latest turn sent under this name. */
  /**
   * Adds an offer as an agent does: finds it by its SKU unless the card lists it, types the
   * licences and presses Add.
   */
  async addOffer(agent: AgentDriver, offerId: string, quantity: string): Promise<Partial<Activity>[]> {
    const listed = actionsOf(agent.lastCard()).some(
      (action) => action.data?.action === 'addLine' && action.data.offerId === offerId,
    );
    if (!listed) await this.submit(agent, 'search', { offerQuery: skuOf(offerId) });
    return this.submit(agent, 'addLine', { [quantityOf(offerId)]: quantity }, { offerId });
  }

  /** Keeps a card the agent's latest turn sent: its last one, or its first. */
  keep(name: ProducedCardName, agent: AgentDriver, which: 'last' | 'first' = 'last'): CardJson {
    const sent = cardsOf(this.latest.get(agent) ?? []);
    const card = which === 'first' ? sent[0] : sent.at(-1);
    if (!card) throw new Error(`The turn before "${name}" sent no card`);
    return this.keepCard(name, card);
  }

  keepCard(name: ProducedCardName, card: CardJson): CardJson {
    if (this.cards.has(name)) throw new Error(`"${name}" was produced twice`);
    this.cards.set(name, { name, template: producedCardNames[name], card });
    return card;
  }

  async send(agent: AgentDriver, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    return this.turn(agent, () => agent.send(activity));
  }

  async say(agent: AgentDriver, text: string): Promise<Partial<Activity>[]> {
    return this.turn(agent, () => agent.say(text));
  }

  /** Presses a button with these inputs typed, remembering what was typed. */
  async submit(
    agent: AgentDriver,
    action: string,
    inputs: Record<string, string> = {},
    where: Record<string, unknown> = {},
  ): Promise<Partial<Activity>[]> {
    for (const value of Object.values(inputs)) if (value.trim() !== '') this.typed.add(value);
    return this.turn(agent, () => agent.submit(action, inputs, where));
  }

  /** The summary that replaced the card the agent answered in their latest turn (Teams only). */
  keepUpdate(name: ProducedCardName, agent: AgentDriver): CardJson {
    const cards = cardsOf(this.replaced.get(agent) ?? []);
    if (cards.length !== 1) throw new Error(`${cards.length} cards were replaced before "${name}"`);
    return this.keepCard(name, cards[0]!);
  }

  private async turn(
    agent: AgentDriver,
    run: () => Promise<Partial<Activity>[]>,
  ): Promise<Partial<Activity>[]> {
    const updatesBefore = agent.adapter.updates.length;
    const answered = await run();
    this.latest.set(agent, answered);
    this.replaced.set(agent, agent.adapter.updates.slice(updatesBefore));
    return answered;
  }
}

/** Entra object id of a manager in the role directory. */
const teamsManager = '9a8b7c6d-0000-4000-8000-00000000aa01';

/**
 * A manager's cards: the notification the dispatcher sends (drawn by the function it uses, from the
 * stored record), read in Dutch in Amsterdam and in English; and "recent onboardings".
 */
async function managerScenarios(
  direct: ConversationHarness,
  indirect: ConversationHarness,
  customers: { mcaPending: CustomerRecord; indirect: CustomerRecord },
  c: Collector,
): Promise<void> {
  c.keepCard(
    'notification: indirect, read in Dutch',
    await onboardingNotificationCard(customers.indirect, indirect.composed.onboarding, {
      locale: 'nl-NL',
      timeZone: 'Europe/Amsterdam',
    }),
  );
  c.keepCard(
    'notification: MCA pending',
    await onboardingNotificationCard(customers.mcaPending, direct.composed.onboarding, {}),
  );
  await direct.composed.roles.assign(teamsManager, ['manager'], { by: 'test' });
  const manager = direct.agent({ channelId: 'msteams', aadObjectId: teamsManager });
  await c.say(manager, 'recent onboardings');
  c.keep('recent onboardings', manager);
}

/** A conversationUpdate adding the agent (1:1) or the bot (group chat). */
function joined(memberId: string): Partial<Activity> {
  return { type: 'conversationUpdate', membersAdded: [{ id: memberId, name: memberId }] };
}

async function directScenarios(harness: ConversationHarness, c: Collector): Promise<void> {
  await harness.composed.roles.assign(teamsGlobalAdmin, ['globalAdmin'], { by: 'test' });
  await Promise.all([
    welcomeAndHelp(harness, c),
    countryShapes(harness, c),
    globalAdminInTeams(harness, c),
    mcaPendingFlow(harness, c),
    orderShapes(harness, c),
    directFlow(harness, c).then(() => ownCustomer(harness, c)),
  ]);
}

async function welcomeAndHelp(harness: ConversationHarness, c: Collector): Promise<void> {
  const mayAdd = harness.agent();
  await c.send(mayAdd, joined('user-1'));
  c.keep('welcome: 1:1, may add customers', mayAdd);

  const mayNotAdd = harness.agent({ aadObjectId: unknownAgent });
  await c.send(mayNotAdd, joined('user-1'));
  c.keep('welcome: 1:1, may not add customers', mayNotAdd);

  const group = harness.agent();
  // The driver's conversation is 1:1; Teams marks a group chat on the conversation itself.
  const template = group.adapter.template;
  template.conversation = { ...template.conversation!, isGroup: true, conversationType: 'groupChat' };
  await c.send(group, joined('bot'));
  c.keep('welcome: group chat', group);

  const outside = harness.agent();
  await c.say(outside, 'help');
  c.keep('help: outside the flow', outside);

  // Another person: the language they choose is theirs, not that of the other scenarios' agent.
  const choosing = harness.agent({ userId: 'user-choosing-a-language' });
  await c.say(choosing, 'language');
  c.keep('language: in English', choosing);
  await c.say(choosing, 'Nederlands');
  await c.say(choosing, 'taal');
  c.keep('language: in Dutch', choosing);
}

/** One agent through the account info card's shapes: errors, and Brazil, the US and India. */
async function countryShapes(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(agent, 'next', typedForms.accountInfoErrors);
  c.keep('account info: field errors', agent);
  await c.submit(agent, 'next', { country: 'BR' });
  c.keep('account info: BR, after a country change from a card with errors', agent);
  await c.submit(agent, 'next', typedForms.brazilErrors);
  c.keep('account info: BR, field errors', agent);
  await c.submit(agent, 'next', { country: 'US' });
  c.keep('account info: US, after a country change', agent);
  await c.submit(agent, 'next', { country: 'IN' });
  c.keep('account info: IN, after a country change', agent);
}

/** A Global admin in Teams: may add customers, may not attest; answered cards become summaries. */
async function globalAdminInTeams(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent({ channelId: 'msteams', aadObjectId: teamsGlobalAdmin });
  await c.say(agent, 'add customer');
  await c.submit(agent, 'next', dutchCustomer({ legalName: 'Admin Only B.V.', domainPrefix: 'adminonly' }));
  c.keepUpdate('submitted: account info (Teams)', agent);
  c.keep('MCA: Global admin, may not attest', agent);
  await c.submit(agent, 'next', { kind: 'customerWillAccept' });
  c.keepUpdate('submitted: customer agreement (Teams)', agent);
}

/** The customer accepts the MCA later: no subscriptions, and the done card says what waits. */
async function mcaPendingFlow(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({ legalName: 'Later Accept B.V.', domainPrefix: 'lateraccept' }),
  );
  await c.submit(agent, 'next', { kind: 'customerWillAccept' });
  c.keep('subscriptions: MCA pending', agent);
  await c.submit(agent, 'next');
  await c.submit(agent, 'submit');
  c.keep('done: MCA pending', agent);
}

/** A direct partner's customer, every step, Review's Update and cancel kept, then submitted. */
async function directFlow(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent({ localTimestamp: attestingAgentTimestamp });
  await c.say(agent, 'add customer');
  c.keep('account info: first', agent);
  c.helpInFlowReplies = await c.say(agent, 'help');
  c.keepCard('help: in the flow', cardsOf(c.helpInFlowReplies)[0]!);
  await c.submit(agent, 'next', dutchCustomer());
  c.keep('MCA: attesting agent', agent);
  await c.submit(agent, 'next', typedForms.mcaFutureDate);
  c.keep('MCA: future date', agent);
  await c.submit(agent, 'next', { acceptedOn: '2026-11-20' });
  c.keep('subscriptions: first', agent);
  await c.submit(agent, 'next', typedForms.subscriptionsErrors);
  c.keep('subscriptions: field errors', agent);
  await c.submit(agent, 'search', { offerQuery: 'azure plan' });
  await c.submit(agent, 'addLine', { [quantityOf('azure-plan')]: '1' }, { offerId: 'azure-plan' });
  c.keep('subscriptions: after adding', agent);
  await c.submit(agent, 'search', { offerQuery: '' });
  await c.submit(agent, 'next', {
    'offers.m365-business-premium.quantity': '',
    'offers.teams-phone-standard.quantity': '0',
    'offers.o365-e3.quantity': '',
    'offers.m365-business-basic.quantity': '10',
  });
  c.keep('review: direct', agent);

  await c.say(agent, 'cancel');
  c.keep('confirm cancel', agent);
  await c.submit(agent, 'keepDraft');

  await c.submit(agent, 'update', {}, { section: 'accountInfo' });
  c.keep('account info: from Review', agent);
  await c.submit(agent, 'next');
  await c.submit(agent, 'update', {}, { section: 'mca' });
  c.keep('MCA: from Review', agent);
  await c.submit(agent, 'next');
  await c.submit(agent, 'update', {}, { section: 'subscriptions' });
  c.keep('subscriptions: from Review', agent);
  await c.submit(agent, 'next');
  await c.submit(agent, 'submit');
  c.keep('done: direct', agent);
}

/** The order as it is built: an add-on before its base, a change, a refused line, paging, no match. */
async function orderShapes(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({ legalName: 'Order Shapes B.V.', domainPrefix: 'ordershapes' }),
  );
  await c.submit(agent, 'next', { kind: 'attested', acceptedOn: '2026-11-20' });
  await c.addOffer(agent, 'teams-phone-standard', '5');
  c.keep('subscriptions: add-on waiting for its base', agent);
  await c.addOffer(agent, 'm365-business-premium', '500');
  c.keep('subscriptions: a line refused', agent);
  await c.submit(agent, 'changeLine', {}, { offerId: 'teams-phone-standard' });
  c.keep('subscriptions: changing a line', agent);
  await c.submit(agent, 'keepLine', {}, { offerId: 'teams-phone-standard' });
  await c.submit(agent, 'search', { offerQuery: 'e3' });
  await c.submit(agent, 'morePage');
  c.keep('subscriptions: more results', agent);
  await c.submit(agent, 'search', { offerQuery: typedForms.noMatchQuery });
  c.keep('subscriptions: no match', agent);
}

/** The same legal name in the same country again: the partner's own customer. */
async function ownCustomer(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(agent, 'next', dutchCustomer({ domainPrefix: 'northwindagain' }));
  // Its record first, then the account info card again, the draft kept.
  c.keep('own customer', agent, 'first');
}

/** An indirect provider's customer: the reseller step, a move to India from Review, and submit. */
async function indirectScenarios(harness: ConversationHarness, c: Collector): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({ legalName: 'Adventure Customer B.V.', domainPrefix: 'adventurenl' }),
  );
  c.keep('MCA: indirect provider', agent);
  await c.submit(agent, 'next', { kind: 'attested', acceptedOn: '2026-11-20' });
  c.keep('reseller: list', agent);
  await c.submit(agent, 'search', { resellerQuery: 'Tailspin' });
  c.keep('reseller: search without a match', agent);
  await c.submit(agent, 'next', { resellerQuery: '', resellerId: '' });
  c.keep('reseller: no choice made', agent);
  await c.submit(agent, 'next', { resellerId: 'adventure-works-cloud-partners' });
  await c.addOffer(agent, 'm365-business-basic', '10');
  await c.addOffer(agent, 'dynamics-365-sales-enterprise', '5');
  await c.submit(agent, 'next');
  c.keep('review: indirect', agent);
  await c.submit(agent, 'update', {}, { section: 'reseller' });
  c.keep('reseller: from Review, choice kept', agent);
  await c.submit(agent, 'next');

  await c.submit(agent, 'update', {}, { section: 'accountInfo' });
  await c.submit(agent, 'next', { country: 'IN' });
  c.keep('account info: IN, country changed from Review', agent);
  await c.submit(agent, 'next', indianCustomer);
  c.keep('review: update notices after a country change', agent);
  await c.submit(agent, 'submit');
  c.keep('review: submit problems', agent);

  await c.submit(agent, 'update', {}, { section: 'reseller' });
  c.keep('reseller: from Review, after a move', agent);
  await c.submit(agent, 'next', { resellerId: 'wide-world-importers-cloud' });
  await c.submit(agent, 'submit');
  c.keep('done: indirect, with reseller', agent);
}

/** The local Partner Center, and a fault proxy in front of it that answers what a scenario plans. */
interface PartnerCenterParts {
  local: LocalPartnerCenter;
  proxy: FaultProxy;
  /** The REST client on the local Partner Center, as the bot uses it. */
  client: PartnerCenterClient;
  /** The same Partner Center through the proxy. */
  throughProxy: PartnerCenterClient;
  stop(): Promise<void>;
}

async function startPartnerCenter(): Promise<PartnerCenterParts> {
  const token = `produced-cards-${randomUUID()}`;
  const local = await startLocalPartnerCenter({ token, partnerTenantId: testPartner.tenantId });
  let proxy: FaultProxy;
  try {
    proxy = await startFaultProxy(local.endpoint);
  } catch (error) {
    await local.stop();
    throw error;
  }
  const clientOn = (endpoint: string) =>
    new PartnerCenterClient({ endpoint, tokens: localPartnerCenterTokens(token) });
  return {
    local,
    proxy,
    client: clientOn(local.endpoint),
    throughProxy: clientOn(proxy.endpoint),
    async stop() {
      await proxy.stop();
      await local.stop();
    },
  };
}

/** The customers the creation worker makes (or is refused), by legal name. */
const partnerCenterCustomers = {
  created: 'Grachtenpand B.V.',
  rejected: 'Prinsenhof Partners B.V.',
  agreementRefused: 'Herengracht Holding B.V.',
} as const;

/** Partner Center's 400 on the MCA acceptance, as the fault proxy answers it in its place. */
const agreementRefusal = {
  code: '3000',
  description: 'Invalid property. The agreement acceptance is not valid for this customer.',
  errorName: 'InvalidInput',
  data: [],
  source: 'PartnerFD',
};

/**
 * The bot with a local Partner Center: a customer that already has a Microsoft tenant (a seeded
 * tenant's domain as the contact's), an address Partner Center could not verify, and three customers
 * submitted and then worked on by the real creation worker, one at a time: created; refused (its
 * domain taken in Partner Center after the submit, before the worker ran); and its MCA acceptance
 * refused (the fault proxy answers the acceptance 400). The announcer records what
 * `creationMessage` draws for each, as the chat announcer would send it.
 */
async function partnerCenterScenarios(
  harness: ConversationHarness,
  parts: PartnerCenterParts,
  c: Collector,
): Promise<PartnerCenterRun> {
  const existingTenant = await seededTenantOfAnotherPartner();
  const [, createdAgent, rejectedAgent, refusedAgent] = await Promise.all([
    existingTenantFlow(harness, existingTenant, c),
    addressChoiceFlow(harness, c),
    toReview(harness.agent({ locale: 'nl-NL' }), c, {
      legalName: partnerCenterCustomers.rejected,
      domainPrefix: 'prinsenhofpartners',
      mca: { kind: 'customerWillAccept' },
    }),
    toReview(harness.agent(), c, {
      legalName: partnerCenterCustomers.agreementRefused,
      domainPrefix: 'herengrachtholding',
      mca: { kind: 'attested', acceptedOn: '2026-11-20' },
    }),
  ]);

  const told: CreationTold[] = [];
  const customerContainer = harness.database.container(containerDefinitions.customers.id);
  const runWorker = (partnerCenter: PartnerCenter) =>
    new CustomerCreation({
      pending: new PendingCreations(customerContainer),
      partnerCenter,
      announcer: {
        tell: async (record, news) => {
          const { card, summary } = creationMessage(record, news);
          expectWithinTeamsLimit({
            type: 'message',
            summary,
            attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
          });
          told.push({ record, news, card });
          return true;
        },
      },
      giveBack: (record) => harness.composed.customers.giveBack(record),
      log: { info: () => undefined, warn: () => undefined },
      now,
    }).runOnce();
  /**
   * Submits from Review (keeping the done card when `done` names it), does `work` (the worker's round,
   * and what happens in Partner Center before it), and keeps the card the worker told of that customer.
   */
  const outcome = async ({
    name,
    legalName,
    kind,
    agent,
    done,
    work,
  }: {
    name: ProducedCardName;
    legalName: string;
    kind: CreationNews['kind'];
    agent: AgentDriver;
    done?: ProducedCardName;
    work: (submitted: CustomerRecord) => Promise<unknown>;
  }): Promise<CustomerRecord> => {
    await c.submit(agent, 'submit');
    if (done) c.keep(done, agent);
    const submitted = await storedCustomer(harness.composed.customers, legalName);
    await work(submitted);
    const stored = (await harness.composed.customers.getCustomer(submitted.id))?.customer;
    const news = told.filter((entry) => entry.record.id === submitted.id && entry.news.kind === kind).at(-1);
    if (!news || !stored) {
      throw new Error(
        `The worker told nothing "${kind}" of ${legalName}: it told ${JSON.stringify(
          told.filter((entry) => entry.record.id === submitted.id).map((entry) => entry.news.kind),
        )}; the record's Partner Center entry is ${JSON.stringify(stored?.partnerCenter)}`,
      );
    }
    c.keepCard(name, news.card);
    return stored;
  };

  // One customer due at a time, so each round works on that one only.
  const created = await outcome({
    name: 'Partner Center outcome: created',
    legalName: partnerCenterCustomers.created,
    kind: 'created',
    agent: createdAgent,
    done: 'done: Partner Center creates the customer',
    work: () => runWorker(parts.client),
  });
  const rejected = await outcome({
    name: 'Partner Center outcome: rejected, read in Dutch',
    legalName: partnerCenterCustomers.rejected,
    kind: 'rejected',
    agent: rejectedAgent,
    work: async (submitted) => {
      // Another organisation takes the domain in Partner Center between the submit and the create.
      await parts.client.createCustomer(
        { ...newCustomerOf(submitted), companyName: 'Another Organisation B.V.' },
        randomUUID(),
      );
      await runWorker(parts.client);
    },
  });
  const agreementRefused = await outcome({
    name: 'Partner Center outcome: agreement refused',
    legalName: partnerCenterCustomers.agreementRefused,
    kind: 'agreementRefused',
    agent: refusedAgent,
    work: async () => {
      // The create and the agreement template pass; the acceptance is answered 400.
      parts.proxy.plan(['pass', 'pass', { status: 400, body: agreementRefusal }]);
      await runWorker(parts.throughProxy);
    },
  });

  return {
    existingTenant,
    relationshipLink: await parts.client.relationshipRequestLink(),
    records: { created, rejected, agreementRefused },
    told,
    harness,
  };
}

/** A tenant the local Partner Center is seeded with, another partner's, with a domain of its own. */
async function seededTenantOfAnotherPartner(): Promise<PartnerCenterRun['existingTenant']> {
  const directory = await loadTenantDirectory();
  const tenant = directory.file.tenants.find(
    (candidate) => candidate.partner === 'otherPartner' && candidate.customDomains.length > 0,
  );
  if (!tenant) throw new Error("tenants.json seeds no other partner's tenant with a domain of its own");
  return { companyName: tenant.companyName, domain: tenant.customDomains[0]! };
}

/** The contact's email is at a domain in Microsoft's directory: the relationship request, the draft kept. */
async function existingTenantFlow(
  harness: ConversationHarness,
  tenant: PartnerCenterRun['existingTenant'],
  c: Collector,
): Promise<void> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({
      legalName: tenant.companyName,
      domainPrefix: 'existingtenantnl',
      'primaryContact.email': `someone@${tenant.domain}`,
    }),
  );
  // The request first, then the account info card again with the email address marked.
  c.keep('relationship request: the customer has a Microsoft tenant', agent, 'first');
  c.keep('account info: the customer has a Microsoft tenant', agent);
}

/**
 * An address Partner Center could not verify: without a house number (no suggestion), then with the
 * street misspelled (one suggestion), which the agent takes; the customer goes on to Review.
 */
async function addressChoiceFlow(harness: ConversationHarness, c: Collector): Promise<AgentDriver> {
  const agent = harness.agent();
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({
      legalName: partnerCenterCustomers.created,
      domainPrefix: 'grachtenpand',
      'address.line1': 'Keizersgracht',
    }),
  );
  c.keep('account info: address not verified, no suggestion', agent);
  await c.submit(agent, 'next', { 'address.line1': 'Keizersgrcht 12' });
  c.keep('account info: address not verified, a suggestion', agent);
  await c.submit(agent, 'next', { addressChoice: '0' });
  await c.submit(agent, 'next', { kind: 'attested', acceptedOn: '2026-11-20' });
  await c.addOffer(agent, 'm365-business-basic', '10');
  await c.submit(agent, 'next');
  return agent;
}

/** A Dutch customer through every step to Review, not yet submitted. */
async function toReview(
  agent: AgentDriver,
  c: Collector,
  customer: { legalName: string; domainPrefix: string; mca: Record<string, string> },
): Promise<AgentDriver> {
  await c.say(agent, 'add customer');
  await c.submit(
    agent,
    'next',
    dutchCustomer({ legalName: customer.legalName, domainPrefix: customer.domainPrefix }),
  );
  await c.submit(agent, 'next', customer.mca);
  if (customer.mca.kind === 'attested') await c.addOffer(agent, 'm365-business-basic', '10');
  await c.submit(agent, 'next');
  return agent;
}
