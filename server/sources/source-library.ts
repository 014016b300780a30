/**
 * The article texts in memory: the current revision of every source, as the store holds them (see
 * services/source-service.ts for how sources are added and revised), with listeners (reuse
 * detection, suggestions) told of every change. Also reading a folder of `.txt` files with their
 * `.meta.json` sidecars, which is how the shipped folder comes in.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { HttpUrl, type Source, type SourceMeta } from '../../core/model';
import { guessCorpusMeta, type GuessedMeta } from '../../core/sources/guess-meta';
import { sourceIdFromFileName } from '../../core/sources/source-id';

/** Metadata fields a sidecar may give. */
export const META_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;
export type MetaField = (typeof META_FIELDS)[number];

const SidecarText = z.string().trim().min(1).max(2000).optional();
/**
 * A `<id>.meta.json` sidecar. Unknown keys (such as the seed's `original` file name) are allowed and
 * ignored. `guessed` lists the fields stored here that were guesses (an outlet taken from the URL's
 * host, say), so they stay marked as guessed after a restart.
 */
export const Sidecar = z.object({
  title: SidecarText,
  outlet: SidecarText,
  author: SidecarText,
  published: z.string().date('must be an ISO date, YYYY-MM-DD').optional(),
  url: HttpUrl.optional(),
  guessed: z.array(z.enum(META_FIELDS)).optional(),
});
export type Sidecar = z.infer<typeof Sidecar>;

/** Parses a sidecar's JSON text; throws an Error naming the file and every bad field. */
export function parseSidecar(json: string, file: string): Sidecar {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = Sidecar.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`);
    throw new Error(`${file}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export type SourceChange = { source: Source; previous?: Source };


/** Line endings normalised to "\n"; nothing else is touched. */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A source from its text and sidecar. Fields the sidecar lacks come from `guesses` (see
 * core/sources/guess-meta.ts) and are marked guessed, as are the sidecar's own `guessed` fields; a
 * title nobody found is the id, an outlet "Unknown outlet".
 */
export function buildSource(id: string, text: string, sidecar: Sidecar, guesses: GuessedMeta = {}): Source {
  const guessed = new Set<string>(sidecar.guessed ?? []);
  const pick = (field: MetaField, guess: string | undefined): string | undefined => {
    if (sidecar[field]) return sidecar[field];
    if (guess) guessed.add(field);
    return guess;
  };
  const title = pick('title', guesses.title) ?? id;
  const outlet = pick('outlet', guesses.outlet) ?? 'Unknown outlet';
  if (!sidecar.title) guessed.add('title');
  if (!sidecar.outlet) guessed.add('outlet');
  const meta: SourceMeta = { id, title, outlet, guessed: [], length: text.length, hash: hashText(text) };
  const published = pick('published', guesses.published);
  if (sidecar.author) meta.author = sidecar.author;
  if (published) meta.published = published;
  if (sidecar.url) meta.url = sidecar.url;
  meta.guessed = META_FIELDS.filter((f) => guessed.has(f) && (f === 'title' || f === 'outlet' || meta[f] !== undefined));
  return { ...meta, text };
}

/**
 * Reads every `*.txt` in `dir` with its optional `<id>.meta.json` (validated). Ids follow the one id
 * rule (`sourceIdFromFileName`); what no sidecar gives is guessed with the folder's other texts as
 * the corpus (a line atop several of them is a masthead, not a headline).
 */
export async function readSourceFolder(dir: string): Promise<Source[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const read: { id: string; text: string; sidecar: Sidecar }[] = [];
  for (const name of names.sort()) {
    if (extname(name) !== '.txt') continue;
    const stem = basename(name, '.txt');
    const text = normaliseText(await readFile(join(dir, name), 'utf8'));
    const file = join(dir, `${stem}.meta.json`);
    let sidecar: Sidecar = {};
    try {
      sidecar = parseSidecar(await readFile(file, 'utf8'), file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    read.push({ id: sourceIdFromFileName(name), text, sidecar });
  }
  const guesses = guessCorpusMeta(read.map((r) => ({ text: r.text, url: r.sidecar.url })));
  return read.map((r, k) => buildSource(r.id, r.text, r.sidecar, guesses[k]));
}

export function toMeta(source: Source): SourceMeta {
  const { text: _text, ...meta } = source;
  return meta;
}

export class SourceLibrary {
  private byId = new Map<string, Source>();
  private listeners: ((change: SourceChange) => Promise<void> | void)[] = [];

  static fromSources(sources: readonly Source[]): SourceLibrary {
    const lib = new SourceLibrary();
    for (const s of sources) lib.byId.set(s.id, s);
    return lib;
  }

  list(): Source[] {
    return [...this.byId.values()].sort((a, b) => a.outlet.localeCompare(b.outlet) || a.title.localeCompare(b.title));
  }

  get(id: string): Source | undefined {
    return this.byId.get(id);
  }

  onChange(listener: (change: SourceChange) => Promise<void> | void): void {
    this.listeners.push(listener);
  }

  /** Makes a new or revised source current (after the store committed it) and tells the listeners. */
  async publish(source: Source): Promise<void> {
    const previous = this.byId.get(source.id);
    this.byId.set(source.id, source);
    for (const l of this.listeners) await l({ source, previous });
  }
}
