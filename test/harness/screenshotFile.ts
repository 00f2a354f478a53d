import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { projectRoot } from './botProcess';

/** Where the browser tests put the README's pictures. */
export const screenshotDir = path.join(projectRoot, 'docs', 'screenshots');

/**
 * Headless Chromium does not always rasterise a scaled image the same way twice: a few edge pixels
 * differ by a few levels. A channel has to differ by more than this for a pixel to count as changed.
 */
const channelTolerance = 32;

/**
 * Writes docs/screenshots/<name>.png only when its pixels changed (beyond rasterising noise), so an
 * unchanged picture is no change in git.
 */
export async function saveScreenshot(name: string, png: Buffer): Promise<void> {
  const file = path.join(screenshotDir, `${name}.png`);
  const previous = await readFile(file).catch(() => undefined);
  if (previous && samePicture(previous, png)) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, png);
}

export function samePicture(a: Buffer, b: Buffer): boolean {
  if (a.equals(b)) return true;
  let first: PNG;
  let second: PNG;
  try {
    first = PNG.sync.read(a);
    second = PNG.sync.read(b);
  } catch {
    return false;
  }
  if (first.width !== second.width || first.height !== second.height) return false;
  for (let index = 0; index < first.data.length; index++) {
    if (Math.abs(first.data[index]! - second.data[index]!) > channelTolerance) return false;
  }
  return true;
}

/** For a failed test: the page as it was, in test-results/ (git-ignored). */
export function failurePath(name: string): string {
  return path.join(projectRoot, 'test-results', `${name}.png`);
}
