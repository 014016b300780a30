/**
 * A fresh, empty PostgreSQL database for one test suite, on the run's throwaway server (started by
 * tests/postgres-setup.ts). Fails with the server's start-up problem when there is no server, so a
 * machine without PostgreSQL fails these tests rather than skipping them.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from './postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function testDatabase(label: string): Promise<TestDatabase> {
  const server = inject('postgres');
  if ('error' in server) throw new Error(`no PostgreSQL server for the tests: ${server.error}`);
  const name = `${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(server.url, name);
  return { url, drop: () => dropDatabase(server.url, name) };
}
