import type { Logger } from './logger';

export interface Refusal {
  status: 401 | 503;
  /** What the caller is told: nothing of the internal error. */
  body: { error: string };
}

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET']);

/**
 * What to answer a request whose token could not be accepted: 503 when the signing keys could not be
 * fetched (the caller may try again), otherwise 401. Never the error's own text, which can describe the
 * token and the validation.
 */
export function refusalFor(error: unknown): Refusal {
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code;
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  const unreachable = [code, causeCode].some(
    (candidate) => typeof candidate === 'string' && networkCodes.has(candidate),
  );
  if (unreachable) {
    return { status: 503, body: { error: 'The signing keys cannot be fetched now; try again later.' } };
  }
  return { status: 401, body: { error: 'Unauthorized' } };
}

/**
 * One JSON line per refused request, at most `perMinute` a minute: on a public endpoint, noise from the
 * internet must not flood the log. What was left out is counted in the next line.
 */
export function refusalLog(logger: Logger, perMinute = 20, now: () => number = Date.now) {
  let windowStart = now();
  let logged = 0;
  let skipped = 0;
  return (refusal: Refusal, error: unknown): void => {
    if (now() - windowStart >= 60_000) {
      windowStart = now();
      logged = 0;
    }
    if (logged >= perMinute) {
      skipped += 1;
      return;
    }
    logged += 1;
    const reason = error instanceof Error ? error.name : 'unknown';
    logger.warn(
      { status: refusal.status, reason, ...(skipped > 0 ? { notLogged: skipped } : {}) },
      'request refused',
    );
    skipped = 0;
  };
}
