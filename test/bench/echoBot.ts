import { ActivityHandler, MessageFactory } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '../../bot/adapter';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { createServer } from '../../bot/server';

/** The floor: answers every message with its text, keeps no state, touches no store. */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

export interface RunningEchoBot {
  messagesUrl: string;
  stop(): Promise<void>;
}

/**
 * The echo bot behind the bot's own HTTP layer: bot/server.ts (restify, body parser, the activity
 * envelope check) and bot/adapter.ts (CloudAdapter, Emulator mode), so the only difference from the
 * onboarding bot is what happens inside the turn.
 */
export async function startEchoBot(): Promise<RunningEchoBot> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent' });
  const logger = createLogger(config.logLevel);
  const adapter = createAdapter(config, logger);
  const { server, drain } = createServer(adapter, new EchoBot(), async () => undefined, logger);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { messagesUrl: `http://localhost:${port}/api/messages`, stop: () => drain(1000) };
}
