import {
  ActivityTypes,
  type Activity,
  CardFactory,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/cardModels';
import type { DeliveryAddress, DeliveryOrigin } from '../../services/notifications/deliveryAddress';
import type { BotAdapter } from '../adapter';

/** Sends a notification to an address, or starts a personal chat; throws what the channel answered. */
export interface NotificationSender {
  send(address: DeliveryAddress, card: AdaptiveCardJson, summary: string): Promise<void>;
  startPersonalChat(origin: DeliveryOrigin, aadObjectId: string): Promise<DeliveryAddress>;
}

/**
 * Proactive messages through the bot's own adapter (its identity and connector). The connector client
 * retries 429, 5xx and network errors by itself, three times; a retried POST of a message whose first
 * answer was lost (a 500 after Teams stored it) posts it twice. So the client of a notification is
 * used without that retry policy, and the dispatcher alone decides what is retried, as Teams
 * documents it.
 */
export class AdapterNotificationSender implements NotificationSender {
  constructor(
    private readonly adapter: BotAdapter,
    private readonly botAppId: string,
  ) {}

  async send(address: DeliveryAddress, card: AdaptiveCardJson, summary: string): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: address.channelId,
      serviceUrl: address.serviceUrl,
      conversation: {
        id: address.conversationId,
        isGroup: false,
        conversationType: '',
        name: '',
        ...(address.tenantId ? { tenantId: address.tenantId } : {}),
      },
      bot: { id: address.botId ?? this.botAppId, name: '' },
      ...(address.userId ? { user: { id: address.userId, name: '' } } : {}),
    };
    await this.inTurn(
      (run) => this.adapter.continueConversationAsync(this.botAppId, reference, run),
      async (context) => {
        // A new message, not a reply: the turn's own activity is made up, and Teams has no such id.
        await connectorWithoutRetries(context, this.adapter).conversations.sendToConversation(
          address.conversationId,
          {
            type: ActivityTypes.Message,
            ...TurnContext.applyConversationReference({}, reference),
            summary,
            attachments: [CardFactory.adaptiveCard(card)],
          },
        );
      },
    );
  }

  async startPersonalChat(origin: DeliveryOrigin, aadObjectId: string): Promise<DeliveryAddress> {
    const parameters = {
      isGroup: false,
      bot: { id: origin.botId ?? this.botAppId, name: '' },
      members: [{ id: aadObjectId, name: '' }],
      ...(origin.tenantId
        ? { tenantId: origin.tenantId, channelData: { tenant: { id: origin.tenantId } } }
        : {}),
    } as ConversationParameters;
    let conversationId = '';
    await this.inTurn(
      (run) =>
        this.adapter.createConversationAsync(
          this.botAppId,
          origin.channelId,
          origin.serviceUrl,
          '',
          parameters,
          run,
        ),
      async (context) => {
        conversationId = context.activity.conversation.id;
      },
    );
    return {
      channelId: origin.channelId,
      serviceUrl: origin.serviceUrl,
      conversationId,
      ...(origin.tenantId ? { tenantId: origin.tenantId } : {}),
      ...(origin.botId ? { botId: origin.botId } : {}),
    };
  }

  /**
   * Runs `logic` in a proactive turn and throws what it threw. The adapter would otherwise hand the
   * error to its turn error handler, which answers the agent of a conversation; here there is none.
   */
  private async inTurn(
    start: (run: (context: TurnContext) => Promise<void>) => Promise<void>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: { error: unknown } | undefined;
    await start(async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }
}

/** The part of botframework-connector's ConnectorClient a notification uses. */
interface ConnectorClient {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
  };
}

interface PipelineHolder {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/** The turn's connector client, with the retry policy of its HTTP pipeline taken out. */
function connectorWithoutRetries(context: TurnContext, adapter: BotAdapter): ConnectorClient {
  const connector = context.turnState.get<ConnectorClient | undefined>(adapter.ConnectorClientKey);
  const pipeline = (connector as PipelineHolder | undefined)?.client?.pipeline;
  if (!connector || !pipeline)
    throw new Error('The connector client has no pipeline to take its retry policy out of');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  return connector;
}
