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
  /** Who asked for it: its remote address, all loopback addresses being one (see `clientOf`). */
  client: string;
  /**
   * The language the page talks in (a BCP 47 tag, "nl-NL"), as it asked for the conversation: the
   * bot gets it on each activity of the conversation that has no locale of its own.
   */
  locale?: string;
  /** Set once the client started it (POST /conversations) and the bot was told who joined. */
  started: boolean;
  /** Append-only log; an update appends the new version under the same id. */
  activities: StoredActivity[];
  /** The JSON length of each activity of the log, in the same order. */
  sizes: number[];
  /** The JSON length of the whole log. */
  characters: number;
  /** How many activities were dropped from the front of the log to keep it bounded. */
  dropped: number;
  sequence: number;
  lastTimestamp: number;
  /** When it was last used (a token, a poll, a post, a reply), in ms since the epoch. */
  lastUsed: number;
}

export interface StoreLimits {
  /** Live conversations in all. When there are this many, a new one is refused, not made room for. */
  conversations: number;
  /** Live conversations of one client (a remote address); more are refused. */
  conversationsPerClient: number;
  /** Live conversations of one user id of a client; beyond it the user's own least recently used goes. */
  conversationsPerUser: number;
  activitiesPerConversation: number;
  /** The JSON length a conversation's log may have; beyond it the oldest activities go. */
  charactersPerConversation: number;
  /** A conversation nobody used for this long is gone, with its token. */
  idleMs: number;
}

export const defaultStoreLimits: StoreLimits = {
  conversations: 200,
  conversationsPerClient: 50,
  conversationsPerUser: 5,
  activitiesPerConversation: 1000,
  charactersPerConversation: 500_000,
  idleMs: 60 * 60 * 1000,
};

/** A new conversation, or why there is none and when to ask again. */
export type CreateResult =
  { conversation: ChatConversation } | { refused: 'client' | 'full'; retryAfterSeconds: number };

/**
 * The local Direct Line's conversations, in memory and bounded (it is a development tool). A client
 * makes room only from its own conversations: a user id's least recently used goes when it opens one
 * too many; otherwise, when the client or the whole store is at its bound, a new conversation is
 * refused until one idles out. The oldest activities go when one conversation grows too long. A
 * watermark is the absolute position in a conversation's log.
 */
export class ConversationStore {
  /** In order of use: the least recently used first. */
  private readonly conversations = new Map<string, ChatConversation>();
  private readonly tokens = new Map<string, string>();
  private readonly limits: StoreLimits;

  constructor(
    limits: Partial<StoreLimits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...defaultStoreLimits, ...limits };
  }

  /** How many conversations are live. */
  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  create(user: ChatUser, client = 'local'): CreateResult {
    this.sweep();
    const all = [...this.conversations.values()];
    const own = all.filter((c) => c.client === client && c.user.id === user.id);
    for (const oldest of own.slice(0, Math.max(0, own.length - this.limits.conversationsPerUser + 1)))
      this.remove(oldest);

    const ofClient = all.filter((c) => c.client === client && this.conversations.has(c.id));
    if (ofClient.length >= this.limits.conversationsPerClient)
      return { refused: 'client', retryAfterSeconds: this.secondsUntilIdle(ofClient[0]!) };
    if (this.conversations.size >= this.limits.conversations) {
      const leastRecent = this.conversations.values().next().value as ChatConversation;
      return { refused: 'full', retryAfterSeconds: this.secondsUntilIdle(leastRecent) };
    }

    const conversation: ChatConversation = {
      id: `dl-${randomUUID()}`,
      token: randomBytes(24).toString('base64url'),
      user,
      client,
      started: false,
      activities: [],
      sizes: [],
      characters: 0,
      dropped: 0,
      sequence: 0,
      lastTimestamp: 0,
      lastUsed: this.now(),
    };
    this.conversations.set(conversation.id, conversation);
    this.tokens.set(conversation.token, conversation.id);
    return { conversation };
  }

  /** The conversation a token opens (marked as recently used). */
  byToken(token: string): ChatConversation | undefined {
    const id = this.tokens.get(token);
    return id === undefined ? undefined : this.get(id);
  }

  /** A live conversation (marked as recently used). */
  get(id: string): ChatConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.isIdle(conversation)) {
      this.remove(conversation);
      return undefined;
    }
    conversation.lastUsed = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
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
    const size = JSON.stringify(stored).length;
    conversation.activities.push(stored);
    conversation.sizes.push(size);
    conversation.characters += size;
    // The newest activity always stays, whatever its size.
    let excess = 0;
    let characters = conversation.characters;
    while (
      conversation.activities.length - excess > 1 &&
      (conversation.activities.length - excess > this.limits.activitiesPerConversation ||
        characters > this.limits.charactersPerConversation)
    ) {
      characters -= conversation.sizes[excess]!;
      excess += 1;
    }
    if (excess > 0) {
      conversation.activities.splice(0, excess);
      conversation.sizes.splice(0, excess);
      conversation.characters = characters;
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

  private isIdle(conversation: ChatConversation): boolean {
    return this.now() - conversation.lastUsed >= this.limits.idleMs;
  }

  private secondsUntilIdle(conversation: ChatConversation): number {
    return Math.max(1, Math.ceil((conversation.lastUsed + this.limits.idleMs - this.now()) / 1000));
  }

  /** Forgets the conversations nobody used for too long: the least recently used come first. */
  private sweep(): void {
    for (const conversation of this.conversations.values()) {
      if (!this.isIdle(conversation)) break;
      this.remove(conversation);
    }
  }

  private remove(conversation: ChatConversation): void {
    this.conversations.delete(conversation.id);
    this.tokens.delete(conversation.token);
  }
}
