/**
 * `reuse <dir-or-files…> [--json] [--min-words N]`: duplicate coverage among text files, without a
 * data directory. Ids are file names without their extension; a sidecar `<id>.meta.json` gives the
 * outlet for boilerplate detection. `--json` prints one JSON array to stdout and nothing else.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ReusePassage } from '../../core/model';
import { findReuse, type ReuseDocument, similarityPercent } from '../../core/reuse';
import { normaliseText } from '../sources/source-library';
import { flagOption, intOption, type ParsedArgs, UsageError } from './args';
import { type CliIo, pathFrom } from './cli-io';
import { ProgressBar } from './progress';

async function textFiles(paths: readonly string[], io: CliIo): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const full = pathFrom(io, p);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new Error(`no such file or folder: ${p}`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => extname(n) === '.txt').sort();
      if (!names.length) throw new Error(`no .txt files in ${p}`);
      files.push(...names.map((n) => join(full, n)));
    } else if (full.endsWith('.meta.json')) {
      throw new Error(`${p} is a metadata sidecar, not an article text`);
    } else {
      files.push(full);
    }
  }
  return files;
}

/** Outlet and author from the sidecar next to `file`, if there is one; a broken sidecar is reported and skipped. */
async function sidecar(file: string, id: string, io: CliIo): Promise<{ outlet?: string; author?: string }> {
  const path = join(file, '..', `${id}.meta.json`);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return {}; // no sidecar: no outlet, so no boilerplate flag
  }
  let meta: unknown;
  try {
    meta = JSON.parse(raw);
  } catch (e) {
    io.stderr.write(`collate reuse: ignoring ${path}: ${(e as Error).message}\n`);
    return {};
  }
  const field = (name: string): string | undefined => {
    const value = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[name] : undefined;
    return typeof value === 'string' && value.trim() ? value : undefined;
  };
  return { outlet: field('outlet'), author: field('author') };
}

async function readDocument(file: string, io: CliIo): Promise<ReuseDocument> {
  const id = basename(file, extname(file));
  const text = normaliseText(await readFile(file, 'utf8'));
  return { id, text, ...(await sidecar(file, id, io)) };
}

function describe(p: ReusePassage): string {
  const flag = p.boilerplate ? '  [boilerplate]' : '';
  return `${p.words.toString().padStart(5)} words  ${similarityPercent(p.similarity).padStart(6)}  ${p.a.source} ${p.a.start}-${p.a.end}  ~  ${p.b.source} ${p.b.start}-${p.b.end}${flag}`;
}

export async function reuseCommand(args: ParsedArgs, io: CliIo): Promise<number> {
  if (!args.positionals.length) throw new UsageError('give at least one folder or text file');
  const minWords = intOption(args, 'min-words', 2, 10_000);
  const files = await textFiles(args.positionals, io);
  const docs = await Promise.all(files.map((f) => readDocument(f, io)));
  const ids = new Map<string, string>();
  for (const [i, d] of docs.entries()) {
    const other = ids.get(d.id);
    if (other) throw new Error(`two files have the id "${d.id}": ${other} and ${files[i]}`);
    ids.set(d.id, files[i]);
  }
  const bar = new ProgressBar('finding reuse', io.stderr);
  const passages = findReuse(docs, { minWords, onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  if (flagOption(args, 'json')) {
    io.stdout.write(JSON.stringify(passages, null, 2) + '\n');
  } else {
    const ordered = [...passages].sort((x, y) => Number(x.boilerplate) - Number(y.boilerplate) || y.words - x.words);
    for (const p of ordered) io.stdout.write(describe(p) + '\n');
    const flagged = passages.filter((p) => p.boilerplate).length;
    io.stderr.write(`${passages.length} reused passage(s) among ${docs.length} file(s), ${flagged} flagged as boilerplate\n`);
  }
  return 0;
}
