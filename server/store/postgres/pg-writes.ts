/**
 * Every table of the Store by name, and the write of one transaction's changes, table by table, on
 * the connection that holds the transaction. The maps have an entry for every table of `Tables`, so
 * a table added to the Store interface does not compile here until it has its SQL.
 */
import type { Change } from '../overlay-transaction';
import type { TableName } from '../store';
import { ANNOTATIONS, writeAnnotations } from './annotation-sql';
import { writeKeyed, type ChangeTo, type KeyedTable } from './keyed-table';
import type { Queryable } from './pg-pool';
import { DECISIONS, HISTORY, REVISIONS, SESSIONS, SETS, SOURCES, USERS } from './record-sql';

export const TABLES: { [T in TableName]: KeyedTable<T> } = {
  annotations: ANNOTATIONS,
  sets: SETS,
  decisions: DECISIONS,
  history: HISTORY,
  sources: SOURCES,
  revisions: REVISIONS,
  users: USERS,
  sessions: SESSIONS,
};

type Writers = { [T in TableName]: (db: Queryable, changes: ChangeTo<T>[]) => Promise<void> };

/** In this order: sets before the annotations filed into them, annotations before their history. */
const WRITERS: Writers = {
  sources: (db, changes) => writeKeyed(db, SOURCES, changes),
  revisions: (db, changes) => writeKeyed(db, REVISIONS, changes),
  sets: (db, changes) => writeKeyed(db, SETS, changes),
  annotations: writeAnnotations,
  decisions: (db, changes) => writeKeyed(db, DECISIONS, changes),
  history: (db, changes) => writeKeyed(db, HISTORY, changes),
  users: (db, changes) => writeKeyed(db, USERS, changes),
  sessions: (db, changes) => writeKeyed(db, SESSIONS, changes),
};

export async function writeChanges(db: Queryable, changes: readonly Change[]): Promise<void> {
  for (const table of Object.keys(WRITERS) as TableName[]) {
    const mine = changes.filter((c) => c.table === table);
    if (mine.length) await (WRITERS[table] as (db: Queryable, c: Change[]) => Promise<void>)(db, mine);
  }
}
