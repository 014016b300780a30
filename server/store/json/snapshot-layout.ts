/**
 * Which snapshot file holds which record, so that one change touches one small file:
 *
 *   by-source/<source-id>.json   annotations whose targets all lie in that source
 *   collection.json              sets, decisions, and annotations that span sources
 *   history/<00..3f>.json        annotation history, spread over 64 files by annotation id
 *   catalog.json                 sources and their revisions (the texts are blobs, see blob-files.ts)
 *   users.json                   user accounts (token hashes, never tokens)
 *   sessions.json                browser sign-ins (hashes of their secrets), apart from users so
 *                                that their frequent small changes never rewrite the accounts
 *
 * File names are given without ".json" and relative to the data folder.
 */
import type { Annotation } from '../../../core/model';
import type { TableName, Tables } from '../store';

export const COLLECTION_FILE = 'collection';
const CATALOG_FILE = 'catalog';
export const USERS_FILE = 'users';
export const SESSIONS_FILE = 'sessions';
/** Snapshot files directly in the data folder. */
export const ROOT_FILES = [COLLECTION_FILE, CATALOG_FILE, USERS_FILE, SESSIONS_FILE];
export const HISTORY_BUCKETS = 64;

/** FNV-1a: a stable, cheap spread of annotation ids over the history files. */
function bucketOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % HISTORY_BUCKETS).toString(16).padStart(2, '0');
}

export function fileOf(table: TableName, value: Tables[TableName]): string {
  switch (table) {
    case 'annotations': {
      const a = value as Annotation;
      const first = a.targets[0].source;
      return a.targets.every((t) => t.source === first) ? `by-source/${first}` : COLLECTION_FILE;
    }
    case 'history':
      return `history/${bucketOf((value as Tables['history']).annotation)}`;
    case 'sets':
    case 'decisions':
      return COLLECTION_FILE;
    case 'sources':
    case 'revisions':
      return CATALOG_FILE;
    case 'users':
      return USERS_FILE;
    case 'sessions':
      return SESSIONS_FILE;
  }
}

/** The folders snapshot files live in, besides the data folder itself. */
export const SNAPSHOT_FOLDERS = ['by-source', 'history'];

/** The tables each snapshot file may hold, in the order they are written. */
export const TABLE_ORDER: TableName[] = ['sets', 'decisions', 'sources', 'revisions', 'annotations', 'history', 'users', 'sessions'];
