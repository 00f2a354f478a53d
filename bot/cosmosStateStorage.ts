import type { Container } from '@azure/cosmos';
import {
  PrivateConversationState,
  UserState,
  type BotState,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StateCache } from './stateCache';

/** Another turn of the same conversation saved its state first: this turn's changes are not kept. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`The state of ${key} changed since this turn read it`);
    this.name = 'StateConflictError';
  }
}

/**
 * The turn started from a cached state that another instance has changed since: nothing irreversible
 * was done, and the turn may run again on the stored state.
 */
export class StaleStateError extends StateConflictError {
  constructor(key: string) {
    super(key);
    this.name = 'StaleStateError';
  }
}

/** How a state object came to the turn: the etag it was read with (null: absent), and whether from the cache. */
interface AsRead {
  key?: string;
  etag: string | null;
  cached: boolean;
}

/**
 * Bot state in a Cosmos DB container partitioned on /id, in the same document layout as
 * botbuilder-azure's CosmosDbPartitionedStorage with compatibilityMode false ({ id, realId, document }),
 * so either can read what the other wrote.
 *
 * Why not that class itself: it caches its container in a process-wide map keyed by database and
 * container name, so a second instance in the same process (another store, a test, the benchmark's
 * echo bot) silently talks to the first one's account; and it builds a client of its own that can be
 * neither disposed nor shared. This one runs on the client the rest of the bot uses.
 *
 * Writes are checked against what the turn read. botbuilder's `BotState.saveChanges` always writes
 * with `eTag: '*'` (last writer wins), so the etag of each document read is remembered with the very
 * object `read` returned, which is the object `BotState` hands back to `write`: a state read with an
 * etag is replaced only if that etag still holds, and a state that was absent (`expectAbsent`, which
 * `CheckedConversationState` calls for the empty state `BotState` makes) is created only if it is still
 * absent. Otherwise `write` throws `StateConflictError`. A write of an object this storage did not read
 * keeps the `Storage` contract: its own `eTag`, or `'*'` for "write regardless".
 *
 * With a `StateCache`, a state this instance wrote or read last is served from memory instead of a
 * read. The etag-checked write keeps that correct with any number of instances: a cached state another
 * instance changed fails its write, as `StaleStateError` (the turn runs again on the stored state),
 * told apart from a turn of this instance that overtook it (`StateConflictError`). Before anything
 * irreversible (a submit), `confirmCurrent` reads the etag, so no stale state ever acts.
 */
export class CosmosStateStorage implements Storage {
  private readonly readAs = new WeakMap<object, AsRead>();

  private readonly cache: StateCache | undefined;

