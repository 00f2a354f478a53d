import type { Activity } from 'botbuilder';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { actionsOf, cardsOf, inputValues, textsOf, visibleText } from '../harness/conversationHarness';
import type { BenchClient } from './benchClient';

/** What one agent sends to add one customer, turn by turn. */
export const onboardingTurns = ['start', 'accountInfo', 'mca', 'subscriptions', 'submit'] as const;
export type OnboardingTurn = (typeof onboardingTurns)[number];
export const turnsPerOnboarding = onboardingTurns.length;

/** Told about each turn: `before` (may be async: the turn waits for it) and `after` with its timing. */
export interface TurnObserver {
  before?(turn: string): Promise<void> | void;
  after(turn: string, startMs: number, endMs: number): Promise<void> | void;
}

export class OnboardingFailure extends Error {
  override name = 'OnboardingFailure';
  constructor(
    readonly turn: string,
    reason: string,
    replies: Partial<Activity>[] = [],
  ) {
    const said = textsOf(replies).join(' | ').slice(0, 300);
    super(`${turn}: ${reason}${said ? ` (the bot said: ${said})` : ''}`);
  }
}

export interface BenchCompany {
  legalName: string;
  domainPrefix: string;
}

/**
 * A customer no other onboarding of any run adds: "Bench Company k3x9a 0042 B.V." and
 * "benchk3x9a0042" (the run tag keeps runs against a persistent Azure Cosmos DB apart). The name
 * passes the legal-name rules: not a placeholder or test name, not an acronym.
 */
export function benchCompany(runTag: string, sequence: number): BenchCompany {
  const number = String(sequence).padStart(4, '0');
  return { legalName: `Bench Company ${runTag} ${number} B.V.`, domainPrefix: `bench${runTag}${number}` };
}

type Card = ReturnType<typeof cardsOf>[number];

async function turn(
  client: BenchClient,
  name: string,
  activity: string | Partial<Activity>,
  observer: TurnObserver,
): Promise<Partial<Activity>[]> {
  await observer.before?.(name);
  const start = performance.now();
  let replies: Partial<Activity>[];
  try {
    replies = await client.send(activity);
  } catch (error) {
    throw new OnboardingFailure(name, (error as Error).message);
  }
  await observer.after(name, start, performance.now());
  return replies;
}

function expectCard(
  turnName: string,
  replies: Partial<Activity>[],
  what: string,
  test: (card: Card) => boolean,
): Card {
  const card = cardsOf(replies).find(test);
  if (!card) throw new OnboardingFailure(turnName, `expected ${what}`, replies);
  return card;
}

const hasInput = (id: string | RegExp) => (card: Card) =>
  Object.keys(inputValues(card)).some((input) => (typeof id === 'string' ? input === id : id.test(input)));

/** The card's submit: its inputs as shown, changed where the agent typed, plus the button's data. */
function submitOf(turnName: string, card: Card, action: string, typed: Record<string, string> = {}) {
  const button = actionsOf(card).find((candidate) => candidate.data?.action === action);
  if (!button?.data) throw new OnboardingFailure(turnName, `no "${action}" button on the card`);
  const values = button.associatedInputs === 'none' ? {} : { ...inputValues(card), ...typed };
  return { value: { ...values, ...button.data } };
}

/** The offer ordered: Microsoft 365 Business Premium where the card lists it, else the first offer. */
function orderedQuantity(card: Card): Record<string, string> {
  const ids = Object.keys(inputValues(card)).filter((id) => /^offers\.[^.]+\.quantity$/.test(id));
  const id = ids.find((candidate) => candidate === 'offers.m365-business-premium.quantity') ?? ids[0];
  return id ? { [id]: '10' } : {};
}

/**
 * One complete onboarding in a new conversation, each submit built from the card the bot returned
 * (prompt id from the button's data, the inputs' values), as Teams or Web Chat sends it. Throws an
 * OnboardingFailure when a turn does not bring the expected card; with `stopAfter` it leaves the
 * onboarding in flight after that turn.
 */
export async function runOnboarding(
  client: BenchClient,
  company: BenchCompany,
  observer: TurnObserver,
  stopAfter?: OnboardingTurn,
): Promise<void> {
  const started = await turn(client, 'start', 'add customer', observer);
  const accountCard = expectCard('start', started, 'the account info card', hasInput('legalName'));
  if (stopAfter === 'start') return;

  const typed = dutchAccountInputs({ legalName: company.legalName, domainPrefix: company.domainPrefix });
  const afterAccount = await turn(
    client,
    'accountInfo',
    submitOf('accountInfo', accountCard, 'next', typed),
    observer,
  );
  const mcaCard = expectCard('accountInfo', afterAccount, 'the MCA card', hasInput('kind'));
  if (stopAfter === 'accountInfo') return;

  const afterMca = await turn(
    client,
    'mca',
    submitOf('mca', mcaCard, 'next', { kind: 'attested' }),
    observer,
  );
  const offersCard = expectCard(
    'mca',
    afterMca,
    'the subscriptions card',
    hasInput(/^offers\.[^.]+\.quantity$/),
  );
  if (stopAfter === 'mca') return;

  const order = orderedQuantity(offersCard);
  const afterOrder = await turn(
    client,
    'subscriptions',
    submitOf('subscriptions', offersCard, 'next', order),
    observer,
  );
  const reviewCard = expectCard('subscriptions', afterOrder, 'the review card', (card) =>
    actionsOf(card).some((action) => action.data?.action === 'submit'),
  );
  if (stopAfter === 'subscriptions') return;

  const done = await turn(client, 'submit', submitOf('submit', reviewCard, 'submit'), observer);
  const adminSignIn = `admin@${company.domainPrefix}.onmicrosoft.com`;
  expectCard('submit', done, `the done card for ${adminSignIn}`, (card) =>
    visibleText(card).includes(adminSignIn),
  );
}

/**
 * The peer's conversation (test/bench/peerBot.ts): a greeting, then the four text prompts answered,
 * as many turns as an onboarding.
 */
export const peerTurns = ['greeting', 'companyName', 'domain', 'country', 'email'] as const;

export async function runPeerConversation(
  client: BenchClient,
  company: BenchCompany,
  observer: TurnObserver,
): Promise<void> {
  const answers: Record<(typeof peerTurns)[number], string> = {
    greeting: 'hello',
    companyName: company.legalName,
    domain: company.domainPrefix,
    country: 'NL',
    email: `it@${company.domainPrefix}.example`,
  };
  const expected = ['company name', 'domain prefix', 'country', 'email address', 'is noted'];
  for (const [index, name] of peerTurns.entries()) {
    const replies = await turn(client, name, answers[name], observer);
    if (!textsOf(replies).some((text) => text.includes(expected[index]!)))
      throw new OnboardingFailure(name, `expected "${expected[index]}"`, replies);
  }
}

/** The echo bot's share of the same load: as many turns as an onboarding, in a new conversation. */
export async function runEchoSequence(client: BenchClient, observer: TurnObserver): Promise<void> {
  for (const name of onboardingTurns) {
    const text = `${name} ${client.conversationId}`;
    const replies = await turn(client, name, text, observer);
    if (!textsOf(replies).includes(`Echo: ${text}`)) throw new OnboardingFailure(name, 'no echo', replies);
  }
}
