import type { Request, Response, Server } from 'restify';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../logger';
import { ConversationStore, type ChatConversation, type StoredActivity } from './conversationStore';
import { addOwnServiceUrl, botAuthorization, isBotAuthorization } from './botSecret';
import { clientOf } from './clientAddress';
import { isLoopbackAddress } from '../../services/network/loopback';

/** The channel id the bot sees for the local web chat page. */
export const webChatChannelId = 'webchat';
export const directLinePath = '/v3/directline';
const bot = { id: 'onboarding-bot', name: 'Customer onboarding bot', role: 'bot' };
const tokenLifetimeSeconds = 3600;

const userIdSchema = z
  .string()
  .trim()
  .regex(/^[\w.:@-]{1,64}$/, { error: 'a user id is 1 to 64 letters, digits or . _ : @ -' });

/** The longest language tag a client may send: RFC 5646 asks every implementation to handle 35. */
export const maxLocaleCharacters = 35;

/** A BCP 47 language tag, as a browser names its language ("nl-NL", "en-GB", "nl"). */
const localeSchema = z
  .string()
  .max(maxLocaleCharacters)
  .refine(isLanguageTag, { error: 'a locale is a BCP 47 language tag, such as nl-NL' });

/**
 * The page asks for its conversation with the user, and the language it talks in: the bot gets it
 * on every activity of the conversation that has none of its own, the first (which starts it and
 * is answered with the welcome card) included.
 */
const tokenRequestSchema = z
  .looseObject({
    user: z
      .looseObject({ id: userIdSchema.optional(), name: z.string().trim().max(100).optional() })
      .optional(),
    locale: localeSchema.optional(),
  })
  .optional();

const startConversationSchema = z
  .looseObject({
    user: z.looseObject({ id: z.string().max(200).optional() }).optional(),
    locale: localeSchema.optional(),
  })
  .optional();

/** What one activity a client posts may weigh, as JSON (the body itself is at most 256 KB). */
export const maxClientActivityCharacters = 100_000;

/**
 * What a Direct Line client may set on an activity it posts. Everything else (id, from,
 * conversation, recipient, channelId, serviceUrl, timestamp) is the channel's to set, so it is
 * dropped here and filled in from the token and the server.
 */
const clientActivitySchema = z
  .object({
    type: z.enum(['message', 'typing', 'event']),
    name: z.string().max(200).optional(),
    text: z.string().max(20_000).optional(),
    textFormat: z.enum(['plain', 'markdown', 'xml']).optional(),
    value: z.unknown().optional(),
    attachments: z
      .array(z.looseObject({ contentType: z.string() }))
      .max(20)
      .optional(),
    channelData: z.record(z.string(), z.unknown()).optional(),
    entities: z
      .array(z.looseObject({ type: z.string() }))
      .max(20)
      .optional(),
    locale: localeSchema.optional(),
    localTimestamp: z.string().max(40).optional(),
    localTimezone: z.string().max(60).optional(),
    replyToId: z.string().max(200).optional(),
  })
  .refine((activity) => JSON.stringify(activity).length <= maxClientActivityCharacters, {
    error: `an activity is at most ${maxClientActivityCharacters} characters of JSON`,
  });

/** What the bot sends to the Bot Connector endpoints: an activity, passed on to the page as it is. */
const botActivitySchema = z.looseObject({ type: z.string().min(1) });

const watermarkSchema = z.union([z.literal(''), z.coerce.number().int().min(0)]).optional();

export interface DirectLineRouterOptions {
  /** This server's own address as the bot reaches it, e.g. http://127.0.0.1:3978 (read per request). */
  selfUrl: () => string;
  logger: Logger;
  store?: ConversationStore;
}

/**
 * A small Direct Line 3.0 service on the bot's own server, for the local web chat page, with both
 * of its sides:
 *
 * - the client side Web Chat calls (`/v3/directline/...`): tokens, start a conversation, poll its
 *   activities after a watermark, post an activity;
 * - the Bot Connector side the bot replies to (`/v3/conversations/...`), as the Emulator and Teams
 *   implement it: send and reply (POST), update (PUT).
 *
 * A posted activity reaches the bot exactly as from a channel: an HTTP POST to `/api/messages`
 * with `serviceUrl` set to this server, so the bot's replies come back here with normal delivery.
 */
