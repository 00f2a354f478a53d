import { z } from 'zod';
import { latinSkeleton } from './confusables';
import { nameTokens } from './legalForms';
import placeholderWordsFile from './placeholderWords.json';
import { foldDiacritics } from './text';

/**
 * Test and placeholder names, in every language of placeholderWords.json (see its note): the words
 * are data, this module only reads them and applies them. A legal name is refused when it is made
 * only of test words, filler words, company words and digits, with at least one test word ("Test
 * Company 2", "Demo Bedrijf", "Testbedrijf B.V."), or is one of the placeholder names ("My Company",
 * "Mijn Bedrijf"); a test word next to a real word passes ("Test & Measurement Ltd", "Proeftuin
 * Amsterdam B.V."), as does a real word that merely starts with one ("Contest", "Testa", "Demolition").
 */

/** A test word joined into one word with company words or digits needs this many letters: "nep" + "bedrijf". */
const COMPOUND_TEST_WORD_MIN_LENGTH = 3;
/** A company word within one word needs this many letters: "test" + "org". */
const COMPOUND_COMPANY_WORD_MIN_LENGTH = 3;

const wordList = z.array(z.string().trim().min(1)).default([]);

const languageSchema = z.strictObject({
  testWords: wordList,
  weakTestWords: wordList,
  companyWords: wordList,
  fillerWords: wordList,
  placeholderNames: wordList,
  personNames: wordList,
});

/** A word as a legal name's tokens read (nameTokens after latinSkeleton): "Société" -> "societe". */
function legalNameForm(word: string): string {
  return nameTokens(latinSkeleton(word)).join(' ');
}

