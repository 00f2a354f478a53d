import { z } from 'zod';

/**
 * The least an incoming activity must carry before the adapter sees it. Everything else of an
 * activity is read by the adapter and parsed where it is used (card submits by their step's schema).
 */
export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }).optional(),
  serviceUrl: z.string().optional(),
});
