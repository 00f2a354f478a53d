import { tenantDomain } from '../../services/customers/tenantDomain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogue } from '../../services/catalogue/loadCatalogue';
import { countryRules, listCountries } from '../../services/countries/countryRules';
import { languagesByOwnName } from '../../dialogs/agentLanguage';
import { flatForm } from '../../cards/formPaths';
import { LOCALES, say, sayIn } from '../../messages/catalogue';
import { en } from '../../messages/en';
import { nl } from '../../messages/nl';
import { sentencePatterns } from '../harness/catalogueSentences';
import { expectValidCard, validateAdaptiveCard } from '../harness/cardValidation';
import { testPartner } from '../harness/serviceHarness';
import { formatDateTime, formatDay } from '../../dialogs/readerTime';
import { allObjects, inputs, submitActions, visibleStrings, type JsonObject } from './cardQueries';
import { localAgentName, produceCards, producedCardNames, today, type ProducedCards } from './producedCards';

let produced: ProducedCards;
/** Values a card may show besides catalogue sentences: typed, stored, or from the partner's data files. */
let known: KnownValues;

// Three bots, a local Partner Center and the creation worker: on a loaded machine, longer than a test.
beforeAll(async () => {
  produced = await produceCards();
  known = new KnownValues([
    ...produced.typed,
    // A typed domain prefix shows as its tenant domain.
    ...[...produced.typed].map(tenantDomain),
    ...Object.values(produced.customers).flatMap(customerValues),
    ...Object.values(produced.partnerCenter.records).flatMap(customerValues),
    ...partnerCenterValues(produced.partnerCenter),
    ...(await referenceValues()),
    localAgentName,
    today,
  ]);
}, 120_000);
afterAll(async () => produced?.stop());

const names = Object.keys(producedCardNames) as (keyof typeof producedCardNames)[];

describe.each(names)('the %s card, as the bot sends it', (name) => {
  const card = () => produced.get(name);

  it('is a valid Adaptive Card for Teams, the Emulator and Web Chat', () => {
    expect(validateAdaptiveCard(card())).toEqual([]);
    expect(() => expectValidCard(card())).not.toThrow();
  });

  it('uses version 1.5, Action.Submit buttons (Action.ShowCard only to show more), nothing left by templating', () => {
    expect(card().version).toBe('1.5');
    const actions = allObjects(card()).filter(
      (node) => typeof node.type === 'string' && node.type.startsWith('Action.'),
    );
    expect(actions.every((node) => node.type === 'Action.Submit' || node.type === 'Action.ShowCard')).toBe(
      true,
    );
    // What a ShowCard opens is read, never filled in: no inputs, no buttons.
    for (const shown of actions.filter((node) => node.type === 'Action.ShowCard')) {
      const inner = allObjects(shown.card).filter((node) => typeof node.type === 'string');
      expect(
        inner.filter(
          (node) => String(node.type).startsWith('Input.') || String(node.type).startsWith('Action.'),
        ),
      ).toEqual([]);
    }
    expect(JSON.stringify(card())).not.toContain('${');
  });

  it('shows only catalogue sentences and values the agent typed, the store holds or the data files name', () => {
    const strings = visibleStrings(card());
    expect(strings.length).toBeGreaterThan(0);
    expect(strings.filter((text) => !isCatalogueSentence(text) && !known.explains(text))).toEqual([]);
  });

  it('lets Cancel and other navigation through without checking or sending the inputs', () => {
    for (const action of submitActions(card())) {
      const data = action.data as JsonObject;
      // A command is navigation unless it says it sends the card's inputs (a filter's Show).
      const sendsInputs = action.associatedInputs === 'auto';
      if (
        [
          'cancel',
          'update',
          'confirmCancel',
          'keepDraft',
          'morePage',
          'previousPage',
          'changeLine',
          'removeLine',
          'keepLine',
        ].includes(String(data.action)) ||
        (data.command && !sendsInputs)
      ) {
        expect(action.associatedInputs).toBe('none');
      }
    }
  });

  it('labels every input', () => {
    for (const node of inputs(card())) expect(typeof node.label === 'string' && node.label !== '').toBe(true);
  });
});

