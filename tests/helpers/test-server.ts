/**
 * Starts the real Express app on a free loopback port with a fresh temp data directory and the
 * seed sources, for API and browser tests. close() stops it and removes the directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp, type AppDeps } from '../../server/app';
import { CLIENT_DIR } from '../../server/client-build';
import type { SourceLibrary } from '../../server/sources/source-library';
import type { Store } from '../../server/store/store';
import { openWorkspace } from '../../server/workspace';

export const SEED_SOURCES = resolve(import.meta.dirname, '../../sources');

export interface TestServer {
  url: string;
  dataDir: string;
  store: Store;
  sources: SourceLibrary;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { sourcesDir?: string; dataDir?: string; app?: Partial<AppDeps>; databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'collate-test-')));
  // With a database URL the annotations live there (the PostgreSQL store), the data folder holds imported texts.
  const { store, sources } = await openWorkspace({ dataDir, sourcesDir: opts.sourcesDir ?? SEED_SOURCES, databaseUrl: opts.databaseUrl });
  const app = createApp({ store, sources, clientDir: CLIENT_DIR, ...opts.app });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    store,
    sources,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
      if (!opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch + JSON, returning status and parsed body (or null for an empty body). */
export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
