/**
 * Opening a workspace: the store in a data directory plus the source texts, with targets
 * re-anchored to the current texts. The server, the CLI and the tests all start here.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { reanchorAll } from './services/reanchor-service';
import { SourceLibrary } from './sources/source-library';
import type { AnnotationStore } from './store/annotation-store';
import { JsonAnnotationStore } from './store/json-annotation-store';

export interface Workspace {
  store: AnnotationStore;
  sources: SourceLibrary;
  dataDir: string;
}

/**
 * `readOnly` reads an existing data folder and writes nothing (re-anchoring is left to the server),
 * so an export can run beside a live server.
 */
export async function openWorkspace(opts: { dataDir: string; sourcesDir: string; readOnly?: boolean }): Promise<Workspace> {
  if (opts.readOnly) {
    const store = await JsonAnnotationStore.open(opts.dataDir, { readOnly: true });
    const sources = await SourceLibrary.open({ sourcesDir: opts.sourcesDir, extraDir: join(opts.dataDir, 'sources') });
    return { store, sources, dataDir: opts.dataDir };
  }
  await mkdir(opts.dataDir, { recursive: true });
  const store = await JsonAnnotationStore.open(opts.dataDir);
  const sources = await SourceLibrary.open({ sourcesDir: opts.sourcesDir, importDir: join(opts.dataDir, 'sources') });
  const report = await reanchorAll(store, sources);
  if (report.moved || report.orphaned) {
    console.warn(`collate: re-anchored ${report.moved} annotation(s); ${report.orphaned} have orphaned targets`);
  }
  // A revision made through the API: re-anchor what pointed into the old text.
  sources.onChange(async ({ source }) => {
    await reanchorAll(store, sources, source.id);
  });
  return { store, sources, dataDir: opts.dataDir };
}
