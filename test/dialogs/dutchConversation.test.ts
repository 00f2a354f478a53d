import type { Activity } from 'botbuilder';
import { messageForms, sayIn } from '../../messages/catalogue';
import { en } from '../../messages/en';
import { nl } from '../../messages/nl';
import {
  actionsOf,
  cardsOf,
  inputOf,
  startConversationHarness,
  textsOf as messagesOf,
  visibleText,
  type AgentDriver,
  type ConversationHarness,
} from '../harness/conversationHarness';
import { sentencePatterns } from '../harness/catalogueSentences';
import { storedCustomer } from '../harness/storedCustomer';
import { dutchAccountInputs, quantityOf } from './flowFixtures';

const dutch = sayIn('nl');
const english = sayIn('en');

let harness: ConversationHarness;
beforeAll(async () => {
  harness = await startConversationHarness({ now: () => new Date('2026-11-23T12:00:00Z') });
});
afterAll(async () => harness.stop());

/** An agent whose Teams client is Dutch; each is another person, so a language one chooses is theirs. */
let people = 0;
const dutchAgent = (userId = `user-nl-${++people}`) => harness.agent({ locale: 'nl-NL', userId });

type CardJson = ReturnType<AgentDriver['lastCard']>;
const buttonTitles = (card: CardJson) => actionsOf(card).map((action) => action.title ?? '');
const textsOf = (card: CardJson) => visibleText(card).split('\n');
const messageTexts = (replies: Partial<Activity>[]) => messagesOf(replies);

/** Keys whose wording has words of its own, not only placeholders (which would match any text). */
const worded = (Object.keys(en) as (keyof typeof en)[]).filter((key) =>
  [en[key], nl[key]].every((entry) =>
    messageForms(entry).some((form) => /\p{L}{3}/u.test(form.replace(/\{\w+\}/g, ''))),
  ),
);
const dutchPatterns = sentencePatterns(worded.map((key) => nl[key]));
const englishPatterns = sentencePatterns(
  worded.filter((key) => JSON.stringify(en[key]) !== JSON.stringify(nl[key])).map((key) => en[key]),
);

/** What a Dutch reader would find in English on a card or in a message. */
function englishIn(texts: readonly string[]): string[] {
  return texts
    .map((text) => text.replace(/^- /, ''))
    .filter((text) => englishPatterns.some((pattern) => pattern.test(text)))
    .filter((text) => !dutchPatterns.some((pattern) => pattern.test(text)));
}

function expectAllDutch(agent: AgentDriver, replies: Partial<Activity>[]) {
  const cards = cardsOf(replies);
  const texts = [
    ...messageTexts(replies),
    ...cards.flatMap((card) => [...textsOf(card), ...buttonTitles(card)]),
  ];
  expect(texts.length).toBeGreaterThan(0);
  expect(englishIn(texts)).toEqual([]);
  return agent;
}