  constructor(
    private readonly container: Container,
    private readonly options: { cache?: StateCache; cacheAbsence?: boolean } = {},
  ) {
    this.cache = options.cache;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const cached = this.cache?.get(key);
        if (cached) {
          // A known absence is served as the empty state BotState would make, so that its write is
          // still a create and a stale absence is told apart.
          const state =
            cached.etag === null ? {} : { ...(JSON.parse(cached.json) as object), eTag: cached.etag };
          this.readAs.set(state, { key, etag: cached.etag, cached: true });
          items[key] = state;
          return;
        }
        const id = escape(key);
        const { resource, etag } = await this.container.item(id, id).read();
        if (!resource) {
          if (this.options.cacheAbsence) this.cache?.set(key, { etag: null, json: '{}' });
          return;
        }
        const stored = storedStateSchema.parse(resource);
        const state = { ...stored.document, eTag: etag };
        this.readAs.set(state, { key, etag, cached: false });
        this.cache?.set(key, { etag, json: JSON.stringify(stored.document) });
        items[stored.realId] = state;
      }),
    );
    return items;
  }

  /** A state object that was not in the store when the turn began: it may only be created. */
  expectAbsent(state: object): void {
    if (!this.readAs.has(state)) this.readAs.set(state, { etag: null, cached: false });
  }

  /**
   * Makes sure a state object the turn holds is the stored one: a cached state is checked against the
   * store (one read) and, when another instance changed it, `StaleStateError` is thrown.
   */
  async confirmCurrent(state: object): Promise<void> {
    const asRead = this.readAs.get(state);
    if (!asRead?.cached || asRead.key === undefined) return;
    const id = escape(asRead.key);
    const { resource, etag } = await this.container.item(id, id).read();
    if ((resource ? etag : null) === asRead.etag) {
      asRead.cached = false;
      return;
    }
    this.cache?.delete(asRead.key);
    throw new StaleStateError(asRead.key);
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        const state = (value ?? {}) as Record<string, unknown>;
        const { eTag, ...document } = state;
        const id = escape(key);
        const item = { id, realId: key, document };
        const asRead = this.readAs.get(state);
        try {
          let written;
          if (asRead?.etag === null) {
            written = await this.container.items.create(item);
          } else if (asRead !== undefined) {
            written = await this.container
              .item(id, id)
              .replace(item, { accessCondition: { type: 'IfMatch', condition: asRead.etag } });
          } else {
            const checked = typeof eTag === 'string' && eTag.length > 0 && eTag !== '*';
            written = await this.container.items.upsert(
              item,
              checked ? { accessCondition: { type: 'IfMatch', condition: eTag } } : undefined,
            );
          }
          // A second save in the same turn builds on this write.
          if (asRead !== undefined)
            this.readAs.set(state, { key, etag: written.etag ?? null, cached: false });
          if (written.etag) this.cache?.set(key, { etag: written.etag, json: JSON.stringify(document) });
          else this.cache?.delete(key);
        } catch (error) {
          const code = (error as { code?: number }).code;
          if (asRead !== undefined && (code === 409 || code === 412 || code === 404)) {
            // Stale cache: the entry still holds what this turn started from, so no turn of this
            // instance wrote since; another instance did.
            const current = this.cache?.get(key);
            const stale = asRead.cached && (current === undefined || current.etag === asRead.etag);
            if (stale) {
              this.cache?.delete(key);
              throw new StaleStateError(key);
            }
            throw new StateConflictError(key);
          }
          this.cache?.delete(key);
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        this.cache?.delete(key);
        const id = escape(key);
        try {
          await this.container.item(id, id).delete();
        } catch (error) {
          if ((error as { code?: number }).code !== 404) throw error;
        }
      }),
    );
  }
}

const storedStateSchema = z.object({ realId: z.string(), document: z.record(z.string(), z.unknown()) });

/** Cosmos DB ids hold at most 255 characters; a longer key keeps its start and gets its hash. */
const maxIdLength = 255;

/** Characters Cosmos DB ids may not hold, as botbuilder-azure's CosmosDbKeyEscape replaces them: `*` and the hex code. */
const illegalIdCharacters = /[\\?/#\t\n\r*]/g;

function escape(key: string): string {
  const id = key.replace(illegalIdCharacters, (c) => `*${c.charCodeAt(0).toString(16)}`);
  if (id.length <= maxIdLength) return id;
  const hash = createHash('sha256').update(key).digest('hex');
  return `${id.slice(0, maxIdLength - hash.length - 1)}*${hash}`;
}

/**
 * A bot state whose save is checked against what the turn read (see `CosmosStateStorage`): the state
 * a turn starts from when nothing was stored yet is marked as new, so two first turns at once cannot
 * both create it.
 */
function checkedLoads<State extends BotState>(state: State, storage: CosmosStateStorage): State {
  const load = state.load.bind(state);
  state.load = async (context: TurnContext, force = false) => {
    const loaded = (await load(context, force)) as Record<string, unknown>;
    storage.expectAbsent(loaded);
    return loaded;
  };
  return state;
}

/** Conversation state per agent: their dialog and draft in this conversation. */
export function checkedConversationState(storage: CosmosStateStorage): PrivateConversationState {
  return checkedLoads(new PrivateConversationState(storage), storage);
}

/** State per agent across their conversations: their language. */
export function checkedUserState(storage: CosmosStateStorage): UserState {
  return checkedLoads(new UserState(storage), storage);
}
