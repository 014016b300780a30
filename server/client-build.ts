/**
 * Builds the browser client with Vite when dist/client is missing or older than its sources, so a
 * fresh clone needs only `npm start`. Tests call the same function once in their global setup.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from './config';

export const CLIENT_DIR = resolve(PROJECT_ROOT, 'dist/client');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function clientIsStale(): boolean {
  const index = join(CLIENT_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return [resolve(PROJECT_ROOT, 'client'), resolve(PROJECT_ROOT, 'core')].some((d) => newestMtime(d) > built);
}

export async function ensureClientBuilt(log: (line: string) => void = () => {}): Promise<string> {
  if (clientIsStale()) {
    log('Building the client (first start or changed sources)...');
    const { build } = await import('vite');
    await build({ configFile: resolve(PROJECT_ROOT, 'client/vite.config.ts'), logLevel: 'warn' });
  }
  return CLIENT_DIR;
}
