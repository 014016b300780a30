/**
 * The article texts: the shipped folder (SOURCES_DIR) plus sources imported through the API, which
 * are kept under DATA_DIR/sources so the shipped folder is never written. Texts are immutable: an
 * import under an existing id with other text is a new revision that replaces it, and listeners
 * (re-anchoring, reuse detection) are told.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import type { ImportSource, Source, SourceMeta } from '../../core/model';
import { guessCorpusMeta, guessMeta, type GuessedMeta } from '../../core/sources/guess-meta';
import { sourceIdFromFileName } from '../../core/sources/source-id';
import { DurableTextFile } from '../store/durable-file';
import { SerialQueue } from '../store/serial-queue';
import { storageErrorOf } from '../store/store';

/** Metadata fields a sidecar may give. */
const META_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;
type MetaField = (typeof META_FIELDS)[number];

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
  url: z.string().url().optional(),
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

/** What {@link SourceLibrary.import} takes: the API's import body, plus which given fields are guesses. */
export type SourceImport = ImportSource & { text: string; guessed?: readonly string[] };

/** Line endings normalised to "\n" (GUIDE section 1); nothing else is touched. */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

function hashText(text: string): string {
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
  private readonly queue = new SerialQueue();

  private constructor(private readonly importDir: string | undefined) {}

  /**
   * Loads the shipped folder, then the imported ones (which win on the same id, being newer
   * revisions). `importDir` undefined makes the library read-only (the CLI's file mode).
   */
  static async open(opts: { sourcesDir: string; importDir?: string; extraDir?: string }): Promise<SourceLibrary> {
    const lib = new SourceLibrary(opts.importDir);
    for (const s of await readSourceFolder(opts.sourcesDir)) lib.byId.set(s.id, s);
    // `extraDir`: imported texts read without the right to import more (a read-only workspace).
    const imported = opts.importDir ?? opts.extraDir;
    if (imported) for (const s of await readSourceFolder(imported)) lib.byId.set(s.id, s);
    return lib;
  }

  static fromSources(sources: Source[]): SourceLibrary {
    const lib = new SourceLibrary(undefined);
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

  /**
   * Stores an imported text durably, then makes it visible. Returns `unchanged` when the same id
   * already holds the same text and metadata. `guessed` names the given fields that are guesses (the
   * add-source pipeline's `meta.guessed`): they are stored, and stay marked as guessed. Fields not
   * given are guessed here, with the library's other texts as the corpus.
   */
  async import(input: SourceImport): Promise<{ status: 'created' | 'revised' | 'unchanged'; source: Source }> {
    if (!this.importDir) throw new Error('this library is read-only');
    // One import per id at a time: text, sidecar and listeners of two revisions must not interleave.
    return this.queue.run(input.id, () => this.importNow(input));
  }

  private async importNow(input: SourceImport): Promise<{ status: 'created' | 'revised' | 'unchanged'; source: Source }> {
    const importDir = this.importDir!;
    const text = normaliseText(input.text);
    const previous = this.byId.get(input.id);
    // What the previous revision only guessed stays a guess, not a given.
    const kept = (field: MetaField) => (previous && !previous.guessed.includes(field) ? previous[field] : undefined);
    const sidecar: Sidecar = {
      title: input.title ?? kept('title'),
      outlet: input.outlet ?? kept('outlet'),
      author: input.author ?? kept('author'),
      published: input.published ?? kept('published'),
      url: input.url ?? kept('url'),
    };
    const guessedGiven = META_FIELDS.filter((f) => input.guessed?.includes(f) && input[f] !== undefined);
    if (guessedGiven.length) sidecar.guessed = guessedGiven;
    const otherTexts = this.list().flatMap((s) => (s.id === input.id ? [] : [s.text]));
    const source = buildSource(input.id, text, sidecar, guessMeta(text, { otherTexts, url: sidecar.url }));
    if (previous && previous.hash === source.hash && JSON.stringify(toMeta(previous)) === JSON.stringify(toMeta(source))) {
      return { status: 'unchanged', source: previous };
    }
    try {
      await mkdir(importDir, { recursive: true });
      // Text first, then the sidecar: a crash between leaves a readable source with guessed metadata.
      await new DurableTextFile(join(importDir, `${input.id}.txt`)).write(text);
      const meta = Object.fromEntries(Object.entries(sidecar).filter(([, v]) => v !== undefined));
      await new DurableTextFile(join(importDir, `${input.id}.meta.json`)).write(JSON.stringify(meta, null, 2) + '\n');
    } catch (e) {
      throw storageErrorOf(e, `saving source "${input.id}"`);
    }
    this.byId.set(source.id, source);
    // Listeners (re-anchoring, reuse) finish before the import is acknowledged.
    for (const l of this.listeners) await l({ source, previous });
    return { status: previous ? 'revised' : 'created', source };
  }
}
