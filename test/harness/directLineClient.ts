import type { Activity } from 'botbuilder';
import { cardsOf, visibleText } from './conversationHarness';

export interface DirectLineActivity {
  id: string;
  type: string;
  timestamp: string;
  text?: string;
  channelId?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  attachments?: { contentType: string; content: unknown }[];
  channelData?: Record<string, unknown>;
}

export interface DirectLineAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** The text of the card an activity carries. */
export function cardText(activity: DirectLineActivity | undefined): string {
  const [card] = cardsOf([activity as unknown as Partial<Activity>]);
  return card ? visibleText(card) : '';
}

/** A Direct Line 3.0 client, as Web Chat uses it (polling, no WebSocket), for the local web chat. */
export class DirectLineClient {
  token = '';
  conversationId = '';
  watermark = '';

  constructor(private readonly origin: string) {}

  async call(method: string, path: string, body?: unknown, token = this.token): Promise<DirectLineAnswer> {
    const response = await fetch(`${this.origin}/v3/directline${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  }

  /** POST /tokens/generate for this user id; keeps the token when one is given. */
  async generate(userId = 'web-test-user'): Promise<DirectLineAnswer> {
    const generated = await this.call(
      'POST',
      '/tokens/generate',
      { user: { id: userId, name: 'Tester' } },
      '',
    );
    if (generated.status === 200) {
      this.token = String(generated.body.token);
      this.conversationId = String(generated.body.conversationId);
    }
    return generated;
  }

  async start(userId = 'web-test-user'): Promise<DirectLineAnswer> {
    const generated = await this.generate(userId);
    if (generated.status !== 200) throw new Error(`tokens/generate answered HTTP ${generated.status}`);
    const started = await this.call('POST', '/conversations', { user: {} });
    this.conversationId = String(started.body.conversationId);
    return started;
  }

  async post(activity: Record<string, unknown>): Promise<DirectLineAnswer> {
    return this.call('POST', `/conversations/${this.conversationId}/activities`, activity);
  }

  /** Polls once, as Web Chat does, and moves the watermark on. */
  async poll(): Promise<DirectLineActivity[]> {
    const { status, body } = await this.call(
      'GET',
      `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`,
    );
    expect(status).toBe(200);
    this.watermark = String(body.watermark);
    return body.activities as DirectLineActivity[];
  }
}
