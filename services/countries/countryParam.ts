import type { CountryName, LanguageName, WordList } from '../../messages/catalogue';

/** A country for a message, named in the reader's language as a sentence names it ("the Netherlands"). */
export function countryInSentence(code: string): CountryName {
  return { country: code, inSentence: true };
}

/** A country for a message, named in the reader's language ("Netherlands"). */
export function country(code: string): CountryName {
  return { country: code };
}

/** Countries for a message, each named with its code: "Netherlands (NL), Belgium (BE) or …". */
export function anyOfCountries(codes: readonly string[]): WordList {
  return { list: codes.map((code) => ({ country: code, withCode: true })), join: 'or' };
}

/** Languages or cultures for a message, named in the reader's language: "Dutch or English". */
export function anyOfLanguages(tags: readonly string[]): WordList {
  return { list: tags.map((tag): LanguageName => ({ language: tag })), join: 'or' };
}
