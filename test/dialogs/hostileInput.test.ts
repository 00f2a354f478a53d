import { maxInputLength } from '../../dialogs/cardPrompt';
import { messagesByField } from '../../dialogs/stepView';
import { containerDefinitions } from '../../services/cosmos/containers';
import { say, sayIn } from '../../messages/catalogue';
import {
  inputOf,
  startConversationHarness,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => harness.stop());

/** The size of the state document that holds this agent's draft, found by a text only it contains. */
async function stateSize(marker: string): Promise<number> {
  const { resources } = await harness.database
    .container(containerDefinitions.botState.id)
    .items.readAll()
    .fetchAll();
  const documents = resources.map((item) => JSON.stringify(item)).filter((text) => text.includes(marker));
  expect(documents).toHaveLength(1);
  return documents[0]!.length;
}

const cardSize = (agent: AgentDriver) => JSON.stringify(agent.lastCard()).length;

describe('values longer than any field takes', () => {
  it('are refused before they are kept or drawn: the card comes back with what was there and a word at the field', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Before Long B.V.', 'address.postalCode': '12' }),
    );
    const huge = 'A'.repeat(100_000);
    await agent.submit('next', { legalName: huge, 'address.line2': huge, domainPrefix: 'longvalues' });

    const card = agent.lastCard();
    expect(inputOf(card, 'legalName')?.value).toBe('Before Long B.V.');
    expect(inputOf(card, 'domainPrefix')?.value).toBe('northwindnl');
    const message = say('card.inputTooLong', { max: maxInputLength });
    expect(visibleText(card).split(message)).toHaveLength(3);
    expect(cardSize(agent)).toBeLessThan(30_000);
    expect(await stateSize('Before Long B.V.')).toBeLessThan(10_000);
  });

  it('quote at most a short excerpt of a bad value in the message', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    const typed = `9${'9'.repeat(maxInputLength - 1)}`;
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Excerpt Foods B.V.', 'address.postalCode': typed }),
    );
    const text = visibleText(agent.lastCard());
    expect(text).toContain(`"${'9'.repeat(39)}…" is not a valid postal code`);
    expect(text).not.toContain('9'.repeat(41));
  });

  it("keep only the subscriptions card's own inputs: forged offers are not stored", async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Forged Offers B.V.', domainPrefix: 'forgedoffers' }),
    );
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    const forged = Object.fromEntries(
      Array.from({ length: 2000 }, (_, index) => [`offers.forged-offer-${index}.quantity`, '5']),
    );
    await agent.submit('next', { ...forged, 'offers.m365-business-basic.quantity': '2' });
    expect(visibleText(agent.lastCard())).toContain('Review');
    expect(visibleText(agent.lastCard())).not.toContain('forged-offer');
    expect(await stateSize('Forged Offers B.V.')).toBeLessThan(10_000);
  });
});

describe('a field path that names a property of every object', () => {
  it('keeps its message under that path, like any other field', () => {
    const problems = [
      { field: '__proto__', key: 'card.inputTooLong' as const, params: { max: maxInputLength } },
      { field: 'constructor', key: 'card.inputTooLong' as const, params: { max: maxInputLength } },
    ];
    const messages = messagesByField(sayIn('en'), problems);
    expect(Object.keys(messages).sort()).toEqual(['__proto__', 'constructor']);
    expect(messages.constructor).toBe(say('card.inputTooLong', { max: maxInputLength }));
  });
});
