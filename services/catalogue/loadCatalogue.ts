import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  OfferCatalogueFileSchema,
  ResellerCatalogueFileSchema,
  type OfferCatalogueFile,
  type ResellerCatalogueFile,
} from './schemas';

/** A parsed catalogue file and the sha256 of its bytes, so the store reloads it only when it changed. */
export interface LoadedCatalogueFile<T> {
  data: T;
  contentHash: string;
  path: string;
}

export interface LoadedCatalogue {
  offers: LoadedCatalogueFile<OfferCatalogueFile>;
  resellers: LoadedCatalogueFile<ResellerCatalogueFile>;
}

export interface CataloguePaths {
  offers?: string;
  resellers?: string;
}

/** The file is unreadable, not JSON, or breaks the schema; the message lists every problem. */
export class CatalogueFileError extends Error {
  override readonly name = 'CatalogueFileError';
  constructor(
    readonly filePath: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Catalogue file ${filePath} cannot be used:\n${detail}`, options);
  }
}

/**
 * tsc does not copy JSON into dist/, so the compiled service finds the data next to the sources;
 * the first folder that exists wins (services/catalogue/data when run from source).
 */
export function defaultDataDirectory(): string {
  const candidates = [
    path.join(__dirname, 'data'),
    path.resolve(__dirname, '..', '..', '..', 'services', 'catalogue', 'data'),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? candidates[0]!;
}

export function defaultCataloguePaths(): Required<CataloguePaths> {
  const directory = defaultDataDirectory();
  return { offers: path.join(directory, 'offers.json'), resellers: path.join(directory, 'resellers.json') };
}

async function loadFile<T>(filePath: string, schema: z.ZodType<T>): Promise<LoadedCatalogueFile<T>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    throw new CatalogueFileError(filePath, String(error), { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new CatalogueFileError(filePath, `not valid JSON: ${String(error)}`, { cause: error });
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new CatalogueFileError(filePath, z.prettifyError(result.error), { cause: result.error });
  }
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return { data: result.data, contentHash, path: filePath };
}

export function loadOfferCatalogue(
  filePath: string = defaultCataloguePaths().offers,
): Promise<LoadedCatalogueFile<OfferCatalogueFile>> {
  return loadFile(filePath, OfferCatalogueFileSchema);
}

export function loadResellerCatalogue(
  filePath: string = defaultCataloguePaths().resellers,
): Promise<LoadedCatalogueFile<ResellerCatalogueFile>> {
  return loadFile(filePath, ResellerCatalogueFileSchema);
}

/** Loads both files; throws CatalogueFileError (naming the file and every problem) if either is unusable. */
export async function loadCatalogue(paths: CataloguePaths = {}): Promise<LoadedCatalogue> {
  const defaults = defaultCataloguePaths();
  const [offers, resellers] = await Promise.all([
    loadOfferCatalogue(paths.offers ?? defaults.offers),
    loadResellerCatalogue(paths.resellers ?? defaults.resellers),
  ]);
  return { offers, resellers };
}
