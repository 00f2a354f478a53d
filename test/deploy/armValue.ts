/** A JSON value as Azure Resource Manager handles it in a template. */
export type ArmValue = null | boolean | number | string | ArmValue[] | ArmObject;
export interface ArmObject {
  [key: string]: ArmValue;
}

export function isArmObject(value: ArmValue | undefined): value is ArmObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Property names are case-insensitive in ARM; a missing one is an error, as in a real deployment. */
export function propertyOf(target: ArmValue, name: string): ArmValue {
  if (!isArmObject(target)) {
    throw new Error(`cannot read property "${name}" of ${describeArmValue(target)}`);
  }
  const key = Object.keys(target).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  if (key === undefined) {
    throw new Error(`the property "${name}" does not exist; available: ${Object.keys(target).join(', ')}`);
  }
  return target[key]!;
}

export function describeArmValue(value: ArmValue): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

export function expectString(value: ArmValue, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what} must be a string, got ${describeArmValue(value)}`);
  return value;
}

export function expectArray(value: ArmValue, what: string): ArmValue[] {
  if (!Array.isArray(value)) throw new Error(`${what} must be an array, got ${describeArmValue(value)}`);
  return value;
}

/** The value at a dotted path, e.g. properties.siteConfig.appSettings. */
export function valueAt(value: ArmValue, path: string): ArmValue {
  return path.split('.').reduce((current, name) => propertyOf(current, name), value);
}
