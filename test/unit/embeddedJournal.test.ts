import type { Snapshot } from '../../services/cosmos/embeddedSnapshot';
import { JournalCorruptError, parseJournal } from '../../services/cosmos/journalFiles';
import { replayJournal, type JournalEntry } from '../../services/cosmos/journalEntry';

const line = (entry: JournalEntry) => `${JSON.stringify(entry)}\n`;
const put = (id: string, value: number, coll = 'things'): JournalEntry => ({
  op: 'putItem',
  db: 'db',
  coll,
  item: { id, value },
});
const remove = (id: string): JournalEntry => ({
  op: 'deleteItem',
  db: 'db',
  coll: 'things',
  id,
  partitionKey: [id],
});
const setup: JournalEntry[] = [
  { op: 'createDatabase', db: 'db' },
  {
    op: 'putContainer',
    db: 'db',
    definition: { id: 'things', partitionKey: { paths: ['/id'], kind: 'Hash' } },
  },
];

/** The items of a container, by id, for comparing states. */
function itemsOf(snapshot: Snapshot, coll = 'things'): Record<string, unknown> {
  const container = snapshot.databases
    .find((db) => db.id === 'db')
    ?.containers.find((c) => c.definition.id === coll);
  return Object.fromEntries((container?.items ?? []).map((item) => [item.id, item]));
}

describe('reading a journal file', () => {
  it('reads whole lines and ignores a last line a crash cut short', () => {
    const text = line(setup[0]!) + line(setup[1]!) + line(put('a', 1)) + line(put('b', 2)).slice(0, 20);
    const parsed = parseJournal(text);
    expect(parsed.entries).toEqual([...setup, put('a', 1)]);
    expect(parsed.tornCharacters).toBe(20);
  });

  it('ignores a torn tail that ends in garbage or zeros (a power cut), terminated or not', () => {
    const whole = line(setup[0]!) + line(put('a', 1));
    expect(parseJournal(`${whole}{"op":"putItem","db":"d\n`).entries).toHaveLength(2);
    expect(parseJournal(`${whole}\0\0\0\0\0\0`).entries).toHaveLength(2);
    expect(parseJournal(`${whole}\0\0\0\n\0\0`).entries).toHaveLength(2);
    expect(parseJournal(whole).tornCharacters).toBe(0);
    expect(parseJournal('').entries).toEqual([]);
  });

  it('refuses a damaged line followed by whole entries: that is no torn append', () => {
    const text = line(setup[0]!) + 'not json\n' + line(put('a', 1));
    expect(() => parseJournal(text, 'embedded-cosmos.journal.3')).toThrow(JournalCorruptError);
    expect(() => parseJournal(text, 'embedded-cosmos.journal.3')).toThrow(/journal\.3: line 2 .* line 3/);
  });

  it('refuses a line that is JSON but no journal entry when whole entries follow it', () => {
    const text = `${JSON.stringify({ op: 'dropEverything' })}\n${line(put('a', 1))}`;
    expect(() => parseJournal(text)).toThrow(JournalCorruptError);
  });
});

