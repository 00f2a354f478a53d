/**
 * The expressions our card templates use (`${...}`), parsed once into closures, evaluated as
 * adaptivecards-templating evaluates them with adaptive-expressions:
 * paths (`a.b.c`, from `$data`, `$root` or `$index`), string, number, true/false/null literals,
 * `!x`, `not(x)`, `x && y`, `x || y`, `x == literal`, `x != literal`, `x > literal`, `count(path)`
 * and `if(condition, a, b)`. Anything else is refused when the template is prepared.
 */

/** Where an expression reads from: the whole data, the item being repeated, its position. */
export interface Scope {
  root: unknown;
  data: unknown;
  index: unknown;
}

/** What an expression yields when adaptive-expressions would report an error. */
export const failed: unique symbol = Symbol('the expression failed');

/**
 * `substitute`: an undefined path yields the text `${path}` instead of undefined, as the templating
 * library does outside `$when`; conditions and comparisons always see undefined.
 */
export type Evaluate = (scope: Scope, substitute: boolean) => unknown;

export interface PreparedExpression {
  evaluate: Evaluate;
  kind: 'path' | 'literal' | 'other';
}

export class UnsupportedTemplateError extends Error {}

export function prepareExpression(source: string): PreparedExpression {
  const parser = new Parser(tokenize(source), source);
  const expression = parser.expression();
  parser.expectEnd();
  return expression;
}

type Token =
  | { kind: 'name'; text: string }
  | { kind: 'literal'; value: string | number }
  | { kind: 'symbol'; text: string };

const symbols = ['==', '!=', '&&', '||', '>', '!', '(', ')', ',', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    // A line break ends an expression's recognition in adaptive-expressions: refused below.
    const space = /^[^\S\r\n]+/.exec(rest);
    const name = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    const number = /^[0-9]+(\.[0-9]+)?/.exec(rest);
    const text = /^'([^'\\{}]*)'|^"([^"\\{}]*)"/.exec(rest);
    const symbol = symbols.find((candidate) => rest.startsWith(candidate));
    if (space) at += space[0].length;
    else if (name) {
      tokens.push({ kind: 'name', text: name[0] });
      at += name[0].length;
    } else if (number) {
      tokens.push({ kind: 'literal', value: Number(number[0]) });
      at += number[0].length;
    } else if (text) {
      tokens.push({ kind: 'literal', value: text[1] ?? text[2] ?? '' });
      at += text[0].length;
    } else if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol });
      at += symbol.length;
    } else {
      throw new UnsupportedTemplateError(`"${source}": "${rest}" is not supported`);
    }
  }
  return tokens;
}

const pathRoots = new Set(['$data', '$root', '$index']);
const keywords = new Map<string, boolean | null>([
  ['true', true],
  ['false', false],
  ['null', null],
]);
const functionArity = new Map([
  ['not', 1],
  ['count', 1],
  ['if', 3],
]);
const comparisons = new Set(['==', '!=', '>']);

/** Recursive descent in adaptive-expressions' precedence: `||` below `&&` below comparison below `!`. */
class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  expression(): PreparedExpression {
    const first = this.conjunction();
    if (!this.peekSymbol('||')) return first;
    const children = [first];
    while (this.takeSymbol('||')) children.push(this.conjunction());
    return other(or(children.map((child) => child.evaluate)));
  }

  expectEnd(): void {
    if (this.at < this.tokens.length) this.refuse('unexpected text after the expression');
  }

  private conjunction(): PreparedExpression {
    const first = this.comparison();
    if (!this.peekSymbol('&&')) return first;
    const children = [first];
    while (this.takeSymbol('&&')) children.push(this.comparison());
    return other(and(children.map((child) => child.evaluate)));
  }

  private comparison(): PreparedExpression {
    const left = this.unary();
    const token = this.tokens[this.at];
    if (token?.kind !== 'symbol' || !comparisons.has(token.text)) return left;
    this.at += 1;
    const right = this.unary();
    if (right.kind !== 'literal') this.refuse('a comparison must compare with a literal');
    const next = this.tokens[this.at];
    if (next?.kind === 'symbol' && comparisons.has(next.text)) this.refuse('chained comparisons');
    return other(compare(token.text, left.evaluate, right.evaluate));
  }

  private unary(): PreparedExpression {
    if (this.takeSymbol('!')) return other(not(this.unary().evaluate));
    return this.primary();
  }

  private primary(): PreparedExpression {
    const token = this.tokens[this.at];
    if (!token) return this.refuse('the expression ends too early');
    this.at += 1;
    if (token.kind === 'literal') return literal(token.value);
    if (token.kind === 'symbol') {
      if (token.text !== '(') return this.refuse(`"${token.text}" where a value was expected`);
      const inner = this.expression();
      this.expectSymbol(')');
      return inner;
    }
    if (this.peekSymbol('(')) return this.call(token.text);
    const keyword = token.text.toLowerCase();
    if (keywords.has(keyword)) return literal(keywords.get(keyword)!);
    return this.path(token.text);
  }

  private path(first: string): PreparedExpression {
    if (first.startsWith('$') && !pathRoots.has(first)) this.refuse(`${first} is not supported`);
    const names = [first];
    while (this.takeSymbol('.')) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'name' || token.text.startsWith('$'))
        return this.refuse('a property name after "."');
      names.push(token.text);
      this.at += 1;
    }
    if (this.peekSymbol('(')) this.refuse('only not, count and if may be called');
    return { evaluate: path(names), kind: 'path' };
  }

  private call(name: string): PreparedExpression {
    this.expectSymbol('(');
    const args: PreparedExpression[] = [];
    if (!this.takeSymbol(')')) {
      do args.push(this.expression());
      while (this.takeSymbol(','));
      this.expectSymbol(')');
    }
    const arity = functionArity.get(name);
    if (arity === undefined) return this.refuse(`the function ${name} is not supported`);
    if (args.length !== arity) return this.refuse(`${name} takes ${arity} argument(s)`);
    const [a, b, c] = args as [PreparedExpression, PreparedExpression, PreparedExpression];
    if (name === 'not') return other(not(a.evaluate));
    if (name === 'count') {
      if (a.kind !== 'path') this.refuse('count takes a path');
      return other(count(a.evaluate));
    }
    return other(conditional(a.evaluate, b.evaluate, c.evaluate));
  }

  private peekSymbol(text: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'symbol' && token.text === text;
  }

  private takeSymbol(text: string): boolean {
    if (!this.peekSymbol(text)) return false;
    this.at += 1;
    return true;
  }

  private expectSymbol(text: string): void {
    if (!this.takeSymbol(text)) this.refuse(`"${text}" expected`);
  }

  private refuse(reason: string): never {
    throw new UnsupportedTemplateError(`"${this.source}": ${reason}`);
  }
}

