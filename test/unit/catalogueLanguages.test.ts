import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spellCheck, wordsOf, type SpelledLine, type UnknownWord } from '../harness/spellCheck';
import { COMMANDS, commandPhrases, type CommandId } from '../../messages/commands';
import {
  isPluralMessage,
  LOCALES,
  messageForms,
  PLURAL_CATEGORIES,
  type Locale,
  type MessageKey,
  type MessageTemplate,
  type PluralCategory,
} from '../../messages/catalogue';
import { en } from '../../messages/en';
import { nl } from '../../messages/nl';

/**
 * Both catalogues kept honest: the same keys, a Dutch entry for each English one (not a copy of it),
 * the same placeholders, plural forms for every plural category of each language, and every word of
 * every sentence found in a real dictionary of its language (cspell with @cspell/dict-en-gb and
 * @cspell/dict-nl-nl, plus the short reviewed product word lists in messages/spelling/).
 */

const catalogues: Record<Locale, Readonly<Record<MessageKey, MessageTemplate>>> = { en, nl };
const englishKeys = Object.keys(en) as MessageKey[];

/** The entry of `key` in `locale`; a key the catalogue lacks (possible at run time) fails by name. */
function entry(locale: Locale, key: MessageKey): MessageTemplate {
  const template = catalogues[locale][key] as MessageTemplate | undefined;
  if (template === undefined) throw new Error(`The ${locale} catalogue has no entry "${key}".`);
  return template;
}

/**
 * Dutch entries that are rightly the same as the English one, each with the reason. Anything else
 * identical to its English entry is an untranslated sentence.
 */
const SAME_IN_DUTCH: Readonly<Partial<Record<MessageKey, string>>> = {
  'role.manager': 'the role is called Manager in Dutch too ("manager" is a Dutch word)',
  'card.reseller.choice': 'the Dutch Partner Center says "reseller" ("indirecte reseller")',
  'card.notification.reseller': 'the Dutch Partner Center says "reseller" ("indirecte reseller")',
  'card.done.status': '"status" is the Dutch word too',
  'channel.msteams': 'a brand name: Teams',
  'card.subscriptions.offerFacts': 'only placeholders and the product code "SKU"',
  'notify.failedItem': 'only placeholders and punctuation',
  'card.notification.contactValue': 'only placeholders and punctuation',
  'card.notification.agentWithSignIn': 'only placeholders and punctuation',
  'recent.line': 'only placeholders and punctuation',
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const unique = (names: string[]) => [...new Set(names)].sort();
const pluralCategories = (locale: Locale) =>
  new Intl.PluralRules(locale).resolvedOptions().pluralCategories as PluralCategory[];

/** The form of an entry for `category`, falling back to "other" as `say` does. */
function formOf(template: MessageTemplate, category: PluralCategory): string {
  if (!isPluralMessage(template)) return template;
  return template[category] ?? template.other;
}

/** The plural categories an entry has a form for ("other" for a plain sentence). */
function categoriesOf(template: MessageTemplate): PluralCategory[] {
  if (!isPluralMessage(template)) return ['other'];
  return PLURAL_CATEGORIES.filter((category) => template[category] !== undefined);
}

/** Each phrase an agent can type, with its command: "cancel" and "annuleren" are both cancel. */
const commandOfPhrase = new Map<string, { command: CommandId; locales: Locale[] }>();
for (const locale of LOCALES) {
  for (const command of COMMANDS) {
    for (const phrase of commandPhrases[locale][command]) {
      const known = commandOfPhrase.get(phrase) ?? { command, locales: [] };
      known.locales.push(locale);
      commandOfPhrase.set(phrase, known);
    }
  }
}

/**
 * The commands a sentence tells the agent to type, quoted ("cancel") or bold (**cancel**), each as
 * its command and whether it is typed in `locale`'s own words.
 */
function commandsIn(text: string, locale: Locale): { command: CommandId; ownWords: boolean }[] {
  return [...text.matchAll(/"([^"{}]+)"|\*\*([^*{}]+)\*\*/g)].flatMap((match) => {
    const known = commandOfPhrase.get((match[1] ?? match[2]!).toLowerCase());
    return known ? [{ command: known.command, ownWords: known.locales.includes(locale) }] : [];
  });
}

describe('the catalogues of every language', () => {
  it('speak English and Dutch', () => {
    expect([...LOCALES].sort()).toEqual(['en', 'nl']);
  });

  it.each(LOCALES)('%s has exactly the keys of the English catalogue', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual([...englishKeys].sort());
  });

  it.each(LOCALES)('%s has a string for every form of every entry', (locale) => {
    for (const key of englishKeys) {
      for (const form of messageForms(entry(locale, key))) {
        expect({ key, form: typeof form, empty: form.trim() === '' }).toEqual({
          key,
          form: 'string',
          empty: false,
        });
      }
    }
  });
});

describe('the Dutch catalogue', () => {
  it('has its reviewed list of entries that stay as in English, each really the same', () => {
    for (const key of Object.keys(SAME_IN_DUTCH) as MessageKey[]) {
      expect({ key, dutch: nl[key] }).toEqual({ key, dutch: en[key] });
    }
  });

  it.each(englishKeys)('%s is translated, not copied from English', (key) => {
    if (SAME_IN_DUTCH[key]) return;
    const dutch = entry('nl', key);
    const copied = categoriesOf(dutch).filter(
      (category) => formOf(dutch, category) === formOf(en[key], category),
    );
    expect(copied).toEqual([]);
  });

  it('addresses the agent with "u", never with "je" or "jij"', () => {
    const informal = /(^|[^\p{L}])(je|jij|jou|jouw|jullie|jezelf)(?![\p{L}])/iu;
    const found = englishKeys.filter((key) =>
      messageForms(entry('nl', key)).some((form) => informal.test(form)),
    );
    expect(found).toEqual([]);
  });
});

