/**
 * `reuse <dir-or-files…> [--json] [--min-words N]`: duplicate coverage among text files, without a
 * data directory. Ids are file names without their extension; a sidecar `<id>.meta.json` gives the
 * outlet for boilerplate detection. `--json` prints one JSON array to stdout and nothing else.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { ReusePassage } from '../../core/model';
import { findReuse, type ReuseDocument } from '../../core/reuse';
import { normaliseText } from '../sources/source-library';
import { intFlag, parseArgs, UsageError } from './args';
import { ProgressBar } from './progress';

async function textFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
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

async function readDocument(file: string): Promise<ReuseDocument> {
  const id = basename(file, extname(file));
  const text = normaliseText(await readFile(file, 'utf8'));
  let meta: { outlet?: string; author?: string } = {};
  try {
    meta = JSON.parse(await readFile(join(file, '..', `${id}.meta.json`), 'utf8'));
  } catch {
    /* no sidecar: no outlet, so no boilerplate flag */
  }
  return { id, text, outlet: meta.outlet, author: meta.author };
}

function describe(p: ReusePassage): string {
  const flag = p.boilerplate ? '  [boilerplate]' : '';
  return `${p.words.toString().padStart(5)} words  ${(p.similarity * 100).toFixed(0).padStart(3)}%  ${p.a.source} ${p.a.start}-${p.a.end}  ~  ${p.b.source} ${p.b.start}-${p.b.end}${flag}`;
}

export async function reuseCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['min-words'], booleans: ['json'] });
  if (!args.positional.length) throw new UsageError('give at least one folder or text file');
  const minWords = intFlag(args, 'min-words', 2, 10_000);
  const files = await textFiles(args.positional);
  const docs = await Promise.all(files.map(readDocument));
  const ids = new Map<string, string>();
  for (const [i, d] of docs.entries()) {
    const other = ids.get(d.id);
    if (other) throw new Error(`two files have the id "${d.id}": ${other} and ${files[i]}`);
    ids.set(d.id, files[i]);
  }
  const bar = new ProgressBar('finding reuse');
  const passages = findReuse(docs, { minWords, onProgress: (done, total) => bar.update(done, total) });
  bar.done();
  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify(passages, null, 2) + '\n');
  } else {
    const ordered = [...passages].sort((x, y) => Number(x.boilerplate) - Number(y.boilerplate) || y.words - x.words);
    for (const p of ordered) process.stdout.write(describe(p) + '\n');
    const flagged = passages.filter((p) => p.boilerplate).length;
    process.stderr.write(`${passages.length} reused passage(s) among ${docs.length} file(s), ${flagged} flagged as boilerplate\n`);
  }
  return 0;
}