export function mountDirectLine(server: Server, options: DirectLineRouterOptions): void {
  const { selfUrl, logger } = options;
  const store = options.store ?? new ConversationStore();

  // While the server listens, its URL is the router's own: the one service URL the bot sends the
  // secret to.
  let forgetOwnUrl: (() => void) | undefined;
  const rememberOwnUrl = () => {
    forgetOwnUrl?.();
    forgetOwnUrl = addOwnServiceUrl(selfUrl());
  };
  server.server.on('listening', rememberOwnUrl);
  server.server.on('close', () => {
    forgetOwnUrl?.();
    forgetOwnUrl = undefined;
  });
  if (server.server.listening) rememberOwnUrl();

  /**
   * Hands an activity to the bot the way a channel does, with the secret (the bot takes an activity
   * of this channel from here only); answers the HTTP status.
   */
  async function deliver(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(`${selfUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: botAuthorization() },
      body: JSON.stringify({ ...activity, serviceUrl: selfUrl() }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  function channelFields(conversation: ChatConversation) {
    return {
      channelId: webChatChannelId,
      conversation: { id: conversation.id },
      recipient: bot,
      from: { ...conversation.user, role: 'user' },
    };
  }

  function conversationAnswer(conversation: ChatConversation) {
    return {
      conversationId: conversation.id,
      token: conversation.token,
      expires_in: tokenLifetimeSeconds,
    };
  }

  /** The conversation the request's bearer token opens; answers 403 itself when there is none. */
  function authorised(req: Request, res: Response, conversationId?: string): ChatConversation | undefined {
    const token = /^Bearer (\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
    const conversation = token ? store.byToken(token) : undefined;
    if (!conversation || (conversationId !== undefined && conversation.id !== conversationId)) {
      sendError(res, 403, 'TokenInvalid', 'The token is not valid for this conversation.');
      return undefined;
    }
    return conversation;
  }

  // --- the client side (Web Chat) ---

  server.post(`${directLinePath}/tokens/generate`, async (req, res) => {
    const body = tokenRequestSchema.safeParse(req.body ?? undefined);
    if (!body.success) return sendError(res, 400, 'BadArgument', issueText(body.error.issues[0]!));
    const id = body.data?.user?.id ?? `web-${randomBytes(8).toString('hex')}`;
    const created = store.create(
      { id, name: body.data?.user?.name || 'Agent' },
      clientOf(req.socket.remoteAddress),
    );
    if ('refused' in created) {
      res.header('Retry-After', String(created.retryAfterSeconds));
      const who = created.refused === 'client' ? 'this machine has' : 'the local web chat has';
      return sendError(
        res,
        429,
        'TooManyRequests',
        `${who} too many open conversations; try again in ${minutes(created.retryAfterSeconds)}.`,
      );
    }
    const locale = body.data?.locale;
    if (locale !== undefined) created.conversation.locale = locale;
    res.send(200, conversationAnswer(created.conversation));
  });

  server.post(`${directLinePath}/tokens/refresh`, async (req, res) => {
    const conversation = authorised(req, res);
    if (conversation) res.send(200, conversationAnswer(conversation));
  });

  server.post(`${directLinePath}/conversations`, async (req, res) => {
    const body = startConversationSchema.safeParse(req.body ?? undefined);
    if (!body.success) return sendError(res, 400, 'BadArgument', 'The body is not a conversation request.');
    const conversation = authorised(req, res);
    if (!conversation) return;
    conversation.locale ??= body.data?.locale;
    if (conversation.started) {
      res.send(200, conversationAnswer(conversation));
      return;
    }
    conversation.started = true;
    // As the Emulator does: the bot and the user join, so the bot greets before anyone types.
    const status = await deliver({
      type: 'conversationUpdate',
      id: store.nextId(conversation),
      timestamp: new Date().toISOString(),
      ...channelFields(conversation),
      ...localeOf(conversation),
      membersAdded: [bot, conversation.user],
    }).catch((error: unknown) => {
      logger.warn({ err: { message: (error as Error).message } }, 'web chat: the bot is unreachable');
      return 502;
    });
    if (status >= 300)
      logger.warn({ status, conversationId: conversation.id }, 'web chat: conversationUpdate');
    res.send(201, conversationAnswer(conversation));
  });

  server.get(`${directLinePath}/conversations/:conversationId`, async (req, res) => {
    const conversation = authorised(req, res, req.params.conversationId);
    if (conversation) res.send(200, conversationAnswer(conversation));
  });

  server.get(`${directLinePath}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorised(req, res, req.params.conversationId);
    if (!conversation) return;
    const watermark = watermarkSchema.safeParse(
      new URL(req.url ?? '/', 'http://localhost').searchParams.get('watermark') ?? undefined,
    );
    if (!watermark.success) return sendError(res, 400, 'BadArgument', 'The watermark is not a number.');
    const page = store.since(conversation, watermark.data === '' ? 0 : (watermark.data ?? 0));
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  });

  server.post(`${directLinePath}/conversations/:conversationId/activities`, async (req, res) => {
    const conversation = authorised(req, res, req.params.conversationId);
    if (!conversation) return;
    const body = clientActivitySchema.safeParse(req.body);
    if (!body.success)
      return sendError(res, 400, 'BadArgument', issueText(body.error.issues[0]!, 'activity'));
    // The client's own locale wins; without one, the page's.
    const activity = { ...localeOf(conversation), ...body.data, ...channelFields(conversation) };
    const id = store.nextId(conversation);
    // The client sees its own message come back (Web Chat marks it sent then), before the replies.
    // Typing is only passed on, as Direct Line does.
    const timestamp =
      activity.type === 'typing'
        ? new Date().toISOString()
        : store.append(conversation, activity, id).timestamp;
    const status = await deliver({ ...activity, id, timestamp }).catch((error: unknown) => {
      logger.warn({ err: { message: (error as Error).message } }, 'web chat: the bot is unreachable');
      return 502;
    });
    if (status >= 300) {
      return sendError(res, 502, 'BotError', `The bot answered HTTP ${status}.`);
    }
    res.send(200, { id });
  });

  // --- the Bot Connector side (the bot's replies, with normal delivery) ---

  const fromBot = (req: Request, res: Response): ChatConversation | undefined => {
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      sendError(res, 403, 'Forbidden', 'Only the bot on this machine may send to the local web chat.');
      return undefined;
    }
    // Only the bot of this process has the secret; a call without it learns nothing, not even
    // whether the conversation exists.
    if (!isBotAuthorization(req.header('authorization'))) {
      res.header('WWW-Authenticate', 'Bearer');
      sendError(res, 401, 'Unauthorized', 'Only the bot may send to the local web chat.');
      return undefined;
    }
    const conversation = store.get(req.params.conversationId ?? '');
    if (!conversation) sendError(res, 404, 'ConversationNotFound', 'No such web chat conversation.');
    return conversation;
  };

  const botSends = async (req: Request, res: Response) => {
    const conversation = fromBot(req, res);
    if (!conversation) return;
    const body = botActivitySchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadArgument', 'The body is not an activity.');
    const stored = append(store, conversation, body.data, store.nextId(conversation));
    res.send(200, { id: stored.id });
  };
  server.post('/v3/conversations/:conversationId/activities', botSends);
  server.post('/v3/conversations/:conversationId/activities/:activityId', botSends);

  server.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const conversation = fromBot(req, res);
    if (!conversation) return;
    const body = botActivitySchema.safeParse(req.body);
    if (!body.success) return sendError(res, 400, 'BadArgument', 'The body is not an activity.');
    const activityId = String(req.params.activityId);
    const previous = store.find(conversation, activityId);
    if (!previous) return sendError(res, 404, 'ActivityNotFound', 'No such activity in the conversation.');
    // The new version under the same id and time: Web Chat replaces the old one where it stood.
    append(store, conversation, body.data, activityId, previous.timestamp);
    res.send(200, { id: activityId });
  });
}

function append(
  store: ConversationStore,
  conversation: ChatConversation,
  activity: Record<string, unknown>,
  id: string,
  keepTimestamp?: string,
): StoredActivity {
  // The channel's own fields win over what the bot wrote (its serviceUrl is this server's).
  const copy: Record<string, unknown> = { ...activity, channelId: webChatChannelId };
  delete copy.serviceUrl;
  return store.append(conversation, { ...copy, conversation: { id: conversation.id } }, id, keepTimestamp);
}

/** The conversation's language, for an activity that has none of its own. */
function localeOf(conversation: ChatConversation): { locale?: string } {
  return conversation.locale === undefined ? {} : { locale: conversation.locale };
}

/** Whether the text is a well-formed BCP 47 language tag (as Intl reads it). */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A zod issue as a sentence: "locale: a locale is …"; a problem of the whole body names `whole`. */
function issueText(issue: z.core.$ZodIssue, whole?: string): string {
  const where = issue.path.join('.') || whole;
  return where ? `${where}: ${issue.message}` : issue.message;
}

function minutes(seconds: number): string {
  const count = Math.max(1, Math.ceil(seconds / 60));
  return count === 1 ? 'a minute' : `${count} minutes`;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}