describe.each(LOCALES)('the %s plural entries', (locale) => {
  const categories = pluralCategories(locale);

  it.each(englishKeys)('%s is plural exactly when the English entry is', (key) => {
    const template = entry(locale, key);
    expect(isPluralMessage(template)).toBe(isPluralMessage(en[key]));
    if (isPluralMessage(template) && isPluralMessage(en[key])) {
      expect(template.plural).toBe(en[key].plural);
      // Every category the language has, and none it does not.
      expect(categoriesOf(template).sort()).toEqual([...categories].sort());
    }
  });
});

describe('placeholders, markdown and quotes', () => {
  /** Each form of the entry in both languages, by plural category ("other" for a plain sentence). */
  const forms = (key: MessageKey) => {
    const dutch = entry('nl', key);
    return [...new Set([...categoriesOf(en[key]), ...categoriesOf(dutch)])].map((category) => ({
      category,
      english: formOf(en[key], category),
      dutch: formOf(dutch, category),
    }));
  };

  it.each(englishKeys)('%s has the same placeholders in both languages, form by form', (key) => {
    for (const { category, english, dutch } of forms(key)) {
      expect({ category, placeholders: unique(placeholders(dutch)) }).toEqual({
        category,
        placeholders: unique(placeholders(english)),
      });
    }
  });

  it.each(englishKeys)('%s has the same bold text, quoted values and commands in both languages', (key) => {
    for (const { category, english, dutch } of forms(key)) {
      const shape = (text: string) => ({
        category,
        bold: (text.match(/\*\*/g) ?? []).length,
        quotedPlaceholders: unique([...text.matchAll(/"\{(\w+)\}"/g)].map((match) => match[1]!)),
        curlyQuotes: /[“”„‘’«»]/.test(text),
      });
      expect(shape(dutch)).toEqual(shape(english));
      // The same commands, each in the words of the sentence's own language.
      expect(commandsIn(dutch, 'nl')).toEqual(
        commandsIn(english, 'en').map(({ command }) => ({ command, ownWords: true })),
      );
      expect(commandsIn(english, 'en').every(({ ownWords }) => ownWords)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Spelling

type Line = SpelledLine;

const root = path.resolve(__dirname, '../..');

/** The reviewed product words of a language (messages/spelling/words.<locale>.txt), without comments. */
function productWords(locale: Locale): string[] {
  return readFileSync(path.join(root, 'messages', 'spelling', `words.${locale}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** A sentence with a misspelled word, checked in the same run to prove the check can fail. */
const CANARIES: Record<Locale, Line & { misspelled: string }> = {
  en: { key: '(canary)', text: 'Enter the legal nmae of the customer.', misspelled: 'nmae' },
  nl: { key: '(canary)', text: 'Voer de wettelijke naam van de klnat in.', misspelled: 'klnat' },
};

function catalogueLines(locale: Locale): Line[] {
  return englishKeys.flatMap((key) => messageForms(entry(locale, key)).map((text) => ({ key, text })));
}

describe('spelling', () => {
  const results = new Map<Locale, UnknownWord[]>();

  beforeAll(async () => {
    const checked = await Promise.all(
      LOCALES.map((locale) => spellCheck(locale, [...catalogueLines(locale), CANARIES[locale]])),
    );
    LOCALES.forEach((locale, index) => results.set(locale, checked[index]!));
  }, 60000);

  it('strips placeholders, markdown, digits and punctuation, keeping words', () => {
    expect(wordsOf('**{offerName}**: {count} licences, billed {billingCycle}.')).toBe('licences billed');
    expect(wordsOf("Enter the customer's domain (.onmicrosoft.com), e.g. 12.")).toBe(
      "Enter the customer's domain onmicrosoft com e g",
    );
    expect(wordsOf('Typ "annuleren" in het Microsoft 365-beheercentrum, op één regel.')).toBe(
      'Typ annuleren in het Microsoft beheercentrum op één regel',
    );
  });

  it.each(LOCALES)('%s: each product word is really used by the catalogue', (locale) => {
    const used = new Set(
      catalogueLines(locale).flatMap((line) => wordsOf(line.text).toLowerCase().split(' ')),
    );
    const words = productWords(locale);
    expect(words.length).toBeGreaterThan(0);
    expect(words.filter((word) => !used.has(word.toLowerCase()))).toEqual([]);
  });

  it.each(LOCALES)('%s: a misspelled word is reported, with its key', (locale) => {
    expect(results.get(locale)).toContainEqual({ key: '(canary)', word: CANARIES[locale].misspelled });
  });

  it.each(LOCALES)('%s: every word of the catalogue is in the dictionary or the product words', (locale) => {
    const unknown = (results.get(locale) ?? [])
      .filter((found) => found.key !== '(canary)')
      .map((found) => `${found.key}: ${found.word}`);
    expect(unknown).toEqual([]);
  });
});
