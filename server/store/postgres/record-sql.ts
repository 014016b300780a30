/**
 * The tables beside annotations (migrations/001-initial.sql): sets, decisions on suggestions and the
 * history of every annotation change, each a keyed table of whole records, and their reads. A new
 * table (users, sessions) is one more definition like these, a migration, and an entry in
 * pg-writes.ts, which the compiler asks for as soon as the table is added to `Tables`.
 */
import type { AnnotationSet, Decision, HistoryEntry } from '../../../core/model';
import { setKey } from '../store';
import { readAll, readOne, storableKey, type KeyedTable } from './keyed-table';
import type { Queryable } from './pg-pool';

export const SETS: KeyedTable<'sets'> = {
  sql: 'annotation_sets',
  key: 'key',
  columns: [{ name: 'name', type: 'text', of: (s) => s.name }],
};

export const DECISIONS: KeyedTable<'decisions'> = { sql: 'decisions', key: 'suggestion', columns: [] };

export const HISTORY: KeyedTable<'history'> = {
  sql: 'annotation_history',
  key: 'id',
  columns: [{ name: 'annotation', type: 'text', of: (h) => h.annotation }],
  order: 'seq',
};

export const readSet = (db: Queryable, name: string): Promise<AnnotationSet | undefined> => readOne(db, SETS, setKey(name));
export const readSets = (db: Queryable): Promise<AnnotationSet[]> => readAll(db, SETS);
export const readDecision = (db: Queryable, suggestion: string): Promise<Decision | undefined> => readOne(db, DECISIONS, suggestion);
export const readDecisions = (db: Queryable): Promise<Decision[]> => readAll(db, DECISIONS);

/** Every change to one annotation, oldest first. */
export async function readHistory(db: Queryable, annotation: string): Promise<HistoryEntry[]> {
  return storableKey(annotation) ? readAll(db, HISTORY, 'WHERE annotation = $1', [annotation]) : [];
}
