/**
 * Server settings from flags and environment: --port/PORT, --host/HOST, --data/DATA_DIR,
 * --sources/SOURCES_DIR. Flags win over the environment. Bad values stop start-up with a message.
 */
import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  sourcesDir: string;
}

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

const FLAGS: Record<string, keyof ServerConfig> = {
  '--port': 'port',
  '--host': 'host',
  '--data': 'dataDir',
  '--sources': 'sourcesDir',
};

export class ConfigError extends Error {}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const given: Partial<Record<keyof ServerConfig, string>> = {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    sourcesDir: env.SOURCES_DIR,
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
  return {
    port,
    host: given.host || '127.0.0.1',
    dataDir: resolve(given.dataDir || resolve(PROJECT_ROOT, 'annotations')),
    sourcesDir: resolve(given.sourcesDir || resolve(PROJECT_ROOT, 'sources')),
  };
}
