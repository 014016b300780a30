/**
 * `export` and `import` on the data directory directly, through the same TransferService as the
 * HTTP API. Import refuses to run beside a live server on the same folder.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXPORT_FORMAT_IDS, isExportFormat } from '../../core/export';
import { KINDS } from '../../core/model';
import { readConfig } from '../config';
import { AnnotationService } from '../services/annotation-service';
import { ReuseService } from '../services/reuse-service';
import { TransferService } from '../services/transfer-service';
import { localActor } from '../services/actor';
import { holdDataDir, serverHolding } from '../store/data-dir-lock';
import { DurableTextFile } from '../store/durable-file';
import { openWorkspace } from '../workspace';
import { parseArgs, stringFlag, UsageError } from './args';

function workspaceFlags(args: ReturnType<typeof parseArgs>): string[] {
  const out: string[] = [];
  for (const f of ['data', 'sources']) {
    const v = stringFlag(args, f);
    if (v !== undefined) out.push(`--${f}`, v);
  }
  return out;
}

async function openTransfer(args: ReturnType<typeof parseArgs>, readOnly: boolean) {
  const config = readConfig(workspaceFlags(args));
  const ws = await openWorkspace({ ...config, readOnly });
  const annotations = new AnnotationService(ws.store, ws.sources);
  const reuse = new ReuseService(ws.sources);
  return { config, ws, transfer: new TransferService(annotations, () => reuse.passages()) };
}

export async function exportCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'set', 'source', 'kind', 'tag', 'out', 'data', 'sources'], booleans: ['bom'] });
  if (args.positional.length) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  const format = stringFlag(args, 'format');
  if (!isExportFormat(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMAT_IDS.join(', ')}`);
  const kind = stringFlag(args, 'kind');
  if (kind && !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
  const { transfer } = await openTransfer(args, true);
  const result = await transfer.export({
    format,
    set: stringFlag(args, 'set'),
    source: stringFlag(args, 'source'),
    kind,
    tag: stringFlag(args, 'tag'),
    options: { csvBom: args.flags.has('bom') },
  });
  const out = stringFlag(args, 'out');
  if (out) {
    const path = resolve(out);
    await mkdir(dirname(path), { recursive: true });
    await new DurableTextFile(path).write(result.body);
    process.stderr.write(`exported ${result.count} annotation(s) as ${format} to ${path}\n`);
  } else {
    process.stdout.write(result.body);
  }
  return 0;
}

export async function importCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['set', 'data', 'sources'], booleans: [] });
  if (args.positional.length !== 1) throw new UsageError('give exactly one file to import');
  const file = resolve(args.positional[0]);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as Error).message}`);
  }
  const config = readConfig(workspaceFlags(args));
  const owner = serverHolding(config.dataDir);
  if (owner) {
    throw new Error(`a Collate server (pid ${owner}) is running on ${config.dataDir}: import through it (the UI's Import or POST /api/import), or stop it first`);
  }
  await mkdir(config.dataDir, { recursive: true });
  holdDataDir(config.dataDir);
  const { transfer, ws } = await openTransfer(args, false);
  const set = stringFlag(args, 'set');
  const outcome = await transfer.import(data, localActor(), set ? { set } : {});
  await ws.store.close();
  if (!outcome.ok) {
    process.stderr.write(`nothing was imported from ${file}; ${outcome.errors.length} problem(s):\n`);
    for (const e of outcome.errors) process.stderr.write(`  ${e.path}: ${e.message}\n`);
    return 1;
  }
  const sets = outcome.setsCreated.length ? ` (new sets: ${outcome.setsCreated.join(', ')})` : '';
  const skipped = outcome.skipped ? `; ${outcome.skipped} already there, skipped` : '';
  process.stderr.write(`imported ${outcome.annotations.length} annotation(s) into ${config.dataDir}${sets}${skipped}\n`);
  return 0;
}
