/**
 * `export` and `import` on the data directory (or the database) directly, through the same
 * TransferService as the HTTP API. Import refuses to run beside a live server on the same folder; a
 * database arbitrates between servers and the CLI itself.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EXPORT_FORMAT_IDS, isExportFormat } from '../../core/export';
import { KINDS } from '../../core/model';
import type { ServerConfig } from '../config';
import { AnnotationService } from '../services/annotation-service';
import { ReuseService } from '../services/reuse-service';
import { TransferService } from '../services/transfer-service';
import { localActor } from '../services/actor';
import { holdDataDir, serverHolding } from '../store/data-dir-lock';
import { DurableTextFile } from '../store/durable-file';
import { redactUrl } from '../store/postgres/database-url';
import { openWorkspace } from '../workspace';
import { flagOption, type ParsedArgs, stringOption, UsageError } from './args';
import { type CliIo, pathFrom } from './cli-io';
import { workspaceConfig } from './workspace-config';

async function openTransfer(config: ServerConfig, readOnly: boolean) {
  const ws = await openWorkspace({ ...config, readOnly });
  const annotations = new AnnotationService(ws.store, ws.sources);
  const reuse = new ReuseService(ws.sources);
  return { ws, transfer: new TransferService(annotations, () => reuse.passages()) };
}

export async function exportCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const format = stringOption(args, 'format');
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMAT_IDS.join(', ')}`);
  const kind = stringOption(args, 'kind');
  if (kind && !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
  const { ws, transfer } = await openTransfer(workspaceConfig(args, io), true);
  try {
    const result = await transfer.export({
      format,
      set: stringOption(args, 'set'),
      source: stringOption(args, 'source'),
      kind,
      tag: stringOption(args, 'tag'),
      options: { csvBom: flagOption(args, 'bom') },
    });
    const out = stringOption(args, 'out');
    if (out) {
      const path = pathFrom(io, out);
      await mkdir(dirname(path), { recursive: true });
      await new DurableTextFile(path).write(result.body);
      io.stderr.write(`exported ${result.count} annotation(s) as ${format} to ${path}\n`);
    } else {
      io.stdout.write(result.body);
    }
  } finally {
    // In process (tests, scripts) the store's files must not stay open after the command.
    await ws.store.close();
  }
  return 0;
}

export async function importCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError('give exactly one file to import');
  const file = pathFrom(io, args.positionals[0]);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  const config = workspaceConfig(args, io);
  // A database takes writes from servers and the CLI alike; the data folder takes one writer.
  if (!config.databaseUrl) {
    const owner = serverHolding(config.dataDir);
    if (owner) {
      throw new Error(`a Collate server (pid ${owner}) is running on ${config.dataDir}: import through it (the UI's Import or POST /api/import), or stop it first`);
    }
    await mkdir(config.dataDir, { recursive: true });
    holdDataDir(config.dataDir);
  }
  const { ws, transfer } = await openTransfer(config, false);
  const set = stringOption(args, 'set');
  let outcome;
  try {
    outcome = await transfer.import(data, localActor(io.env), set ? { set } : {});
  } finally {
    await ws.store.close();
  }
  if (!outcome.ok) {
    io.stderr.write(`nothing was imported from ${file}; ${outcome.errors.length} problem(s):\n`);
    for (const e of outcome.errors) io.stderr.write(`  ${e.path}: ${e.message}\n`);
    return 1;
  }
  const sets = outcome.setsCreated.length ? ` (new sets: ${outcome.setsCreated.join(', ')})` : '';
  const skipped = outcome.skipped ? `; ${outcome.skipped} already there, skipped` : '';
  const into = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  io.stderr.write(`imported ${outcome.annotations.length} annotation(s) into ${into}${sets}${skipped}\n`);
  return 0;
}
