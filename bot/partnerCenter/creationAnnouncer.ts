import type { AdaptiveCardJson } from '../../cards/cardModels';
import {
  partnerCenterOutcomeCard,
  partnerCenterOutcomeSummary,
  type PartnerCenterOutcomeModel,
} from '../../cards/partnerCenterOutcomeCard';
import { localeOf, sayIn } from '../../messages/catalogue';
import type { CustomerRecord } from '../../services/customers/customerRecord';
import type { DeliveryAddress } from '../../services/notifications/deliveryAddress';
import type { CreationAnnouncer, CreationNews } from '../../services/partnerCenter/customerCreation';
import type { Logger } from '../logger';
import type { NotificationSender } from '../notifications/notificationSender';
import { classifySendError, type SendFailure } from '../notifications/teamsAnswer';

export interface ChatCreationAnnouncerOptions {
  sender: NotificationSender;
  /** Gets the customer id, the news' kind and Teams' status and code: never the card, a name or the password. */
  logger: Logger;
  /**
   * Sends of one message after a 429 (Retry-After) or a 412/502/503/504 (backoff), which Teams did not
   * store: at most this many in all (default 3). A 500 or anything else is never sent again.
   */
  maxSends?: number;
  /** First backoff, doubled per send; Retry-After is honoured; every wait at most `maxWaitMs`. */
  backoffMs?: number;
  maxWaitMs?: number;
}

/** 403 codes after which a new personal chat changes nothing: the agent blocked the bot, or an admin turned it off. */
const notForANewChat = new Set(['ConversationBlockedByUser', 'BotDisabledByAdmin']);

/**
 * Tells the agent who submitted a customer what Partner Center made of it, in their personal chat
 * and their language: the customer created (with the first Global admin's temporary password, which
 * lives in this call and this message only), refused, or its agreement refused. The address is the
 * one the submit recorded (`record.partnerCenter.tellAgent`): the personal chat the agent submitted
 * in, else a personal chat started with them (Teams). A personal chat Teams lost is started again,
 * once. Never throws: a message that cannot be delivered is one log line and `false`.
 */
export class ChatCreationAnnouncer implements CreationAnnouncer {
  private readonly sender: NotificationSender;
  private readonly logger: Logger;
  private readonly maxSends: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;

  constructor(options: ChatCreationAnnouncerOptions) {
    this.sender = options.sender;
    this.logger = options.logger;
    this.maxSends = Math.max(1, options.maxSends ?? 3);
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
  }

  async tell(record: CustomerRecord, news: CreationNews): Promise<boolean> {
    const about = { customerId: record.id, news: news.kind };
    const where = record.partnerCenter?.tellAgent;
    const newChatWith =
      where?.origin && where.agentObjectId
        ? { origin: where.origin, agentObjectId: where.agentObjectId }
        : undefined;
    let message: { card: AdaptiveCardJson; summary: string };
    let address: DeliveryAddress | undefined = where?.personalChat;
    let newChat = false;
    try {
      message = creationMessage(record, news);
      if (!address && newChatWith) {
        address = await this.sender.startPersonalChat(newChatWith.origin, newChatWith.agentObjectId);
        newChat = true;
      }
      if (!address) {
        this.logger.warn(about, 'creation outcome not told: no chat with the agent is known');
        return false;
      }
      for (let sends = 1; ; sends += 1) {
        try {
          await this.sender.send(address, message.card, message.summary);
          this.logger.info({ ...about, newChat }, 'creation outcome told to the agent');
          return true;
        } catch (error) {
          const failure = classifySendError(error);
          if (!newChat && newChatWith && chatLost(failure)) {
            this.logger.info(
              { ...about, status: failure.status, code: failure.code },
              'personal chat lost; starting a new one for the creation outcome',
            );
            address = await this.sender.startPersonalChat(newChatWith.origin, newChatWith.agentObjectId);
            newChat = true;
            continue;
          }
          const wait = this.waitBeforeResend(failure, sends);
          if (wait === undefined) throw error;
          this.logger.info(
            { ...about, status: failure.status, code: failure.code, waitMs: wait },
            'creation outcome not delivered yet; sending again',
          );
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    } catch (error) {
      const failure = classifySendError(error);
      this.logger.warn(
        {
          ...about,
          newChat,
          kind: failure.kind,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
          ...(failure.code ? { code: failure.code } : {}),
          // Not a channel's answer (a bug drawing the card): its name only, never its message.
          ...(failure.status === undefined && !failure.code && error instanceof Error
            ? { error: error.name }
            : {}),
        },
        'creation outcome not delivered',
      );
      return false;
    }
  }

  /** How long to wait before sending again, or undefined when the message is not to be sent again. */
  private waitBeforeResend(failure: SendFailure, sends: number): number | undefined {
    if (sends >= this.maxSends) return undefined;
    if (failure.kind === 'retryAfter') return Math.min(failure.ms, this.maxWaitMs);
    if (failure.kind === 'backoff') return Math.min(this.backoffMs * 2 ** (sends - 1), this.maxWaitMs);
    return undefined;
  }
}

/** Teams no longer has the personal chat (404 ConversationNotFound), or refuses it (403): a new one may do. */
function chatLost(failure: SendFailure): boolean {
  if (failure.kind === 'conversationNotFound') return true;
  return failure.status === 403 && !(failure.code && notForANewChat.has(failure.code));
}

/** The card and its notification line, in the agent's language (the locale the submit recorded). */
export function creationMessage(
  record: CustomerRecord,
  news: CreationNews,
): { card: AdaptiveCardJson; summary: string } {
  const say = sayIn(localeOf(record.partnerCenter?.tellAgent.locale));
  const model = creationOutcomeModel(record, news);
  return { card: partnerCenterOutcomeCard(say, model), summary: partnerCenterOutcomeSummary(say, model) };
}

/** The card's model from the record and the news: values only, as the record and Partner Center hold them. */
export function creationOutcomeModel(record: CustomerRecord, news: CreationNews): PartnerCenterOutcomeModel {
  const section = record.partnerCenter;
  const base = { legalName: record.accountInfo.legalName, domain: record.domain };
  const customerId = section?.customerId ? { partnerCenterCustomerId: section.customerId } : {};
  const reason = section?.rejection
    ? {
        reason: {
          description: section.rejection.description,
          ...(section.rejection.code ? { code: section.rejection.code } : {}),
        },
      }
    : {};
  switch (news.kind) {
    case 'created':
      return {
        kind: 'created',
        ...base,
        ...customerId,
        admin: { userName: news.admin.userName, password: news.admin.password },
        agreement: record.mca.kind,
      };
    case 'rejected':
      return { kind: 'rejected', ...base, ...reason, customerId: record.id };
    case 'agreementRefused':
      return { kind: 'agreementRefused', ...base, ...customerId, ...reason };
  }
}
