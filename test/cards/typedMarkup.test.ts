import { dutchAccountInputs, quantityOf } from '../dialogs/flowFixtures';
import {
  cardsOf,
  inputValues,
  startConversationHarness,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { elementsOfType, isObject, type JsonObject } from './cardQueries';
import { elementNames, linkTargets, webChatHtml, webChatReaderText } from './webChatMarkdown';

/**
 * Markdown and URLs typed into a card, through the real bot (services, dialogs, store), must come
 * back on every card as the text that was typed: never a link, emphasis, list or HTML, in Web Chat
 * and the Emulator (markdown-it with HTML and linkify on) as in Teams. Every TextBlock text and every
 * fact is markdown in each of them, so each is rendered here as Web Chat renders it.
 */

const now = () => new Date('2026-11-23T12:00:00Z');
/** A sales agent in Teams, so that answered cards are replaced by read-only summaries. */
const teamsSalesAgent = '9a8b7c6d-0000-4000-8000-0000000a11ce';

/** Every typed link and URL points at these, and nothing else the bot shows does. */
const evil = /evil/i;

/** Typed into the account info card: valid values that are markdown, HTML or bare URLs. */
const typed = {
  legalName: '[click](http://evil.example) **Fabrikam** _Markup_ B.V.',
  'address.line1': '<b>Keizersgracht</b> 12 http://evil.example',
  'address.line2': '- 1. # > `x` ~~y~~ | www.evil.com {{DATE(2017-02-14T06:00:00Z, SHORT)}}',
  'address.city': '*Amsterdam*',
  'address.postalCode': '1015 CJ',
  'primaryContact.firstName': '**Anna**',
  'primaryContact.lastName': '[Jansen](http://evil.example)',
  'primaryContact.email': '_anna_@evil.nl',
};
/** The person who accepted the agreement, as typed on the MCA card. */
const acceptedBy = {
  'acceptedBy.firstName': '__Piet__',
  'acceptedBy.lastName': 'evil.com',
  'acceptedBy.email': 'piet@evil.nl',
};

let harness: ConversationHarness;
let indirect: ConversationHarness;
beforeAll(async () => {
  [harness, indirect] = await Promise.all([
    startConversationHarness({ now }),
    startConversationHarness({ now, partner: { type: 'indirectProvider' } }),
  ]);
  await harness.composed.roles.assign(teamsSalesAgent, ['salesAgent'], { by: 'test' });
});
afterAll(async () => {
  await Promise.all([harness?.stop(), indirect?.stop()]);
});

type CardJson = ReturnType<AgentDriver['lastCard']>;

/** Each markdown string of a card: TextBlock texts, fact titles and fact values. */
function markdownOf(card: unknown): string[] {
  const texts = elementsOfType(card, 'TextBlock').map((block) => String(block.text));
  const facts = elementsOfType(card, 'FactSet')
    .flatMap((set) => (Array.isArray(set.facts) ? set.facts.filter(isObject) : []))
    .flatMap((fact: JsonObject) => [String(fact.title), String(fact.value)]);
  return [...texts, ...facts];
}

/** No typed link, emphasis, list, heading, code or HTML: Web Chat makes paragraphs of it, and catalogue bullets. */
function expectNoTypedMarkup(card: unknown): void {
  for (const markdown of markdownOf(card)) {
    const html = webChatHtml(markdown);
    expect({ markdown, links: linkTargets(html).filter((target) => evil.test(target)) }).toEqual({
      markdown,
      links: [],
    });
    const markup = elementNames(html).filter((name) => !['p', 'br', 'ul', 'li', 'a'].includes(name));
    expect({ markdown, markup }).toEqual({ markdown, markup: [] });
  }
}

/** A card's text as a Web Chat reader reads it. */
function readerTextOf(card: unknown): string {
  return markdownOf(card).map(webChatReaderText).join('\n');
}

/** The facts as a Web Chat reader reads them, by title. */
function factsAsRead(card: unknown): Record<string, string> {
  return Object.fromEntries(
    elementsOfType(card, 'FactSet')
      .flatMap((set) => (set.facts as { title: string; value: string }[]) ?? [])
      .map((fact) => [webChatReaderText(fact.title), webChatReaderText(fact.value)]),
  );
}

function allCards(agent: AgentDriver): CardJson[] {
  return [...cardsOf(agent.transcript), ...cardsOf(agent.adapter.updates)];
}

describe('markdown and URLs typed into the cards', () => {
  let agent: AgentDriver;
  let review: CardJson;
  let done: CardJson;

  beforeAll(async () => {
    agent = harness.agent({ channelId: 'msteams', aadObjectId: teamsSalesAgent });
    await agent.say('add customer');
  });

  it('are quoted literally in the messages about them, and kept as typed in the inputs', async () => {
    const wrong = {
      domainPrefix: 'http://evil.example',
      'address.postalCode': '[10](http://evil.example)',
      'primaryContact.email': '**x**@[evil](http://evil.example)',
    };
    await agent.submit('next', dutchAccountInputs({ ...typed, ...wrong }));
    const card = agent.lastCard();
    expectNoTypedMarkup(card);
    const text = readerTextOf(card);
    expect(text).toContain('"[10](http://evil.example)" is not a valid postal code');
    expect(text).toContain('"**x**@[evil](http://evil.example)" is not a valid email address');
    expect(text).toContain('"http://evil.example"');
    const inputs = inputValues(card);
    for (const [id, value] of Object.entries({ ...typed, ...wrong }))
      expect([id, inputs[id]]).toEqual([id, value]);
  });

  it('show on Review as typed, and nothing on it is a link, emphasis or list of theirs', async () => {
    await agent.submit('next', dutchAccountInputs({ ...typed, domainPrefix: 'markupnl' }));
    const mca = agent.lastCard();
    expectNoTypedMarkup(mca);
    expect(inputValues(mca)['acceptedBy.lastName']).toBe(typed['primaryContact.lastName']);
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20', ...acceptedBy });
    await agent.submit('next', { [quantityOf('m365-business-basic')]: '1' });
    review = agent.lastCard();
    expect(elementsOfType(review, 'Action.Submit').some((action) => action.title === 'Submit')).toBe(true);

    expectNoTypedMarkup(review);
    expect(factsAsRead(review)).toMatchObject({
      'Legal name': typed.legalName,
      Domain: 'markupnl.onmicrosoft.com',
      Address: `${typed['address.line1']}, ${typed['address.line2']}, 1015 CJ ${typed['address.city']}`,
      'Primary contact': `${typed['primaryContact.firstName']} ${typed['primaryContact.lastName']}, ${typed['primaryContact.email']}`,
      'Accepted by': `${acceptedBy['acceptedBy.firstName']} ${acceptedBy['acceptedBy.lastName']}, ${acceptedBy['acceptedBy.email']}`,
    });
  });

  it('show on Done as typed, in its facts and in its sentences', async () => {
    await agent.submit('submit');
    done = agent.lastCard();
    expectNoTypedMarkup(done);
    expect(factsAsRead(done)['Legal name']).toBe(typed.legalName);
    expect(readerTextOf(done)).toContain(`${typed.legalName} is now your customer.`);
  });

  it("show in Teams' read-only summaries of the answered cards as typed", () => {
    const summaries = cardsOf(agent.adapter.updates);
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expectNoTypedMarkup(summary);
    expect(summaries.map(readerTextOf).join('\n')).toContain(typed.legalName);
  });

  it('show on the own customer card as stored, when the same customer is added again', async () => {
    const again = harness.agent();
    await again.say('add customer');
    const replies = await again.submit('next', dutchAccountInputs({ ...typed, domainPrefix: 'markupagain' }));
    const own = cardsOf(replies)[0]!;
    expectNoTypedMarkup(own);
    expect(factsAsRead(own)['Legal name']).toBe(typed.legalName);
    expect(readerTextOf(own)).toContain(`${typed.legalName} (Netherlands) is already one of your customers`);
    for (const card of allCards(again)) expectNoTypedMarkup(card);
  });

  it('never became markup on any card the bot sent', () => {
    const cards = allCards(agent);
    expect(cards.length).toBeGreaterThan(5);
    for (const card of cards) expectNoTypedMarkup(card);
  });
});

describe('markdown typed into the reseller search', () => {
  it('is quoted literally in "no reseller matches", and kept as typed in the search box', async () => {
    const agent = indirect.agent();
    await agent.say('add customer');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Search Markup B.V.', domainPrefix: 'searchmarkup' }),
    );
    await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' });
    const query = '[Tailspin](http://evil.example) *x*';
    await agent.submit('search', { resellerQuery: query });
    const card = agent.lastCard();
    expectNoTypedMarkup(card);
    expect(readerTextOf(card)).toContain(`No active indirect reseller matches "${query}".`);
    expect(inputValues(card).resellerQuery).toBe(query);
  });
});
