import { isWording, isWordList, type MessageParam, type MessageParams } from '../messages/catalogue';

/**
 * Text a user typed (or a value from a store or service) as Adaptive Card markdown that shows it
 * literally. A TextBlock's text and a Fact's title and value are markdown in every host: Teams
 * renders bold, italic, links and lists; Web Chat and the Emulator render them with markdown-it
 * with HTML on and linkify on (a bare URL, a domain name or an e-mail address becomes a link). So
 * `[click](http://evil.example) Fabrikam B.V.` would be a link, and `http://evil.example` too.
 *
 * Why backslash escapes (CommonMark, which markdown-it, the Adaptive Cards JS renderer and Teams
 * follow) and not RichTextBlock/TextRun, whose text is never markdown: a FactSet value cannot hold a
 * TextRun, and the cards' contract (tests and the Teams summary included) reads values from
 * TextBlocks and FactSets. Escaping changes nothing a reader sees in a CommonMark host; only an old
 * renderer that ignores escapes (early Teams mobile builds) would show the backslashes, still as text.
 * To keep that rare, only what could become markup is escaped, not every punctuation mark:
 * "Fabrikam B.V.", "1015 CJ", "+31 20 123 4567" and "O'Brien & Zonen" stay as they are.
 *
 * Escaped:
 * - everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `|` `~` `{` (emphasis, code, links, images, HTML,
 *   autolinks `<…>`, tables, strikethrough, `{{DATE(…)}}` formatting); `(` right after `]` (a link for
 *   renderers that ignore the escaped `]`); `&` that starts an entity (`&amp;` stays `&amp;`);
 * - at the start of a line: `#` headings, `>` quotes, `-`/`+` bullets, `1.`/`1)` numbers, `---`/`===`
 *   rules and underlines; leading indentation of 4 spaces or a tab (a code block) is dropped;
 * - what Web Chat's typographer would change: `--`, `...`, `(c)`, `+-` (quotes it curls are left alone:
 *   `O'Brien` is common, and a curly apostrophe is the same letter to a reader);
 * - links a linkifier would make: the `:` of `scheme://` and `mailto:`, the first `/` of `//host`, and
 *   the first `.` of a domain-like word whose last label has two letters or more (`evil\.com`,
 *   `anna\.jansen@northwind\.nl`). markdown-it's linkify only links text tokens and skips a link that
 *   starts right after an escape, so no part of such a word becomes a link.
 *
 * Input values (Input.Text `value`) are not markdown: never pass them through this.
 */
export function asText(value: string): string {
  return value
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : escapeLine(part)))
    .join('');
}

/**
 * A catalogue sentence's parameters shown literally: strings escaped, numbers as they are (plural
 * forms choose by them). The sentence's own wording is not touched.
 */
export function asTextParams(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, asTextParam(value)]));
}

/** A value is escaped; catalogue words keep their wording, the values they quote are escaped. */
function asTextParam(param: MessageParam): MessageParam {
  if (typeof param === 'string') return asText(param);
  if (typeof param === 'number') return param;
  if (isWordList(param)) return { ...param, list: param.list.map(asTextParam) };
  if (!isWording(param)) return param;
  return param.params ? { ...param, params: asTextParams(param.params) } : param;
}

/** A fact whose title and value are both shown literally. */
export function asTextFact<Fact extends { title: string; value: string }>(fact: Fact): Fact {
  return { ...fact, title: asText(fact.title), value: asText(fact.value) };
}

const escapedEverywhere = new Set(['\\', '`', '*', '_', '[', ']', '<', '|', '~', '{']);

/** Where else a backslash goes: before the character each pattern captures. */
const escapedWhere: RegExp[] = [
  // `[x](y)`: also the `(`, for renderers that take `\]` as text.
  /\](\()/g,
  // An entity or a numeric character reference: `&amp;`, `&#65;`, `&#x41;`.
  /(&)(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/g,
  // A URL scheme: `http://`, `ftp://`, and `mailto:`.
  /[A-Za-z][A-Za-z\d+.-]*(:)(?=\/\/)/g,
  /\bmailto(:)/gi,
  // A protocol-relative URL: `//evil.example`.
  /(?<![:/\\])(\/)\/(?=[^\s/])/g,
  // Web Chat's typographer: `(c)` `(r)` `(tm)` become symbols, `+-` becomes ±.
  /(\()(?:c|r|tm)\)/gi,
  /\+(-)/g,
];
/** Also the typographer's: in `--`, `...`, `,,`, `!!!!` and `????` every mark after the first is escaped. */
const repeatedMarks = /([-.,!?])\1+/g;

/** A domain-like word: labels of letters, digits and hyphens joined by dots. */
const domainLike = /[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)+/gu;
/** A last label that a linkifier may take for a top-level domain. */
const topLevelLike = /^(?:\p{L}{2,}|xn--[\p{L}\p{N}-]+)$/iu;

function escapeLine(raw: string): string {
  // Indented by 4 spaces or a tab, a line is a code block; markdown would not show the indentation anyway.
  const line = /^ {0,3}(?: {4}|\t)/.test(raw) ? raw.trimStart() : raw;
  const escaped = new Set<number>();

  for (let index = 0; index < line.length; index++) {
    if (escapedEverywhere.has(line[index]!)) escaped.add(index);
  }

  const indent = line.length - line.trimStart().length;
  const start = line.slice(indent);
  if (/^(?:#{1,6}(?:[ \t]|$)|>|[-+](?:[ \t]|$)|[-=](?:[ \t]*[-=])*[ \t]*$)/.test(start)) escaped.add(indent);
  const number = /^\d{1,9}[.)](?=[ \t]|$)/.exec(start);
  if (number) escaped.add(indent + number[0].length - 1);

  for (const pattern of escapedWhere) {
    for (const match of line.matchAll(pattern)) {
      escaped.add(match.index + match[0].indexOf(match[1]!));
    }
  }

  for (const match of line.matchAll(repeatedMarks)) {
    for (let offset = 1; offset < match[0].length; offset++) escaped.add(match.index + offset);
  }

  for (const match of line.matchAll(domainLike)) {
    const labels = match[0].split('.');
    if (topLevelLike.test(labels[labels.length - 1]!)) escaped.add(match.index + labels[0]!.length);
  }

  let text = '';
  for (let index = 0; index < line.length; index++) {
    text += (escaped.has(index) ? '\\' : '') + line[index];
  }
  return text;
}
