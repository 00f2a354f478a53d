import type { Server } from 'restify';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger';
import { chatPath, mountChatPage } from './chatPage';
import { mountDirectLine } from './directLineRouter';

export interface WebChat {
  /** The page's path on this server: /chat */
  path: string;
}

/**
 * The local web chat: the page, Web Chat's bundle and a Direct Line 3.0 router, all on the bot's
 * own server. Only for local mode (no MicrosoftAppId): the client side checks its own Direct Line
 * tokens, the Bot Connector side the secret of this process (see botSecret.ts), not the Bot
 * Framework's tokens.
 */
export function mountWebChat(server: Server, logger: Logger): WebChat {
  mountChatPage(server, logger);
  mountDirectLine(server, {
    logger,
    selfUrl: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
  return { path: chatPath };
}
