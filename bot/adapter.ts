import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { sayTo } from '../dialogs/turnLanguage';
import type { Config } from './config';
import type { Logger } from './logger';
import { ReusedClientsAuthentication } from './reusedClients';
import { localModeAuthentication } from './webChat/botConnectorAuth';

/** The CloudAdapter, with one activity handed over as the server parsed it. */
export class BotAdapter extends CloudAdapter {
  /** Authenticates the activity by its Authorization header and runs the turn; throws when refused. */
  handle(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createAdapter(config: Config, logger: Logger): BotAdapter {
  const options = {
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    // Local mode (no app id) has no identity to check; the SDK accepts that only as MultiTenant.
    MicrosoftAppType: config.bot.appId ? config.bot.appType : 'MultiTenant',
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  };
  // Local mode: the web chat's router and the bot prove themselves to each other with a secret of
  // this process, which goes to the router's own URL only (never to the Emulator's).
  const auth = config.bot.appId ? new ReusedClientsAuthentication(options) : localModeAuthentication(options);
  const adapter = new BotAdapter(auth);
  adapter.onTurnError = (context, error) => handleTurnError(context, error, logger);
  return adapter;
}

/**
 * Logs the fault with a correlation id and tells the agent the draft is kept. Conversation state
 * is deliberately left as it was saved at the end of the last good turn, so nothing is lost.
 */
export async function handleTurnError(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const correlationId = randomUUID();
  const fault = error instanceof Error ? error : new Error(String(error));
  logger.error(
    {
      correlationId,
      err: { name: fault.name, message: fault.message, stack: fault.stack },
      activityId: context.activity.id,
      activityType: context.activity.type,
      channelId: context.activity.channelId,
      conversationId: context.activity.conversation?.id,
    },
    'turn failed',
  );
  try {
    await context.sendActivity(sayTo(context)('fault.draftKept', { correlationId }));
    await context.sendTraceActivity(
      'OnTurnError Trace',
      `${fault.name}: ${fault.message}`,
      'https://www.botframework.com/schemas/error',
      'TurnError',
    );
  } catch (sendError) {
    logger.error(
      { correlationId, err: { message: (sendError as Error).message } },
      'could not tell the agent',
    );
  }
}
