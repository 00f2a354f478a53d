import { z } from 'zod';

/**
 * Where a message can be delivered: a conversation on a channel's service, as the channel named it
 * (in Teams a personal chat "a:...", or a channel "19:...@thread.tacv2"). The services keep it as data
 * and never interpret it; the bot turns it into a conversation reference.
 */
export const deliveryAddressSchema = z.object({
  channelId: z.string().min(1).max(64),
  serviceUrl: z
    .string()
    .regex(/^https?:\/\/\S+$/i)
    .max(512),
  conversationId: z.string().min(1).max(512),
  tenantId: z.string().max(64).optional(),
  botId: z.string().max(256).optional(),
  /** The person's id on the channel ("29:..."), for a personal chat. */
  userId: z.string().max(256).optional(),
});
export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

/**
 * Where a personal chat with someone can be started when none is known yet: the channel's service
 * and the tenant of the agent whose turn enqueued the notification (the partner's own tenant).
 */
export const deliveryOriginSchema = deliveryAddressSchema.pick({
  channelId: true,
  serviceUrl: true,
  tenantId: true,
  botId: true,
});
export type DeliveryOrigin = z.infer<typeof deliveryOriginSchema>;

/** The same address, whatever the order of its fields: to tell whether it changed. */
export function sameAddress(a: DeliveryAddress | undefined, b: DeliveryAddress | undefined): boolean {
  if (!a || !b) return a === b;
  const keys: (keyof DeliveryAddress)[] = [
    'channelId',
    'serviceUrl',
    'conversationId',
    'tenantId',
    'botId',
    'userId',
  ];
  return keys.every((key) => a[key] === b[key]);
}
