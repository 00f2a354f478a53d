import { PNG } from 'pngjs';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row by row. */
  data: Buffer;
}

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/** Decodes a PNG file's bytes to RGBA pixels; undefined when the bytes are not a PNG. */
export function decodePng(bytes: Buffer): Pixels | undefined {
  try {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  } catch {
    return undefined;
  }
}

function sizeProblems(name: string, pixels: Pixels, size: number): string[] {
  return pixels.width === size && pixels.height === size
    ? []
    : [`${name} must be ${size}x${size} pixels (it is ${pixels.width}x${pixels.height})`];
}

/** Pixels that are neither fully transparent nor pure white (#FFFFFF, any alpha). */
export function nonWhitePixelCount(pixels: Pixels): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const [r, g, b, a] = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2], pixels.data[i + 3]];
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) count++;
  }
  return count;
}

/** How many different RGBA values the image has; 1 means blank. */
export function distinctColorCount(pixels: Pixels): number {
  const colors = new Set<number>();
  for (let i = 0; i < pixels.data.length; i += 4) colors.add(pixels.data.readUInt32BE(i));
  return colors.size;
}

export function visiblePixelCount(pixels: Pixels): number {
  let count = 0;
  for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i] !== 0) count++;
  return count;
}

/** Teams: a full-colour 192x192 PNG with something on it. */
export function colorIconProblems(name: string, bytes: Buffer): string[] {
  const pixels = decodePng(bytes);
  if (!pixels) return [`${name} is not a PNG file`];
  const problems = sizeProblems(name, pixels, COLOR_ICON_SIZE);
  if (visiblePixelCount(pixels) === 0 || distinctColorCount(pixels) < 2) {
    problems.push(`${name} is blank (one colour only)`);
  }
  return problems;
}

/**
 * Teams: a 32x32 PNG, white on transparent and nothing else. Partly transparent white (smooth
 * edges) is allowed; any other colour is not.
 */
export function outlineIconProblems(name: string, bytes: Buffer): string[] {
  const pixels = decodePng(bytes);
  if (!pixels) return [`${name} is not a PNG file`];
  const problems = sizeProblems(name, pixels, OUTLINE_ICON_SIZE);
  const nonWhite = nonWhitePixelCount(pixels);
  if (nonWhite > 0) {
    problems.push(`${name} must be white (#FFFFFF) on transparent only (${nonWhite} pixels are not)`);
  }
  if (visiblePixelCount(pixels) === 0) problems.push(`${name} is fully transparent`);
  return problems;
}
