/**
 * `reuse <dir-or-files…> [--json] [--min-words N]`: duplicate coverage and suggestions among text
 * files, without a data directory. Ids are made from file names as the server makes them; a sidecar
 * `<name>.meta.json` gives the title and outlet (without one, outlets are inferred from shared site
 * chrome). `--json` prints `{ "passages": [...], "suggestions": [...] }` to stdout and nothing else.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ReusePassage } from '../../core/model';
import { findReuse, type ReuseDocument, similarityPercent } from '../../core/reuse';
import { allSuggestions } from '../../core/assistant';
import { sourceIdFromFileName } from '../../core/sources/source-id';
import { guessCorpusMeta } from '../../core/sources/guess-meta';
import { loadSpellChecker } from '../assistant/spelling-dictionary';
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
async function sidecar(file: string, io: CliIo): Promise<{ title?: string; outlet?: string; author?: string }> {
  const path = join(file, '..', `${basename(file, extname(file))}.meta.json`);
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
  return { title: field('title'), outlet: field('outlet'), author: field('author') };
}

async function readDocument(file: string, io: CliIo): Promise<ReuseDocument & { title?: string }> {
  const text = normaliseText(await readFile(file, 'utf8'));
  return { id: sourceIdFromFileName(basename(file)), text, ...(await sidecar(file, io)) };
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
  // The same suggestions the server lists, titles guessed as the server guesses them.
  const guesses = guessCorpusMeta(docs);
  const titled = docs.map((d, i) => ({ id: d.id, text: d.text, title: d.title ?? guesses[i].title ?? d.id }));
  const suggestions = allSuggestions({ sources: titled, passages, spelling: await loadSpellChecker() });
  if (flagOption(args, 'json')) {
    io.stdout.write(JSON.stringify({ passages, suggestions }, null, 2) + '\n');
  } else {
    const ordered = [...passages].sort((x, y) => Number(x.boilerplate) - Number(y.boilerplate) || y.words - x.words);
    for (const p of ordered) io.stdout.write(describe(p) + '\n');
    if (suggestions.length) io.stdout.write('\nSuggestions:\n');
    for (const s of suggestions) io.stdout.write(`  [${s.category}] ${s.summary}\n`);
    const flagged = passages.filter((p) => p.boilerplate).length;
    io.stderr.write(`${passages.length} reused passage(s) among ${docs.length} file(s), ${flagged} flagged as boilerplate; ${suggestions.length} suggestion(s)\n`);
  }
  return 0;
}
