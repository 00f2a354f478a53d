import { LRUCache } from 'lru-cache';

/** What a state cache keeps of a document: its etag (null: known absent) and its content as JSON. */
export interface CachedState {
  etag: string | null;
  json: string;
}

export interface StateCacheOptions {
  /** Entries kept, the least recently used dropped first. */
  capacity: number;
  /** Entries older than this are not served (default: no limit). */
  maxAgeMs?: number;
}

/**
 * The latest state documents this instance read or wrote. An entry is a guess, not a fact: another
 * instance may have written since. Whoever uses one either checks it (an etag-checked write, or a read
 * before anything irreversible) or accepts staleness up to `maxAgeMs`.
 */
export class StateCache {
  private readonly entries: LRUCache<string, CachedState>;

  constructor(options: StateCacheOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1)
      throw new Error('A state cache holds at least one entry');
    this.entries = new LRUCache({
      max: options.capacity,
      ...(options.maxAgeMs !== undefined ? { ttl: options.maxAgeMs } : {}),
    });
  }

  get(key: string): CachedState | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: CachedState): void {
    this.entries.set(key, entry);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
