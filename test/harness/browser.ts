import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from './botProcess';

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, otherwise the one that the npm
 * package @sparticuz/chromium ships (unpacked to the temporary folder on first use), so `npm install`
 * is all a fresh machine needs. The package is an ES module, which jest's CommonJS runtime cannot
 * load, so a plain Node.js process unpacks it. Never skips: without a browser the tests fail.
 */
export function resolveChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) {
      throw new Error(
        `CHROMIUM_PATH is ${configured}, but nothing is there; unset it to use the bundled Chromium.`,
      );
    }
    return configured;
  }
  try {
    const script =
      "import('@sparticuz/chromium').then(async (m) => process.stdout.write(await m.default.executablePath()))";
    return execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch (error) {
    throw new Error(
      `The bundled Chromium (@sparticuz/chromium) could not be unpacked: ${(error as Error).message}. ` +
        'Run "npm install", or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
}

/**
 * Launches headless Chromium with a fresh profile (Playwright makes a temporary one per launch and
 * removes it on close). Fails, never skips, when no browser can be had.
 */
export async function launchChromium(): Promise<Browser> {
  const unavailable = process.env.CHROMIUM_UNAVAILABLE;
  if (unavailable) throw new Error(unavailable);
  const executablePath = process.env.CHROMIUM_PATH ?? resolveChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
