import AdmZip from 'adm-zip';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackageFile } from './buildPackage';

/**
 * Writes the files at the root of a zip (Teams reads manifest.json and the icons there, not in a
 * folder). Written to a temporary name first, so a failure never leaves half a package behind.
 */
export async function writeZipPackage(files: readonly PackageFile[], zipPath: string): Promise<void> {
  const zip = new AdmZip();
  for (const file of files) zip.addFile(file.name, file.bytes);
  await mkdir(path.dirname(zipPath), { recursive: true });
  const partial = `${zipPath}.partial`;
  try {
    await writeFile(partial, zip.toBuffer());
    await rename(partial, zipPath);
  } finally {
    await rm(partial, { force: true });
  }
}
