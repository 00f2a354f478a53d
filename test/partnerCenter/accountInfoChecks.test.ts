import { containerDefinitions } from '../../services/cosmos/containers';
import {
  startLocalPartnerCenter,
  type LocalPartnerCenter,
} from '../../services/partnerCenter/local/localPartnerCenter';
import {
  cardsOf,
  elementsOf,
  inputOf,
  startConversationHarness,
  textsOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { dutchAccountInputs } from '../dialogs/flowFixtures';
import { clientFor, PARTNER_TENANT_ID, TOKEN } from './fixtures';

let local: LocalPartnerCenter;
let proxy: FaultProxy;
let harness: ConversationHarness;

beforeAll(async () => {
  local = await startLocalPartnerCenter({ token: TOKEN, partnerTenantId: PARTNER_TENANT_ID });
  proxy = await startFaultProxy(local.endpoint);
  harness = await startConversationHarness({
    now: () => new Date('2026-11-23T12:00:00Z'),
    partnerCenter: clientFor(proxy.endpoint),
  });
});
afterAll(async () => {
  await harness?.stop();
  await proxy?.stop();
  await local?.stop();
});
beforeEach(() => proxy.plan([]));

async function accountInfo(agent: AgentDriver, overrides: Record<string, string>) {
  await agent.say('add customer');
  return agent.submit('next', dutchAccountInputs(overrides));
}

const isMcaCard = (agent: AgentDriver) => inputOf(agent.lastCard(), 'acceptedBy.firstName') !== undefined;

describe('a customer that already has a Microsoft tenant', () => {
  it('is answered with the relationship request, not added; the card comes back to correct the email', async () => {
    const agent = harness.agent();
    const replies = await accountInfo(agent, {
      legalName: 'Wingtip Toys B.V.',
      domainPrefix: 'wingtipnl',
      'primaryContact.email': 'anna@wingtiptoys.com',
    });
    const [relationship, form] = cardsOf(replies);
    const text = visibleText(relationship!);
    expect(text).toContain('Already has a Microsoft tenant');
    expect(text).toContain('wingtiptoys.com');
    // The partner's own link from Partner Center, to paste into an email of the agent's own: in a
    // TextRun, exactly as Partner Center gave it (no markdown escapes to copy along).
    const runs = elementsOf(relationship!).filter((element) => element.type === 'TextRun');
    expect(runs.map((run) => run.text)).toEqual([
      expect.stringMatching(
        /^https:\/\/admin\.microsoft\.com\/\S*partnerId=4f0c2a51-8a7e-4c1f-9d3b-2e6a7b8c9d01/,
      ),
    ]);
    expect(text).toContain('Nothing was added');
    expect(inputOf(form!, 'legalName')?.value).toBe('Wingtip Toys B.V.');
    expect(visibleText(form!)).toContain("wingtiptoys.com is already in Microsoft's directory");
    expect(isMcaCard(agent)).toBe(false);

    // A mistyped email: corrected, the customer is new.
    await agent.submit('next', { 'primaryContact.email': 'anna@wingtip-nl.example' });
    expect(isMcaCard(agent)).toBe(true);
  });

  it('is told in Dutch to a Dutch agent', async () => {
    const agent = harness.agent({ locale: 'nl-NL' });
    const replies = await accountInfo(agent, {
      legalName: 'Relecloud Nederland B.V.',
      domainPrefix: 'relecloudnl',
      'primaryContact.email': 'jan@relecloud.com',
    });
    expect(visibleText(cardsOf(replies)[0]!)).toContain('Heeft al een Microsoft-tenant');
  });

  it('is not assumed from a consumer mail address', async () => {
    const agent = harness.agent();
    await accountInfo(agent, {
      legalName: 'Bakkerij Jansen B.V.',
      domainPrefix: 'bakkerijjansen',
      'primaryContact.email': 'bakkerij.jansen@outlook.com',
    });
    expect(isMcaCard(agent)).toBe(true);
  });
});

describe('a domain prefix taken in Microsoft’s directory', () => {
  it('is a field error with alternatives that are free there too, not an existing customer', async () => {
    const agent = harness.agent();
    const replies = await accountInfo(agent, {
      legalName: 'Munson Pickles B.V.',
      domainPrefix: 'munsonspickles',
    });
    expect(cardsOf(replies)).toHaveLength(1);
    const text = visibleText(agent.lastCard());
    expect(text).toContain('"munsonspickles.onmicrosoft.com" already exists in Microsoft\'s directory');
    // It may be this customer's own tenant: the agent is told what to do then.
    expect(text).toContain('request a relationship with it in Partner Center');
    const suggestions = /these are free: ([^.]+)\./.exec(text)?.[1]?.split(', ') ?? [];
    expect(suggestions.length).toBeGreaterThan(0);
    const partnerCenter = clientFor(local.endpoint);
    for (const prefix of suggestions) {
      expect(await partnerCenter.domainExists(`${prefix}.onmicrosoft.com`)).toBe(false);
    }
    await agent.submit('next', { domainPrefix: suggestions[0]! });
    expect(isMcaCard(agent)).toBe(true);
  });
});

describe('an address Partner Center cannot verify', () => {
  const misspelt = { legalName: 'Keizer Advies B.V.', 'address.line1': 'Keizersgrcht 12' };

  it('offers Partner Center’s suggestion; choosing it corrects the draft', async () => {
    const agent = harness.agent();
    await accountInfo(agent, { ...misspelt, domainPrefix: 'keizeradvies1' });
    const card = agent.lastCard();
    expect(visibleText(card)).toContain('Partner Center could not verify this address');
    const choice = inputOf(card, 'addressChoice') as { choices: { title: string; value: string }[] };
    expect(choice.choices.map((option) => option.value)).toEqual(['0', 'typed']);
    expect(choice.choices[0]!.title).toContain('Keizersgracht 12');
    expect(choice.choices[1]!.title).toContain('Keizersgrcht 12');

    await agent.submit('next', { addressChoice: '0' });
    expect(isMcaCard(agent)).toBe(true);
    await agent.submit('next', { kind: 'customerWillAccept' });
    await agent.submit('next');
    expect(visibleText(agent.lastCard())).toContain('Keizersgracht 12');
  });

  it('keeps the address as typed when the agent says so', async () => {
    const agent = harness.agent();
    await accountInfo(agent, { ...misspelt, domainPrefix: 'keizeradvies2' });
    await agent.submit('next', { addressChoice: 'typed' });
    expect(isMcaCard(agent)).toBe(true);
  });

  it('checks an address changed since the suggestion again, whatever was chosen', async () => {
    const agent = harness.agent();
    await accountInfo(agent, { ...misspelt, domainPrefix: 'keizeradvies3' });
    await agent.submit('next', { addressChoice: 'typed', 'address.line1': 'Herengrcht 3' });
    expect(isMcaCard(agent)).toBe(false);
    const choice = inputOf(agent.lastCard(), 'addressChoice') as { choices: { title: string }[] };
    expect(choice.choices[0]!.title).toContain('Herengracht 3');
  });

  it('asks to check an address without any suggestion, and accepts it as typed', async () => {
    const agent = harness.agent();
    await accountInfo(agent, {
      ...misspelt,
      domainPrefix: 'keizeradvies4',
      'address.line1': 'Keizersgracht',
    });
    expect(visibleText(agent.lastCard())).toContain('has no suggestion');
    const choice = inputOf(agent.lastCard(), 'addressChoice') as { choices: { value: string }[] };
    expect(choice.choices.map((option) => option.value)).toEqual(['typed']);
    await agent.submit('next', { addressChoice: 'typed' });
    expect(isMcaCard(agent)).toBe(true);
  });
});

describe('Partner Center out of reach', () => {
  it('does not stop the agent: account info passes on the bot’s own checks', async () => {
    proxy.plan(Array.from({ length: 10 }, () => ({ status: 503 })));
    const agent = harness.agent();
    const replies = await accountInfo(agent, {
      legalName: 'Wingtip Toys Benelux B.V.',
      domainPrefix: 'wingtipbenelux',
      'primaryContact.email': 'anna@wingtiptoys.com',
    });
    expect(textsOf(replies).join(' ')).not.toContain('error');
    expect(isMcaCard(agent)).toBe(true);
    // Review does not claim Partner Center found no tenant: it was not asked.
    await agent.submit('next', { kind: 'customerWillAccept' });
    await agent.submit('next');
    const review = visibleText(agent.lastCard());
    expect(review).toContain('Partner Center did not answer when account info was checked');
    expect(review).not.toContain('Partner Center found no Microsoft tenant');
  });

  it('when Partner Center did answer, Review says it found no tenant', async () => {
    const agent = harness.agent();
    await accountInfo(agent, { legalName: 'Answered Check B.V.', domainPrefix: 'answeredcheck' });
    await agent.submit('next', { kind: 'customerWillAccept' });
    await agent.submit('next');
    expect(visibleText(agent.lastCard())).toContain(
      "Not among your customers, and Partner Center found no Microsoft tenant with the customer's domains.",
    );
  });
});

describe('submit', () => {
  it('writes the record with its Partner Center entry, due now, and tells the agent what comes', async () => {
    const agent = harness.agent();
    await accountInfo(agent, { legalName: 'Entry Check B.V.', domainPrefix: 'entrycheck' });
    await agent.submit('next', { kind: 'customerWillAccept' });
    await agent.submit('next');
    await agent.submit('submit');
    expect(visibleText(agent.lastCard())).toContain('Partner Center is creating the customer now');
    const { resources } = await harness.database
      .container(containerDefinitions.customers.id)
      .items.query({ query: "SELECT * FROM c WHERE c.domain = 'entrycheck.onmicrosoft.com'" })
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0].partnerCenter).toMatchObject({
      state: 'pending',
      attempts: 0,
      tellAgent: { personalChat: { channelId: 'emulator' }, locale: 'en-GB' },
    });
  });
});
