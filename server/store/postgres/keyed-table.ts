/**
 * A table of whole records under one key (see migrations/001-initial.sql): how it is read by key and
 * in full, and how one transaction's changes to it are written, a few statements per transaction
 * whatever their number (arrays passed through `unnest`).
 *
 * A change says what it expects of the committed row (overlay-transaction.ts), and the write checks
 * it as the embedded store does: an insert whose key is taken throws IdTakenError, a replace or
 * delete of a missing row throws RangeError, and the transaction commits nothing.
 */
import type { Change } from '../overlay-transaction';
import { IdTakenError, type TableName, type Tables } from '../store';
import type { Queryable } from './pg-pool';

/** A column beside the key and the record, filled from the record. */
export interface Column<V> {
  name: string;
  /** Its SQL type, for the array the values are passed in. */
  type: string;
  of(value: V): string | number;
}

export interface KeyedTable<T extends TableName> {
  /** The SQL table. */
  sql: string;
  /** The key column. */
  key: string;
  columns: Column<Tables[T]>[];
  /** Orders `all`: a column, or the key. */
  order?: string;
}

export type ChangeTo<T extends TableName> = Extract<Change, { table: T }>;

/** No stored key holds U+0000 (PostgreSQL text cannot), so a key with one names nothing. */
export const storableKey = (key: string): boolean => !key.includes('\u0000');

export async function readOne<T extends TableName>(db: Queryable, t: KeyedTable<T>, key: string): Promise<Tables[T] | undefined> {
  if (!storableKey(key)) return undefined;
  const { rows } = await db.query<{ record: Tables[T] }>({ name: `${t.sql}-one`, text: `SELECT record FROM ${t.sql} WHERE ${t.key} = $1`, values: [key] });
  return rows[0]?.record;
}

export async function readAll<T extends TableName>(db: Queryable, t: KeyedTable<T>, where = '', values: unknown[] = []): Promise<Tables[T][]> {
  const { rows } = await db.query<{ record: Tables[T] }>(`SELECT record FROM ${t.sql} ${where} ORDER BY ${t.order ?? t.key}`, values);
  return rows.map((r) => r.record);
}

/** The records under `keys` that exist now, by key (of whichever table `t` is). */
export async function readMany(db: Queryable, t: Pick<KeyedTable<TableName>, 'sql' | 'key'>, keys: readonly string[]): Promise<Map<string, Tables[TableName]>> {
  const wanted = keys.filter(storableKey);
  if (!wanted.length) return new Map();
  const { rows } = await db.query<{ k: string; record: Tables[TableName] }>(`SELECT ${t.key} AS k, record FROM ${t.sql} WHERE ${t.key} = ANY($1::text[])`, [wanted]);
  return new Map(rows.map((r) => [r.k, r.record]));
}

/** `$1::text[], $2::bigint[], …` and the arrays they stand for: one array per column, one row per record. */
function arrays<T extends TableName>(t: KeyedTable<T>, changes: ChangeTo<T>[]): { casts: string[]; names: string[]; values: unknown[][] } {
  const names = [t.key, ...t.columns.map((c) => c.name), 'record'];
  const types = ['text', ...t.columns.map((c) => c.type), 'json'];
  const values: unknown[][] = names.map(() => []);
  for (const c of changes) {
    const v = c.value as Tables[T];
    values[0].push(c.key);
    t.columns.forEach((col, i) => values[i + 1].push(col.of(v)));
    values[names.length - 1].push(JSON.stringify(v));
  }
  return { casts: types.map((type, i) => `$${i + 1}::${type}[]`), names, values };
}

/** Writes one transaction's changes to `t`; see the module comment for what is checked. */
export async function writeKeyed<T extends TableName>(db: Queryable, t: KeyedTable<T>, changes: ChangeTo<T>[]): Promise<void> {
  const puts = changes.filter((c) => c.value !== null);
  const inserts = puts.filter((c) => c.expect === 'absent');
  const replaces = puts.filter((c) => c.expect === 'present');
  const upserts = puts.filter((c) => c.expect === 'any');
  const deletes = changes.filter((c) => c.value === null);
  const setList = (names: string[]) => names.slice(1).map((n) => `${n} = EXCLUDED.${n}`).join(', ');

  if (deletes.length) {
    const keys = deletes.map((c) => c.key);
    const { rows } = await db.query<{ k: string }>(`DELETE FROM ${t.sql} WHERE ${t.key} = ANY($1::text[]) RETURNING ${t.key} AS k`, [keys]);
    const gone = new Set(rows.map((r) => r.k));
    const missing = deletes.find((c) => c.expect === 'present' && !gone.has(c.key));
    if (missing) throw new RangeError(`cannot change ${missing.table} "${missing.key}": it does not exist`);
  }
  if (inserts.length) {
    const a = arrays(t, inserts);
    // A taken key is not an error here, so the whole list of taken keys can be reported at once.
    const { rows } = await db.query<{ k: string }>(
      `INSERT INTO ${t.sql} (${a.names.join(', ')}) SELECT * FROM unnest(${a.casts.join(', ')}) ON CONFLICT (${t.key}) DO NOTHING RETURNING ${t.key} AS k`,
      a.values,
    );
    if (rows.length !== inserts.length) {
      const done = new Set(rows.map((r) => r.k));
      throw new IdTakenError(inserts.filter((c) => !done.has(c.key)).map((c) => c.key));
    }
  }
  if (replaces.length) {
    const a = arrays(t, replaces);
    const { rows } = await db.query<{ k: string }>(
      `UPDATE ${t.sql} AS t SET ${a.names.slice(1).map((n) => `${n} = u.${n}`).join(', ')}
       FROM unnest(${a.casts.join(', ')}) AS u(${a.names.join(', ')}) WHERE t.${t.key} = u.${t.key} RETURNING t.${t.key} AS k`,
      a.values,
    );
    if (rows.length !== replaces.length) {
      const done = new Set(rows.map((r) => r.k));
      const missing = replaces.find((c) => !done.has(c.key))!;
      throw new RangeError(`cannot change ${missing.table} "${missing.key}": it does not exist`);
    }
  }
  if (upserts.length) {
    const a = arrays(t, upserts);
    await db.query(`INSERT INTO ${t.sql} (${a.names.join(', ')}) SELECT * FROM unnest(${a.casts.join(', ')}) ON CONFLICT (${t.key}) DO UPDATE SET ${setList(a.names)}`, a.values);
  }
}
