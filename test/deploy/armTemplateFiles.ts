import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ArmValue } from './armValue';

const armValue: z.ZodType<ArmValue> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(armValue), z.record(z.string(), armValue)]),
);

const parameterDeclaration = z.strictObject({
  type: z.enum(['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array']),
  defaultValue: armValue.optional(),
  allowedValues: z.array(armValue).optional(),
  minLength: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  minValue: z.number().int().optional(),
  maxValue: z.number().int().optional(),
  metadata: z.strictObject({ description: z.string().min(1) }),
});

const resourceDeclaration = z
  .object({
    type: z.string().regex(/^[A-Za-z]+\.[A-Za-z]+(\/[A-Za-z]+)+$/),
    apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/),
    name: z.string().min(1),
    condition: z.union([z.boolean(), z.string()]).optional(),
    copy: z
      .strictObject({
        name: z.string().min(1),
        count: z.union([z.number().int(), z.string()]),
        mode: z.enum(['serial', 'parallel']).optional(),
        batchSize: z.number().int().positive().optional(),
      })
      .optional(),
    dependsOn: z.array(z.string()).optional(),
  })
  .catchall(armValue);

export const armTemplateSchema = z.strictObject({
  $schema: z.literal('https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'),
  contentVersion: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  metadata: armValue.optional(),
  parameters: z.record(z.string(), parameterDeclaration),
  variables: z.record(z.string(), armValue),
  resources: z.array(resourceDeclaration).min(1),
  outputs: z.record(z.string(), z.strictObject({ type: z.string(), value: armValue })),
});

export const armParametersFileSchema = z.strictObject({
  $schema: z.literal('https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#'),
  contentVersion: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  parameters: z.record(z.string(), z.strictObject({ value: armValue })),
});

export type ArmTemplate = z.infer<typeof armTemplateSchema>;
export type ArmResourceDeclaration = z.infer<typeof resourceDeclaration>;
export type ArmParameterDeclaration = z.infer<typeof parameterDeclaration>;

export const repositoryRoot = path.resolve(__dirname, '..', '..');
export const templatePath = path.join(repositoryRoot, 'deploymentTemplates', 'azuredeploy.json');
export const parametersFilePath = path.join(
  repositoryRoot,
  'deploymentTemplates',
  'azuredeploy.parameters.json',
);
export const containersDeclarationPath = path.join(repositoryRoot, 'services', 'cosmos', 'containers.json');

export function readJson(filePath: string): unknown {
  return JSON.parse(readFileSync(filePath, 'utf8'));
}

export function loadTemplate(text = readFileSync(templatePath, 'utf8')): ArmTemplate {
  return armTemplateSchema.parse(JSON.parse(text));
}

/** The template as plain JSON, for walking every expression in it. */
export function loadTemplateJson(): ArmValue {
  return armValue.parse(readJson(templatePath));
}

/** The example parameters file's values, by parameter name. */
export function loadExampleParameters(): Record<string, ArmValue> {
  const file = armParametersFileSchema.parse(readJson(parametersFilePath));
  return Object.fromEntries(Object.entries(file.parameters).map(([name, { value }]) => [name, value]));
}

/** What `--parameters containers=@services/cosmos/containers.json` passes: the file, as it is. */
export function containersParameter(): ArmValue {
  return armValue.parse(readJson(containersDeclarationPath));
}
