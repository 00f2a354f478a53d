/**
 * What a failed send means, as Teams documents its status codes for bots: wait for Retry-After
 * (429), back off and retry (412, 502, 503, 504), stop sending to that recipient (403 with a code
 * saying the bot cannot reach them), start the personal chat again (404 ConversationNotFound), or
 * give up on this message (500 and anything else: a retry could deliver it twice).
 */
export type SendFailure =
  | { kind: 'retryAfter'; ms: number; status: number; code?: string }
  | { kind: 'backoff'; status?: number; code?: string }
  | { kind: 'unreachable'; status: number; code: string }
  | { kind: 'conversationNotFound'; status: number; code: string }
  | { kind: 'failed'; status?: number; code?: string };

const unreachableCodes = new Set([
  'ConversationBlockedByUser',
  'BotNotInConversationRoster',
  'BotDisabledByAdmin',
  'ForbiddenOperationException',
]);
const backoffStatuses = new Set([412, 502, 503, 504]);

export function classifySendError(error: unknown): SendFailure {
  const status = statusOf(error);
  const code = codeOf(error);
  const known = code ? { code } : {};
  if (status === 429) return { kind: 'retryAfter', ms: retryAfterMs(error) ?? 1000, status, ...known };
  if (status !== undefined && backoffStatuses.has(status)) return { kind: 'backoff', status, ...known };
  // No answer at all (refused, reset, name not found): back off and try again.
  if (status === undefined && code === 'REQUEST_SEND_ERROR') return { kind: 'backoff', code };
  if (status === 403 && code && unreachableCodes.has(code)) return { kind: 'unreachable', status, code };
  if (status === 404 && code === 'ConversationNotFound')
    return { kind: 'conversationNotFound', status, code };
  return { kind: 'failed', ...(status !== undefined ? { status } : {}), ...known };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The error code of the body Teams answered with ({ error: { code } }), else the client's. */
function codeOf(error: unknown): string | undefined {
  const response = (error as { response?: { bodyAsText?: unknown; parsedBody?: unknown } } | undefined)
    ?.response;
  const body = response?.parsedBody ?? parseJson(response?.bodyAsText);
  const fromBody = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (typeof fromBody === 'string' && fromBody.length <= 128) return fromBody;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.length <= 128 ? code : undefined;
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date, capped at an hour. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => unknown } } } | undefined)
    ?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (typeof value !== 'string') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 3_600_000) : undefined;
}
