import { z } from 'zod';
import type { CountryRules } from '../countries/countryRules';
import { countryInSentence } from '../countries/countryParam';
import { matchesPhoneNumber, normalisePhoneNumber } from '../countries/formats';
import { latinSkeleton } from './confusables';
import { PLACEHOLDER_PERSON_NAMES } from './placeholders';
import { failed, passed, type Checked } from './ruleIssue';
import { cleanText, foldDiacritics, hasLetter } from './text';

export const PERSON_NAME_MAX_LENGTH = 40;
export const EMAIL_MAX_LENGTH = 254;

/** The keys are spelled out per field so each one is checked against the catalogue. */
const NAME_KEYS = {
  firstName: {
    required: 'person.firstName.required',
    tooLong: 'person.firstName.tooLong',
    noLetters: 'person.firstName.noLetters',
    placeholder: 'person.firstName.placeholder',
  },
  lastName: {
    required: 'person.lastName.required',
    tooLong: 'person.lastName.tooLong',
    noLetters: 'person.lastName.noLetters',
    placeholder: 'person.lastName.placeholder',
  },
} as const;

/**
 * A first or last name: 1 to 40 characters, with a letter, not a placeholder such as "Test" or "Admin";
 * answered in NFC, trimmed with single spaces.
 */
export function checkPersonName(raw: string | undefined, which: keyof typeof NAME_KEYS): Checked<string> {
  const keys = NAME_KEYS[which];
  const name = cleanText(raw ?? '');
  if (name === '') return failed(keys.required);
  if (name.length > PERSON_NAME_MAX_LENGTH) return failed(keys.tooLong, { max: PERSON_NAME_MAX_LENGTH });
  if (!hasLetter(name)) return failed(keys.noLetters, { value: name });
  // Look-alike letters read as what they imitate: "Тest" with a Cyrillic Т is "test".
  const comparable = foldDiacritics(latinSkeleton(name))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  if (PLACEHOLDER_PERSON_NAMES.has(comparable)) return failed(keys.placeholder, { value: name });
  return passed(name);
}

const MICROSOFT_DOMAIN = 'microsoft.com';

function isAtOrUnder(domain: string, owner: string): boolean {
  return domain === owner || domain.endsWith(`.${owner}`);
}

/** "@Contoso.COM " -> "contoso.com". */
function bareDomain(domain: string): string {
  return domain.trim().replace(/^@/, '').replace(/\.$/, '').toLowerCase();
}

const emailFormat = z.email();

/**
 * A customer's email address: valid, not at Microsoft and not at the partner itself (nor a subdomain
 * of either). Answers it trimmed with the domain in lower case.
 */
export function checkEmail(
  raw: string | undefined,
  partnerEmailDomains: readonly string[] = [],
): Checked<string> {
  const typed = (raw ?? '').trim();
  if (typed === '') return failed('person.email.required');
  const at = typed.lastIndexOf('@');
  const email = `${typed.slice(0, at + 1)}${typed.slice(at + 1).toLowerCase()}`;
  if (at < 1 || email.length > EMAIL_MAX_LENGTH || !emailFormat.safeParse(email).success)
    return failed('person.email.invalid', { value: typed });
  const domain = email.slice(at + 1);
  if (isAtOrUnder(domain, MICROSOFT_DOMAIN)) return failed('person.email.microsoft', { domain });
  const partnerDomain = partnerEmailDomains
    .map(bareDomain)
    .find((owner) => owner && isAtOrUnder(domain, owner));
  if (partnerDomain) return failed('person.email.partnerDomain', { domain });
  return passed(email);
}

/**
 * A phone number, required or not per country, normalised (no spaces, dashes, dots or parentheses)
 * and matched against the country's pattern; without a known country, any plausible number passes.
 */
export function checkPhone(
  raw: string | undefined,
  rules: CountryRules | undefined,
): Checked<string | undefined> {
  const typed = (raw ?? '').trim();
  if (typed === '')
    return rules?.phoneRequired
      ? failed('person.phone.required', { country: countryInSentence(rules.code) })
      : passed(undefined);
  const phone = normalisePhoneNumber(typed);
  if (matchesPhoneNumber(rules, phone)) return passed(phone);
  return rules?.phonePattern
    ? failed('person.phone.invalid', {
        value: typed,
        country: countryInSentence(rules.code),
        example: rules.phoneExample ?? '',
      })
    : failed('person.phone.invalidAnyCountry', { value: typed });
}
