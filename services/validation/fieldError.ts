import { z } from 'zod';
import {
  isMessageKey,
  type MessageKey,
  type MessageParam,
  type MessageParams,
} from '../../messages/catalogue';

/** One thing the agent must change, tied to the field it concerns. */
export interface FieldError {
  /** Dotted path of the field, e.g. "address.postalCode". */
  field: string;
  key: MessageKey;
  /** Rendered at the edge, in the reader's language. */
  params: MessageParams;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldError(field: string, key: MessageKey, params: MessageParams = {}): FieldError {
  return { field, key, params: quotedExcerpts(params) };
}

/** The longest part of a typed value a message quotes back. */
export const maxQuotedLength = 40;

/**
 * A message quotes what was typed (`value`, `typed`) as a short excerpt: a long value would bloat
 * the card and the state that keep the message, and the agent has the value in the field anyway.
 */
function quotedExcerpts(params: MessageParams): MessageParams {
  const excerpt = (text: MessageParam) =>
    typeof text === 'string' && text.length > maxQuotedLength
      ? `${text.slice(0, maxQuotedLength - 1)}…`
      : text;
  return {
    ...params,
    ...(params.value !== undefined ? { value: excerpt(params.value) } : {}),
    ...(params.typed !== undefined ? { typed: excerpt(params.typed) } : {}),
  };
}

/**
 * Raises a catalogue-backed issue inside a zod refinement:
 * `addFieldIssue(ctx, ['legalName'], 'legalName.acronym', { value })`.
 */
export function addFieldIssue(
  ctx: z.RefinementCtx,
  path: (string | number)[],
  key: MessageKey,
  params: MessageParams = {},
): void {
  ctx.addIssue({ code: 'custom', path, message: key, params: { messageKey: key, messageParams: params } });
}

/** Field labels used by the generic messages; rule-specific messages name their field themselves. */
export type FieldLabels = Readonly<Record<string, MessageKey>>;

/**
 * Turns zod issues into FieldErrors, mapping zod's generic checks onto catalogue messages.
 * `input` (what was parsed) tells a missing value from a value of the wrong type.
 */
export function fieldErrorsFromZod(
  error: z.ZodError,
  labels: FieldLabels = {},
  input?: unknown,
): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const labelKey = labels[field];
    const label: MessageParam = labelKey ? { key: labelKey } : field;
    if (issue.code === 'custom') {
      const params = (issue.params ?? {}) as { messageKey?: string; messageParams?: MessageParams };
      if (params.messageKey && isMessageKey(params.messageKey)) {
        return fieldError(field, params.messageKey, params.messageParams ?? {});
      }
    }
    if (issue.code === 'invalid_type' && isBlank(valueAt(input, issue.path))) {
      return fieldError(field, 'field.required', { label });
    }
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return Number(issue.minimum) <= 1
        ? fieldError(field, 'field.required', { label })
        : fieldError(field, 'field.tooShort', { label, min: Number(issue.minimum) });
    }
    if (issue.code === 'too_big' && issue.origin === 'string') {
      return fieldError(field, 'field.tooLong', { label, max: Number(issue.maximum) });
    }
    return fieldError(field, 'field.invalid', { label });
  });
}

/** Parses with a zod schema and answers FieldErrors instead of throwing. */
export function validateWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
  labels: FieldLabels = {},
): Validated<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsFromZod(result.error, labels, input) };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
