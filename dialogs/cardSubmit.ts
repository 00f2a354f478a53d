import { z } from 'zod';

/** What every step card's Action.Submit carries, besides the inputs. */
export const submitEnvelopeSchema = z.looseObject({
  promptId: z.string().min(1),
  action: z.string().min(1),
});

/** A command button (welcome, done and existing-customer cards). */
export const commandSchema = z.looseObject({ command: z.literal('addCustomer') });

/** "Add it again" on the message that Partner Center refused a customer: the record to start from. */
export const addAgainSchema = z.looseObject({ command: z.literal('addAgain'), customerId: z.string() });
