import { createHash } from 'node:crypto';

/** The name space of customer ids (a UUID of its own, as RFC 9562 name-based UUIDs want one). */
const customerNamespace = Buffer.from('6f1b2c3e9d4a4b7c8e5f0a1b2c3d4e5f', 'hex');

/**
 * The id of the record a submission writes: a name-based UUID (version 5) of its idempotency key, so
 * every attempt of one submission names the same record and a replay finds it.
 */
export function customerIdFor(idempotencyKey: string): string {
  const hash = createHash('sha1').update(customerNamespace).update(idempotencyKey, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
