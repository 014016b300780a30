/**
 * Commits told to every Collate process on one database. A transaction that writes also sends, in
 * that same transaction, notifications on one channel naming what it changed (table and key) and
 * the process it came from: PostgreSQL delivers them when, and only if, the transaction commits.
 * Each store listens on a connection of its own and hands other processes' changes to its commit
 * listeners. A notification is limited to 8,000 bytes: one that fits carries the changed records
 * themselves; a larger transaction sends only keys, in as many notifications as it takes, and the
 * listener reads the records back (as they are by then; null: gone). Notifications of this process
 * are skipped: the store tells its listeners itself.
 *
 * While the listening connection is down (the database restarted), notifications are lost; it is
 * opened again after a pause, and the log says so.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Change } from '../overlay-transaction';
import type { Op, TableName, Tables } from '../store';
import { readMany } from './keyed-table';
import type { Queryable } from './pg-pool';
import { TABLES } from './pg-writes';

const CHANNEL = 'collate_changes';
/** Below PostgreSQL's 8,000-byte limit, with room for the envelope. */
const MAX_PAYLOAD = 7_500;
const RECONNECT_MS = 1_000;

interface Payload {
  /** The process that committed. */
  from: string;
  /** The changes whole, when they fit. */
  ops?: Op[];
  /** Otherwise what changed, to be read back. */
  changes?: [TableName, string][];
}

/** The notifications that tell of `changes`, each under the size limit. */
export function payloadsOf(origin: string, changes: readonly Change[]): string[] {
  const whole = JSON.stringify({ from: origin, ops: changes.map(({ table, key, value }) => ({ table, key, value }) as Op) } satisfies Payload);
  if (Buffer.byteLength(whole) <= MAX_PAYLOAD) return [whole];
  const out: string[] = [];
  let batch: [TableName, string][] = [];
  let size = 0;
  const flush = () => {
    if (batch.length) out.push(JSON.stringify({ from: origin, changes: batch } satisfies Payload));
    batch = [];
    size = 0;
  };
  for (const c of changes) {
    const entry: [TableName, string] = [c.table, c.key];
    const bytes = Buffer.byteLength(JSON.stringify(entry)) + 1;
    if (size + bytes > MAX_PAYLOAD - 100) flush();
    batch.push(entry);
    size += bytes;
  }
  flush();
  return out;
}

/** Sends the notifications in the transaction on `db`, all in one statement. */
export async function notify(db: Queryable, payloads: readonly string[]): Promise<void> {
  if (payloads.length) await db.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANNEL, payloads]);
}

export class ChangeFeed {
  /** This process, as its notifications name it. */
  readonly origin = randomUUID();
  private client: pg.Client | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  /** Deliveries run one after another, so listeners see commits in the order they were told. */
  private delivering: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly reads: Queryable,
    private readonly deliver: (ops: readonly Op[]) => void,
    private readonly log: (line: string) => void,
    /** Told when the feed stops hearing (notifications may be missed until it listens again). */
    private readonly deaf: () => void = () => {},
  ) {}

  /** Whether other processes' commits are being heard now. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** Resolves once the feed listens; a failure to connect rejects. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'collate-changes' });
    client.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      const payload = n.payload;
      this.delivering = this.delivering.then(() => this.receive(payload)).catch((e: unknown) => this.log(`collate: could not read changes another server made: ${(e as Error).message}`));
    });
    const lost = (why: string) => {
      if (this.stopped || this.client !== client) return;
      this.client = undefined;
      this.deaf();
      this.log(`collate: lost the database connection that hears other servers' changes (${why}); opening it again`);
      client.end().catch(() => {});
      this.reconnectSoon();
    };
    client.on('error', (e) => lost(e.message));
    client.on('end', () => lost('closed'));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
  }

  private reconnectSoon(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start().catch(() => this.reconnectSoon());
    }, RECONNECT_MS);
  }

  private async receive(text: string): Promise<void> {
    const payload = JSON.parse(text) as Payload;
    if (payload.from === this.origin) return;
    if (payload.ops) return this.deliver(payload.ops);
    const changes = payload.changes ?? [];
    const keysOf = new Map<TableName, string[]>();
    for (const [table, key] of changes) {
      const keys = keysOf.get(table);
      if (keys) keys.push(key);
      else keysOf.set(table, [key]);
    }
    const found = new Map<TableName, Map<string, Tables[TableName]>>();
    for (const [table, keys] of keysOf) found.set(table, await readMany(this.reads, TABLES[table], keys));
    this.deliver(changes.map(([table, key]) => ({ table, key, value: found.get(table)!.get(key) ?? null }) as Op));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.delivering;
    await this.client?.end().catch(() => {});
  }
}
