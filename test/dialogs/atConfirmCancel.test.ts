import { say } from '../../messages/catalogue';
import {
  cardsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => harness.stop());

/** An agent at the MCA step who typed "cancel": the "discard the draft?" card waits. */
async function agentAskedToConfirmCancel() {
  const agent = harness.agent();
  await agent.say('add customer');
  await agent.submit('next', dutchAccountInputs({ legalName: 'Undecided B.V.', domainPrefix: 'undecided' }));
  await agent.say('cancel');
  expect(visibleText(agent.lastCard())).toMatch(/discard/i);
  return agent;
}

describe('commands while the "discard the draft?" question is open', () => {
  it('help shows the commands and asks the question again', async () => {
    const agent = await agentAskedToConfirmCancel();
    const replies = await agent.say('help');
    const cards = cardsOf(replies);
    expect(cards).toHaveLength(2);
    expect(visibleText(cards[0]!)).toMatch(/cancel/i);
    expect(visibleText(cards[1]!)).toMatch(/discard/i);
    expect(textsOf(replies).join(' ')).not.toMatch(/went wrong/);
  });

  it('cancel asks the same question again, and keeping the draft still brings the step back', async () => {
    const agent = await agentAskedToConfirmCancel();
    const replies = await agent.say('cancel');
    expect(textsOf(replies).join(' ')).not.toMatch(/went wrong/);
    expect(visibleText(agent.lastCard())).toMatch(/discard/i);
    await agent.submit('keepDraft');
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
  });

  it('add customer says a draft is open and asks the question again', async () => {
    const agent = await agentAskedToConfirmCancel();
    const replies = await agent.say('add customer');
    expect(textsOf(replies)).toContain(say('flow.alreadyRunning'));
    expect(visibleText(agent.lastCard())).toMatch(/discard/i);
    const discarded = await agent.submit('confirmCancel');
    expect(textsOf(discarded).join(' ')).toMatch(/draft is discarded/);
  });

  it('free text gets the hint and the question again', async () => {
    const agent = await agentAskedToConfirmCancel();
    const replies = await agent.say('hmm, not sure');
    expect(textsOf(replies).join(' ')).not.toMatch(/went wrong/);
    expect(visibleText(agent.lastCard())).toMatch(/discard/i);
  });
});
