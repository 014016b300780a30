/**
 * `npm start`: builds the client if needed, opens the store and the sources, and serves app and API.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createApp } from './app';
import { servingMode } from './auth/serving-mode';
import { ensureClientBuilt } from './client-build';
import { readConfig } from './config';
import { ReuseService } from './services/reuse-service';
import { holdDataDir } from './store/data-dir-lock';
import { redactUrl } from './store/postgres/database-url';
import { openWorkspace } from './workspace';

export async function serve(argv: string[]): Promise<void> {
  const config = readConfig(argv);
  // The lock keeps the CLI from writing the embedded store under a server; a database needs none,
  // and several servers share it.
  let release = () => {};
  if (!config.databaseUrl) {
    await mkdir(config.dataDir, { recursive: true });
    release = holdDataDir(config.dataDir);
  }
  const { store, sources } = await openWorkspace(config);
  let mode;
  try {
    mode = servingMode(config.host, (await store.users()).length);
  } catch (e) {
    await store.close();
    release();
    throw e;
  }
  for (const line of mode.warnings) console.warn(`collate: ${line}`);
  const clientDir = await ensureClientBuilt((line) => console.log(line));
  const reuse = new ReuseService(sources, (line) => console.log(line));
  const app = createApp({ store, sources, clientDir, reuse, localMode: mode.localMode, publicUrl: config.publicUrl });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Collate is running at http://${shown}:${port}/`);
  console.log(`  sources: ${config.sourcesDir} (${sources.list().length} loaded)`);
  console.log(`  data:    ${config.databaseUrl ? `${redactUrl(config.databaseUrl)} (PostgreSQL)` : config.dataDir}`);
  if (config.publicUrl) console.log(`  public:  ${config.publicUrl.origin}/`);
  console.log(mode.localMode && !(await store.users()).length ? '  mode:    single user (no accounts; loopback only)' : '  mode:    accounts (sign in with a user name and token)');
  const stop = () => {
    server.close();
    void store.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run when started as a program (npm start), not when the CLI imports `serve`.
if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) {
  serve(process.argv.slice(2)).catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    if ((e as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
      console.error(`collate: the port is in use already (${message}); pick another with --port or PORT`);
    } else {
      console.error(`collate: ${message}`);
    }
    process.exit(1);
  });
}
