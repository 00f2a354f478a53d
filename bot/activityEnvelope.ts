import { z } from 'zod';

/**
 * The least an incoming activity must carry before the adapter sees it. Everything else of an
 * activity is read by the adapter and parsed where it is used (card submits by their step's schema).
 */
const account = z.looseObject({ id: z.string().min(1) });

export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1),
  channelId: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: account.optional(),
  recipient: account.optional(),
  // Where replies go; without it the connector would try a public host and hold the request.
  serviceUrl: z.url({ protocol: /^https?$/ }),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  membersAdded: z.array(account).optional(),
  membersRemoved: z.array(account).optional(),
});
