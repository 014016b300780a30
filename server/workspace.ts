/**
 * Opening a workspace: the store in a data directory plus the source texts, with targets
 * re-anchored to the current texts. The server, the CLI and the tests all start here.
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

/**
 * `readOnly` reads an existing data folder and writes nothing (re-anchoring is left to the server),
 * so an export can run beside a live server.
 */
export async function openWorkspace(opts: { dataDir: string; sourcesDir: string; readOnly?: boolean; compactBytes?: number }): Promise<Workspace> {
  if (opts.readOnly) {
    const store = await JsonStore.open(opts.dataDir, { readOnly: true });
    const sources = await SourceLibrary.open({ sourcesDir: opts.sourcesDir, extraDir: join(opts.dataDir, 'sources') });
    return { store, sources, dataDir: opts.dataDir };
  }
  const store = await JsonStore.open(opts.dataDir, { compactBytes: opts.compactBytes });
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
