/**
 * Opening a workspace: a store and the sources it holds, with the sources folder brought in (new
 * files added, files edited on disk made new revisions, their annotations re-anchored). The server,
 * the CLI and the tests all start here.
 */
import { join } from 'node:path';
import { AnnotationService } from './services/annotation-service';
import { reanchorAll } from './services/reanchor-service';
import { SourceService } from './services/source-service';
import { readSourceFolder, SourceLibrary } from './sources/source-library';
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
  /** A store opened elsewhere (a database); default: the embedded store in `dataDir`. */
  store?: Store;
}

/**
 * `readOnly` reads an existing data folder and writes nothing, so an export can run beside a live
 * server: files of the sources folder not in the store yet are read as they are.
 */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Workspace> {
  if (opts.readOnly) {
    const store = opts.store ?? (await JsonStore.open(opts.dataDir, { readOnly: true }));
    const stored = await SourceService.loadAll(store);
    const known = new Set(stored.map((s) => s.id));
    const folder = (await readSourceFolder(opts.sourcesDir)).filter((s) => !known.has(s.id));
    return { store, sources: SourceLibrary.fromSources([...stored, ...folder]), dataDir: opts.dataDir };
  }
  const store = opts.store ?? (await JsonStore.open(opts.dataDir, { compactBytes: opts.compactBytes }));
  const sources = SourceLibrary.fromSources(await SourceService.loadAll(store));
  const annotations = new AnnotationService(store, sources);
  const service = new SourceService(store, sources, annotations);
  const shipped = await service.syncFolder(opts.sourcesDir, 'file');
  // Texts imported before sources had revisions, kept as files in the data folder.
  const legacy = await service.syncFolder(join(opts.dataDir, 'sources'), 'import', { onlyNew: true });
  if (shipped.revised + legacy.revised) console.warn(`collate: ${shipped.revised} source(s) changed on disk since the last start; their annotations were re-anchored`);
  // Annotations whose passage does not match the text (data from before revisions were kept).
  const report = await reanchorAll(annotations, sources);
  if (report.moved || report.orphaned) {
    console.warn(`collate: re-anchored ${report.moved} annotation(s); ${report.orphaned} have orphaned targets`);
  }
  return { store, sources, dataDir: opts.dataDir };
}
