import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Which process serves an embedded store's data folder, and where. Two processes must never write one
 * folder (each would overwrite the other's snapshot and journal), so the one serving it says so in
 * this file, and another one (the roles command) talks to its store instead of opening the folder
 * itself.
 */
const fileName = 'embedded-cosmos.owner.json';

const ownerSchema = z.object({
  pid: z.number().int().positive(),
  endpoint: z.url({ protocol: /^https$/ }),
});
export type DataFolderOwner = z.infer<typeof ownerSchema>;

export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
}

/** The process serving this folder now; none when the file is absent, unreadable or names a dead process. */
export async function dataFolderOwner(dataDir: string): Promise<DataFolderOwner | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, fileName), 'utf8');
  } catch {
    return undefined;
  }
  let parsed;
  try {
    parsed = ownerSchema.safeParse(JSON.parse(text));
  } catch {
    return undefined;
  }
  return parsed.success && isRunning(parsed.data.pid) ? parsed.data : undefined;
}

/**
 * Marks this process as the one serving the folder; refuses while another live process does. Returns
 * the release, which removes the mark if it is still ours.
 */
export async function claimDataFolder(dataDir: string, endpoint: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, fileName);
  const mark = JSON.stringify({ pid: process.pid, endpoint } satisfies DataFolderOwner);
  for (let attempt = 0; ; attempt++) {
    try {
      // Exclusive create: of two processes starting at once, one gets it.
      await writeFile(file, mark, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = await dataFolderOwner(dataDir);
      if (owner && owner.pid !== process.pid) {
        throw new DataFolderInUseError(
          `The data folder ${dataDir} is in use by another process (pid ${owner.pid}, its store at ${owner.endpoint}). ` +
            'Stop it, or set EMBEDDED_COSMOS_DATA_DIR to another folder.',
        );
      }
      // A mark left by a process that is gone (killed): take the folder over.
      await unlink(file).catch(() => undefined);
    }
  }
  return async () => {
    const owner = await dataFolderOwner(dataDir);
    if (owner?.pid === process.pid) await unlink(file).catch(() => undefined);
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
