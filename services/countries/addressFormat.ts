import { cleanText } from '../customers/text';

/**
 * Address layouts as data, in the spirit of Google libaddressinput's format strings ("%A%n%Z %C"),
 * limited to the fields we keep:
 *   %A  the street lines (line 1, 2 and 3), on a line of its own
 *   %C  city            %S  state or province            %Z  postal code
 *   %n  a new line
 * Anything else is literal text written between, before or after fields (", ", " ", "-", "/").
 * This module only reads a layout and lays an address out by it; which layout a country uses is in
 * countries.json (see countryRules and addressLayout).
 */

export type AddressLayoutField = 'street' | 'city' | 'state' | 'postalCode';

const FIELDS_BY_TOKEN: Readonly<Record<string, AddressLayoutField>> = {
  A: 'street',
  C: 'city',
  S: 'state',
  Z: 'postalCode',
};

/** One part of a layout line: a field, or literal text. */
export type AddressLayoutPart = { field: AddressLayoutField } | { literal: string };

export interface AddressLayout {
  /** The format string as written in the data: "%A%n%C, %S %Z". */
  readonly source: string;
  /** Its lines, each a list of fields and literal text. */
  readonly lines: readonly (readonly AddressLayoutPart[])[];
  /** The fields in the order the layout writes them: street, city, state, postalCode for "%A%n%C, %S %Z". */
  readonly fields: readonly AddressLayoutField[];
}

/**
 * Reads a layout; throws an Error saying what is wrong with it: a token we do not know (libaddressinput's
 * %N, %O, %D, %X and the like are fields we do not keep), a field twice, an empty line, a line without
 * a field, %A sharing its line, or no %A or %C.
 */
export function parseAddressLayout(source: string): AddressLayout {
  const lines: AddressLayoutPart[][] = [[]];
  const fields: AddressLayoutField[] = [];
  let literal = '';
  const current = () => lines[lines.length - 1]!;
  const endLiteral = () => {
    if (literal !== '') current().push({ literal });
    literal = '';
  };
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index]!;
    if (character !== '%') {
      literal += character;
      continue;
    }
    const token = source[index + 1] ?? '';
    index += 1;
    endLiteral();
    if (token === 'n') {
      lines.push([]);
      continue;
    }
    const field = FIELDS_BY_TOKEN[token];
    if (!field) throw new Error(`"%${token}" is not a field we keep (use %A, %C, %S, %Z and %n)`);
    if (fields.includes(field)) throw new Error(`has %${token} twice`);
    fields.push(field);
    current().push({ field });
  }
  endLiteral();
  lines.forEach((line, index) => {
    if (line.length === 0) throw new Error(`line ${index + 1} is empty`);
    if (!line.some((part) => 'field' in part)) throw new Error(`line ${index + 1} has no field`);
    if (line.some((part) => 'field' in part && part.field === 'street') && line.length > 1)
      throw new Error('%A (the street lines) must be on a line of its own');
  });
  if (!fields.includes('street')) throw new Error('has no %A (the street lines)');
  if (!fields.includes('city')) throw new Error('has no %C (the city)');
  return { source, lines, fields };
}

/** The parts of an address a layout places; empty or missing parts are left out. */
export interface AddressLayoutValues {
  line1?: string | undefined;
  line2?: string | undefined;
  line3?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  postalCode?: string | undefined;
}

function valueOf(values: AddressLayoutValues, field: Exclude<AddressLayoutField, 'street'>): string {
  return cleanText(values[field] ?? '');
}

/**
 * One layout line with its values. A literal before the line's first field belongs to that field
 * (a prefix), one after its last field to that field (a suffix); a literal between two fields is a
 * separator, written only between two fields that are there. Where empty fields lie between two
 * that are there, of the separators around them the one that is only spaces is written, else the
 * first. So an empty field never leaves a stray comma or space: "%C, %S %Z" without a state gives
 * "Redmond 98052", without a city "WA 98052", without a postal code "Redmond, WA"; "%Z %C/%S"
 * without a city "34662 İstanbul".
 */
function layLineOut(line: readonly AddressLayoutPart[], values: AddressLayoutValues): string {
  let prefix = '';
  const slots: { value: string; after: string }[] = [];
  for (const part of line) {
    if ('literal' in part) {
      const last = slots[slots.length - 1];
      if (last) last.after += part.literal;
      else prefix += part.literal;
    } else if (part.field !== 'street') {
      slots.push({ value: valueOf(values, part.field), after: '' });
    }
  }
  let text = '';
  let previous: number | undefined;
  slots.forEach((slot, index) => {
    if (slot.value === '') return;
    if (previous === undefined) text += index === 0 ? prefix : '';
    else {
      const separators = slots.slice(previous, index).map((between) => between.after);
      text += separators.find((separator) => separator.trim() === '') ?? separators[0] ?? '';
    }
    text += slot.value;
    previous = index;
  });
  if (previous !== undefined && previous === slots.length - 1) text += slots[previous]!.after;
  return text.trim();
}

/**
 * The lines of an address in the layout's order, without the country: street lines, then the
 * layout's other lines; a line left empty is dropped. A state or postal code the layout has no place
 * for (a province typed for the Netherlands) is not hidden: it gets a line of its own at the end.
 */
export function layAddressOut(layout: AddressLayout, values: AddressLayoutValues): string[] {
  const lines: string[] = [];
  for (const line of layout.lines) {
    if (line.some((part) => 'field' in part && part.field === 'street')) {
      for (const street of [values.line1, values.line2, values.line3]) {
        const text = cleanText(street ?? '');
        if (text !== '') lines.push(text);
      }
      continue;
    }
    const text = layLineOut(line, values);
    if (text !== '') lines.push(text);
  }
  for (const field of ['city', 'state', 'postalCode'] as const) {
    const value = valueOf(values, field);
    if (!layout.fields.includes(field) && value !== '') lines.push(value);
  }
  return lines;
}
