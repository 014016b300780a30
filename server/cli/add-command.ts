/**
 * `add <files|folders|urls…>`: the app's "Add sources" on the data folder directly, through the same
 * pipeline (server/sources/add-source.ts) and the same source service as `POST /api/sources`. Prints
 * one line per source added or revised: id, title, outlet, words. Refuses to run while a server uses
 * the folder. A failing input is reported and the others still go in; the exit code says so.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { localActor } from '../services/actor';
import { AnnotationService } from '../services/annotation-service';
import { SourceService, type SourceOutcome } from '../services/source-service';
import { FILE_FORMATS } from '../sources/add-source';
import { privateFetchAllowed } from '../sources/fetch-page';
import { holdDataDir, serverHolding } from '../store/data-dir-lock';
import { openWorkspace } from '../workspace';
import { type ParsedArgs, stringOption, UsageError } from './args';
import { type CliIo, pathFrom } from './cli-io';
import { workspaceConfig } from './workspace-config';
import { wordCount } from '../../core/text/word-count';

const isUrl = (arg: string) => /^https?:\/\//i.test(arg);
const readable = (name: string) => Object.keys(FILE_FORMATS).some((ext) => name.toLowerCase().endsWith(ext)) && !name.endsWith('.meta.json');

/** The inputs, folders opened (their readable files, sorted), in the order given. */
async function inputsOf(args: readonly string[], io: CliIo): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (isUrl(arg)) {
      out.push(arg);
      continue;
    }
    const path = pathFrom(io, arg);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new Error(`no such file or folder: ${arg}`);
    }
    if (!info.isDirectory()) out.push(path);
    else out.push(...(await readdir(path)).filter(readable).sort().map((n) => join(path, n)));
  }
  return out;
}

export async function addCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (!args.positionals.length) throw new UsageError('give at least one file, folder or web address');
  const config = workspaceConfig(args, io);
  // A database takes writes from servers and the CLI alike; the data folder takes one writer.
  const owner = config.databaseUrl ? undefined : serverHolding(config.dataDir);
  if (owner) throw new Error(`a Collate server (pid ${owner}) is running on ${config.dataDir}: add through it (the app's Add sources or POST /api/sources), or stop it first`);
  const inputs = await inputsOf(args.positionals, io);
  if (!inputs.length) throw new Error(`no ${Object.keys(FILE_FORMATS).join(', ')} files found`);
  if (!config.databaseUrl) {
    await mkdir(config.dataDir, { recursive: true });
    holdDataDir(config.dataDir);
  }
  const ws = await openWorkspace(config);
  const service = new SourceService(ws.store, ws.sources, new AnnotationService(ws.store, ws.sources), undefined, { allowPrivate: privateFetchAllowed(io.env) });
  const actor = localActor(io.env);
  const given = { title: stringOption(args, 'title'), outlet: stringOption(args, 'outlet') };
  let failed = 0;
  try {
    for (const input of inputs) {
      try {
        let outcome: SourceOutcome;
        if (isUrl(input)) outcome = await service.fetch({ url: input, ...given }, actor);
        else outcome = await service.add({ file: { name: basename(input), base64: (await readFile(input)).toString('base64') }, ...given }, actor);
        const s = outcome.source;
        const words = wordCount(s.text);
        io.stdout.write(`${s.id}\t${s.title}\t${s.outlet}\t${words} words\t${outcome.status}\n`);
      } catch (e) {
        failed++;
        io.stderr.write(`collate add: ${input}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    }
  } finally {
    await ws.store.close();
  }
  return failed ? 1 : 0;
}
