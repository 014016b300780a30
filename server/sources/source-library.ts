/**
 * The article texts: the shipped folder (SOURCES_DIR) plus sources imported through the API, which
 * are kept under DATA_DIR/sources so the shipped folder is never written. Texts are immutable: an
 * import under an existing id with other text is a new revision that replaces it, and listeners
 * (re-anchoring, reuse detection) are told.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ImportSource, Source, SourceMeta } from '../../core/model';
import { SOURCE_ID_PATTERN } from '../../core/model';
import { guessTitle, slugify } from '../../core/sources/guess-meta';
import { DurableTextFile } from '../store/durable-file';
import { SerialQueue } from '../store/serial-queue';
import { storageErrorOf } from '../store/store';

interface Sidecar {
  title?: string;
  outlet?: string;
  author?: string;
  published?: string;
  url?: string;
}

export type SourceChange = { source: Source; previous?: Source };

/** Line endings normalised to "\n" (GUIDE section 1); nothing else is touched. */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n');
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function buildSource(id: string, text: string, sidecar: Sidecar): Source {
  const guessed: string[] = [];
  let title = sidecar.title;
  if (!title) {
    title = guessTitle(text) ?? id;
    guessed.push('title');
  }
  let outlet = sidecar.outlet;
  if (!outlet) {
    outlet = 'Unknown outlet';
    guessed.push('outlet');
  }
  const meta: SourceMeta = { id, title, outlet, guessed, length: text.length, hash: hashText(text) };
  if (sidecar.author) meta.author = sidecar.author;
  if (sidecar.published) meta.published = sidecar.published;
  if (sidecar.url) meta.url = sidecar.url;
  return { ...meta, text };
}

/** Reads every `*.txt` in `dir` with its optional `<id>.meta.json`. Ids are file names made slugs. */
export async function readSourceFolder(dir: string): Promise<Source[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: Source[] = [];
  for (const name of names.sort()) {
    if (extname(name) !== '.txt') continue;
    const stem = basename(name, '.txt');
    const id = SOURCE_ID_PATTERN.test(stem) ? stem : slugify(stem);
    const text = normaliseText(await readFile(join(dir, name), 'utf8'));
    let sidecar: Sidecar = {};
    try {
      sidecar = JSON.parse(await readFile(join(dir, `${stem}.meta.json`), 'utf8')) as Sidecar;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`${join(dir, `${stem}.meta.json`)}: ${(e as Error).message}`);
      }
    }
    out.push(buildSource(id, text, sidecar));
  }
  return out;
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
   * already holds the same text and metadata.
   */
  async import(input: ImportSource & { text: string }): Promise<{ status: 'created' | 'revised' | 'unchanged'; source: Source }> {
    if (!this.importDir) throw new Error('this library is read-only');
    // One import per id at a time: text, sidecar and listeners of two revisions must not interleave.
    return this.queue.run(input.id, () => this.importNow(input));
  }

  private async importNow(input: ImportSource & { text: string }): Promise<{ status: 'created' | 'revised' | 'unchanged'; source: Source }> {
    const importDir = this.importDir!;
    const text = normaliseText(input.text);
    const previous = this.byId.get(input.id);
    // What the previous revision only guessed stays a guess, not a given.
    const kept = (field: keyof Sidecar) => (previous && !previous.guessed.includes(field) ? previous[field] : undefined);
    const sidecar: Sidecar = {
      title: input.title ?? kept('title'),
      outlet: input.outlet ?? kept('outlet'),
      author: input.author ?? kept('author'),
      published: input.published ?? kept('published'),
      url: input.url ?? kept('url'),
    };
    const source = buildSource(input.id, text, sidecar);
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
