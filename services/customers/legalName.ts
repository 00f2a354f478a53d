import { latinSkeleton } from './confusables';
import { splitLegalForm } from './legalForms';
import { isPlaceholderName } from './placeholders';
import { failed, passed, type Checked } from './ruleIssue';
import { cleanText, hasLetter } from './text';

export const LEGAL_NAME_MIN_LENGTH = 2;
export const LEGAL_NAME_MAX_LENGTH = 255;

/** One character, repeated: "999", "aaaa", "x x x". */
function isRepeatedCharacter(name: string): boolean {
  const characters = name.replace(/\s/g, '').toLowerCase();
  return characters.length >= 2 && new Set(characters).size === 1;
}

/** Single letters separated by spaces: "A B C", "A. B. C.". */
function isSpacedLetters(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.every((word) => /^\p{L}\.?$/u.test(word));
}

/**
 * All capitals, no spaces, 2 to 5 characters once dots and "&" are dropped: "IBM", "KPMG", "I.B.M.",
 * "AT&T", and "3M" (digits count as characters, but there must be a capital letter).
 */
function isAcronym(name: string): boolean {
  if (/\s/.test(name) || /\p{Ll}/u.test(name)) return false;
  const characters = name.replace(/[.&]/g, '');
  return /^[\p{Lu}\p{N}]{2,5}$/u.test(characters) && /\p{Lu}/u.test(characters);
}

/**
 * Checks a company legal name against the seed's guidance (exact legal name, no acronyms or short
 * forms, no test names) and answers it in NFC, trimmed with single spaces, or the first rule it
 * breaks. Look-alike letters do not get around the rules: "Тest B.V." with a Cyrillic Т is a test name.
 */
export function checkLegalName(raw: string | undefined): Checked<string> {
  const name = cleanText(raw ?? '');
  if (name === '') return failed('legalName.required');
  if (name.length > LEGAL_NAME_MAX_LENGTH)
    return failed('legalName.tooLong', { max: LEGAL_NAME_MAX_LENGTH, length: name.length });
  if (name.length < LEGAL_NAME_MIN_LENGTH)
    return failed('legalName.tooShort', { min: LEGAL_NAME_MIN_LENGTH });
  const params = { value: name };
  // As it reads: look-alike letters as the letters they imitate (only to check; the name stays as typed).
  const read = latinSkeleton(name).normalize('NFC');
  if (isRepeatedCharacter(read)) return failed('legalName.repeatedCharacter', params);
  if (!hasLetter(name)) return failed('legalName.noLetters', params);
  if (isSpacedLetters(name)) return failed('legalName.spacedLetters', params);
  const { core, legalForms } = splitLegalForm(read);
  if (core.length === 0) return failed('legalName.bareLegalForm', params);
  // Both with and without the legal form: "Test B.V." is "test", "My Company" is "my company".
  if (isPlaceholderName(core) || isPlaceholderName([...core, ...legalForms]))
    return failed('legalName.placeholder', params);
  if (isAcronym(name)) return failed('legalName.acronym', params);
  return passed(name);
}
