import restify from 'restify';
import type { Activity, ActivityHandler, InvokeResponse } from 'botbuilder';
import type { BotAdapter } from './adapter';
import { activityEnvelopeSchema } from './activityEnvelope';
import { isLoopbackUrl } from '../services/network/loopback';
import type { Logger } from './logger';
import { refusalFor, refusalLog } from './refusals';

export interface StoreProbe {
  /** Resolves when the store answers, rejects when it does not. */
  (): Promise<void>;
}

/** No activity comes near this (Teams caps a message at about 100 KB); larger bodies get 413 unread. */
export const maxBodyBytes = 256 * 1024;

export interface BotServer {
  server: restify.Server;
  /** Stops accepting, then waits (up to the grace period) for turns in flight to finish. */
  drain(graceMs: number): Promise<void>;
}

export function createServer(
  adapter: BotAdapter,
  bot: ActivityHandler,
  probeStore: StoreProbe,
  logger: Logger,
  options: {
    /** Local mode: no token says who sent an activity, so replies may go to this machine only. */
    repliesOnlyToLoopback?: boolean;
  } = {},
): BotServer {
  const server = restify.createServer({ name: 'customer-onboarding-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: maxBodyBytes }));
  // A body that is not JSON is refused without the parser's own words (which quote the body).
  server.on(
    'restifyError',
    (_req, _res, error: { name?: string; toJSON?: () => unknown }, done: () => void) => {
      if (error.name === 'InvalidContentError') {
        error.toJSON = () => ({ code: 'InvalidContent', message: 'The body is not valid JSON.' });
      }
      done();
    },
  );

  const logRefusal = refusalLog(logger);
  let turnsInFlight = 0;
  let allDone: (() => void) | undefined;

  server.post('/api/messages', async (req, res) => {
    if (!req.is('json')) {
      res.send(415, { error: 'An activity is sent as application/json.' });
      return;
    }
    const envelope = activityEnvelopeSchema.safeParse(req.body);
    if (!envelope.success) {
      res.send(400, {
        error: 'The body is not a Bot Framework activity (type, channelId, conversation.id, serviceUrl).',
      });
      return;
    }
    if (options.repliesOnlyToLoopback && !isLoopbackUrl(envelope.data.serviceUrl)) {
      res.send(400, {
        error: 'In local mode the bot replies only to this machine: serviceUrl must be a loopback address.',
      });
      return;
    }
    turnsInFlight += 1;
    try {
      // Not adapter.process: it writes every refused request to the console as a stack trace and
      // answers some forged tokens 500 with the internal error text.
      let answer: InvokeResponse | undefined;
      try {
        answer = await adapter.handle(req.headers.authorization ?? '', req.body as Activity, (context) =>
          bot.run(context),
        );
      } catch (error) {
        const refusal = refusalFor(error);
        logRefusal(refusal, error);
        res.send(refusal.status, refusal.body);
        return;
      }
      res.send(answer?.status ?? 200, answer?.body);
    } finally {
      turnsInFlight -= 1;
      if (turnsInFlight === 0) allDone?.();
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(probeStore(), 3000);
      res.send(200, { status: 'ok', store: 'reachable' });
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message } }, 'health check: store unreachable');
      res.send(503, { status: 'unavailable', store: 'unreachable' });
    }
  });

  return {
    server,
    async drain(graceMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (turnsInFlight > 0) {
        await withTimeout(new Promise<void>((resolve) => (allDone = resolve)), graceMs).catch(() =>
          logger.warn({ turnsInFlight }, 'shutdown: turns still in flight after the grace period'),
        );
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
