import { say } from '../../messages/catalogue';
import {
  inputOf,
  startConversationHarness,
  visibleText,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

/** 13:16 UTC on 30 November: already 1 December in UTC+13 and UTC+14, still 30 November almost everywhere. */
const afternoonUtc = new Date('2026-11-30T13:16:00Z');

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => afternoonUtc });
});
afterAll(async () => harness.stop());

async function atAgreementStep(agent: ReturnType<ConversationHarness['agent']>, domainPrefix: string) {
  await agent.say('add customer');
  await agent.submit('next', dutchAccountInputs({ legalName: `${domainPrefix} B.V.`, domainPrefix }));
  return agent.lastCard();
}

describe('the acceptance date when the channel does not say where the agent is', () => {
  it('offers the UTC date, never a date that may not have begun for the agent', async () => {
    const card = await atAgreementStep(harness.agent(), 'nooffsetdefault');
    const date = inputOf(card, 'acceptedOn');
    expect(date?.value).toBe('2026-11-30');
    expect(date?.max).toBe('2026-11-30');
    expect(JSON.stringify(card)).toContain(say('card.mca.acceptedOn.inFuture'));
    expect(JSON.stringify(card)).not.toContain('2026-12-01');
  });

  it('moves on with the offered date', async () => {
    const agent = harness.agent();
    await atAgreementStep(agent, 'nooffsetrecorded');
    await agent.submit('next', { kind: 'attested' });
    expect(visibleText(agent.lastCard())).not.toMatch(/future|not begun/i);
  });

  it('compares in UTC: refuses a date after the UTC date (as the card\'s max does) without naming a "today"', async () => {
    for (const [domainPrefix, acceptedOn] of [
      ['nooffsetahead', '2026-12-01'],
      ['nooffsetrefused', '2026-12-02'],
    ] as const) {
      const agent = harness.agent();
      await atAgreementStep(agent, domainPrefix);
      await agent.submit('next', { kind: 'attested', acceptedOn });
      const card = visibleText(agent.lastCard());
      expect(card).toContain(say('mca.acceptedOn.futureAnywhere', { value: acceptedOn }));
      expect(card).not.toMatch(/today is/);
    }
  });

  it("names the agent's today when the channel gives their offset", async () => {
    const agent = harness.agent({ localTimestamp: '2026-12-01T02:16:00+13:00' });
    const card = await atAgreementStep(agent, 'withoffset');
    expect(inputOf(card, 'acceptedOn')?.value).toBe('2026-12-01');
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-12-02' });
    expect(visibleText(agent.lastCard())).toContain('(today is 2026-12-01)');
  });
});
