import { isMessageKey, say, type MessageKey, type MessageParams } from '../../messages/catalogue';

/** A field error or problem as an English-speaking agent reads it. */
export function english(message: { key: MessageKey; params?: MessageParams }): string {
  return say(message.key, message.params ?? {});
}

/**
 * The value with each field error or problem in it (an object with `field`, `key` and `params`) given
 * its English sentence as `message`, so a test can compare what an agent reads.
 */
export function readable<T>(value: T): T {
  if (Array.isArray(value)) return value.map(readable) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([name, child]) => [name, readable(child)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  const isMessage =
    typeof object.key === 'string' && typeof object.field === 'string' && isMessageKey(object.key);
  return (isMessage ? { ...object, message: english(object as Parameters<typeof english>[0]) } : object) as T;
}
