import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What proves a call on the local web chat's Bot Connector side comes from the bot of this process,
 * and an activity for the web chat from its own router: a random secret made when the process starts.
 * It is never logged and goes to no service URL but the router's own (see `isOwnServiceUrl`).
 */
const secret = randomBytes(32).toString('base64url');

/** The origins (http://127.0.0.1:<port>) of the routers listening in this process. */
const ownOrigins = new Set<string>();

/** The Authorization header value that carries the secret. */
export function botAuthorization(): string {
  return `Bearer ${secret}`;
}

/** Whether an Authorization header carries the secret; compared in constant time. */
export function isBotAuthorization(header: string | undefined): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(header ?? ''), digest(botAuthorization()));
}

/** Records a router's own URL while it listens; answers the function that forgets it. */
export function addOwnServiceUrl(url: string): () => void {
  const origin = new URL(url).origin;
  ownOrigins.add(origin);
  return () => ownOrigins.delete(origin);
}

/**
 * Whether a URL is one of this process's own local web chat routers (same scheme, host and port).
 * Any other URL, the Emulator's on the same machine included, is not.
 */
export function isOwnServiceUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return ownOrigins.has(new URL(url).origin);
  } catch {
    return false;
  }
}
