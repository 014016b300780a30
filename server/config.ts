/**
 * Server settings from flags and environment: --port/PORT, --host/HOST, --data/DATA_DIR,
 * --sources/SOURCES_DIR, --database/DATABASE_URL. Flags win over the environment. Bad values stop
 * start-up with a message.
 */
import { resolve } from 'node:path';
import { isPostgresUrl } from './store/postgres/database-url';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  sourcesDir: string;
  /** A `postgres://` URL: annotations live in that database instead of the data folder. */
  databaseUrl?: string;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

const FLAGS: Record<string, keyof ServerConfig> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--sources': 'sourcesDir',
  '--database': 'databaseUrl',
};

export class ConfigError extends Error {}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const given: Partial<Record<keyof ServerConfig, string>> = {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    sourcesDir: env.SOURCES_DIR,
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
    ...(databaseUrl !== undefined ? { databaseUrl } : {}),
  };
}
