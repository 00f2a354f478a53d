import { ConversationPacer, teamsConversationLimits } from '../../bot/notifications/pacer';
import { classifySendError } from '../../bot/notifications/teamsAnswer';

/** A failed send as the connector client throws it (a RestError with the response). */
function restError(
  status: number | undefined,
  body?: unknown,
  headers: Record<string, string> = {},
  code?: string,
) {
  return {
    ...(status !== undefined ? { statusCode: status } : {}),
    ...(code ? { code } : {}),
    response: {
      bodyAsText: body === undefined ? undefined : JSON.stringify(body),
      headers: { get: (name: string) => headers[name.toLowerCase()] },
    },
  };
}
const teams = (code: string) => ({ error: { code, message: code } });

describe("what Teams' answer to a send means", () => {
  it('waits for Retry-After on 429, in seconds or as a date', () => {
    expect(classifySendError(restError(429, teams('Throttled'), { 'retry-after': '3' }))).toMatchObject({
      kind: 'retryAfter',
      ms: 3000,
    });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const dated = classifySendError(restError(429, undefined, { 'retry-after': inTwoMinutes }));
    expect(dated.kind === 'retryAfter' && dated.ms).toBeGreaterThan(110_000);
    expect(classifySendError(restError(429))).toMatchObject({ kind: 'retryAfter', ms: 1000 });
  });

  it.each([412, 502, 503, 504])('backs off on %i', (status) => {
    expect(classifySendError(restError(status, teams('Whatever')))).toMatchObject({
      kind: 'backoff',
      status,
    });
  });

  it('backs off when nothing answered at all', () => {
    expect(classifySendError(restError(undefined, undefined, {}, 'REQUEST_SEND_ERROR'))).toMatchObject({
      kind: 'backoff',
    });
  });

  it.each([
    'ConversationBlockedByUser',
    'BotNotInConversationRoster',
    'BotDisabledByAdmin',
    'ForbiddenOperationException',
  ])('stops sending to the recipient on 403 %s', (code) => {
    expect(classifySendError(restError(403, teams(code)))).toEqual({
      kind: 'unreachable',
      status: 403,
      code,
    });
  });

  it('gives up on 500, on 403 with another code, on 404 other than ConversationNotFound, and on anything unknown', () => {
    expect(classifySendError(restError(500, teams('InternalServerError')))).toMatchObject({
      kind: 'failed',
      status: 500,
    });
    expect(classifySendError(restError(403, teams('SomethingElse')))).toMatchObject({ kind: 'failed' });
    expect(classifySendError(restError(404, teams('NotFound')))).toMatchObject({ kind: 'failed' });
    expect(classifySendError(new Error('boom'))).toEqual({ kind: 'failed' });
  });

  it('starts the chat again on 404 ConversationNotFound', () => {
    expect(classifySendError(restError(404, teams('ConversationNotFound')))).toMatchObject({
      kind: 'conversationNotFound',
    });
  });
});

describe("pacing to Teams' limits per conversation", () => {
  it('lets 7 through at once, then holds each next one until every window allows it', async () => {
    let now = 0;
    const pacer = new ConversationPacer(teamsConversationLimits, () => now);
    const sent: number[] = [];
    const realSetTimeout = setTimeout;
    jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      now += ms;
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    try {
      for (let i = 0; i < 70; i += 1) {
        await pacer.take('a:chat');
        sent.push(now);
      }
      await pacer.take('a:other');
      expect(now).toBe(sent.at(-1));
    } finally {
      jest.restoreAllMocks();
    }
    expect(sent.slice(0, 7)).toEqual(new Array(7).fill(0));
    for (const { count, ms } of teamsConversationLimits) {
      for (const start of sent)
        expect(sent.filter((at) => at >= start && at < start + ms).length).toBeLessThanOrEqual(count);
    }
  });

  it('counts a send from when its answer came, so a slow send does not let the next ones crowd in', async () => {
    let now = 0;
    const pacer = new ConversationPacer(teamsConversationLimits, () => now);
    // The first send takes 300 ms to reach Teams and be answered; six more go at once after it.
    await pacer.take('a:chat');
    now = 300;
    pacer.settle('a:chat');
    for (let i = 0; i < 6; i += 1) {
      await pacer.take('a:chat');
      pacer.settle('a:chat');
    }
    const arrivals = new Array(7).fill(300);
    const realSetTimeout = setTimeout;
    jest.spyOn(global, 'setTimeout').mockImplementation(((fn: () => void, ms: number) => {
      now += ms;
      return realSetTimeout(fn, 0);
    }) as typeof setTimeout);
    try {
      await pacer.take('a:chat');
      arrivals.push(now);
    } finally {
      jest.restoreAllMocks();
    }
    // Counted as Teams counts them, by arrival: never 8 within a second.
    for (const start of arrivals)
      expect(arrivals.filter((at) => at >= start && at < start + 1000).length).toBeLessThanOrEqual(7);
  });
});
