import { expressionIn, type ArmExpression } from './armExpression';
import { isArmObject, type ArmValue } from './armValue';

/** A function call found in a template expression, with where it was found. */
export interface ExpressionCall {
  name: string;
  args: ArmExpression[];
  /** JSON path of the string holding the expression, e.g. resources[3].properties.name */
  at: string;
}

/** Every function call in every expression of a template value, nested calls included. */
export function callsIn(value: ArmValue, at = '$'): ExpressionCall[] {
  if (typeof value === 'string') {
    const expression = expressionIn(value);
    return expression ? callsOf(expression, at) : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => callsIn(item, `${at}[${index}]`));
  if (isArmObject(value)) {
    return Object.entries(value).flatMap(([key, item]) => [
      ...callsIn(key, `${at}{${key}}`),
      ...callsIn(item, `${at}.${key}`),
    ]);
  }
  return [];
}

function callsOf(expression: ArmExpression, at: string): ExpressionCall[] {
  switch (expression.kind) {
    case 'string':
    case 'number':
      return [];
    case 'property':
      return callsOf(expression.target, at);
    case 'index':
      return [...callsOf(expression.target, at), ...callsOf(expression.index, at)];
    case 'call':
      return [
        { name: expression.name, args: expression.args, at },
        ...expression.args.flatMap((arg) => callsOf(arg, at)),
      ];
  }
}

/** The literal first argument of calls to `name` (parameters, variables, resourceId); undefined when not a literal. */
export function literalFirstArguments(calls: ExpressionCall[], name: string): (string | undefined)[] {
  return calls
    .filter((call) => call.name.toLowerCase() === name.toLowerCase())
    .map((call) => (call.args[0]?.kind === 'string' ? call.args[0].value : undefined));
}
