import type { ContainerDefinition, CosmosClient, Database } from '@azure/cosmos';
import { z } from 'zod';
import declared from './containers.json';

/**
 * Every container of the store comes from `containers.json`, the one declaration that the Azure
 * deployment template also receives (its `containers` parameter), so code and infrastructure
 * cannot disagree on a container, its partition key or its unique keys.
 */
const pathSchema = z.string().regex(/^\/[A-Za-z][A-Za-z0-9]*$/);
const declarationSchema = z.strictObject({
  description: z.string().min(1),
  partitionKey: pathSchema,
  uniqueKeys: z.array(z.array(pathSchema).min(1)),
});

export type ContainerName = Exclude<keyof typeof declared, '$comment'>;
export type ContainerDeclaration = z.infer<typeof declarationSchema>;

/** The declarations as written in containers.json, parsed. */
export const containerDeclarations = Object.fromEntries(
  Object.entries(declared)
    .filter(([name]) => name !== '$comment')
    .map(([name, raw]) => [name, declarationSchema.parse(raw)]),
) as Record<ContainerName, ContainerDeclaration>;

/** The same, as the Cosmos DB client takes them (hash partitioning, version 2, as Azure creates). */
export const containerDefinitions = Object.fromEntries(
  Object.entries(containerDeclarations).map(([name, declaration]) => [name, toDefinition(name, declaration)]),
) as Record<ContainerName, ContainerDefinition & { id: ContainerName }>;

function toDefinition(id: string, declaration: ContainerDeclaration): ContainerDefinition {
  return {
    id,
    partitionKey: { paths: [declaration.partitionKey], kind: 'Hash', version: 2 },
    ...(declaration.uniqueKeys.length > 0
      ? { uniqueKeyPolicy: { uniqueKeys: declaration.uniqueKeys.map((paths) => ({ paths })) } }
      : {}),
  } as ContainerDefinition;
}

/**
 * Creates every container that is missing; existing ones are left as they are. Instances starting at
 * the same moment may both find one missing: the one whose create loses (409) reads it instead.
 */
export async function ensureContainers(database: Database): Promise<void> {
  await Promise.all(
    Object.values(containerDefinitions).map((definition) =>
      onConflictReadAgain(() => database.containers.createIfNotExists(structuredClone(definition))),
    ),
  );
}

async function onConflictReadAgain<T>(createIfNotExists: () => Promise<T>): Promise<T> {
  try {
    return await createIfNotExists();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 409) throw error;
    return createIfNotExists();
  }
}

/** The store is not as the declaration says, and the bot cannot make it so. */
export class StoreLayoutError extends Error {
  override name = 'StoreLayoutError';
}

/**
 * The bot's database, ready to use. With an account key (and the embedded store) the database and
 * its containers are created when missing. With Microsoft Entra ID they must exist already: the
 * data-plane roles cannot create them, so a missing one is named, never attempted.
 */
export async function openDatabase(
  client: CosmosClient,
  databaseId: string,
  options: { create: boolean; endpoint: string },
): Promise<Database> {
  if (options.create) {
    const { database } = await onConflictReadAgain(() =>
      client.databases.createIfNotExists({ id: databaseId }),
    );
    await ensureContainers(database);
    return database;
  }
  const database = client.database(databaseId);
  const deployHint = 'deploy it with deploymentTemplates/azuredeploy.json (docs/deploy.md)';
  if (!(await exists(() => database.read()))) {
    throw new StoreLayoutError(
      `The database "${databaseId}" does not exist at ${options.endpoint}; with Microsoft Entra ID the bot cannot create it: ${deployHint}.`,
    );
  }
  // Read at once, judged in the declaration's order: the first problem is the one reported.
  const definitions = Object.values(containerDefinitions);
  const read = await Promise.all(definitions.map((definition) => readContainer(database, definition.id)));
  for (const [index, definition] of definitions.entries()) {
    const found = read[index];
    if (!found) {
      throw new StoreLayoutError(
        `The container "${definition.id}" is missing from the database "${databaseId}" at ${options.endpoint}; with Microsoft Entra ID the bot cannot create it: ${deployHint}.`,
      );
    }
    const wanted = definition.partitionKey?.paths[0];
    const actual = found.partitionKey?.paths[0];
    if (actual !== wanted) {
      throw new StoreLayoutError(
        `The container "${definition.id}" in the database "${databaseId}" is partitioned on ${actual ?? 'nothing'}, not ${wanted}; recreate it as deploymentTemplates/azuredeploy.json declares it.`,
      );
    }
  }
  return database;
}

async function readContainer(database: Database, id: string): Promise<ContainerDefinition | undefined> {
  try {
    return (await database.container(id).read()).resource;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown }).code === 404;
}
