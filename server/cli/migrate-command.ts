/**
 * `migrate`: creates or upgrades the PostgreSQL schema at DATABASE_URL (or --database) through the
 * versioned migrations of server/store/postgres/migrations; `--status` only reports. With `--from`
 * and `--to` it moves a whole record between stores instead (store-move-command.ts). The summary
 * goes to stderr, like every command's progress, so scripts can rely on the exit code alone.
 */
import { isPostgresUrl, redactUrl } from '../store/postgres/database-url';
import { loadMigrations, migrateSchema, migrationLabel, schemaStatus } from '../store/postgres/migrations';
import { storageErrorOfPg } from '../store/postgres/pg-errors';
import { createPool } from '../store/postgres/pg-pool';
import { flagOption, type ParsedArgs, stringOption, UsageError } from './args';
import type { CliIo } from './cli-io';


export async function migrateCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const from = stringOption(args, 'from');
  const to = stringOption(args, 'to');
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new UsageError('moving a record needs both --from and --to (a data folder or a postgres:// URL each)');
    if (stringOption(args, 'database') !== undefined || flagOption(args, 'status')) throw new UsageError('--from/--to move a record; --database and --status are for the schema alone');
    return (await import('./store-move-command')).storeMoveCommand(from, to, io);
  }
  const url = stringOption(args, 'database') ?? io.env.DATABASE_URL;
  if (!url) throw new UsageError('give the database: --database postgres://… or DATABASE_URL');
  if (!isPostgresUrl(url)) throw new UsageError('the database must be a PostgreSQL URL, postgres://user:password@host:port/database');
  const shown = redactUrl(url);
  const pool = createPool(url, { size: 1, log: (line) => io.stderr.write(line + '\n') });
  try {
    const known = await loadMigrations();
    if (flagOption(args, 'status')) {
      const status = await schemaStatus(pool, known);
      const todo = status.pending.length ? `pending: ${status.pending.map(migrationLabel).join(', ')}` : 'nothing pending';
      io.stdout.write(`${shown}: schema version ${status.version} of ${known.length}; ${todo}\n`);
      return 0;
    }
    const outcome = await migrateSchema(pool, known);
    for (const m of outcome.applied) io.stderr.write(`applied ${migrationLabel(m)}\n`);
    io.stderr.write(outcome.applied.length ? `${shown}: schema now at version ${outcome.version}\n` : `${shown}: schema is current (version ${outcome.version}); nothing to do\n`);
    return 0;
  } catch (e) {
    const cause = storageErrorOfPg(e, 'migrating');
    throw new Error(`cannot migrate the database at ${shown}: ${cause instanceof Error ? cause.message : String(cause)}`);
  } finally {
    await pool.end().catch(() => {});
  }
}
