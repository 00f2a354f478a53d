import http from 'node:http';
import { z } from 'zod';

/** What this bot's GET /healthz answers (503 with "unavailable" while its store is unreachable). */
const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), store: z.string() });

export type PortUse = 'free' | 'bot' | 'other';

/** Whether this bot already answers on the port, nothing does, or something else does. */
export function whoListensOn(port: number, timeoutMs = 3_000): Promise<PortUse> {
  return new Promise((resolve) => {
    // A connection of its own (no keep-alive pool): the answer is about the port as it is now.
    const request = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: timeoutMs });
    request.once('timeout', () => request.destroy(new Error('timeout')));
    request.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ECONNREFUSED' ? 'free' : 'other'),
    );
    request.once('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.once('error', () => resolve('other'));
      response.once('end', () => resolve(healthSchema.safeParse(parseJson(body)).success ? 'bot' : 'other'));
    });
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
