import { createHash } from 'node:crypto';
import { describeArmValue, expectString, isArmObject, type ArmObject, type ArmValue } from './armValue';

type ArmFunction = (args: ArmValue[]) => ArmValue;

/**
 * What ARM's trim() removes, "all leading and trailing white-space characters": .NET's String.Trim(),
 * the characters of Char.IsWhiteSpace. Not JavaScript's trim(), which also removes U+FEFF and keeps U+0085.
 */
const dotnetTrim =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/**
 * The ARM functions the template uses that need no deployment state, each as ARM documents it.
 * Anything else is unknown here, so an expression using it fails the test instead of passing unchecked.
 */
const functions: Record<string, ArmFunction> = {
  format: ([template, ...values]) => format(expectString(template ?? null, 'format()'), values),
  concat: (args) =>
    args.every(Array.isArray)
      ? (args as ArmValue[][]).flat(1)
      : args.map((arg) => expectString(arg, 'concat() argument')).join(''),
  tolower: ([text]) => expectString(text ?? null, 'toLower()').toLowerCase(),
  toupper: ([text]) => expectString(text ?? null, 'toUpper()').toUpperCase(),
  trim: ([text]) => expectString(text ?? null, 'trim()').replace(dotnetTrim, ''),
  uniquestring: (args) => fakeHash(args).slice(0, 13),
  guid: (args) => {
    const hex = fakeHash(args, 'hex');
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
      '-',
    );
  },
  items: ([object]) => {
    if (!isArmObject(object ?? null))
      throw new Error(`items() needs an object, got ${describeArmValue(object ?? null)}`);
    return Object.entries(object as ArmObject)
      .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
      .map(([key, value]) => ({ key, value }));
  },
  not: ([value]) => !expectBoolean(value, 'not()'),
  and: (args) => args.every((arg) => expectBoolean(arg, 'and()')),
  or: (args) => args.some((arg) => expectBoolean(arg, 'or()')),
  equals: ([left, right]) => JSON.stringify(left) === JSON.stringify(right),
  createarray: (args) => args,
  createobject: (args) => {
    if (args.length % 2 !== 0) throw new Error('createObject() needs key and value pairs');
    const object: ArmObject = {};
    for (let index = 0; index < args.length; index += 2) {
      object[expectString(args[index]!, 'createObject() key')] = args[index + 1]!;
    }
    return object;
  },
  length: ([value]) => {
    if (typeof value === 'string' || Array.isArray(value)) return value.length;
    if (isArmObject(value ?? null)) return Object.keys(value as ArmObject).length;
    throw new Error(`length() needs an array, string or object, got ${describeArmValue(value ?? null)}`);
  },
  contains: ([container, item]) => {
    if (typeof container === 'string') return container.includes(expectString(item ?? null, 'contains()'));
    if (Array.isArray(container))
      return container.some((entry) => JSON.stringify(entry) === JSON.stringify(item));
    if (isArmObject(container ?? null)) {
      const key = expectString(item ?? null, 'contains()').toLowerCase();
      return Object.keys(container as ArmObject).some((candidate) => candidate.toLowerCase() === key);
    }
    throw new Error(
      `contains() needs an array, string or object, got ${describeArmValue(container ?? null)}`,
    );
  },
  empty: ([value]) => {
    if (value === null || value === undefined) return true;
    if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
    return isArmObject(value) && Object.keys(value).length === 0;
  },
};

export function pureArmFunction(name: string): ArmFunction | undefined {
  return functions[name.toLowerCase()];
}

function expectBoolean(value: ArmValue | undefined, what: string): boolean {
  if (typeof value !== 'boolean')
    throw new Error(`${what} needs a boolean, got ${describeArmValue(value ?? null)}`);
  return value;
}

/** .NET composite formatting as ARM's format() does it: {0}, {1}, and {{ }} for braces. */
function format(template: string, values: ArmValue[]): string {
  return template.replace(/\{\{|\}\}|\{(\d+)\}/g, (match, index?: string) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const value = values[Number(index)];
    if (value === undefined) throw new Error(`format() has no argument ${index} for "${template}"`);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Stands in for ARM's hash functions: deterministic, same length, not the same value. */
function fakeHash(args: ArmValue[], encoding: 'hex' | 'base32' = 'base32'): string {
  const digest = createHash('sha256').update(JSON.stringify(args)).digest('hex');
  if (encoding === 'hex') return digest;
  return BigInt(`0x${digest}`).toString(32);
}
