import type { ArmParameterDeclaration } from './armTemplateFiles';
import { describeArmValue, isArmObject, type ArmValue } from './armValue';

/** Refuses a value ARM would refuse for this parameter: wrong type, not allowed, out of range. */
export function checkParameterValue(
  name: string,
  declaration: ArmParameterDeclaration,
  value: ArmValue,
): void {
  const fail = (problem: string): never => {
    throw new Error(`parameter ${name}: ${problem} (got ${describeArmValue(value)})`);
  };
  const type = declaration.type.toLowerCase();
  if ((type === 'string' || type === 'securestring') && typeof value !== 'string') fail('must be a string');
  if (type === 'int' && !Number.isInteger(value)) fail('must be a whole number');
  if (type === 'bool' && typeof value !== 'boolean') fail('must be true or false');
  if ((type === 'object' || type === 'secureobject') && !isArmObject(value)) fail('must be an object');
  if (type === 'array' && !Array.isArray(value)) fail('must be an array');
  if (declaration.allowedValues && !declaration.allowedValues.some((allowed) => allowed === value)) {
    fail(`must be one of ${declaration.allowedValues.join(', ')}`);
  }
  const length = typeof value === 'string' || Array.isArray(value) ? value.length : undefined;
  if (length !== undefined && declaration.minLength !== undefined && length < declaration.minLength) {
    fail(`must be at least ${declaration.minLength} long`);
  }
  if (length !== undefined && declaration.maxLength !== undefined && length > declaration.maxLength) {
    fail(`must be at most ${declaration.maxLength} long`);
  }
  if (typeof value === 'number' && declaration.minValue !== undefined && value < declaration.minValue) {
    fail(`must be at least ${declaration.minValue}`);
  }
  if (typeof value === 'number' && declaration.maxValue !== undefined && value > declaration.maxValue) {
    fail(`must be at most ${declaration.maxValue}`);
  }
}
