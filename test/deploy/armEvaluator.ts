import { expressionIn, literalOf, type ArmExpression } from './armExpression';
import { pureArmFunction } from './armFunctions';
import {
  describeArmValue,
  expectArray,
  expectString,
  isArmObject,
  propertyOf,
  type ArmObject,
  type ArmValue,
} from './armValue';
import type { FakeDeployment } from './fakeDeployment';

export interface EvaluationScope {
  deployment: FakeDeployment;
  parameter(name: string): ArmValue;
  variable(name: string): ArmValue;
  /** Set while a copy loop's instance is evaluated. */
  copyIndex?: number;
  lambdaVariables?: ReadonlyMap<string, ArmValue>;
}

/** Evaluates a template value: every string that is an expression, in values and in property names. */
export function evaluateJson(value: ArmValue, scope: EvaluationScope): ArmValue {
  if (typeof value === 'string') {
    const expression = expressionIn(value);
    return expression ? evaluateExpression(expression, scope) : literalOf(value);
  }
  if (Array.isArray(value)) return value.map((item) => evaluateJson(item, scope));
  if (isArmObject(value)) {
    const evaluated: ArmObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (key === 'copy' && Array.isArray(item)) {
        throw new Error('property copy loops are not modelled by this evaluator');
      }
      evaluated[expectString(evaluateJson(key, scope), 'a property name')] = evaluateJson(item, scope);
    }
    return evaluated;
  }
  return value;
}

export function evaluateExpression(expression: ArmExpression, scope: EvaluationScope): ArmValue {
  switch (expression.kind) {
    case 'string':
    case 'number':
      return expression.value;
    case 'property':
      return propertyOf(evaluateExpression(expression.target, scope), expression.name);
    case 'index':
      return indexInto(
        evaluateExpression(expression.target, scope),
        evaluateExpression(expression.index, scope),
      );
    case 'call':
      return callFunction(expression.name, expression.args, scope);
  }
}

function callFunction(name: string, args: ArmExpression[], scope: EvaluationScope): ArmValue {
  const evaluate = (arg: ArmExpression | undefined): ArmValue => {
    if (!arg) throw new Error(`${name}() is missing an argument`);
    return evaluateExpression(arg, scope);
  };
  switch (name.toLowerCase()) {
    case 'parameters':
      return scope.parameter(expectString(evaluate(args[0]), 'parameters()'));
    case 'variables':
      return scope.variable(expectString(evaluate(args[0]), 'variables()'));
    case 'copyindex': {
      if (scope.copyIndex === undefined) throw new Error('copyIndex() outside a copy loop');
      const offset = args.length > 0 ? evaluate(args.at(-1)) : 0;
      return scope.copyIndex + (typeof offset === 'number' ? offset : 0);
    }
    case 'if': {
      const condition = evaluate(args[0]);
      if (typeof condition !== 'boolean')
        throw new Error(`if() needs a boolean, got ${describeArmValue(condition)}`);
      return evaluate(condition ? args[1] : args[2]);
    }
    case 'filter':
      return expectArray(evaluate(args[0]), 'filter() input').filter((item) => {
        const keep = applyLambda(args[1], [item], scope);
        if (typeof keep !== 'boolean') throw new Error('the filter() lambda must return a boolean');
        return keep;
      });
    case 'map':
      return expectArray(evaluate(args[0]), 'map() input').map((item) => applyLambda(args[1], [item], scope));
    case 'lambda':
      throw new Error('lambda() may only be an argument of filter(), map() and the like');
    case 'lambdavariables': {
      const variableName = expectString(evaluate(args[0]), 'lambdaVariables()');
      const value = scope.lambdaVariables?.get(variableName);
      if (value === undefined) throw new Error(`lambdaVariables('${variableName}') outside its lambda`);
      return value;
    }
    case 'reference':
      if (args.length > 2) throw new Error("reference(..., 'Full') is not modelled by this evaluator");
      return scope.deployment.reference(expectString(evaluate(args[0]), 'reference() target'));
    case 'resourceid': {
      const [type, ...names] = args.map((arg) => expectString(evaluate(arg), 'resourceId() argument'));
      return scope.deployment.resourceId(type ?? '', names);
    }
    case 'subscription':
      return scope.deployment.subscription();
    case 'resourcegroup':
      return scope.deployment.resourceGroup();
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
  }
  const pure = pureArmFunction(name);
  if (!pure) throw new Error(`the function ${name}() is not modelled by this evaluator`);
  return pure(args.map((arg) => evaluate(arg)));
}

function applyLambda(
  lambda: ArmExpression | undefined,
  values: ArmValue[],
  scope: EvaluationScope,
): ArmValue {
  if (lambda?.kind !== 'call' || lambda.name.toLowerCase() !== 'lambda') {
    throw new Error('expected a lambda() as the last argument');
  }
  const names = lambda.args.slice(0, -1).map((arg) => {
    if (arg.kind !== 'string') throw new Error('lambda() variable names must be string literals');
    return arg.value;
  });
  if (names.length !== values.length) throw new Error(`the lambda takes ${names.length} variables`);
  const lambdaVariables = new Map(scope.lambdaVariables);
  names.forEach((variableName, index) => lambdaVariables.set(variableName, values[index]!));
  return evaluateExpression(lambda.args.at(-1)!, { ...scope, lambdaVariables });
}

function indexInto(target: ArmValue, index: ArmValue): ArmValue {
  if (Array.isArray(target) && typeof index === 'number') {
    if (!Number.isInteger(index) || index < 0 || index >= target.length) {
      throw new Error(`index ${index} is outside an array of ${target.length}`);
    }
    return target[index]!;
  }
  if (typeof index === 'string') return propertyOf(target, index);
  throw new Error(`cannot index ${describeArmValue(target)} with ${describeArmValue(index)}`);
}
