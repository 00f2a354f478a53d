import {
  containersParameter,
  loadExampleParameters,
  loadTemplate,
  type ArmTemplate,
} from './armTemplateFiles';
import type { ArmValue } from './armValue';
import { evaluateTemplate, type TemplateEvaluation } from './templateEvaluation';

/**
 * The template evaluated as docs/deploy.md deploys it: the example parameters file plus
 * containers=@services/cosmos/containers.json, with any parameter overridden.
 */
export function exampleDeployment(
  overrides: Record<string, ArmValue> = {},
  template: ArmTemplate = loadTemplate(),
): TemplateEvaluation {
  return evaluateTemplate(template, {
    ...loadExampleParameters(),
    containers: containersParameter(),
    ...overrides,
  });
}
