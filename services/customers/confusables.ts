import confusablesFile from './confusablesLatin.json';

/**
 * Look-alike letters (Unicode's confusables, UTS #39) for the duplicate key of a legal name, so that
 * "Cоntoso" with a Cyrillic о or "Contοso" with a Greek ο is the same customer as "Contoso".
 *
 * The data is a part of confusables.txt (see confusablesLatin.json: version, source, licence; derived
 * by test/tools/deriveConfusables.ts): the letters of scripts that imitate Latin ones, each with the
 * ASCII it looks like. Fullwidth and mathematical letters need no entry, as the key folds compatibility
 * forms (NFKD) first. No npm package fits: those there either map ASCII itself ("m" to "rn", "I" to
 * "l"), which would change the key of every plain name and so orphan the reservations stored under it,
 * or are not Unicode's data; and a key must not move with a dependency's update.
 *
 * Where this differs from the plain TR39 skeleton, it is for one reason: the key has always been
 * case-insensitive and folded compatibility forms, and plain ASCII names must keep the key they have.
 * - ASCII is never mapped. A look-alike becomes the ASCII letter of its own case that shares its
 *   prototype: the Cyrillic "І" (a capital) becomes "I", not the prototype "l" that TR39 gives "I", "1"
 *   and "|" alike; the Latin dental click "ǀ" (no case) becomes "l"; a digit becomes a digit.
 * - Upper and lower case share one mapping, as the key ignores case: "Н" looks like "H", so "н" counts
 *   as "h" too. Where the two cases imitate different letters (Greek "Ν" like "N" but "ν" like "v", "Υ"
 *   like "Y" but "υ" like "u", the palochka "Ӏ" like "I" but "ӏ" like "l"), the capital's wins, since
 *   the capitals are the ones drawn identically.
 * - Compatibility forms are folded first (NFKD, see latinSkeleton).
 */

/** The Unicode version of the data, e.g. "17.0.0". */
export const CONFUSABLES_VERSION: string = confusablesFile.version;

/** A line of Unicode's file: `0430 ;\t0061 ;\tMA\t# ( а → a ) ...`. */
const LINE = /^([0-9A-F]{4,6}) ;\t([0-9A-F]{4,6}(?: [0-9A-F]{4,6})*) ;\tMA\t/;

function fromHex(codePoints: string): string {
  return codePoints
    .split(' ')
    .map((hex) => String.fromCodePoint(parseInt(hex, 16)))
    .join('');
}

/** A line of confusables.txt as [source character, prototype]; undefined for anything else. */
export function parseConfusableLine(line: string): [string, string] | undefined {
  const match = LINE.exec(line);
  return match ? [fromHex(match[1]!), fromHex(match[2]!)] : undefined;
}

type LetterCase = 'upper' | 'lower' | 'digit' | 'other';

function letterCase(character: string): LetterCase {
  if (/^\p{Uppercase}$/u.test(character)) return 'upper';
  if (/^\p{Lowercase}$/u.test(character)) return 'lower';
  if (/^\p{Nd}$/u.test(character)) return 'digit';
  return 'other';
}

const isAscii = (text: string) => /^[\x20-\x7e]+$/.test(text);

/**
 * Builds the mapping from the lines: lower-case source character -> lower-case ASCII letters and
 * digits. Exported for the tests; the module builds it once from its data file.
 */
export function buildLookAlikes(lines: readonly string[]): Map<string, string> {
  const pairs = lines.flatMap((line) => {
    const pair = parseConfusableLine(line);
    return pair ? [pair] : [];
  });
  // ASCII characters by their prototype: "l" -> ["l", "|", "1", "I"], "O" -> ["O", "0"], "rn" -> ["m"].
  const asciiByPrototype = new Map<string, string[]>();
  for (const [source, prototype] of pairs) {
    if (!isAscii(source)) continue;
    asciiByPrototype.set(prototype, [...(asciiByPrototype.get(prototype) ?? []), source]);
  }
  const alike = (prototype: string) => [prototype, ...(asciiByPrototype.get(prototype) ?? [])];
  const ofCase = (prototype: string, wanted: LetterCase) =>
    alike(prototype).find((ascii) => /^[A-Za-z0-9]$/.test(ascii) && letterCase(ascii) === wanted);

  /** The ASCII a source character stands for: one letter of its case, else its prototype letter by letter. */
  const asciiFor = (source: string, prototype: string): string | undefined => {
    const wanted = letterCase(source);
    const ascii =
      ofCase(prototype, wanted) ??
      Array.from(prototype, (character) => ofCase(character, wanted) ?? character).join('');
    return /^[A-Za-z0-9]+$/.test(ascii) ? ascii : undefined;
  };

  const mapping = new Map<string, { ascii: string; fromCapital: boolean }>();
  for (const [source, prototype] of pairs) {
    if (isAscii(source) || !isAscii(prototype)) continue;
    const ascii = asciiFor(source, prototype);
    const key = source.toLowerCase();
    if (ascii === undefined || Array.from(key).length !== 1) continue;
    const fromCapital = key !== source;
    const held = mapping.get(key);
    if (held && (held.fromCapital || !fromCapital)) continue;
    mapping.set(key, { ascii: ascii.toLowerCase(), fromCapital });
  }
  return new Map([...mapping].map(([key, { ascii }]) => [key, ascii]));
}

const LOOK_ALIKES: ReadonlyMap<string, string> = buildLookAlikes(confusablesFile.lines);

/** The look-alike mapping in use, for the tests. */
export function latinLookAlikes(): ReadonlyMap<string, string> {
  return LOOK_ALIKES;
}

/**
 * The confusables skeleton of a text for comparison, in lower case: NFKD, default-ignorable characters
 * (zero-width spaces, joiners, soft hyphens, ...) removed, each look-alike replaced by the ASCII it
 * imitates, NFKD again. "Cоntoso B.V." (Cyrillic о) -> "contoso b.v."; ASCII text only changes case.
 * NFKD where TR39 has NFD: the key has always folded compatibility forms (fullwidth and mathematical
 * letters, the micro sign), and folding them first lets the look-alikes among them be read too.
 * For keys only: what is stored is the text as typed.
 */
export function latinSkeleton(text: string): string {
  const lowered = text
    .normalize('NFKD')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .toLowerCase();
  return Array.from(lowered, (character) => LOOK_ALIKES.get(character) ?? character)
    .join('')
    .normalize('NFKD');
}
