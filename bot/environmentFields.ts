import { z } from 'zod';

/** A variable that may be absent; empty and blank count as not set. */
export const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** An optional GUID (an app, tenant or object id), with what it is in the error. */
export const optionalGuid = (error: string) => optionalText.pipe(z.guid({ error }).optional());
