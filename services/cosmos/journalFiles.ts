import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from './embeddedSnapshot';
import { journalEntrySchema, type JournalEntry } from './journalEntry';

/**
 * The embedded store's write-ahead journal on disk: files `embedded-cosmos.journal.<generation>` in the
 * data folder, one JSON entry per line. A compaction starts a new generation, writes the snapshot and
 * then removes the older generations; at start the snapshot is loaded and every generation left is
 * replayed, oldest first.
 */
const journalName = /^embedded-cosmos\.journal\.(\d+)$/;

export function journalPath(dataDir: string, generation: number): string {
  return path.join(dataDir, `embedded-cosmos.journal.${generation}`);
}

/** The generations of journal in the folder, oldest first. */
export async function listJournals(dataDir: string): Promise<number[]> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  return names
    .map((name) => journalName.exec(name)?.[1])
    .filter((generation): generation is string => generation !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export class JournalCorruptError extends Error {
  override name = 'JournalCorruptError';
}

export interface ParsedJournal {
  entries: JournalEntry[];
  /** Characters at the end that were not a whole entry (an append a crash cut short): ignored. */
  tornCharacters: number;
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const parsed = journalEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The entries of one journal file. An append is one write of whole lines, so a crash in the middle of
 * one leaves a prefix: whole lines, then a line cut short (no newline, or garbage a power cut left).
 * Everything from the first line that is not an entry is that torn tail and is ignored: none of it was
 * acknowledged (an append is acknowledged only after it is on disk). An entry *after* a bad line
 * cannot come from a torn append, so that is corruption, and it stops the start rather than silently
 * dropping what follows.
 */
export function parseJournal(text: string, name = 'journal'): ParsedJournal {
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const entry = line.trim() === '' ? undefined : parseLine(line);
    if (entry) {
      entries.push(entry);
      offset += line.length + 1;
      continue;
    }
    if (line.trim() === '' && index < lines.length - 1) {
      offset += line.length + 1;
      continue;
    }
    const later = lines.slice(index + 1).findIndex((rest) => rest.trim() !== '' && parseLine(rest));
    if (later >= 0) {
      throw new JournalCorruptError(
        `${name}: line ${index + 1} is not a journal entry, yet line ${index + 2 + later} is: the file is damaged. ` +
          'Move it out of the data folder to start without the writes it holds.',
      );
    }
    return { entries, tornCharacters: Math.max(0, text.length - offset) };
  }
  return { entries, tornCharacters: 0 };
}

export interface JournalContent {
  generations: number[];
  entries: JournalEntry[];
  tornCharacters: number;
}

/** Every journal generation in the folder, parsed, oldest first. */
export async function readJournals(dataDir: string): Promise<JournalContent> {
  const generations = await listJournals(dataDir);
  const entries: JournalEntry[] = [];
  let tornCharacters = 0;
  for (const generation of generations) {
    const file = journalPath(dataDir, generation);
    const parsed = parseJournal(await readFile(file, 'utf8'), file);
    entries.push(...parsed.entries);
    tornCharacters += parsed.tornCharacters;
  }
  return { generations, entries, tornCharacters };
}

/** Removes the journal generations up to and including `upTo` (their writes are in the snapshot). */
export async function removeJournals(dataDir: string, upTo: number): Promise<void> {
  const old = (await listJournals(dataDir)).filter((generation) => generation <= upTo);
  if (old.length === 0) return;
  await Promise.all(old.map((generation) => unlink(journalPath(dataDir, generation))));
  await syncFolder(dataDir);
}

export interface JournalStats {
  /** Writes journalled (one per write request; a batch is one). */
  appends: number;
  /** Entries (lines) written. */
  entries: number;
  bytes: number;
  /** fdatasync calls: each makes every append waiting at that moment durable (group commit). */
  syncs: number;
  /** Time spent writing and syncing, summed over the syncs. */
  syncMs: number;
  maxSyncMs: number;
  /** The most appends one sync made durable. */
  maxGroup: number;
}

interface Segment {
  generation: number;
  file: Promise<FileHandle>;
  bytes: number;
}

interface Pending {
  text: string;
  entries: number;
  segment: Segment;
  resolve(): void;
  reject(error: Error): void;
}

/**
 * Appends to the current journal file and makes appends durable with group commit: while one
 * write-and-fdatasync runs, new appends queue, and the next round writes them all with one sync. An
 * append resolves only when its lines are on disk; appends are written in the order they were made.
 */
export class JournalWriter {
  private segment: Segment;
  private queue: Pending[] = [];
  private flushing: Promise<void> | undefined;
  private settled: Promise<void> = Promise.resolve();
  private failure: Error | undefined;
  private closed = false;
  readonly stats: JournalStats = {
    appends: 0,
    entries: 0,
    bytes: 0,
    syncs: 0,
    syncMs: 0,
    maxSyncMs: 0,
    maxGroup: 0,
  };

  constructor(
    private readonly dataDir: string,
    generation: number,
  ) {
    this.segment = this.openSegment(generation);
  }

  /** Resolves when the journal file exists on disk (and throws if it cannot be made). */
  async ready(): Promise<void> {
    await this.segment.file;
  }

  get generation(): number {
    return this.segment.generation;
  }

  /** Bytes appended to the current generation. */
  get bytes(): number {
    return this.segment.bytes;
  }

  /** Why the journal stopped accepting appends, if it did. */
  get error(): Error | undefined {
    return this.failure;
  }

  private openSegment(generation: number): Segment {
    const file = (async () => {
      const handle = await open(journalPath(this.dataDir, generation), 'a');
      // The file's name in the folder must survive a power cut too, before its first entry counts.
      await syncFolder(this.dataDir);
      return handle;
    })();
    file.catch(() => undefined);
    return { generation, file, bytes: 0 };
  }

  /** Appends the entries of one write; resolves when they are on disk. */
  append(entries: JournalEntry[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('The journal is closed'));
    const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    this.segment.bytes += Buffer.byteLength(text);
    const done = new Promise<void>((resolve, reject) => {
      this.queue.push({ text, entries: entries.length, segment: this.segment, resolve, reject });
    });
    this.settled = done.then(
      () => undefined,
      () => undefined,
    );
    this.flushing ??= this.flush();
    return done;
  }

  /** Resolves when every append made so far is settled (on disk, or failed). */
  durable(): Promise<void> {
    return this.settled;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const { segment } = this.queue[0]!;
      let count = 0;
      while (count < this.queue.length && this.queue[count]!.segment === segment) count += 1;
      const group = this.queue.splice(0, count);
      try {
        const file = await segment.file;
        const buffer = Buffer.from(group.map((pending) => pending.text).join(''));
        const started = performance.now();
        for (let offset = 0; offset < buffer.length;) {
          offset += (await file.write(buffer, offset, buffer.length - offset)).bytesWritten;
        }
        await file.datasync();
        const elapsed = performance.now() - started;
        this.stats.appends += group.length;
        this.stats.entries += group.reduce((sum, pending) => sum + pending.entries, 0);
        this.stats.bytes += buffer.length;
        this.stats.syncs += 1;
        this.stats.syncMs += elapsed;
        this.stats.maxSyncMs = Math.max(this.stats.maxSyncMs, elapsed);
        this.stats.maxGroup = Math.max(this.stats.maxGroup, group.length);
        for (const pending of group) pending.resolve();
      } catch (error) {
        this.failure = error instanceof Error ? error : new Error(String(error));
        for (const pending of [...group, ...this.queue.splice(0)]) pending.reject(this.failure);
      }
    }
    this.flushing = undefined;
  }

  /**
   * Starts the next generation: appends from now on go to a new file. Resolves with the generation
   * that ended once every append to it (and to older ones) is on disk and the new file exists.
   */
  async rotate(): Promise<number> {
    const ended = this.segment;
    this.segment = this.openSegment(ended.generation + 1);
    await this.settled;
    await ended.file.then((file) => file.close()).catch(() => undefined);
    if (this.failure) throw this.failure;
    await this.segment.file;
    return ended.generation;
  }

  /** Waits for the appends in flight, then closes the file; later appends are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled;
    await this.segment.file.then((file) => file.close()).catch(() => undefined);
  }
}
