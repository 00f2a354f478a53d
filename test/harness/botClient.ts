import type { Activity } from 'botbuilder';
import { randomUUID } from 'node:crypto';

export interface ClientOptions {
  /** Where the bot sends replies with normal delivery (a ConnectorRecorder). */
  serviceUrl?: string;
  conversationId?: string;
  channelId?: string;
  user?: { id: string; name?: string; aadObjectId?: string };
  /** More about the conversation, as Teams sends it (isGroup, conversationType, tenantId). */
  conversation?: Partial<Activity['conversation']>;
  /** Channel data sent with every activity (Teams: tenant, team, channel). */
  channelData?: Record<string, unknown>;
  authorization?: string;
}

export interface PostResult {
  status: number;
  activities: Partial<Activity>[];
  /** The response body as JSON, or its text when it is not JSON. */
  body?: unknown;
}

/** Posts activities the way the Bot Framework Emulator does. */
export class BotClient {
  readonly conversationId: string;
  private readonly options: ClientOptions;

  constructor(
    private readonly messagesUrl: string,
    options: ClientOptions = {},
  ) {
    this.options = options;
    this.conversationId = options.conversationId ?? `conversation-${randomUUID()}`;
  }

  /** Sends with deliveryMode "expectReplies" and returns the bot's replies from the HTTP response. */
  async send(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const result = await this.post({ ...this.activity(input), deliveryMode: 'expectReplies' });
    if (result.status !== 200) throw new Error(`The bot answered HTTP ${result.status}`);
    return result.activities;
  }

  /** Sends with normal delivery: replies go to the serviceUrl, the response has no body. */
  async sendNormal(input: string | Partial<Activity>): Promise<number> {
    return (await this.post(this.activity(input))).status;
  }

  /** A card submit: Action.Submit arrives as a message with value and no text. */
  async submit(value: Record<string, unknown>, replyToId?: string): Promise<Partial<Activity>[]> {
    return this.send({ value, ...(replyToId ? { replyToId } : {}) });
  }

  activity(input: string | Partial<Activity>): Partial<Activity> {
    const user = this.options.user ?? { id: 'user-1', name: 'Agent One' };
    const base: Partial<Activity> = {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date(),
      channelId: this.options.channelId ?? 'emulator',
      serviceUrl: this.options.serviceUrl ?? 'http://127.0.0.1:9',
      from: { name: user.id, ...user, role: 'user' },
      recipient: { id: 'bot', name: 'Bot', role: 'bot' },
      conversation: { ...this.options.conversation, id: this.conversationId } as Activity['conversation'],
      ...(this.options.channelData ? { channelData: this.options.channelData } : {}),
      locale: 'en-US',
    };
    return typeof input === 'string' ? { ...base, text: input, textFormat: 'plain' } : { ...base, ...input };
  }

  async post(activity: Partial<Activity>): Promise<PostResult> {
    const response = await fetch(this.messagesUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.options.authorization ? { authorization: this.options.authorization } : {}),
      },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the text as it came.
    }
    const activities = (body as { activities?: Partial<Activity>[] } | undefined)?.activities;
    return { status: response.status, activities: Array.isArray(activities) ? activities : [], body };
  }
}

export function texts(activities: Partial<Activity>[]): string[] {
  return activities.filter((a) => a.type === 'message' && a.text).map((a) => a.text as string);
}
