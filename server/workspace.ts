/**
 * Opening a workspace: the store (the embedded one in a data directory, or PostgreSQL when a
 * database URL is given) plus the source texts, with targets re-anchored to the current texts. The
 * server, the CLI and the tests all start here.
 */
import { join } from 'node:path';
import { AnnotationService } from './services/annotation-service';
import { reanchorAll } from './services/reanchor-service';
import { SourceLibrary } from './sources/source-library';
import { JsonStore } from './store/json/json-store';
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
  /** A `postgres://` URL: the PostgreSQL store; the data folder then only holds imported source texts. */
  databaseUrl?: string;
}

/** The store the options name; PostgreSQL's client is loaded only when a database is given. */
async function openStore(opts: WorkspaceOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const { PgStore } = await import('./store/postgres/pg-store');
    return PgStore.open(opts.databaseUrl, { readOnly: opts.readOnly });
  }
  return JsonStore.open(opts.dataDir, opts.readOnly ? { readOnly: true } : { compactBytes: opts.compactBytes });
}

/**
 * `readOnly` reads an existing data folder and writes nothing (re-anchoring is left to the server),
 * so an export can run beside a live server.
 */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  const store = await openStore(opts);
  try {
    return await withSources(store, opts);
  } catch (e) {
    // A database pool left open would keep the process alive after the failure is reported.
    await store.close().catch(() => {});
    throw e;
  }
}

async function withSources(store: Store, opts: WorkspaceOptions): Promise<Workspace> {
  if (opts.readOnly) {
    const sources = await SourceLibrary.open({ sourcesDir: opts.sourcesDir, extraDir: join(opts.dataDir, 'sources') });
    return { store, sources, dataDir: opts.dataDir };
  }
  const sources = await SourceLibrary.open({ sourcesDir: opts.sourcesDir, importDir: join(opts.dataDir, 'sources') });
  const annotations = new AnnotationService(store, sources);
  const report = await reanchorAll(annotations, sources);
  if (report.moved || report.orphaned) {
    console.warn(`collate: re-anchored ${report.moved} annotation(s); ${report.orphaned} have orphaned targets`);
  }
  // A revision made through the API: re-anchor what pointed into the old text.
  sources.onChange(async ({ source }) => {
    await reanchorAll(annotations, sources, source.id);
  });
  return { store, sources, dataDir: opts.dataDir };
}
