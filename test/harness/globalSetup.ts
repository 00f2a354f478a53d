import { resolveChromium } from './browser';

/**
 * Unpacks the browser once, before the workers start, so two browser test files never unpack it at
 * the same time; the workers inherit CHROMIUM_PATH. A failure is kept for the browser tests to
 * report, so they fail and the rest still run.
 */
export default function globalSetup(): void {
  try {
    process.env.CHROMIUM_PATH = resolveChromium();
  } catch (error) {
    process.env.CHROMIUM_UNAVAILABLE = (error as Error).message;
  }
}
