/**
 * The write-ahead journal: one JSON line per committed transaction, appended and fdatasynced before
 * the transaction is acknowledged, so a commit costs the size of the change, not of the files it
 * touches. Lines live in segments `journal/<first-seq>.jsonl`; compaction starts a new segment and,
 * once every snapshot reflects the old ones, deletes them.
 *
 * A crash can leave a torn last line (never acknowledged): it is cut off when the store next opens
 * for writing. A damaged line followed by good ones is real damage and stops the open.
 */
import { mkdir, open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { storageErrorOf, TABLE_NAMES, type Op, type TableName } from '../store';
import { checkRecord, StoreFileError } from './snapshot-files';
import { TimeSlicer } from '../../runtime/time-slices';

export interface JournalEntry {
  seq: number;
  /** When it was committed (ISO time), for people reading the file. */
  at: string;
  ops: Op[];
}

const FOLDER = 'journal';
const segmentName = (firstSeq: number) => `${String(firstSeq).padStart(12, '0')}.jsonl`;

async function syncFolder(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Parses one line into an entry, checking every record it carries; undefined when it is not a whole entry. */
function parseLine(line: string, path: string, lineNo: number): JournalEntry | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const e = raw as Partial<JournalEntry> | null;
  if (!e || typeof e !== 'object' || !Number.isSafeInteger(e.seq) || !Array.isArray(e.ops)) return undefined;
  const ops = e.ops.map((op: unknown, i) => {
    const o = op as { table?: unknown; key?: unknown; value?: unknown };
    const table = o?.table;
    if (!TABLE_NAMES.includes(table as TableName) || typeof o.key !== 'string') {
      throw new StoreFileError(path, `line ${lineNo}: change ${i} names no known table and key`);
    }
    const value = o.value === null ? null : checkRecord(table as TableName, o.value, `line ${lineNo}, change ${i}`, path);
    return { table, key: o.key, value } as Op;
  });
  return { seq: e.seq!, at: typeof e.at === 'string' ? e.at : '', ops };
}

export class Journal {
  private handle: FileHandle | null = null;
  private size = 0;
  private currentStart: number;
  private readonly folder: string;
  /** Bytes appended since the segment began: compaction's trigger. */
  bytesInSegment = 0;

  private constructor(
    dataDir: string,
    private segments: number[],
    nextSeq: number,
  ) {
    this.folder = join(dataDir, FOLDER);
    this.currentStart = segments.length ? segments[segments.length - 1] : nextSeq;
  }

  /**
   * Reads every entry in order. `writable`: cut off a torn tail and keep the last segment open for
   * appends. Returns the journal, the entries, and the first sequence number a new entry may take.
   */
  static async open(dataDir: string, opts: { writable: boolean }): Promise<{ journal: Journal; entries: JournalEntry[]; nextSeq: number }> {
    const folder = join(dataDir, FOLDER);
    if (opts.writable) await mkdir(folder, { recursive: true });
    let names: string[] = [];
    try {
      names = (await readdir(folder)).filter((n) => /^\d{12}\.jsonl$/.test(n)).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const starts = names.map((n) => Number(n.slice(0, 12)));
    const entries: JournalEntry[] = [];
    let nextSeq = 1;
    let lastSize = 0;
    for (let s = 0; s < names.length; s++) {
      const path = join(folder, names[s]);
      const text = await readFile(path, 'utf8');
      const lines = text.split('\n');
      let offset = 0;
      let goodEnd = 0;
      let bad: { lineNo: number } | undefined;
      nextSeq = Math.max(nextSeq, starts[s]);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        const complete = i < lines.length - 1;
        offset += Buffer.byteLength(line, 'utf8') + (complete ? 1 : 0);
        if (!line) continue;
        const entry = complete ? parseLine(line, path, i + 1) : undefined;
        if (!entry) {
          bad ??= { lineNo: i + 1 };
          continue;
        }
        if (bad) throw new StoreFileError(path, `line ${bad.lineNo} is damaged (not a whole journal entry) but later lines are whole; the journal cannot be trusted`);
        if (entry.seq !== nextSeq) throw new StoreFileError(path, `line ${i + 1} has entry ${entry.seq} where ${nextSeq} was expected`);
        entries.push(entry);
        nextSeq = entry.seq + 1;
        goodEnd = offset;
      }
      const last = s === names.length - 1;
      if (bad && !last) throw new StoreFileError(path, `line ${bad.lineNo} is damaged and a later journal segment exists`);
      if (last) {
        lastSize = goodEnd;
        if (bad && opts.writable) {
          // A transaction that was being written when the process died: never acknowledged.
          const h = await open(path, 'r+');
          try {
            await h.truncate(goodEnd);
            await h.sync();
          } finally {
            await h.close();
          }
        }
      }
    }
    const journal = new Journal(dataDir, starts, nextSeq);
    journal.size = lastSize;
    return { journal, entries, nextSeq };
  }

  /**
   * Appends entries durably, as one write and one fdatasync (a group commit). On failure the
   * segment is cut back, so no partial line remains, and the file is let go, so the next attempt
   * opens it afresh (after the disk was remounted, say).
   */
  async append(entries: readonly JournalEntry[]): Promise<void> {
    const slicer = new TimeSlicer();
    const parts: string[] = [];
    for (const entry of entries) {
      parts.push(`{"seq":${entry.seq},"at":${JSON.stringify(entry.at)},"ops":[`);
      for (let i = 0; i < entry.ops.length; i++) {
        parts.push(i ? ',' : '', JSON.stringify(entry.ops[i]));
        if (i % 256 === 255) await slicer.pause();
      }
      parts.push(']}\n');
    }
    const bytes = Buffer.from(parts.join(''), 'utf8');
    try {
      const h = await this.openCurrent();
      let written = 0;
      while (written < bytes.length) written += (await h.write(bytes, written, bytes.length - written)).bytesWritten;
      await h.datasync();
    } catch (e) {
      await this.handle?.truncate(this.size).catch(() => {});
      await this.release();
      throw storageErrorOf(e, 'writing the journal');
    }
    this.size += bytes.length;
    this.bytesInSegment += bytes.length;
  }

  /** Closes the segment while nothing is being written, so no file stays open for writing when idle. */
  async release(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => {});
  }

  private async openCurrent(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const path = join(this.folder, segmentName(this.currentStart));
    const fresh = !this.segments.includes(this.currentStart);
    if (fresh) await mkdir(this.folder, { recursive: true });
    const h = await open(path, 'a');
    if (fresh) {
      try {
        await syncFolder(this.folder);
      } catch (e) {
        await h.close();
        throw e;
      }
      this.segments.push(this.currentStart);
      this.size = 0;
    }
    this.handle = h;
    return h;
  }

  /** Where the first segment starts when there is none yet (after a compaction dropped them all, the snapshots say). */
  startAt(nextSeq: number): void {
    if (!this.segments.length) this.currentStart = nextSeq;
  }

  /** Starts a new segment whose first entry will be `nextSeq`; later appends go there. */
  async rotate(nextSeq: number): Promise<void> {
    if (nextSeq === this.currentStart) return;
    await this.release();
    const h = await open(join(this.folder, segmentName(nextSeq)), 'a');
    await h.close();
    await syncFolder(this.folder);
    this.currentStart = nextSeq;
    this.segments.push(nextSeq);
    this.size = 0;
    this.bytesInSegment = 0;
  }

  /** Deletes the segments before the current one (every snapshot reflects them now). */
  async dropOldSegments(): Promise<void> {
    const old = this.segments.filter((s) => s !== this.currentStart);
    for (const s of old) await unlink(join(this.folder, segmentName(s))).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
    this.segments = this.segments.filter((s) => s === this.currentStart);
    if (old.length) await syncFolder(this.folder);
  }

  /** Whether segments older than the current one are waiting for compaction to drop them. */
  hasOldSegments(): boolean {
    return this.segments.some((s) => s !== this.currentStart);
  }

  async close(): Promise<void> {
    await this.release();
  }
}
