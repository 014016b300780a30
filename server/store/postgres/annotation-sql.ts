/**
 * The annotations table and its per-source index table (migrations/001-initial.sql): the reads the
 * Store interface has on annotations (by id, by source and set, counts by source and kind, set
 * sizes) and the write of one transaction's annotation changes, which rewrites the source rows of
 * every annotation it puts.
 */
import { KINDS, type Annotation, type Kind } from '../../../core/model';
import type { AnnotationQuery } from '../store';
import { readOne, storableKey, writeKeyed, type ChangeTo, type KeyedTable } from './keyed-table';
import type { Queryable } from './pg-pool';

export const ANNOTATIONS: KeyedTable<'annotations'> = {
  sql: 'annotations',
  key: 'id',
  columns: [
    { name: 'revision', type: 'bigint', of: (a) => a.revision },
    { name: 'set_name', type: 'text', of: (a) => a.set },
    { name: 'kind', type: 'text', of: (a) => a.kind },
  ],
};

export function readAnnotation(db: Queryable, id: string): Promise<Annotation | undefined> {
  return readOne(db, ANNOTATIONS, id);
}

/**
 * Lists come back as one JSON array built by the database (json_agg joins the stored texts), which
 * the client parses once, rather than as a row per record with a parse each.
 */
export async function readAnnotations(db: Queryable, query: AnnotationQuery = {}): Promise<Annotation[]> {
  const { source, set } = query;
  if ((source !== undefined && !storableKey(source)) || (set !== undefined && !storableKey(set))) return [];
  const bySource = 'FROM annotation_sources s JOIN annotations a ON a.id = s.annotation WHERE s.source = $1';
  let q: { name: string; from: string; values: string[] };
  if (source !== undefined && set !== undefined) q = { name: 'annotations-by-source-set', from: `${bySource} AND s.set_name = $2`, values: [source, set] };
  else if (source !== undefined) q = { name: 'annotations-by-source', from: bySource, values: [source] };
  else if (set !== undefined) q = { name: 'annotations-by-set', from: 'FROM annotations a WHERE a.set_name = $1', values: [set] };
  else q = { name: 'annotations-all', from: 'FROM annotations a', values: [] };
  const { rows } = await db.query<{ list: Annotation[] | null }>({ name: q.name, text: `SELECT json_agg(a.record) AS list ${q.from}`, values: q.values });
  return rows[0].list ?? [];
}

export async function countsBySource(db: Queryable, set?: string): Promise<Map<string, Record<Kind, number>>> {
  const out = new Map<string, Record<Kind, number>>();
  if (set !== undefined && !storableKey(set)) return out;
  const { rows } = await db.query<{ source: string; kind: Kind; n: string }>(
    'SELECT source, kind, count(*) AS n FROM annotation_sources WHERE $1::text IS NULL OR set_name = $1 GROUP BY source, kind',
    [set ?? null],
  );
  for (const row of rows) {
    let counts = out.get(row.source);
    if (!counts) out.set(row.source, (counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>));
    counts[row.kind] = Number(row.n);
  }
  return out;
}

export async function setSizes(db: Queryable): Promise<Map<string, number>> {
  const { rows } = await db.query<{ set_name: string; n: string }>('SELECT set_name, count(*) AS n FROM annotations GROUP BY set_name');
  return new Map(rows.map((r) => [r.set_name, Number(r.n)]));
}

/** Writes the annotations a transaction put or removed, with the rows that index them by source. */
export async function writeAnnotations(db: Queryable, changes: ChangeTo<'annotations'>[]): Promise<void> {
  await writeKeyed(db, ANNOTATIONS, changes);
  const replaced = changes.filter((c) => c.value !== null && c.expect !== 'absent').map((c) => c.key);
  if (replaced.length) await db.query('DELETE FROM annotation_sources WHERE annotation = ANY($1::text[])', [replaced]);
  const rows: [string[], string[], string[], string[]] = [[], [], [], []];
  for (const c of changes) {
    if (c.value === null) continue;
    for (const source of new Set(c.value.targets.map((t) => t.source))) {
      rows[0].push(source);
      rows[1].push(c.key);
      rows[2].push(c.value.set);
      rows[3].push(c.value.kind);
    }
  }
  if (rows[0].length) {
    await db.query('INSERT INTO annotation_sources (source, annotation, set_name, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])', rows);
  }
}