describe('replaying a journal', () => {
  it('applies puts and deletes in order, the last one for an item winning', () => {
    const state = replayJournal(undefined, [...setup, put('a', 1), put('b', 1), put('a', 2), remove('b')]);
    expect(itemsOf(state)).toEqual({ a: { id: 'a', value: 2 } });
  });

  it('replays a create of an item that exists, a delete of one that does not, a container that exists', () => {
    const once = replayJournal(undefined, [...setup, put('a', 1)]);
    const again = replayJournal(once, [...setup, put('a', 1), remove('nothing'), ...setup]);
    expect(again).toEqual(once);
  });

  it('is idempotent: replaying the whole journal again over its own result changes nothing', () => {
    const entries = [...setup, put('a', 1), put('b', 2), remove('a'), put('c', 3), put('b', 4)];
    const once = replayJournal(undefined, entries);
    expect(replayJournal(once, entries)).toEqual(once);
  });

  it('keys items by partition key and id: one id in two partitions is two items', () => {
    const entries: JournalEntry[] = [
      { op: 'createDatabase', db: 'db' },
      {
        op: 'putContainer',
        db: 'db',
        definition: { id: 'offers', partitionKey: { paths: ['/catalogue'], kind: 'Hash' } },
      },
      { op: 'putItem', db: 'db', coll: 'offers', item: { id: 'x', catalogue: 'NL', n: 1 } },
      { op: 'putItem', db: 'db', coll: 'offers', item: { id: 'x', catalogue: 'BE', n: 2 } },
      { op: 'putItem', db: 'db', coll: 'offers', item: { id: 'x', catalogue: 'NL', n: 3 } },
      { op: 'deleteItem', db: 'db', coll: 'offers', id: 'x', partitionKey: ['BE'] },
    ];
    const items = replayJournal(undefined, entries).databases[0]!.containers[0]!.items;
    expect(items).toEqual([{ id: 'x', catalogue: 'NL', n: 3 }]);
  });

  it('follows containers and databases: deleted with their items, created again empty', () => {
    const entries: JournalEntry[] = [
      ...setup,
      put('a', 1),
      { op: 'deleteContainer', db: 'db', coll: 'things' },
      put('lost', 1),
      setup[1]!,
      put('b', 2),
      { op: 'createDatabase', db: 'other' },
      { op: 'deleteDatabase', db: 'other' },
    ];
    const state = replayJournal(undefined, entries);
    expect(itemsOf(state)).toEqual({ b: { id: 'b', value: 2 } });
    expect(state.databases.map((db) => db.id)).toEqual(['db']);
  });

  it('keeps only the definition fields the snapshot keeps', () => {
    const state = replayJournal(undefined, [
      { op: 'createDatabase', db: 'db' },
      {
        op: 'putContainer',
        db: 'db',
        definition: { id: 'c', partitionKey: { paths: ['/id'] }, _rid: 'x', indexingPolicy: {}, _etag: 'e' },
      },
    ]);
    expect(state.databases[0]!.containers[0]!.definition).toEqual({
      id: 'c',
      partitionKey: { paths: ['/id'] },
    });
  });
});

/**
 * Compaction crash points, on the model: the journal is rotated at entry k (older entries in one file,
 * newer in the next), the snapshot is read at some later moment m (it holds every entry before m: it
 * is read while writes go on), and a crash may come after the snapshot is in place but before the older
 * file is removed. Whatever k and m, replaying what is left over the snapshot gives the state of the
 * whole journal.
 */
describe('replay after a compaction, at every crash point', () => {
  function randomJournal(seed: number, length: number): JournalEntry[] {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const entries: JournalEntry[] = [...setup];
    for (let index = 0; index < length; index += 1) {
      const id = `item-${Math.floor(random() * 5)}`;
      const pick = random();
      if (pick < 0.6) entries.push(put(id, index));
      else if (pick < 0.85) entries.push(remove(id));
      else if (pick < 0.93) entries.push({ op: 'deleteContainer', db: 'db', coll: 'things' });
      else entries.push(setup[1]!);
    }
    return entries;
  }

  /** A state as data, in a fixed order: where an item sits in the file does not matter. */
  const sorted = (snapshot: Snapshot) =>
    snapshot.databases
      .map((db) => ({
        id: db.id,
        containers: db.containers
          .map((c) => ({
            definition: c.definition,
            items: [...c.items].sort((a, b) => a.id.localeCompare(b.id)),
          }))
          .sort((a, b) => a.definition.id.localeCompare(b.definition.id)),
      }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it.each([1, 2, 3, 4, 5])('gives the final state for journal %i', (seed) => {
    const entries = randomJournal(seed, 40);
    const final = sorted(replayJournal(undefined, entries));
    for (let k = 0; k <= entries.length; k += 1) {
      const older = entries.slice(0, k);
      const newer = entries.slice(k);
      for (let m = k; m <= entries.length; m += 1) {
        const snapshot = replayJournal(undefined, entries.slice(0, m));
        // Crash after the snapshot was renamed, before the older file was removed: both replayed.
        expect(sorted(replayJournal(snapshot, [...older, ...newer]))).toEqual(final);
        // The compaction completed: only the newer file is left.
        expect(sorted(replayJournal(snapshot, newer))).toEqual(final);
      }
      // Crash before the snapshot was renamed: the previous snapshot (none here) and both files.
      expect(sorted(replayJournal(undefined, [...older, ...newer]))).toEqual(final);
    }
  });
});
