/** "a|b c" -> {"a", "b c"}. */
function words(list: string): ReadonlySet<string> {
  return new Set(list.split('|'));
}

/**
 * Words that mark a test or placeholder name. A legal name is refused when it consists only of these,
 * filler words and digits ("Test Company 2", "Demo B.V."), or is one of the placeholder names; a
 * placeholder word next to a real word passes ("Test & Measurement Ltd", "Sample Technologies Ltd").
 */
export const PLACEHOLDER_WORDS: ReadonlySet<string> = words(
  'test|tests|testing|tester|testcompany|testcustomer|testtenant|demo|demos|sample|samples|example|examples|' +
    'foo|bar|baz|foobar|asdf|asdfg|asdfgh|asdfghjkl|qwerty|qwertz|azerty|abc|abcd|abcde|xyz|na|none|null|nil|' +
    'undefined|unknown|tbd|tba|dummy|placeholder|fake|lorem|ipsum|blah|temp|tmp|xxx|noname',
);

const FILLER_WORDS: ReadonlySet<string> = words(
  'company|customer|client|account|tenant|org|organisation|organization|business|firm|name|new|my|your|the|of|' +
    'and|a|for|only|do|not|use|dolor',
);

/** Whole names that are placeholders although none of their words is. */
const PLACEHOLDER_NAMES: ReadonlySet<string> = words(
  'customer|client|company|organisation|organization|tenant|name|company name|customer name|legal name|' +
    'my company|your company|new company|new customer|new client|new tenant',
);

/** Tokens as made by nameTokens, legal forms already split off. */
export function isPlaceholderName(tokens: readonly string[]): boolean {
  if (tokens.length === 0) return false;
  if (PLACEHOLDER_NAMES.has(tokens.join(' '))) return true;
  const fillerOnly = tokens.every(
    (token) => PLACEHOLDER_WORDS.has(token) || FILLER_WORDS.has(token) || /^\d+$/.test(token),
  );
  return fillerOnly && tokens.some((token) => PLACEHOLDER_WORDS.has(token));
}

/**
 * First or last names that are not a person: compared in lower case without spaces or signs. Names
 * that are also real surnames ("Sample", "Bar", "Foo") are left out.
 */
export const PLACEHOLDER_PERSON_NAMES: ReadonlySet<string> = words(
  'test|tester|testing|testuser|admin|administrator|nobody|none|na|unknown|user|demo|example|asdf|qwerty|dummy|' +
    'null|undefined|tbd|firstname|lastname|name|noname|anonymous|xxx|abc|placeholder|fake',
);
