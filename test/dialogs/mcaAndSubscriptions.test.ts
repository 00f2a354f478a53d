import { say } from '../../messages/catalogue';
import { RoleDirectory } from '../../services/roles/roleDirectory';
import {
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { dutchAccountInputs } from './flowFixtures';

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T11:30:00Z') });
});
afterAll(async () => harness.stop());

describe('the customer agreement step', () => {
  it('has no choice made for the agent: Next without one asks for it, and nothing is attested', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'No Default B.V.', domainPrefix: 'nodefault' }),
    );
    expect(inputOf(agent.lastCard(), 'kind')?.value).toBe('');
    await agent.submit('next');
    expect(visibleText(agent.lastCard())).toContain(say('mca.kind.required'));
    expect(inputOf(agent.lastCard(), 'kind')).toBeDefined();
  });

  it('refuses a date in the future and keeps what was entered', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Future Dates B.V.', domainPrefix: 'futuredates' }),
    );
    await agent.submit('next', {
      kind: 'attested',
      acceptedOn: '2026-12-01',
      'acceptedBy.lastName': 'Bakker',
    });
    const card = agent.lastCard();
    expect(visibleText(card)).toMatch(/future/i);
    expect(inputOf(card, 'acceptedOn')?.value).toBe('2026-12-01');
    expect(inputOf(card, 'acceptedBy.lastName')?.value).toBe('Bakker');
  });

  it("accepts the agent's own today when the agent is ahead of UTC", async () => {
    const agent = harness.agent({ localTimestamp: '2026-11-24T00:30:00+13:00' });
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Pacific Time B.V.', domainPrefix: 'pacifictime' }),
    );
    expect(inputOf(agent.lastCard(), 'acceptedOn')?.value).toBe('2026-11-24');
    await agent.submit('next', { kind: 'attested' });
    expect(inputOf(agent.lastCard(), 'offers.m365-business-premium.quantity')).toBeDefined();
  });

  it('lets the customer accept later; then ordering waits and the customer is added without subscriptions', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Later Acceptance B.V.', domainPrefix: 'lateraccept' }),
    );
    await agent.submit('next', { kind: 'customerWillAccept' });
    const subscriptions = agent.lastCard();
    expect(visibleText(subscriptions)).toMatch(/Microsoft 365 admin center/);
    expect(inputOf(subscriptions, 'offers.m365-business-premium.quantity')).toBeUndefined();
    await agent.submit('next');
    expect(visibleText(agent.lastCard())).toMatch(/accepts it later/);
    await agent.submit('submit');
    const done = visibleText(agent.lastCard());
    expect(done).toContain('admin@lateraccept.onmicrosoft.com');
    expect(done).toMatch(/still has to accept the Microsoft Customer Agreement/);
  });

  it('does not offer attestation to a Global admin, and says why', async () => {
    const roles = RoleDirectory.forDatabase(harness.database);
    await roles.assign('9a8b7c6d-0000-4000-8000-000000000001', ['globalAdmin'], { by: 'test' });
    const agent = harness.agent({
      channelId: 'msteams',
      aadObjectId: '9a8b7c6d-0000-4000-8000-000000000001',
    });
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Admin Only B.V.', domainPrefix: 'adminonly' }),
    );
    const card = agent.lastCard();
    const choices = (inputOf(card, 'kind')?.choices as { value: string }[]) ?? [];
    expect(choices.map((choice) => choice.value)).toEqual(['customerWillAccept']);
    expect(visibleText(card)).toMatch(/Admin agents? and Sales agents?/i);

    await agent.send({ value: { ...(await forgedAttest(card)) } });
    expect(visibleText(agent.lastCard())).toMatch(/Admin agent|Sales agent/);
    expect(textsOf(agent.transcript).join(' ')).not.toMatch(/Subscriptions/);
  });
});

describe('the subscriptions step', () => {
  // Finding, adding, changing and removing offers: subscriptionsOrder.test.ts.
  it('applies the offer rules to what Next finds typed, with their messages at the offer', async () => {
    const agent = harness.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Offer Rules B.V.', domainPrefix: 'offerrules' }),
    );
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    await agent.submit('next', {
      'offers.m365-business-premium.quantity': '500',
      'offers.teams-phone-standard.quantity': '2',
    });
    const card = agent.lastCard();
    expect(visibleText(card)).toMatch(/1 to 300 licences; you entered 500/);
    expect(inputOf(card, 'offers.m365-business-premium.quantity')?.value).toBe(500);

    await agent.submit('next', {
      'offers.m365-business-premium.quantity': '',
      'offers.teams-phone-standard.quantity': '2',
    });
    expect(visibleText(agent.lastCard())).toMatch(/Teams Phone Standard.*needs/);

    await agent.submit('next', {
      'offers.m365-business-premium.quantity': '10',
      'offers.teams-phone-standard.quantity': '2',
    });
    expect(visibleText(agent.lastCard())).toContain('Teams Phone Standard');
    expect(agent.lastCard().body).toBeDefined();
  });
});

/** What a tampered submit would send: "attested" although the card did not offer it. */
async function forgedAttest(card: Record<string, unknown>) {
  const button = JSON.stringify(card).match(/"promptId":"([^"]+)"/);
  return {
    promptId: button?.[1],
    action: 'next',
    mcaChoice: 'attested',
    acceptedByFirstName: 'Anna',
    acceptedByLastName: 'Jansen',
    acceptedByEmail: 'anna.jansen@northwind.nl',
    acceptedOn: '2026-11-20',
  };
}
