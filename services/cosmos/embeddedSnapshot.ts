import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
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

const fileName = 'embedded-cosmos.json';

export async function readSnapshot(dataDir: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, fileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return snapshotSchema.parse(JSON.parse(text));
}

/** Writes to a temporary file first, so a crash mid-write never leaves half a snapshot. */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, fileName);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, target);
}
