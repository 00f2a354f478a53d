import { z } from 'zod';
import {
  isMessageKey,
  type MessageKey,
  type MessageParam,
  type MessageParams,
  type Say,
} from '../messages/catalogue';
import type { FieldError } from '../services/validation/fieldError';
import { asTextParams } from '../cards/plainText';

const messageKeySchema = z.custom<MessageKey>((key) => typeof key === 'string' && isMessageKey(key));

/** A parameter as state keeps it: a value, or catalogue words (a label, a list) rendered when drawn. */
const paramSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.object({ key: messageKeySchema, params: paramsSchema.optional() }),
    z.object({ list: z.array(paramSchema), join: z.enum(['and', 'or']) }),
    z.object({
      country: z.string().max(3),
      inSentence: z.boolean().optional(),
      withCode: z.boolean().optional(),
    }),
    z.object({ language: z.string().max(35) }),
  ]),
);
const paramsSchema: z.ZodType<MessageParams> = z.lazy(() => z.record(z.string(), paramSchema));

/** A sentence as a catalogue key and its parameters, rendered when the card is drawn. */
export const wordingSchema = z.object({ key: messageKeySchema, params: paramsSchema.optional() });
export type Wording = { key: MessageKey; params?: MessageParams };

/** A problem at a field path (the card's input id), or at the card ('' or a path it has no input for). */
export const problemSchema = wordingSchema.extend({ field: z.string() });
export type Problem = Wording & { field: string };

/**
 * What the last answer left for the card to show: the problems at their fields, a notice above the
 * form, and anything a step keeps between answers (the reseller search). Small and JSON: it lives in
 * dialog state, so a card comes back the same after a restart.
 */
export const stepViewSchema = z.looseObject({
  problems: z.array(problemSchema).optional(),
  notice: wordingSchema.optional(),
});
export type StepView = { problems?: Problem[]; notice?: Wording } & Record<string, unknown>;

export function problemsOf(errors: readonly FieldError[]): Problem[] {
  return errors.map(({ field, key, params }) => ({ field, key, params }));
}

/**
 * The sentence as a card shows it (TextBlock text is markdown): the catalogue's wording as it is, the
 * values it quotes (what the agent typed, e.g. '"{value}" is not a valid postal code') shown literally.
 */
export function words(say: Say, wording: Wording): string {
  return say(wording.key, asTextParams(wording.params ?? {}));
}

/** Messages keyed by field path; several at one field are joined. */
export function messagesByField(say: Say, problems: readonly Problem[] = []): Record<string, string> {
  // No prototype: a field path typed as "__proto__" is a key like any other.
  const messages: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const problem of problems) {
    const message = words(say, problem);
    const known = messages[problem.field];
    if (known?.includes(message)) continue;
    messages[problem.field] = known ? `${known} ${message}` : message;
  }
  return messages;
}
