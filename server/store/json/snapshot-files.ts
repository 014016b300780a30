/**
 * Snapshot files: lowdb-style JSON documents, one record per line so a person can read them, each
 * stamped with the journal sequence number it reflects. Reading checks every record against the
 * model's schemas and names the file and the record when something is wrong; writing is an atomic
 * replace (durable-file.ts) serialised in time slices.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Annotation, AnnotationSet, Decision, HistoryEntry, Session, SourceRecord, SourceRevision, User } from '../../../core/model';
import type { z } from 'zod';
import { DurableTextFile } from '../durable-file';
import { revisionKey, setKey, userKey, type TableName, type Tables } from '../store';
import type { Member } from './memory-tables';
import { COLLECTION_FILE, ROOT_FILES, SNAPSHOT_FOLDERS, TABLE_ORDER } from './snapshot-layout';
import { TimeSlicer } from '../../runtime/time-slices';

export const SNAPSHOT_VERSION = 2;

/** A store file that cannot be used: start-up stops with this message and leaves the file alone. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

export const SCHEMAS: { [T in TableName]: z.ZodType<Tables[T]> } = {
  annotations: Annotation,
  sets: AnnotationSet,
  decisions: Decision,
  history: HistoryEntry,
  sources: SourceRecord,
  revisions: SourceRevision,
  users: User,
  sessions: Session,
};

export function keyOf(table: TableName, value: Tables[TableName]): string {
  switch (table) {
    case 'annotations':
      return (value as Tables['annotations']).id;
    case 'sets':
      return setKey((value as Tables['sets']).name);
    case 'decisions':
      return (value as Tables['decisions']).suggestion;
    case 'history':
      return (value as Tables['history']).id;
    case 'sources':
      return (value as Tables['sources']).id;
    case 'revisions':
      return revisionKey((value as Tables['revisions']).source, (value as Tables['revisions']).revision);
    case 'users':
      return userKey((value as Tables['users']).name);
    case 'sessions':
      return (value as Tables['sessions']).id;
  }
}

/** Checks one record against its table's schema; the message names where it came from. */
export function checkRecord<T extends TableName>(table: T, raw: unknown, where: string, path: string): Tables[T] {
  const parsed = SCHEMAS[table].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new StoreFileError(path, `${where} is malformed${at}: ${issue.message}`);
  }
  return parsed.data;
}

export interface Snapshot {
  name: string;
  seq: number;
  members: Member[];
}

const pathOf = (dataDir: string, name: string) => join(dataDir, `${name}.json`);

/** Every snapshot file's name (without ".json"), relative to the data folder. */
export async function listSnapshots(dataDir: string): Promise<string[]> {
  const names: string[] = [];
  const here = new Set(await readdir(dataDir));
  for (const name of ROOT_FILES) if (here.has(`${name}.json`)) names.push(name);
  for (const folder of SNAPSHOT_FOLDERS) {
    let entries: string[];
    try {
      entries = await readdir(join(dataDir, folder));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const entry of entries.sort()) if (entry.endsWith('.json') && !entry.startsWith('.')) names.push(`${folder}/${entry.slice(0, -5)}`);
  }
  return names;
}

/**
 * Reads one snapshot. Version 1 files (written before the journal existed) reflect no journal
 * entry; their list of dismissed suggestion ids becomes decisions.
 */
export async function readSnapshot(dataDir: string, name: string): Promise<Snapshot> {
  const path = pathOf(dataDir, name);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if (e instanceof SyntaxError) throw new StoreFileError(path, `is not valid JSON (${e.message})`);
    throw e;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new StoreFileError(path, 'is not a JSON object');
  const doc = data as Record<string, unknown>;
  if (doc.version !== 1 && doc.version !== SNAPSHOT_VERSION) throw new StoreFileError(path, `has unknown version ${JSON.stringify(doc.version)} (expected 1 or ${SNAPSHOT_VERSION})`);
  let seq = -1;
  if (doc.version === SNAPSHOT_VERSION) {
    if (!Number.isSafeInteger(doc.seq) || (doc.seq as number) < -1) throw new StoreFileError(path, `"seq" must be a whole number, not ${JSON.stringify(doc.seq)}`);
    seq = doc.seq as number;
  }
  const members: Member[] = [];
  for (const table of TABLE_ORDER) {
    const list = doc[table];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new StoreFileError(path, `"${table}" must be a list, not ${typeof list === 'object' ? JSON.stringify(list) : typeof list}`);
    list.forEach((raw, i) => {
      const value = checkRecord(table, raw, `${table}[${i}]`, path);
      members.push({ table, key: keyOf(table, value), value });
    });
  }
  if (doc.version === 1 && doc.dismissed !== undefined) {
    if (!Array.isArray(doc.dismissed) || doc.dismissed.some((d) => typeof d !== 'string')) throw new StoreFileError(path, '"dismissed" must be a list of suggestion ids');
    for (const id of doc.dismissed as string[]) {
      members.push({ table: 'decisions', key: id, value: { suggestion: id, action: 'dismissed', at: '', by: '' } });
    }
  }
  return { name, seq, members };
}

/** Writes a snapshot atomically: a crash leaves the old file or the new one. */
export async function writeSnapshot(dataDir: string, name: string, seq: number, members: readonly Member[]): Promise<void> {
  const slicer = new TimeSlicer();
  const byTable = new Map<TableName, Tables[TableName][]>();
  for (const m of members) {
    const list = byTable.get(m.table);
    if (list) list.push(m.value);
    else byTable.set(m.table, [m.value]);
  }
  const parts: string[] = [`{"version":${SNAPSHOT_VERSION},"seq":${seq}`];
  for (const table of TABLE_ORDER) {
    // Annotation files always say "annotations", even when empty, as version 1 files did.
    const holdsAnnotations = name === COLLECTION_FILE || name.startsWith('by-source/');
    const list = byTable.get(table) ?? (table === 'annotations' && holdsAnnotations ? [] : undefined);
    if (!list) continue;
    parts.push(`,\n"${table}":[`);
    for (let i = 0; i < list.length; i++) {
      parts.push(i ? ',\n' : '\n', JSON.stringify(list[i]));
      if (i % 256 === 255) await slicer.pause();
    }
    parts.push(list.length ? '\n]' : ']');
  }
  parts.push('}\n');
  await new DurableTextFile(pathOf(dataDir, name)).write(parts.join(''));
}
