import { z } from 'zod';
import { containerDefinitions } from '../../services/cosmos/containers';
import { resourcesOfType } from './deployedResources';
import type { TemplateEvaluation } from './templateEvaluation';

/** A container reduced to what the code and the template must agree on. */
export interface ContainerShape {
  id: string;
  partitionKey: { paths: string[]; kind: string; version: number };
  uniqueKeys: string[][];
}

const deployedContainerSchema = z.object({
  name: z.string(),
  properties: z.object({
    resource: z.strictObject({
      id: z.string(),
      partitionKey: z.strictObject({ paths: z.array(z.string()), kind: z.string(), version: z.number() }),
      uniqueKeyPolicy: z
        .strictObject({ uniqueKeys: z.array(z.strictObject({ paths: z.array(z.string()) })) })
        .optional(),
    }),
  }),
});

/** The containers the evaluated template creates, with the resource name each is created under. */
export function containersAsDeployed(evaluation: TemplateEvaluation): (ContainerShape & { name: string })[] {
  return resourcesOfType(evaluation, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers').map(
    (resource) => {
      const { name, properties } = deployedContainerSchema.parse(resource.body);
      return {
        name,
        id: properties.resource.id,
        partitionKey: properties.resource.partitionKey,
        uniqueKeys: properties.resource.uniqueKeyPolicy?.uniqueKeys.map(({ paths }) => paths) ?? [],
      };
    },
  );
}

/** The containers as services/cosmos/containers.ts defines them for the Cosmos DB client. */
export function containersAsTheCodeDefinesThem(): ContainerShape[] {
  return Object.values(containerDefinitions).map((definition) => ({
    id: definition.id,
    partitionKey: {
      paths: definition.partitionKey?.paths ?? [],
      kind: String(definition.partitionKey?.kind),
      version: Number(definition.partitionKey?.version),
    },
    uniqueKeys: definition.uniqueKeyPolicy?.uniqueKeys.map(({ paths }) => paths) ?? [],
  }));
}