const other = (evaluate: Evaluate): PreparedExpression => ({ evaluate, kind: 'other' });

function literal(value: string | number | boolean | null): PreparedExpression {
  return { evaluate: () => value, kind: 'literal' };
}

/**
 * A path from the current item (`a.b`), or from `$data`, `$root` or `$index`. Property names match
 * regardless of case, as in adaptive-expressions; an exact match is taken first.
 */
function path(names: string[]): Evaluate {
  const text = '${' + names.join('.') + '}';
  const first = names[0];
  const start: (scope: Scope) => unknown =
    first === '$root'
      ? (scope) => scope.root
      : first === '$index'
        ? (scope) => scope.index
        : (scope) => scope.data;
  const steps = (pathRoots.has(first!) ? names.slice(1) : names).map((name) => ({
    name,
    lower: name.toLowerCase(),
  }));
  return (scope, substitute) => {
    let value = start(scope);
    for (const step of steps) value = property(value, step.name, step.lower);
    return value === undefined && substitute ? text : value;
  };
}

const isEnumerableOwn = Object.prototype.propertyIsEnumerable;

function property(value: unknown, name: string, lower: string): unknown {
  if (!value) return undefined;
  const record = value as Record<string, unknown>;
  if (isEnumerableOwn.call(value, name)) return record[name];
  for (const key of Object.keys(value)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

/** adaptive-expressions' truth: a boolean is itself, null and undefined are false, anything else true. */
function isTrue(value: unknown): boolean {
  return typeof value === 'boolean' ? value : value != null;
}

function not(child: Evaluate): Evaluate {
  return (scope) => {
    const value = child(scope, false);
    return value === failed ? true : !isTrue(value);
  };
}

function and(children: Evaluate[]): Evaluate {
  return (scope) => {
    for (const child of children) {
      const value = child(scope, false);
      if (value === failed || !isTrue(value)) return false;
    }
    return true;
  };
}

function or(children: Evaluate[]): Evaluate {
  return (scope) => {
    for (const child of children) {
      const value = child(scope, false);
      if (value !== failed && isTrue(value)) return true;
    }
    return false;
  };
}

/** The right side is a literal, so adaptive-expressions' object and array equality never applies. */
function compare(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  if (operator === '>') {
    return (scope) => {
      const a = left(scope, false);
      const b = right(scope, false);
      if (a === failed || a == null || b == null) return false;
      const comparable = (isNumber(a) && isNumber(b)) || (typeof a === 'string' && typeof b === 'string');
      return comparable ? (a as number) > (b as number) : failed;
    };
  }
  const equal = operator === '==';
  return (scope) => {
    const a = left(scope, false);
    if (a === failed) return false;
    return literalEquals(a, right(scope, false)) === equal;
  };
}

function literalEquals(value: unknown, literalValue: unknown): boolean {
  if (value == null || literalValue == null) return value == null && literalValue == null;
  if (isNumber(value) && isNumber(literalValue) && Math.abs(value - literalValue) < Number.EPSILON) {
    return true;
  }
  return value === literalValue;
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function count(child: Evaluate): Evaluate {
  return (scope, substitute) => {
    const value = child(scope, substitute);
    if (typeof value === 'string' || Array.isArray(value)) return value.length;
    if (value instanceof Map) return value.size;
    if (typeof value === 'object' && value !== null) return Object.keys(value).length;
    return failed;
  };
}

function conditional(condition: Evaluate, then: Evaluate, otherwise: Evaluate): Evaluate {
  return (scope, substitute) => {
    const value = condition(scope, false);
    return value !== failed && isTrue(value) ? then(scope, substitute) : otherwise(scope, substitute);
  };
}
