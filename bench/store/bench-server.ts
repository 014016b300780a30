/**
 * One server process for the store benchmark: the real app (createApp, the real services) on a
 * loopback port, over the embedded JSON store, PostgreSQL or the SQLite baseline, opened the way
 * `npm start` opens it (re-anchoring check and duplicate-coverage index included). Prints its
 * address and how long start-up took as JSON on stdout. Times every request inside the server,
 * from its arrival to the last byte of the answer; on SIGUSR2 prints those times per kind of
 * request as one `TIMING {…}` line and starts again, so the benchmark can tell where a tail comes
 * from (the client's latency also holds the load generator's own queueing).
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
/** Request times (ms) by kind since the last report. */
const times = new Map<string, number[]>();
const kindOf = (method: string, url: string) => (method === 'POST' ? 'create' : method === 'PATCH' ? 'edit' : url.includes('?') ? 'list' : 'one');
server.on('request', (req, res) => {
  const at = performance.now();
  res.once('finish', () => {
    const kind = kindOf(req.method ?? '', req.url ?? '');
    let list = times.get(kind);
    if (!list) times.set(kind, (list = []));
    list.push(performance.now() - at);
  });
});
process.on('SIGUSR2', () => {
  const report: Record<string, { n: number; p50: number; p99: number }> = {};
  for (const [kind, list] of times) {
    list.sort((a, b) => a - b);
    const at = (q: number) => Math.round(list[Math.floor(q * (list.length - 1))] * 10) / 10;
    report[kind] = { n: list.length, p50: at(0.5), p99: at(0.99) };
  }
  times.clear();
  process.stdout.write(`TIMING ${JSON.stringify(report)}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void store.close().then(() => process.exit(0));
});