describe('an agent whose Teams client is Dutch', () => {
  it('has a check that would see English on a Dutch card', () => {
    expect(
      englishIn([english('card.review.intro'), english('legalName.required'), 'Northwind']),
    ).toHaveLength(2);
    expect(englishIn([dutch('card.review.intro'), dutch('legalName.required'), 'Northwind'])).toEqual([]);
  });

  it('adds a customer entirely in Dutch, in the words of the Dutch Partner Center', async () => {
    const agent = dutchAgent();
    const start = await agent.say('klant toevoegen');
    expectAllDutch(agent, start);
    expect(textsOf(agent.lastCard())).toContain('Accountgegevens');
    expect(buttonTitles(agent.lastCard())).toEqual([
      dutch('card.action.next.mca'),
      dutch('card.action.cancel'),
    ]);

    // A wrong postal code: the message under the field is Dutch, and names the country in Dutch.
    const refused = await agent.submit('next', dutchAccountInputs({ 'address.postalCode': '1234' }));
    expectAllDutch(agent, refused);
    expect(visibleText(agent.lastCard())).toContain(
      dutch('address.postalCode.invalid', { value: '1234', country: 'Nederland', example: '1234 AB' }),
    );

    expectAllDutch(agent, await agent.submit('next', dutchAccountInputs()));
    expect(buttonTitles(agent.lastCard())).toEqual(['Volgende: Abonnementen', dutch('card.action.cancel')]);
    expectAllDutch(agent, await agent.submit('next', { kind: 'attested', acceptedOn: '2026-11-20' }));
    expect(buttonTitles(agent.lastCard())).toContain('Volgende: Controleren');
    expectAllDutch(agent, await agent.submit('next', { [quantityOf('m365-business-basic')]: '10' }));

    const review = visibleText(agent.lastCard());
    expect(textsOf(agent.lastCard())).toContain('Controleren');
    expect(buttonTitles(agent.lastCard())).toEqual(expect.arrayContaining(['Bijwerken', 'Verzenden']));
    // Names, dates and numbers as a Dutch reader reads them.
    expect(review).toContain('Land of regio: Nederland');
    expect(review).toContain('Taal: Nederlands');
    expect(review).toContain('Cultuur: Nederlands (Nederland)');
    expect(review).toContain('Keizersgracht 12, 1015 CJ Amsterdam');
    expect(review).toContain('20 nov 2026');
    expect(review).toContain('10 licenties');

    const done = await agent.submit('submit');
    expectAllDutch(agent, done);
    expect(textsOf(agent.lastCard())).toContain(dutch('card.done.title'));
    const customer = await storedCustomer(harness.composed.customers, 'Northwind Traders B.V.');
    expect(customer.subscriptions.map((line) => [line.offerId, line.quantity])).toEqual([
      ['m365-business-basic', 10],
    ]);
  });

  it('answers help, cancel and text it does not understand in Dutch, at a waiting card', async () => {
    const agent = dutchAgent();
    await agent.say('nieuwe klant');
    const help = await agent.say('hulp');
    expectAllDutch(agent, help);
    expect(textsOf(cardsOf(help)[0]!)).toContain(dutch('card.help.title'));
    expect(textsOf(cardsOf(help)[0]!)).toContain(`- ${dutch('card.help.command.language')}`);

    expectAllDutch(agent, await agent.say('wat is dit?'));
    const cancel = await agent.say('annuleren');
    expectAllDutch(agent, cancel);
    expectAllDutch(agent, await agent.submit('keepDraft'));
    expect(inputOf(agent.lastCard(), 'legalName')).toBeDefined();
  });

  it('refuses a Dutch test name as legal name, in Dutch', async () => {
    const agent = dutchAgent();
    await agent.say('klant toevoegen');
    const refused = await agent.submit('next', dutchAccountInputs({ legalName: 'Testbedrijf B.V.' }));
    expectAllDutch(agent, refused);
    expect(inputOf(agent.lastCard(), 'legalName')?.value).toBe('Testbedrijf B.V.');
    expect(cardsOf(refused)).toHaveLength(1);
  });
});

describe('choosing the language', () => {
  it('switches at a waiting card, draws that card again in the new language, and remembers it for the agent', async () => {
    const agent = dutchAgent('user-switching');
    await agent.say('klant toevoegen');
    await agent.submit(
      'next',
      dutchAccountInputs({ legalName: 'Switching Language B.V.', domainPrefix: 'switchlang' }),
    );

    const switched = await agent.say('taal engels');
    expect(messageTexts(switched)).toContain(english('language.changed'));
    expect(buttonTitles(agent.lastCard())).toEqual([
      english('card.action.next.subscriptions'),
      english('card.action.cancel'),
    ]);
    expect(inputOf(agent.lastCard(), 'acceptedBy.firstName')?.value).toBe('Anna');

    // Another conversation of the same person, whose client still says nl-NL: English, as chosen.
    const elsewhere = harness.agent({ locale: 'nl-NL', userId: 'user-switching' });
    const help = await elsewhere.say('help');
    expect(textsOf(cardsOf(help)[0]!)).toContain(english('card.help.title'));

    // The language card: the current language marked, a button for each.
    await elsewhere.say('taal');
    expect(buttonTitles(elsewhere.lastCard())).toEqual(['English', 'Nederlands']);
    const back = await elsewhere.submit('language', {}, { locale: 'nl' });
    expect(messageTexts(back)).toContain(dutch('language.changed'));
  });

  it('understands the commands of both languages whatever the language, and a bare language name', async () => {
    const agent = harness.agent({ userId: 'user-english-client', locale: 'en-GB' });
    const started = await agent.say('Klant toevoegen');
    expect(textsOf(agent.lastCard())).toContain(english('card.accountInfo.title'));
    expect(englishIn(messageTexts(started))).toEqual([]);
    expect(messageTexts(await agent.say('Nederlands'))).toContain(dutch('language.changed'));
    expect(textsOf(agent.lastCard())).toContain('Accountgegevens');
    // "nl" alone is too short to be meant as a command: it is text at the card.
    expect(messageTexts(await agent.say('en'))).toContain(dutch('card.typedText'));
  });

  it('falls back to English for a client language the bot does not speak', async () => {
    const agent = harness.agent({ userId: 'user-french-client', locale: 'fr-FR' });
    await agent.say('add customer');
    expect(textsOf(agent.lastCard())).toContain(english('card.accountInfo.title'));
  });
});