/** A first or last name as checkPersonName compares it: "Prénom" -> "prenom", "First Name" -> "firstname". */
export function personNameForm(name: string): string {
  return foldDiacritics(latinSkeleton(name))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const placeholderWordsSchema = z
  .object({
    version: z.literal(1),
    note: z.string().optional(),
    languages: z.record(
      z.string().regex(/^[a-z]{2,3}$/, 'must be a language code like "nl"'),
      languageSchema,
    ),
  })
  .superRefine((file, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    for (const required of ['en', 'nl'])
      if (!file.languages[required]) problem(['languages'], `has no "${required}"`);
    const kinds = new Map<string, string>();
    for (const [language, lists] of Object.entries(file.languages)) {
      const singleWords = {
        testWords: lists.testWords,
        weakTestWords: lists.weakTestWords,
        companyWords: lists.companyWords,
        fillerWords: lists.fillerWords,
      };
      for (const [list, words] of Object.entries(singleWords))
        words.forEach((word, index) => {
          const form = legalNameForm(word);
          const path = ['languages', language, list, index];
          if (form === '' || form.includes(' ')) problem(path, `"${word}" is not one word`);
          if (list === 'companyWords' && form.length < COMPOUND_COMPANY_WORD_MIN_LENGTH)
            problem(path, `"${word}" is shorter than ${COMPOUND_COMPANY_WORD_MIN_LENGTH} letters`);
          // One word, one meaning: a test word that is also a filler would make every name of fillers a test name.
          const kind = list === 'companyWords' || list === 'fillerWords' ? 'filler' : list;
          const earlier = kinds.get(form);
          if (earlier !== undefined && earlier !== kind)
            problem(path, `"${word}" is listed both as ${earlier} and as ${kind}`);
          kinds.set(form, kind);
        });
      lists.placeholderNames.forEach((name, index) => {
        if (legalNameForm(name) === '')
          problem(['languages', language, 'placeholderNames', index], `"${name}" has no letters`);
      });
      lists.personNames.forEach((name, index) => {
        if (personNameForm(name) === '')
          problem(['languages', language, 'personNames', index], `"${name}" has no letters`);
      });
    }
  });

export type PlaceholderWordsFile = z.output<typeof placeholderWordsSchema>;

/** Parses placeholderWords.json; throws a readable error naming each malformed entry. */
export function parsePlaceholderWordsFile(data: unknown): PlaceholderWordsFile {
  const result = placeholderWordsSchema.safeParse(data);
  if (!result.success)
    throw new Error(`placeholderWords.json is malformed:\n${z.prettifyError(result.error)}`);
  return result.data;
}

// Parsed once at load: a malformed file stops the process at start-up, not mid-conversation.
const languages = Object.values(parsePlaceholderWordsFile(placeholderWordsFile).languages);

function union(
  pick: (lists: (typeof languages)[number]) => readonly string[],
  form: (word: string) => string,
): ReadonlySet<string> {
  return new Set(languages.flatMap((lists) => pick(lists).map(form)));
}

/** Words that mark a test or placeholder name, in every language, as name tokens ("test", "voorbeeld"). */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = union((lists) => lists.testWords, legalNameForm);

/** Test words only next to another test word ("Foo Bar"); ordinary words otherwise ("De Bar"). */
const WEAK_PLACEHOLDER_WORDS: ReadonlySet<string> = union((lists) => lists.weakTestWords, legalNameForm);

/** Generic words for a company or customer ("company", "bedrijf", "firma"). */
const COMPANY_WORDS: ReadonlySet<string> = union((lists) => lists.companyWords, legalNameForm);

const FILLER_WORDS: ReadonlySet<string> = union((lists) => lists.fillerWords, legalNameForm);

/** Whole names that are placeholders although none of their words is a test word ("my company"). */
const PLACEHOLDER_NAMES: ReadonlySet<string> = union((lists) => lists.placeholderNames, legalNameForm);

/** The parts one word may be joined from: test words, company words, digits. */
const COMPOUND_TEST_WORDS = [...PLACEHOLDER_WORDS].filter(
  (word) => word.length >= COMPOUND_TEST_WORD_MIN_LENGTH && /^\p{L}+$/u.test(word),
);
const COMPOUND_COMPANY_WORDS = [...COMPANY_WORDS].filter(
  (word) => word.length >= COMPOUND_COMPANY_WORD_MIN_LENGTH && /^\p{L}+$/u.test(word),
);

/**
 * One word joined from a test word and company words or digits, with nothing else: "testbedrijf",
 * "beispielfirma", "demo2", "testcompany". "contest", "testa" and "demolition" are not: their other
 * part is no company word.
 */
function isTestCompound(token: string): boolean {
  // reachable[i]: the first i letters split into parts; the value says whether a test word was among them.
  const reachable: (boolean | undefined)[] = [false];
  for (let start = 0; start < token.length; start += 1) {
    const hadTestWord = reachable[start];
    if (hadTestWord === undefined) continue;
    const rest = token.slice(start);
    const mark = (length: number, isTestWord: boolean) => {
      const end = start + length;
      reachable[end] = (reachable[end] ?? false) || hadTestWord || isTestWord;
    };
    for (const word of COMPOUND_TEST_WORDS) if (rest.startsWith(word)) mark(word.length, true);
    for (const word of COMPOUND_COMPANY_WORDS) if (rest.startsWith(word)) mark(word.length, false);
    const digits = /^\d+/.exec(rest);
    if (digits) mark(digits[0].length, false);
  }
  const whole = reachable[token.length];
  // A test word alone is no compound: it is one of PLACEHOLDER_WORDS or no test word at all.
  return whole === true && !PLACEHOLDER_WORDS.has(token);
}

type TokenKind = 'test' | 'weak' | 'filler';

function kindOf(token: string): TokenKind | undefined {
  if (PLACEHOLDER_WORDS.has(token)) return 'test';
  if (WEAK_PLACEHOLDER_WORDS.has(token)) return 'weak';
  if (FILLER_WORDS.has(token) || COMPANY_WORDS.has(token) || /^\d+$/.test(token)) return 'filler';
  if (isTestCompound(token)) return 'test';
  return undefined;
}

/** Tokens as made by nameTokens, legal forms already split off. */
export function isPlaceholderName(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  if (PLACEHOLDER_NAMES.has(tokens.join(' '))) return true;
  const kinds = tokens.map(kindOf);
  return kinds.every((kind) => kind !== undefined) && kinds.includes('test');
}

/**
 * First or last names that are not a person, in every language, compared in lower case without
 * accents, spaces or signs (personNameForm): "test", "admin", "nobody", "beheerder", "voornaam".
 * Names that are also real surnames ("Sample", "Bar", "Foo") are left out.
 */
export const PLACEHOLDER_PERSON_NAMES: ReadonlySet<string> = union(
  (lists) => lists.personNames,
  personNameForm,
);

/** Whether a first or last name is a placeholder ("Test", "Beheerder", "Voornaam"), not a person. */
export function isPlaceholderPersonName(name: string): boolean {
  return PLACEHOLDER_PERSON_NAMES.has(personNameForm(name));
}
