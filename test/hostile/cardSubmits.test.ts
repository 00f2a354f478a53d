import { en } from '../../messages/en';
import fc from 'fast-check';
import { containerDefinitions } from '../../services/cosmos/containers';
import { countItems } from '../harness/countItems';
import {
  actionsOf,
  cardsOf,
  inputValues,
  startConversationHarness,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { hostileText, hostileValue } from './generators';

/** Generated submits per card; every run is one turn of the real bot on the embedded store. */
const runsPerCard = 150;

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({
    partner: { type: 'indirectProvider' },
    now: () => new Date('2026-11-23T12:00:00Z'),
  });
});
afterAll(async () => harness.stop());

let company = 0;
const cards: { name: string; reach: (agent: AgentDriver) => Promise<void> }[] = [
  { name: 'account info', reach: async (agent) => void (await agent.say('add customer')) },
  { name: 'customer agreement', reach: (agent) => untilMca(agent) },
  {
    name: 'reseller',
    reach: async (agent) => {
      await untilMca(agent);
      await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    },
  },
  {
    name: 'subscriptions',
    reach: async (agent) => {
      await untilMca(agent);
      await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
      await agent.submit('next', { resellerId: 'directCustomer' });
    },
  },
  {
    name: 'review',
    reach: async (agent) => {
      await untilMca(agent);
      await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
      await agent.submit('next', { resellerId: 'directCustomer' });
      await agent.submit('next', { 'offers.m365-business-basic.quantity': '2' });
    },
  },
];

async function untilMca(agent: AgentDriver) {
  company += 1;
  await agent.say('add customer');
  await agent.submit(
    'next',
    dutchAccountInputs({
      legalName: `Hostile Input ${company} B.V.`,
      domainPrefix: `hostileinput${company}`,
    }),
  );
}

const promptIdOf = (card: ReturnType<AgentDriver['lastCard']>): string =>
  String(actionsOf(card).find((action) => action.data?.promptId)?.data?.promptId ?? '');

/** The latest card that waits for an answer (help and Done cards carry no prompt id). */
function lastStepCard(agent: AgentDriver) {
  return [...cardsOf(agent.transcript)].reverse().find((card) => promptIdOf(card) !== '') ?? agent.lastCard();
}

/** What the bot may say besides cards: catalogue sentences (without parameters). */
const catalogueSentences = new Set<string>(
  Object.values(en).flatMap((entry) => (typeof entry === 'string' ? [entry] : [])),
);

const doneCards = (agent: AgentDriver) =>
  cardsOf(agent.transcript).filter((card) => JSON.stringify(card).includes('Customer added')).length;

describe.each(cards)('generated submits of the $name card', ({ reach }) => {
  it(`get a card or a clear message, never a failure, and create no record unless a Done says so (${runsPerCard} cases)`, async () => {
    const agent = harness.agent();
    await reach(agent);
    const card = agent.lastCard();
    const inputIds = Object.keys(inputValues(card));
    const actions = actionsOf(card).map((action) => String(action.data?.action ?? action.data?.command));
    const before = await countItems(harness.database, containerDefinitions.customers.id);

    // The prompt id is taken from the card that waits when the case runs (each redraw makes a new
    // one): most cases answer the current card, the rest an older or a made-up one.
    const submit = fc.record(
      {
        prompt: fc.oneof(
          { weight: 3, arbitrary: fc.constant('current' as const) },
          fc.constant('older' as const),
          hostileText,
        ),
        action: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...actions, 'cancel') }, hostileText),
        inputs: fc.dictionary(
          fc.oneof(
            { weight: 3, arbitrary: inputIds.length > 0 ? fc.constantFrom(...inputIds) : hostileText },
            fc.constantFrom('__proto__', 'constructor', 'offers.__proto__.quantity', 'address.__proto__'),
            hostileText,
          ),
          hostileValue,
          { maxKeys: 8 },
        ),
      },
      { requiredKeys: ['inputs'] },
    );
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(submit, async ({ prompt, action, inputs }) => {
        cases += 1;
        const waiting = promptIdOf(lastStepCard(agent));
        const promptId =
          prompt === 'current' ? waiting : prompt === 'older' ? `${waiting.split(':')[0]}:0` : prompt;
        const value = {
          ...inputs,
          ...(promptId === undefined ? {} : { promptId }),
          ...(action === undefined ? {} : { action }),
        };
        const replies = await agent.send({ value });
        expect(replies.length).toBeGreaterThan(0);
        for (const reply of replies) {
          if (cardsOf([reply]).length === 0) expect(catalogueSentences.has(reply.text ?? '')).toBe(true);
        }
        expect(Object.prototype).not.toHaveProperty('quantity');
        expect(Object.prototype).not.toHaveProperty('line1');
        const records = await countItems(harness.database, containerDefinitions.customers.id);
        expect(records - before).toBeLessThanOrEqual(doneCards(agent));
      }),
      { numRuns: runsPerCard },
    );
    expect(cases).toBe(runsPerCard);
    // The conversation still answers: the state every case left behind reads back.
    expect((await agent.say('help')).length).toBeGreaterThan(0);
  });
});
