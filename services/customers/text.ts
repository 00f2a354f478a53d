import { z } from 'zod';

/** Trims and collapses runs of whitespace to one space. */
export function cleanText(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** Letters that Unicode decomposition does not split into base letter + mark. */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** "Müller Søn" -> "Muller Son": removes accents so spellings with and without them compare equal. */
export function foldDiacritics(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞæÆœŒøØłŁđĐðÐþÞı]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

export function hasLetter(value: string): boolean {
  return /\p{L}/u.test(value);
}

/** Case- and accent-insensitive comparison form. */
export function comparable(value: string): string {
  return cleanText(foldDiacritics(value)).toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A form field: trimmed text, or undefined when empty or not text. A form sends "" for a field left
 * blank, and that means "not given"; numbers (e.g. a postal code from JSON) are read as text.
 */
export const formText = z
  .unknown()
  .transform((value): string | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  })
  // A key left out of the submit is as good as an empty field.
  .optional();

/** A group of form fields; anything that is not an object reads as an empty group. */
export function formGroup<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => (isRecord(value) ? value : {}), z.object(shape));
}
