import type { Activity } from 'botbuilder';
import http from 'node:http';
import { BotClient, type ClientOptions, type PostResult } from '../harness/botClient';

/** One keep-alive connection per agent in flight, as a channel keeps its connections open. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function closeConnections(): void {
  agent.destroy();
}

/**
 * The test harness's BotClient (Emulator-style activities, `send()` with deliveryMode
 * "expectReplies") posting over node:http with keep-alive instead of fetch: leaner on the client
 * side, which shares the machine's two cores with the bot under test.
 */
export class BenchClient extends BotClient {
  private readonly target: URL;

  constructor(messagesUrl: string, options: ClientOptions = {}) {
    super(messagesUrl, options);
    this.target = new URL(messagesUrl);
  }

  override post(activity: Partial<Activity>): Promise<PostResult> {
    const body = JSON.stringify(activity);
    return new Promise<PostResult>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          hostname: this.target.hostname === 'localhost' ? '127.0.0.1' : this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            try {
              const text = Buffer.concat(chunks).toString('utf8');
              const parsed = text ? (JSON.parse(text) as { activities?: Partial<Activity>[] }) : {};
              resolve({ status: response.statusCode ?? 0, activities: parsed.activities ?? [] });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}
