import { z } from 'zod';
import type { MessageKey, MessageParam } from '../../messages/catalogue';
import type { RuleIssue } from './ruleIssue';

/** NFC, trimmed, runs of whitespace collapsed to one space. */
export function cleanText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
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

/** Spaces of any width (not tabs or line breaks, which no single-line field may hold) at either end. */
const EDGE_SPACES = /^\p{Zs}+|\p{Zs}+$/gu;

/**
 * A form field: text in NFC with the spaces at its ends trimmed, or undefined when empty or not text.
 * A form sends "" for a field left blank, and that means "not given"; numbers (e.g. a postal code
 * from JSON) are read as text. Characters that have no place in a single-line field are left in, for
 * `hiddenCharacterIssues` to find and name: the form's check refuses them at their field.
 */
export const formText = z
  .unknown()
  .transform((value): string | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return undefined;
    const text = value.normalize('NFC').replace(EDGE_SPACES, '');
    return text === '' ? undefined : text;
  })
  // A key left out of the submit is as good as an empty field.
  .optional();

/**
 * What kind of character a single-line field may not hold:
 * - control: C0 and C1 controls (NUL, bell, escape, tab, line feed, ...), line and paragraph separators;
 * - direction: the bidirectional controls, which make text show in another order than it is stored
 *   (U+200E/200F, U+202A–202E, U+2066–2069, U+061C);
 * - invisible: every other format character (zero-width space, joiners, word joiner, byte order mark,
 *   soft hyphen, tags, ...: general category Cf) and the Hangul fillers, blanks that count as letters;
 * - broken: half of a surrogate pair, or a noncharacter.
 * Variation selectors and combining marks are allowed: scripts need them, and the duplicate key drops them.
 */
export type HiddenCharacterKind = 'control' | 'direction' | 'invisible' | 'broken';

const DIRECTION_CONTROLS = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const CONTROLS = /^[\p{Cc}\p{Zl}\p{Zp}]$/u;
const INVISIBLE = /^[\p{Cf}\u115F\u1160\u3164\uFFA0]$/u;
const BROKEN = /^[\p{Cs}\p{Noncharacter_Code_Point}]$/u;

function hiddenKind(character: string): HiddenCharacterKind | undefined {
  if (CONTROLS.test(character)) return 'control';
  if (DIRECTION_CONTROLS.test(character)) return 'direction';
  if (INVISIBLE.test(character)) return 'invisible';
  if (BROKEN.test(character)) return 'broken';
  return undefined;
}

/** The first hidden character of a text: its kind, code point and place (1 = the first character), and how many there are. */
export interface HiddenCharacters {
  kind: HiddenCharacterKind;
  codePoint: number;
  position: number;
  count: number;
}

export function findHiddenCharacters(text: string): HiddenCharacters | undefined {
  let first: Omit<HiddenCharacters, 'count'> | undefined;
  let count = 0;
  let position = 0;
  // By code point: an emoji is one character, half a surrogate pair is one too.
  for (const character of text) {
    position += 1;
    const kind = hiddenKind(character);
    if (!kind) continue;
    count += 1;
    first ??= { kind, codePoint: character.codePointAt(0)!, position };
  }
  return first && { ...first, count };
}

/** Unicode's names of the hidden characters met most, so the message says which one it is. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00: 'null',
  0x07: 'bell',
  0x08: 'backspace',
  0x09: 'tab',
  0x0a: 'line feed',
  0x0b: 'line tabulation',
  0x0c: 'form feed',
  0x0d: 'carriage return',
  0x1b: 'escape',
  0x7f: 'delete',
  0x85: 'next line',
  0xad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x180e: 'Mongolian vowel separator',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x3164: 'Hangul filler',
  0xfeff: 'zero width no-break space (byte order mark)',
};

/** "U+200B zero width space": the character named, never shown. */
export function describeCharacter(codePoint: number): string {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[codePoint];
  return name ? `${code} ${name}` : code;
}

const HIDDEN_CHARACTER_KEYS: Readonly<Record<HiddenCharacterKind, MessageKey>> = {
  control: 'text.controlCharacter',
  direction: 'text.directionControl',
  invisible: 'text.invisibleCharacter',
  broken: 'text.brokenCharacter',
};

/** The issue of a field holding hidden characters, naming the field by its label as the card shows it. */
export function hiddenCharacterIssue(found: HiddenCharacters, label: MessageParam): RuleIssue {
  return {
    key: HIDDEN_CHARACTER_KEYS[found.kind],
    params: {
      label,
      character: describeCharacter(found.codePoint),
      position: found.position,
      count: found.count,
    },
  };
}

/** The labels of a form's fields by field path ("address.line1"), as catalogue keys. */
export type FieldLabelKeys = Readonly<Record<string, MessageKey>>;

/**
 * Every text field of a parsed form that holds a hidden character, by field path, with its issue.
 * This is the one place that decides which characters a form field may hold; a form's check hands
 * the result to its IssueList, which reports it at the field instead of what the field's own rules
 * say, so each field is refused once and every other field is still checked.
 */
export function hiddenCharacterIssues(form: unknown, labels: FieldLabelKeys): Map<string, RuleIssue> {
  const found = new Map<string, RuleIssue>();
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      const hidden = findHiddenCharacters(value);
      const field = path.join('.');
      const label = labels[field];
      if (hidden) found.set(field, hiddenCharacterIssue(hidden, label ? { key: label } : field));
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
    }
  };
  visit(form, []);
  return found;
}

/** A group of form fields; anything that is not an object reads as an empty group. */
export function formGroup<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((value) => (isRecord(value) ? value : {}), z.object(shape));
}
