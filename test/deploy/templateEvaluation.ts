import { evaluateJson, type EvaluationScope } from './armEvaluator';
import type { ArmResourceDeclaration, ArmTemplate } from './armTemplateFiles';
import { expectString, isArmObject, type ArmObject, type ArmValue } from './armValue';
import { FakeDeployment } from './fakeDeployment';
import { checkParameterValue } from './parameterValues';

/** One resource as the deployment would send it to its provider (a copy loop gives one per instance). */
export interface DeployedResource {
  type: string;
  apiVersion: string;
  name: string;
  id: string;
  copyName?: string;
  /** The whole resource, every expression evaluated. */
  body: ArmObject;
  dependsOn: string[];
  /** The resource ids this resource's expressions passed to reference(). */
  references: string[];
}

export interface TemplateEvaluation {
  deployment: FakeDeployment;
  parameters: Record<string, ArmValue>;
  variables: Record<string, ArmValue>;
  resources: DeployedResource[];
  outputs: Record<string, ArmValue>;
}

/**
 * Evaluates the whole template for the given parameter values, as Resource Manager would before
 * sending each resource to its provider: parameters (defaults included, checked against their
 * declarations), every variable, every resource and copy-loop instance, every output.
 */
export function evaluateTemplate(
  template: ArmTemplate,
  parameterValues: Record<string, ArmValue>,
  deployment = new FakeDeployment(),
): TemplateEvaluation {
  for (const name of Object.keys(parameterValues)) {
    if (!template.parameters[name]) throw new Error(`the template has no parameter ${name}`);
  }
  const parameters = new Map<string, ArmValue>();
  const variables = new Map<string, ArmValue>();
  const variablesInProgress = new Set<string>();

  const scope: EvaluationScope = {
    deployment,
    parameter(name) {
      const known = parameters.get(name);
      if (known !== undefined) return known;
      const declaration = template.parameters[name];
      if (!declaration) throw new Error(`parameters('${name}') is not declared`);
      const value =
        parameterValues[name] ??
        (declaration.defaultValue === undefined ? undefined : evaluateJson(declaration.defaultValue, scope));
      if (value === undefined) throw new Error(`the parameter ${name} has no value and no default`);
      checkParameterValue(name, declaration, value);
      parameters.set(name, value);
      return value;
    },
    variable(name) {
      const known = variables.get(name);
      if (known !== undefined) return known;
      const declared = template.variables[name];
      if (declared === undefined) throw new Error(`variables('${name}') is not declared`);
      if (variablesInProgress.has(name)) throw new Error(`the variable ${name} refers to itself`);
      variablesInProgress.add(name);
      const value = evaluateJson(declared, scope);
      variablesInProgress.delete(name);
      variables.set(name, value);
      return value;
    },
  };

  for (const name of Object.keys(template.parameters)) scope.parameter(name);
  for (const name of Object.keys(template.variables)) scope.variable(name);
  const resources = template.resources.flatMap((declaration) => deployResource(declaration, scope));
  const outputs = Object.fromEntries(
    Object.entries(template.outputs).map(([name, output]) => [name, evaluateJson(output.value, scope)]),
  );
  return {
    deployment,
    parameters: Object.fromEntries(parameters),
    variables: Object.fromEntries(variables),
    resources,
    outputs,
  };
}

function deployResource(declaration: ArmResourceDeclaration, scope: EvaluationScope): DeployedResource[] {
  const { copy, condition, ...resource } = declaration;
  if (!copy) return instanceOf(resource, condition, scope);
  const count = evaluateJson(copy.count, scope);
  if (!Number.isInteger(count) || (count as number) < 0) throw new Error(`copy ${copy.name}: bad count`);
  return Array.from({ length: count as number }, (_, copyIndex) =>
    instanceOf(resource, condition, { ...scope, copyIndex }).map((deployed) => ({
      ...deployed,
      copyName: copy.name,
    })),
  ).flat();
}

function instanceOf(
  resource: ArmObject,
  condition: ArmValue | undefined,
  scope: EvaluationScope,
): DeployedResource[] {
  if (condition !== undefined && evaluateJson(condition, scope) !== true) return [];
  const referencesBefore = scope.deployment.referenceCalls.length;
  const body = evaluateJson(resource, scope);
  if (!isArmObject(body)) throw new Error('a resource must be an object');
  const type = expectString(body.type ?? null, 'type');
  const name = expectString(body.name ?? null, 'name');
  const dependsOn = body.dependsOn ?? [];
  return [
    {
      type,
      apiVersion: expectString(body.apiVersion ?? null, 'apiVersion'),
      name,
      id: scope.deployment.idOf(type, name.split('/')),
      body,
      dependsOn: Array.isArray(dependsOn)
        ? dependsOn.map((entry) => expectString(entry, 'dependsOn entry'))
        : [],
      references: scope.deployment.referenceCalls.slice(referencesBefore),
    },
  ];
}
