/**
 * Opening a workspace: a store (the embedded one in the data folder, or PostgreSQL when a database
 * URL is given) and the sources it holds, with the sources folder brought in (new files added,
 * files edited on disk made new revisions, their annotations re-anchored). The server, the CLI and
 * the tests all start here.
 */
import { join } from 'node:path';
import { AnnotationService } from './services/annotation-service';
import { reanchorAll } from './services/reanchor-service';
import { SourceService } from './services/source-service';
import { readSourceFolder, SourceLibrary } from './sources/source-library';
import { JsonStore } from './store/json/json-store';
import type { PgStore } from './store/postgres/pg-store';
import type { SourceRecord } from '../core/model';
import type { Store } from './store/store';

export interface Workspace {
  store: Store;
  sources: SourceLibrary;
  dataDir: string;
}

export interface WorkspaceOptions {
  dataDir: string;
  sourcesDir: string;
  readOnly?: boolean;
  compactBytes?: number;
  /** A store opened elsewhere; default: PostgreSQL at `databaseUrl`, or the embedded store in `dataDir`. */
  store?: Store;
  /** A `postgres://` URL: the PostgreSQL store. */
  databaseUrl?: string;
}

/** The store the options name; PostgreSQL's client is loaded only when a database is given. */
export async function openStore(opts: Pick<WorkspaceOptions, 'dataDir' | 'readOnly' | 'compactBytes' | 'store' | 'databaseUrl'>): Promise<Store> {
  if (opts.store) return opts.store;
  if (opts.databaseUrl) {
    const { PgStore } = await import('./store/postgres/pg-store');
    return PgStore.open(opts.databaseUrl, { readOnly: opts.readOnly });
  }
  return JsonStore.open(opts.dataDir, opts.readOnly ? { readOnly: true } : { compactBytes: opts.compactBytes });
}

/**
 * `readOnly` reads an existing data folder and writes nothing, so an export can run beside a live
 * server: files of the sources folder not in the store yet are read as they are.
 */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const store = await openStore(opts);
  try {
    return await withSources(store, opts);
  } catch (e) {
    // A database pool left open would keep the process alive after the failure is reported.
    if (!opts.store) await store.close().catch(() => {});
    throw e;
  }
}

async function withSources(store: Store, opts: WorkspaceOptions): Promise<Workspace> {
  if (opts.readOnly) {
    const stored = await SourceService.loadAll(store);
    const known = new Set(stored.map((s) => s.id));
    const folder = (await readSourceFolder(opts.sourcesDir)).filter((s) => !known.has(s.id));
    return { store, sources: SourceLibrary.fromSources([...stored, ...folder]), dataDir: opts.dataDir };
  }
  const sources = SourceLibrary.fromSources(await SourceService.loadAll(store));
  const catchUp = followOtherServers(store, sources);
  const annotations = new AnnotationService(store, sources);
  const service = new SourceService(store, sources, annotations);
  const shipped = await service.syncFolder(opts.sourcesDir, 'file');
  // Texts imported before sources had revisions, kept as files in the data folder.
  const legacy = await service.syncFolder(join(opts.dataDir, 'sources'), 'import', { onlyNew: true });
  if (shipped.revised + legacy.revised) console.warn(`collate: ${shipped.revised} source(s) changed on disk since the last start; their annotations were re-anchored`);
  // Another server starting at the same time may have added some of the folder's sources first.
  await catchUp();
  // Annotations whose passage does not match the text (data from before revisions were kept).
  const report = await reanchorAll(annotations, sources);
  if (report.moved || report.orphaned) {
    console.warn(`collate: re-anchored ${report.moved} annotation(s); ${report.orphaned} have orphaned targets`);
  }
  return { store, sources, dataDir: opts.dataDir };
}

/**
 * Several servers on one database: a source another server added or revised becomes current here
 * too (reuse detection and suggestions follow, as for this server's own), one after another.
 * Resolves to a catch-up that adopts whatever the store holds that this server has not loaded.
 */
function followOtherServers(store: Store, sources: SourceLibrary): () => Promise<void> {
  const remote = (store as Partial<PgStore>).onRemoteCommit?.bind(store);
  if (!remote) return async () => {};
  let adopting = Promise.resolve();
  const adopt = async (record: SourceRecord) => {
    if ((sources.get(record.id)?.revision ?? 0) >= record.revision) return;
    const loaded = await SourceService.load(store, record);
    if (loaded) await sources.publish(loaded.source);
  };
  remote((ops) => {
    for (const op of ops) {
      if (op.table !== 'sources' || !op.value) continue;
      const record = op.value;
      adopting = adopting.then(() => adopt(record)).catch((e: unknown) => console.error(`collate: could not load source "${record.id}" that another server changed: ${(e as Error).message}`));
    }
  });
  return async () => {
    for (const record of await store.sources()) await adopt(record);
  };
}
