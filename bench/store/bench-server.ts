/**
 * One server process for the store benchmark: the real app (createApp, the real services) on a
 * loopback port, over the embedded JSON store, PostgreSQL or the SQLite baseline, opened the way
 * `npm start` opens it (re-anchoring check and duplicate-coverage index included). Prints its
 * address and how long start-up took as JSON on stdout.
 *
 *   tsx bench/store/bench-server.ts --store json|sqlite|postgres --data DIR --sources DIR [--database URL]
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import type { SourceLibrary } from '../../server/sources/source-library';
import { openWorkspace } from '../../server/workspace';
import type { Store } from '../../server/store/store';
import { SqliteStore } from './sqlite-store';

const { values } = parseArgs({ options: { store: { type: 'string' }, data: { type: 'string' }, sources: { type: 'string' }, database: { type: 'string' } } });
const started = performance.now();
let store: Store;
let sources: SourceLibrary;
if (values.store === 'sqlite') {
  ({ store, sources } = await openWorkspace({ dataDir: values.data!, sourcesDir: values.sources!, store: new SqliteStore(join(values.data!, 'collate.sqlite')) }));
} else {
  ({ store, sources } = await openWorkspace({ dataDir: values.data!, sourcesDir: values.sources!, databaseUrl: values.store === 'postgres' ? values.database : undefined }));
}
const app = createApp({ store, sources, actor: { name: 'bench', role: 'admin' } });
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(JSON.stringify({ url: `http://127.0.0.1:${port}`, startupMs: Math.round(performance.now() - started) }) + '\n');
});
process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
