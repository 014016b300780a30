/**
 * Vitest global setup: one throwaway PostgreSQL server for the whole run (tests/helpers/postgres.ts),
 * its URL handed to the test files with provide/inject; each PostgreSQL suite makes its own database
 * on it (tests/helpers/test-database.ts), so files run in parallel. Where the server cannot start
 * (its binaries are missing, say), the reason is handed on instead, and every PostgreSQL suite fails
 * with it while the other tests run as usual.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres, type PostgresServer } from './helpers/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string } | { error: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: PostgresServer | undefined;
  try {
    server = await startPostgres();
    project.provide('postgres', { url: server.url });
  } catch (e) {
    project.provide('postgres', { error: e instanceof Error ? e.message : String(e) });
  }
  return async () => {
    await server?.stop();
  };
}
