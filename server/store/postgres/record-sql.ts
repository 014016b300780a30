/**
 * The tables beside annotations (migrations 001 and 002): sets, decisions on suggestions, the
 * history of every annotation change, sources and their revisions, users and sessions, each a keyed
 * table of whole records, and their reads. A new table is one more definition like these, a
 * migration, and an entry in pg-writes.ts, which the compiler asks for as soon as the table is
 * added to `Tables`.
 */
import type { AnnotationSet, Decision, HistoryEntry, Session, SourceRecord, SourceRevision, User } from '../../../core/model';
import { setKey, userKey } from '../store';
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

export const SOURCES: KeyedTable<'sources'> = { sql: 'sources', key: 'id', columns: [] };

export const REVISIONS: KeyedTable<'revisions'> = {
  sql: 'source_revisions',
  key: 'key',
  columns: [
    { name: 'source', type: 'text', of: (r) => r.source },
    { name: 'revision', type: 'integer', of: (r) => r.revision },
  ],
  order: 'source, revision',
};

export const USERS: KeyedTable<'users'> = { sql: 'users', key: 'key', columns: [] };

export const SESSIONS: KeyedTable<'sessions'> = { sql: 'sessions', key: 'id', columns: [{ name: 'user_key', type: 'text', of: (s) => s.user }] };

export const readSet = (db: Queryable, name: string): Promise<AnnotationSet | undefined> => readOne(db, SETS, setKey(name));
export const readSets = (db: Queryable): Promise<AnnotationSet[]> => readAll(db, SETS);
export const readDecision = (db: Queryable, suggestion: string): Promise<Decision | undefined> => readOne(db, DECISIONS, suggestion);
export const readDecisions = (db: Queryable): Promise<Decision[]> => readAll(db, DECISIONS);

/** Every change to one annotation, oldest first. */
export async function readHistory(db: Queryable, annotation: string): Promise<HistoryEntry[]> {
  return storableKey(annotation) ? readAll(db, HISTORY, 'WHERE annotation = $1', [annotation]) : [];
}

export const readSource = (db: Queryable, id: string): Promise<SourceRecord | undefined> => readOne(db, SOURCES, id);
export const readSources = (db: Queryable): Promise<SourceRecord[]> => readAll(db, SOURCES);

/** A source's revisions, oldest first. */
export async function readRevisions(db: Queryable, source: string): Promise<SourceRevision[]> {
  return storableKey(source) ? readAll(db, REVISIONS, 'WHERE source = $1', [source]) : [];
}

export const readUser = (db: Queryable, name: string): Promise<User | undefined> => readOne(db, USERS, userKey(name));
export const readUsers = (db: Queryable): Promise<User[]> => readAll(db, USERS);
export const readSession = (db: Queryable, id: string): Promise<Session | undefined> => readOne(db, SESSIONS, id);

/** Sessions of one user (by user key), or all. */
export async function readSessions(db: Queryable, user?: string): Promise<Session[]> {
  if (user === undefined) return readAll(db, SESSIONS);
  return storableKey(user) ? readAll(db, SESSIONS, 'WHERE user_key = $1', [user]) : [];
}
