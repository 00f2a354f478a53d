import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import { clientFor, PARTNER_TENANT_ID, TOKEN } from '../partnerCenter/fixtures';
import {
  actionsOf,
  cardsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs, quantityOf } from './flowFixtures';

let harness: ConversationHarness;
let partnerCenter: LocalPartnerCenter;
beforeAll(async () => {
  partnerCenter = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
  harness = await startConversationHarness({
    partner: { type: 'indirectProvider' },
    now: () => new Date('2026-11-23T12:00:00Z'),
    partnerCenter: clientFor(partnerCenter.endpoint),
  });
});
afterAll(async () => {
  await harness.stop();
  await partnerCenter.stop();
});

type Card = ReturnType<AgentDriver['lastCard']>;

/** Every place the bot waits for the agent, how to get there, and what its card's Next says. */
const points: {
  name: string;
  step: string;
  next: string;
  reach: (agent: AgentDriver) => Promise<void>;
  /** An input the waiting card must still have when it comes back. */
  keeps?: string;
}[] = [
  {
    name: 'account info (drawn again after a problem)',
    step: 'accountInfo',
    next: 'Next: Customer agreement',
    reach: async (agent) => {
      await agent.say('add customer');
      await agent.submit('next', dutchAccountInputs({ legalName: 'KPMG' }));
    },
  },
  {
    name: "account info with Partner Center's address suggestions",
    step: 'accountInfo',
    next: 'Next: Customer agreement',
    keeps: 'addressChoice',
    reach: async (agent) => {
      await agent.say('add customer');
      await agent.submit(
        'next',
        dutchAccountInputs({
          legalName: 'Suggested Address B.V.',
          domainPrefix: 'suggestedaddress',
          'address.line1': 'Keizersgrcht 12',
        }),
      );
    },
  },
  { name: 'the customer agreement', step: 'mca', next: 'Next: Reseller', reach: (agent) => untilMca(agent) },
  {
    name: 'the reseller',
    step: 'reseller',
    next: 'Next: Subscriptions',
    reach: async (agent) => {
      await untilMca(agent);
      await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    },
  },
  {
    name: 'subscriptions',
    step: 'subscriptions',
    next: 'Next: Review',
    reach: async (agent) => untilSubscriptions(agent),
  },
  {
    name: 'review',
    step: 'review',
    next: 'Submit',
    reach: async (agent) => untilReview(agent),
  },
  {
    name: 'the customer agreement opened by Update on Review',
    step: 'mca',
    next: 'Save and back to Review',
    reach: async (agent) => {
      await untilReview(agent);
      await agent.submit('update', {}, { section: 'mca' });
    },
  },
];

let company = 0;
async function untilMca(agent: AgentDriver) {
  company += 1;
  await agent.say('add customer');
  await agent.submit(
    'next',
    dutchAccountInputs({
      legalName: `Waiting Point ${company} B.V.`,
      domainPrefix: `waitingpoint${company}`,
    }),
  );
}
async function untilSubscriptions(agent: AgentDriver) {
  await untilMca(agent);
  await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
  await agent.submit('next', { resellerId: 'adventure-works-cloud-partners' });
}
async function untilReview(agent: AgentDriver) {
  await untilSubscriptions(agent);
  await agent.submit('next', { [quantityOf('m365-business-basic')]: '3' });
}

const promptOf = (card: Card): string => String(actionsOf(card)[0]?.data?.promptId ?? '');
const stepOf = (card: Card): string => promptOf(card).split(':')[0]!;
const titlesOf = (card: Card) => actionsOf(card).map((action) => action.title);

/** The agent is at this point; an earlier card of the same flow is at hand as a stale one. */
async function at(point: (typeof points)[number]) {
  const agent = harness.agent();
  await point.reach(agent);
  const cards = cardsOf(agent.transcript);
  const waiting = agent.lastCard();
  const stale = cards
    .slice(0, -1)
    .reverse()
    .find((card) => promptOf(card) !== '')!;
  expect(stepOf(waiting)).toBe(point.step);
  expect(titlesOf(waiting)).toContain(point.next);
  if (point.keeps) expect(inputOf(waiting, point.keeps)).toBeDefined();
  return { agent, waiting, stale };
}

/** The same step waits again, with the same Next. */
function expectWaiting(agent: AgentDriver, point: (typeof points)[number]) {
  expect(stepOf(agent.lastCard())).toBe(point.step);
  expect(titlesOf(agent.lastCard())).toContain(point.next);
  if (point.keeps) expect(inputOf(agent.lastCard(), point.keeps)).toBeDefined();
}

describe.each(points)('while $name waits', (point) => {
  it('help shows the commands and the waiting card again', async () => {
    const { agent } = await at(point);
    const replies = await agent.say('help');
    expect(cardsOf(replies)).toHaveLength(2);
    expectWaiting(agent, point);
  });

  it('cancel asks first; keeping the draft brings the same card back', async () => {
    const { agent } = await at(point);
    const asked = await agent.say('cancel');
    expect(stepOf(cardsOf(asked)[0]!)).toBe('confirmCancel');
    const kept = await agent.submit('keepDraft');
    expect(textsOf(kept).join(' ')).toMatch(/draft is kept/);
    expectWaiting(agent, point);
  });

  it("the card's own Cancel asks the same question", async () => {
    const { agent } = await at(point);
    const asked = await agent.submit('cancel');
    expect(stepOf(cardsOf(asked)[0]!)).toBe('confirmCancel');
    await agent.submit('keepDraft');
    expectWaiting(agent, point);
  });

  it('add customer says a draft is open and shows the waiting card again', async () => {
    const { agent } = await at(point);
    const replies = await agent.say('add customer');
    expect(textsOf(replies).join(' ')).toMatch(/already adding a customer/);
    expectWaiting(agent, point);
  });

  it('free text gets a hint and the waiting card again', async () => {
    const { agent } = await at(point);
    const replies = await agent.say('what now?');
    expect(textsOf(replies).join(' ')).toMatch(/waiting for your answer/);
    expectWaiting(agent, point);
  });

  it("an older card's buttons, its first one or Cancel, change nothing", async () => {
    const { agent, waiting, stale } = await at(point);
    for (const action of [String(actionsOf(stale)[0]!.data!.action), 'cancel']) {
      const replies = await agent.submitOn(stale, action);
      expect(textsOf(replies).join(' ')).toMatch(/no longer active, so nothing changed/);
      expect(cardsOf(replies)).toHaveLength(0);
    }
    expect(promptOf(agent.lastCard())).toBe(promptOf(waiting));
  });
});
