import { LOCALES, type Locale } from '../../messages/catalogue';
import { comparable } from '../customers/text';

/**
 * ICU's names of languages, cultures and countries in the languages the bot speaks, for *reading*
 * what an agent typed ("Nederlands", "Engels (Verenigde Staten)", "Verenigd Koninkrijk") and for
 * ordering countries. Read from the ICU data Node.js ships (Intl.DisplayNames), so no list of our own
 * goes stale. Services render no names: a message names a language or country with a parameter
 * (`{ language: 'nl-NL' }`, `{ country: 'NL' }`, see countryParam) that the catalogue renders.
 */

const languageNames = new Map<Locale, Intl.DisplayNames>();
const regionNames = new Map<string, Intl.DisplayNames>();

function languageDisplayNames(locale: Locale): Intl.DisplayNames {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], {
      type: 'language',
      // "English (United States)", not "American English": the country is always named the same way.
      languageDisplay: 'standard',
      fallback: 'code',
    });
    languageNames.set(locale, names);
  }
  return names;
}

function regionDisplayNames(locale: Locale, style: 'long' | 'short'): Intl.DisplayNames {
  const key = `${locale}:${style}`;
  let names = regionNames.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'code' });
    regionNames.set(key, names);
  }
  return names;
}

function nameOf(code: string, locale: Locale): string {
  const tag = code.trim().replace(/_/g, '-');
  if (tag === '') return code;
  try {
    return languageDisplayNames(locale).of(tag) ?? tag;
  } catch {
    // Not a well-formed language tag: it can only match itself as typed.
    return code.trim();
  }
}

/**
 * ICU's name of a region by its ISO 3166 alpha-2 code: "GB" -> "United Kingdom" / "Verenigd
 * Koninkrijk"; short: "UK" / "VK". The code, upper-cased, when ICU has no name for it. For reading a
 * typed country (countryByName) and ordering countries (listCountries), not for showing one.
 */
export function regionName(code: string, locale: Locale = 'en', style: 'long' | 'short' = 'long'): string {
  const region = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(region)) return code.trim();
  try {
    return regionDisplayNames(locale, style).of(region) ?? region;
  } catch {
    return region;
  }
}

/**
 * The code among `codes` that an agent means by a language or culture typed as its code or its
 * name in any language the bot speaks (English, Dutch), ignoring case and accents: "Dutch",
 * "nederlands", "NL" -> "nl"; "Nederlands (België)", "nl_be" -> "nl-BE". Undefined when it is none.
 */
export function codeByLanguageName(typed: string, codes: readonly string[]): string | undefined {
  const wanted = comparable(typed.replace(/_/g, '-'));
  if (wanted === '') return undefined;
  return codes.find(
    (code) =>
      comparable(code.replace(/_/g, '-')) === wanted ||
      LOCALES.some((locale) => comparable(nameOf(code, locale)) === wanted),
  );
}
