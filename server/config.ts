/**
 * Server settings from flags and environment: --port/PORT, --host/HOST, --data/DATA_DIR,
 * --sources/SOURCES_DIR, --public-url/PUBLIC_URL, --database/DATABASE_URL. Flags win over the
 * environment. Bad values stop start-up with a message.
 */
import { resolve } from 'node:path';
import { isPostgresUrl } from './store/postgres/database-url';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  sourcesDir: string;
  /** Where a reverse proxy serves Collate (its origin only), if one does. */
  publicUrl?: URL;
  /** A `postgres://` URL: annotations live in that database instead of the data folder. */
  databaseUrl?: string;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

const FLAGS: Record<string, 'port' | 'host' | 'dataDir' | 'sourcesDir' | 'publicUrl' | 'databaseUrl'> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--sources': 'sourcesDir',
  '--public-url': 'publicUrl',
  '--database': 'databaseUrl',
};

export class ConfigError extends Error {}

/**
 * The public URL as an origin: http or https, a host, no path (Collate is served at the root of its
 * address), no query, fragment or credentials.
 */
export function parsePublicUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`the public URL must be an absolute URL such as https://collate.example.org, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`the public URL must start with https:// (or http://), not "${url.protocol}"`);
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ConfigError(`the public URL must be only scheme, host and port (Collate is served at the root), not "${value}"`);
  }
  return url;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const given: Partial<Record<(typeof FLAGS)[string], string>> = {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    sourcesDir: env.SOURCES_DIR,
    publicUrl: env.PUBLIC_URL,
    databaseUrl: env.DATABASE_URL,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const key = FLAGS[flag];
    if (!key) throw new ConfigError(`unknown option "${argv[i]}" (known: ${Object.keys(FLAGS).join(', ')})`);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new ConfigError(`${flag} needs a value`);
    given[key] = value;
  }
  const port = given.port === undefined || given.port === '' ? 3000 : Number(given.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port must be a whole number from 0 to 65535, not "${given.port}"`);
  const databaseUrl = given.databaseUrl || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new ConfigError('the database must be a PostgreSQL URL, postgres://user:password@host:port/database');
  }
  return {
    port,
    host: given.host || '127.0.0.1',
    dataDir: resolve(given.dataDir || resolve(PROJECT_ROOT, 'annotations')),
    sourcesDir: resolve(given.sourcesDir || resolve(PROJECT_ROOT, 'sources')),
    ...(given.publicUrl ? { publicUrl: parsePublicUrl(given.publicUrl) } : {}),
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
  };
}
