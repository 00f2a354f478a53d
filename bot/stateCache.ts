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
  now?: () => number;
}

/**
 * The latest state documents this instance read or wrote. An entry is a guess, not a fact: another
 * instance may have written since. Whoever uses one either checks it (an etag-checked write, or a read
 * before anything irreversible) or accepts staleness up to `maxAgeMs`.
 */
export class StateCache {
  private readonly entries = new Map<string, CachedState & { at: number }>();
  private readonly capacity: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: StateCacheOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1)
      throw new Error('A state cache holds at least one entry');
    this.capacity = options.capacity;
    this.maxAgeMs = options.maxAgeMs ?? Infinity;
    this.now = options.now ?? Date.now;
  }

  get(key: string): CachedState | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (this.now() - entry.at > this.maxAgeMs) return undefined;
    this.entries.set(key, entry);
    return { etag: entry.etag, json: entry.json };
  }

  set(key: string, entry: CachedState): void {
    this.entries.delete(key);
    this.entries.set(key, { ...entry, at: this.now() });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
