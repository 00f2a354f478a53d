import {
  failed,
  prepareExpression,
  UnsupportedTemplateError,
  type PreparedExpression,
  type Scope,
} from './templateExpression';

/**
 * Fills an Adaptive Card template as adaptivecards-templating expands it, for the part of its
 * language our templates use (see templateExpression.ts): `${...}` as a whole value (which keeps
 * the value's type) or inside text, `$data` (an array repeats the element, with `$index`) and
 * `$when`. A property or array item that comes out null is left out, at any depth: that is how a
 * template says "no value". The template is prepared once; anything else is refused then.
 */
export function prepareTemplate(template: unknown): (data: unknown) => unknown {
  const fill = prepareNode(template, '');
  return (data) => fill({ root: data, data, index: undefined });
}

type Fill = (scope: Scope) => unknown;

/** The keys the templating language keeps for itself: never copied into the card. */
const reservedKeys = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

function prepareNode(node: unknown, where: string): Fill {
  if (typeof node === 'string') return prepareString(node, where);
  if (Array.isArray(node)) return prepareArray(node, where);
  if (node !== null && typeof node === 'object') return prepareObject(node as Record<string, unknown>, where);
  return () => node;
}

function prepareArray(items: unknown[], where: string): Fill {
  const fills = items.map((item, index) => prepareNode(item, `${where}/${index}`));
  return (scope) => {
    const filled: unknown[] = [];
    for (const fill of fills) {
      const value = fill(scope);
      if (value === null) continue;
      // A repeated element (or an array value) stands in its items' place.
      if (Array.isArray(value)) for (const item of value) filled.push(item);
      else filled.push(value);
    }
    return filled;
  };
}

function prepareObject(node: Record<string, unknown>, where: string): Fill {
  const properties: [string, Fill][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '__proto__') refuse(where, 'a property named __proto__');
    if (!reservedKeys.has(key)) properties.push([key, prepareNode(value, `${where}/${key}`)]);
  }
  const fillProperties = (scope: Scope) => {
    const filled: Record<string, unknown> = {};
    for (const [key, fill] of properties) {
      const value = fill(scope);
      if (value !== undefined && value !== null) filled[key] = value;
    }
    return filled;
  };
  if (!('$data' in node) && !('$when' in node)) return fillProperties;

  const data = '$data' in node ? wholeExpression(node.$data, `${where}/$data`) : undefined;
  const when = '$when' in node ? wholeExpression(node.$when, `${where}/$when`) : undefined;
  return (scope) => {
    let contexts: unknown[] = [undefined];
    let repeated = false;
    if (data) {
      const value = data(scope, true);
      if (value === failed) throw new Error(`The card template's ${where}/$data could not be evaluated`);
      repeated = Array.isArray(value);
      contexts = repeated ? (value as unknown[]) : [value];
    }
    const filled: unknown[] = [];
    let current = scope.data;
    for (let index = 0; index < contexts.length; index++) {
      // An undefined item keeps the item before it, as the templating library's context does.
      if (contexts[index] !== undefined) current = contexts[index];
      const inner: Scope = { root: scope.root, data: current, index: repeated ? index : scope.index };
      if (when && when(inner, false) !== true) continue;
      filled.push(fillProperties(inner));
    }
    return filled.length === 0 ? null : filled.length === 1 ? filled[0] : filled;
  };
}

/** `$data` and `$when` take one expression, the whole string. */
function wholeExpression(value: unknown, where: string) {
  const segments = typeof value === 'string' ? segmentsOf(value, where) : [];
  const only = segments[0];
  if (segments.length !== 1 || typeof only !== 'object') refuse(where, 'must be one ${...} expression');
  return only.evaluate;
}

function prepareString(text: string, where: string): Fill {
  if (!text.includes('${')) return () => text;
  const segments = segmentsOf(text, where);
  const only = segments[0];
  if (segments.length === 1 && typeof only === 'object') {
    const { evaluate, source } = only;
    return (scope) => {
      const value = evaluate(scope, true);
      if (value === failed) throw new Error(`The card template's ${where} could not evaluate \${${source}}`);
      return withoutNulls(value);
    };
  }
  return (scope) => {
    let filled = '';
    for (const segment of segments) {
      if (typeof segment === 'string') {
        filled += segment;
        continue;
      }
      const value = segment.evaluate(scope, true);
      if (value === null || value === undefined) {
        throw new Error(`The card template's ${where} has no text for \${${segment.source}}`);
      }
      filled += String(value);
    }
    return filled;
  };
}

type Segment = string | (PreparedExpression & { source: string });

/**
 * Splits "text ${expression} text" into its parts. An expression alone is any supported expression
 * and keeps its value's type; an expression within text must be a path (one that cannot fail). Text
 * with characters the templating library would read specially (\ ` $) is refused.
 */
function segmentsOf(text: string, where: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('${', at);
    const literal = text.slice(at, start < 0 ? text.length : start);
    if (/[\\`$]/.test(literal)) refuse(where, `the text "${literal}" around an expression`);
    if (literal) segments.push(literal);
    if (start < 0) break;
    const end = closingBrace(text, start + 2);
    if (end < 0) refuse(where, `"${text}" has an unclosed \${`);
    const source = text.slice(start + 2, end);
    const expression = prepareExpressionAt(source, where);
    if (expression.kind === 'literal') refuse(where, `\${${source}} is only a literal`);
    segments.push({ ...expression, source });
    at = end + 1;
  }
  const onlyExpression = segments.length === 1 && typeof segments[0] === 'object';
  if (!onlyExpression) {
    const notPath = segments.find((segment) => typeof segment === 'object' && segment.kind !== 'path');
    if (notPath && typeof notPath === 'object')
      refuse(where, `\${${notPath.source}} within text must be a path`);
  }
  return segments;
}

function prepareExpressionAt(source: string, where: string) {
  try {
    return prepareExpression(source);
  } catch (error) {
    if (error instanceof UnsupportedTemplateError) refuse(where, error.message);
    throw error;
  }
}

/** The closing brace of an expression, skipping quoted text; -1 when there is none. */
function closingBrace(text: string, from: number): number {
  let quote: string | undefined;
  for (let at = from; at < text.length; at++) {
    const char = text[at];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '{') return -1;
    else if (char === '}') return at;
  }
  return -1;
}

function refuse(where: string, reason: string): never {
  throw new UnsupportedTemplateError(`Card template ${where || '/'}: ${reason}`);
}

/** A copy of a value from the data with every null property and array item left out, at any depth. */
export function withoutNulls(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    const items: unknown[] = [];
    node.forEach((item: unknown) => {
      if (item !== null) items.push(withoutNulls(item));
    });
    return items;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key];
    if (value === null) continue;
    // Assigning __proto__ would set the prototype, not a property.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: withoutNulls(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = withoutNulls(value);
  }
  return copy;
}
