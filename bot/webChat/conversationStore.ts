import { randomBytes, randomUUID } from 'node:crypto';

/** An activity as the Direct Line client receives it: any JSON object with an id and a timestamp. */
export type StoredActivity = Record<string, unknown> & { id: string; timestamp: string };

export interface ChatUser {
  id: string;
  name: string;
}

export interface ChatConversation {
  id: string;
  token: string;
  user: ChatUser;
  /** Set once the client started it (POST /conversations) and the bot was told who joined. */
  started: boolean;
  /** Append-only log; an update appends the new version under the same id. */
  activities: StoredActivity[];
  /** How many activities were dropped from the front of the log to keep it bounded. */
  dropped: number;
  sequence: number;
  lastTimestamp: number;
}

export interface StoreLimits {
  conversations: number;
  activitiesPerConversation: number;
}

const defaultLimits: StoreLimits = { conversations: 200, activitiesPerConversation: 1000 };

/**
 * The local Direct Line's conversations, in memory and bounded (it is a development tool): the
 * least recently used conversation goes when there are too many, the oldest activities when one
 * conversation grows too long. A watermark is the absolute position in a conversation's log.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, ChatConversation>();
  private readonly tokens = new Map<string, string>();

  constructor(private readonly limits: StoreLimits = defaultLimits) {}

  create(user: ChatUser): ChatConversation {
    const conversation: ChatConversation = {
      id: `dl-${randomUUID()}`,
      token: randomBytes(24).toString('base64url'),
      user,
      started: false,
      activities: [],
      dropped: 0,
      sequence: 0,
      lastTimestamp: 0,
    };
    this.conversations.set(conversation.id, conversation);
    this.tokens.set(conversation.token, conversation.id);
    while (this.conversations.size > this.limits.conversations) {
      const oldest = this.conversations.values().next().value as ChatConversation;
      this.conversations.delete(oldest.id);
      this.tokens.delete(oldest.token);
    }
    return conversation;
  }

  /** The conversation a token opens (marked as recently used). */
  byToken(token: string): ChatConversation | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.get(id);
  }

  get(id: string): ChatConversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation) {
      this.conversations.delete(id);
      this.conversations.set(id, conversation);
    }
    return conversation;
  }

  /** A new id in the conversation, for an activity about to be appended. */
  nextId(conversation: ChatConversation): string {
    conversation.sequence += 1;
    return `${conversation.id}-${String(conversation.sequence).padStart(7, '0')}`;
  }

  /**
   * Appends an activity with this id. The timestamp is the server's, strictly increasing within the
   * conversation (Web Chat orders by it), unless `keepTimestamp` gives the original one of an update.
   */
  append(
    conversation: ChatConversation,
    activity: Record<string, unknown>,
    id: string,
    keepTimestamp?: string,
  ): StoredActivity {
    let timestamp = keepTimestamp;
    if (timestamp === undefined) {
      conversation.lastTimestamp = Math.max(Date.now(), conversation.lastTimestamp + 1);
      timestamp = new Date(conversation.lastTimestamp).toISOString();
    }
    const stored: StoredActivity = { ...activity, id, timestamp };
    conversation.activities.push(stored);
    const excess = conversation.activities.length - this.limits.activitiesPerConversation;
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.dropped += excess;
    }
    return stored;
  }

  /** The latest version of an activity, when it is still in the log. */
  find(conversation: ChatConversation, id: string): StoredActivity | undefined {
    for (let index = conversation.activities.length - 1; index >= 0; index--) {
      if (conversation.activities[index]!.id === id) return conversation.activities[index];
    }
    return undefined;
  }

  /** The activities after a watermark, and the new watermark. */
  since(
    conversation: ChatConversation,
    watermark: number,
  ): { activities: StoredActivity[]; watermark: number } {
    const start = Math.max(0, watermark - conversation.dropped);
    return {
      activities: conversation.activities.slice(start),
      watermark: conversation.dropped + conversation.activities.length,
    };
  }
}
