/** The ARM template expression language: function calls, 'strings', integers, .property and [index]. */
export type ArmExpression =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'call'; name: string; args: ArmExpression[] }
  | { kind: 'property'; target: ArmExpression; name: string }
  | { kind: 'index'; target: ArmExpression; index: ArmExpression };

/**
 * A template string is an expression when it starts with [ and ends with ]; a leading [[ escapes
 * the bracket and leaves a literal. Returns undefined for a literal.
 */
export function expressionIn(text: string): ArmExpression | undefined {
  if (!text.startsWith('[') || !text.endsWith(']') || text.startsWith('[[')) return undefined;
  return parseExpression(text.slice(1, -1));
}

/** The literal a non-expression template string stands for. */
export function literalOf(text: string): string {
  return text.startsWith('[[') ? text.slice(1) : text;
}

type Token =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'identifier'; value: string }
  | { type: 'punctuation'; value: string };

export function parseExpression(source: string): ArmExpression {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const fail = (message: string): never => {
    throw new Error(`${message} in expression [${source}]`);
  };
  const take = (punctuation: string): void => {
    const token = tokens[position];
    if (token?.type !== 'punctuation' || token.value !== punctuation) fail(`expected "${punctuation}"`);
    position += 1;
  };
  const isPunctuation = (value: string): boolean => {
    const token = peek();
    return token?.type === 'punctuation' && token.value === value;
  };

  const primary = (): ArmExpression => {
    const token = tokens[position++];
    if (!token) return fail('unexpected end');
    if (token.type === 'string') return { kind: 'string', value: token.value };
    if (token.type === 'number') return { kind: 'number', value: token.value };
    if (token.type !== 'identifier') return fail(`unexpected "${token.value}"`);
    take('(');
    const args: ArmExpression[] = [];
    while (!isPunctuation(')')) {
      if (args.length > 0) take(',');
      args.push(postfix());
    }
    take(')');
    return { kind: 'call', name: token.value, args };
  };

  const postfix = (): ArmExpression => {
    let expression = primary();
    for (;;) {
      if (isPunctuation('.')) {
        position += 1;
        const name = tokens[position++];
        if (name?.type !== 'identifier') return fail('expected a property name after "."');
        expression = { kind: 'property', target: expression, name: name.value };
      } else if (isPunctuation('[')) {
        position += 1;
        const index = postfix();
        take(']');
        expression = { kind: 'index', target: expression, index };
      } else {
        return expression;
      }
    }
  };

  const expression = postfix();
  if (position !== tokens.length) fail('unexpected text after the expression');
  return expression;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "'") {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= source.length) throw new Error(`unterminated string in expression [${source}]`);
        if (source[index] === "'") {
          if (source[index + 1] !== "'") break;
          index += 1; // '' is an escaped quote
        }
        value += source[index];
        index += 1;
      }
      index += 1;
      tokens.push({ type: 'string', value });
    } else if (/[-\d]/.test(char)) {
      const match = /^-?\d+/.exec(source.slice(index));
      if (!match) throw new Error(`bad number in expression [${source}]`);
      tokens.push({ type: 'number', value: Number(match[0]) });
      index += match[0].length;
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(index))!;
      tokens.push({ type: 'identifier', value: match[0] });
      index += match[0].length;
    } else if ('(),.[]'.includes(char)) {
      tokens.push({ type: 'punctuation', value: char });
      index += 1;
    } else {
      throw new Error(`unexpected character "${char}" in expression [${source}]`);
    }
  }
  return tokens;
}
