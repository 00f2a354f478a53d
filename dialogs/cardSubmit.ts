import { z } from 'zod';

/** What every step card's Action.Submit carries, besides the inputs. */
export const submitEnvelopeSchema = z.looseObject({
  promptId: z.string().min(1),
  action: z.string().min(1),
});

/** A command button (welcome, done and existing-customer cards). */
export const commandSchema = z.looseObject({ command: z.literal('addCustomer') });

/**
 * The inputs of a card as text, keyed by input id. Anything that is not text (a forged or
 * malformed submit) counts as not given; the service then says what is missing.
 */
export function cardValuesSchema<const Ids extends readonly string[]>(ids: Ids) {
  return z.record(z.string(), z.unknown()).transform((value) => {
    const values: Partial<Record<Ids[number], string>> = {};
    for (const id of ids) {
      const entry = value[id];
      if (typeof entry === 'string') values[id as Ids[number]] = entry;
      else if (typeof entry === 'number') values[id as Ids[number]] = String(entry);
    }
    return values;
  });
}

/** Inputs whose ids start with a prefix (`quantity_<offerId>`), keyed by the rest of the id. */
export function prefixedValuesSchema(prefix: string) {
  return z.record(z.string(), z.unknown()).transform((value) => {
    const values: Record<string, string> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (!key.startsWith(prefix)) continue;
      if (typeof entry === 'string' || typeof entry === 'number')
        values[key.slice(prefix.length)] = String(entry);
    }
    return values;
  });
}