describe('the produced cards', () => {
  it('cover every card template', () => {
    const templates = new Set(produced.all().map(({ template }) => `${template}.json`));
    expect([...templates].sort()).toEqual(templateFiles().sort());
  });

  it('are checked by a validator that is not blind to them', () => {
    // Take a real card, break it the ways templating can, and the validator must say so.
    const card = structuredClone(produced.get('account info: first'));
    const first = inputs(card)[0]!;
    delete first.label;
    (card.body as JsonObject[]).push({ type: 'TextBlock', text: '${t.missing}', wrap: true });
    const problems = validateAdaptiveCard(card);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`"${String(first.id)}" without label`),
        expect.stringContaining('unresolved template expression'),
      ]),
    );
  });

  it('are checked for wording by a check that refuses what is neither catalogue nor known', () => {
    expect(isCatalogueSentence(say('card.review.title'))).toBe(true);
    expect(
      isCatalogueSentence(say('value.subscriptionLine', { count: 1, term: '1 year', billingCycle: 'x' })),
    ).toBe(true);
    expect(isCatalogueSentence('Customer saved!')).toBe(false);
    expect(isCatalogueSentence(`${say('card.review.title')} now`)).toBe(false);
    expect(known.explains('Keizersgracht 12, 1015 CJ Amsterdam')).toBe(true);
    expect(known.explains('Keizersgracht 12, Rotterdam')).toBe(false);
    // Partner Center's values are known because the run met them, not the whole seed file.
    const { existingTenant, relationshipLink, told } = produced.partnerCenter;
    const passwords = told.flatMap(({ news }) => (news.kind === 'created' ? [news.admin.password] : []));
    expect(passwords.length).toBeGreaterThan(0);
    for (const password of passwords) expect(known.explains(password)).toBe(true);
    expect(known.explains(existingTenant.domain)).toBe(true);
    expect(known.explains(relationshipLink)).toBe(true);
    expect(known.explains(relationshipLink.replace(/partnerId=[^&#]+/, 'partnerId=another'))).toBe(false);
    expect(known.explains('Relecloud')).toBe(false);
  });

  it('show the temporary password where the agent reads it, and the checks read it there', () => {
    const card = produced.get('Partner Center outcome: created');
    const created = produced.partnerCenter.told.find(
      ({ card: told, news }) => told === card && news.kind === 'created',
    );
    if (created?.news.kind !== 'created') throw new Error('The created card was not told as created');
    const runs = allObjects(card).filter((node) => node.type === 'TextRun');
    expect(runs.map((run) => run.text)).toEqual([created.news.admin.password]);
    // The wording check reads the TextRun: without the password known, the card would fail it.
    expect(visibleStrings(card)).toContain(created.news.admin.password);
  });
});

describe('the card templates', () => {
  const dir = join(__dirname, '../../cards/templates');
  const files = templateFiles();

  it('exist for every card, the own customer card included', () => {
    expect(files.sort()).toEqual(
      [
        'accountInfo',
        'confirmCancel',
        'done',
        'help',
        'language',
        'mca',
        'notification',
        'ownCustomer',
        'partnerCenterOutcome',
        'recentOnboardings',
        'relationshipRequest',
        'reseller',
        'review',
        'submitted',
        'subscriptions',
        'welcome',
      ]
        .map((name) => `${name}.json`)
        .sort(),
    );
  });

  it.each(files)(
    '%s holds no English: every text, label, title, placeholder and error message is an expression',
    (file) => {
      const template: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const literal: string[] = [];
      for (const node of allObjects(template)) {
        for (const key of [
          'text',
          'label',
          'title',
          'placeholder',
          'errorMessage',
          'fallbackText',
          'speak',
        ]) {
          const value = node[key];
          if (typeof value === 'string' && /\p{L}/u.test(value.replace(/\$\{[^}]*\}/g, '')))
            literal.push(`${key}: ${value}`);
        }
      }
      expect(literal).toEqual([]);
    },
  );

  it.each(files)('%s targets version 1.5 and uses no Action.Execute', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(text).not.toContain('Action.Execute');
  });
});

function templateFiles(): string[] {
  return readdirSync(join(__dirname, '../../cards/templates')).filter((file) => file.endsWith('.json'));
}

/** Every wording of every entry of both catalogues as a pattern. */
const cataloguePatterns = sentencePatterns([...Object.values(en), ...Object.values(nl)]);

