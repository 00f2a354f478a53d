import { z } from 'zod';
import { isMessageKey, say, type MessageKey, type MessageParams } from '../services/messages/catalogue';
import type { FieldError } from '../services/validation/fieldError';
import { asTextParams } from '../cards/plainText';

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A sentence as a catalogue key and its parameters, rendered when the card is drawn. */
const messageKeySchema = z.custom<MessageKey>((key) => typeof key === 'string' && isMessageKey(key));
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
export function words(wording: Wording): string {
  return say(wording.key, asTextParams(wording.params ?? {}));
}

/** Messages keyed by field path; several at one field are joined. */
export function messagesByField(problems: readonly Problem[] = []): Record<string, string> {
  // No prototype: a field path typed as "__proto__" is a key like any other.
  const messages: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const problem of problems) {
    const message = words(problem);
    const known = messages[problem.field];
    if (known?.includes(message)) continue;
    messages[problem.field] = known ? `${known} ${message}` : message;
  }
  return messages;
}
