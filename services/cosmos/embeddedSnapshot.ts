import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const snapshotSchema = z.object({
  format: z.literal(1),
  databases: z.array(
    z.object({
      id: z.string(),
      containers: z.array(
        z.object({
          definition: z.looseObject({ id: z.string() }),
          items: z.array(z.looseObject({ id: z.string() })),
        }),
      ),
    }),
  ),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export const snapshotFileName = 'embedded-cosmos.json';
const temporaryName = /^embedded-cosmos\.json\.\d+\.tmp$/;

export async function readSnapshot(dataDir: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, snapshotFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return snapshotSchema.parse(JSON.parse(text));
}

/**
 * Writes to a temporary file, flushes it to disk, renames it over the snapshot and flushes the
 * folder: a crash at any point leaves either the old snapshot or the new one, whole, never half of one,
 * and once this resolves the new one survives a power cut too. Resolves with its size in bytes.
 */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<number> {
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, snapshotFileName);
  const temporary = `${target}.${process.pid}.tmp`;
  const text = JSON.stringify(snapshot);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(text);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, target);
  await syncFolder(dataDir);
  return Buffer.byteLength(text);
}

/** Removes temporary snapshot files a crash left behind (never read: the rename had not happened). */
export async function removeStaleTemporaries(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => temporaryName.test(name))
      .map((name) => unlink(path.join(dataDir, name)).catch(() => undefined)),
  );
}

/**
 * Flushes a folder's entries (a file created, renamed or removed) to disk. Folders cannot be opened
 * for this on Windows, where the rename itself is durable enough: skipped there.
 */
export async function syncFolder(dataDir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(dataDir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