function isCatalogueSentence(text: string): boolean {
  const candidate = stripListMarker(text);
  return cataloguePatterns.some((pattern) => pattern.test(candidate));
}

/** A list item ("- sentence") is a catalogue sentence or a value behind a marker. */
function stripListMarker(text: string): string {
  return text.replace(/^- /, '');
}

/**
 * Values a card may show that are not sentences: what was typed (the card may show it normalised:
 * "1015cj" as "1015 CJ", so spaces and case do not count), what the store made of it, and names
 * from the partner's data files. A string is explained when, with every known value taken out, no
 * letter is left ("Keizersgracht 12, 1015 CJ Amsterdam": three typed values and punctuation).
 */
class KnownValues {
  private readonly values: string[];

  constructor(values: Iterable<string>) {
    this.values = [...new Set([...values].map(canonical))]
      // Short values ("nl", "en") would take letters out of any sentence.
      .filter((value) => value.length >= 3)
      .sort((a, b) => b.length - a.length);
  }

  explains(text: string): boolean {
    let rest = canonical(stripListMarker(text));
    for (const value of this.values) rest = rest.split(value).join('\u0000');
    return !/\p{L}/u.test(rest);
  }
}

function canonical(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** The times a manager's card shows, as its two readers read them (Amsterdam in Dutch; UTC in English). */
const readers = [
  { locale: 'nl-NL', timeZone: 'Europe/Amsterdam' },
  { locale: 'en', timeZone: 'UTC' },
];

/** What the store holds of a customer the scenarios created. */
function customerValues(customer: ProducedCards['customers']['direct']): string[] {
  const times = [customer.createdAt, ...customer.audit.map((entry) => entry.at)].flatMap((at) =>
    readers.map((reader) => formatDateTime(reader, new Date(at))),
  );
  // Days as Review, Done and the own customer card show them, to an English, American or Dutch reader.
  const days = [
    customer.createdAt.slice(0, 10),
    ...(customer.mca.kind === 'attested' ? [customer.mca.acceptedOn] : []),
  ].flatMap((day) => ['en-GB', 'en-US', 'nl-NL'].map((locale) => formatDay({ locale }, day)));
  return [
    ...times,
    ...days,
    customer.id,
    customer.domain,
    customer.adminSignInName,
    // Partner Center's ids, once the creation worker made the customer there.
    ...(customer.partnerCenter?.customerId ? [customer.partnerCenter.customerId] : []),
    ...(customer.partnerCenter?.tenantId ? [customer.partnerCenter.tenantId] : []),
    ...Object.values(flatForm(customer.accountInfo)),
    ...Object.values(flatForm(customer.mca)),
    ...(customer.reseller ? [customer.reseller.name, customer.reseller.mpnId] : []),
  ];
}

/**
 * What the Partner Center scenarios were given: the seeded tenant they met (its name and the domain
 * found in Microsoft's directory), the relationship request link, and what the creation worker told:
 * the first Global admin's sign-in name and temporary password.
 */
function partnerCenterValues(run: ProducedCards['partnerCenter']): string[] {
  return [
    run.existingTenant.companyName,
    run.existingTenant.domain,
    run.relationshipLink,
    ...run.told.flatMap(({ news }) =>
      news.kind === 'created' ? [news.admin.userName, news.admin.password] : [],
    ),
  ];
}

/** Names the partner's data files give: offers, resellers, countries, states, languages and cultures. */
async function referenceValues(): Promise<string[]> {
  const { offers, resellers } = await loadCatalogue();
  const markets = testPartner.markets.map((code) => countryRules(code)!);
  return [
    ...offers.data.offers.flatMap((offer) => [offer.name, offer.description, offer.productFamily]),
    ...resellers.data.resellers.flatMap((reseller) => [reseller.name, reseller.mpnId]),
    // Names of countries, languages and cultures as ICU gives them in either language.
    ...LOCALES.flatMap((locale) => [
      ...listCountries().map((country) => sayIn(locale).text({ country: country.code })),
      ...markets.flatMap((country) => [
        ...[...country.languages, ...country.cultures].map((tag) => sayIn(locale).text({ language: tag })),
      ]),
    ]),
    ...markets.flatMap((country) => country.states.map((state) => state.name)),
    ...languagesByOwnName().map((language) => language.name),
  ];
}
