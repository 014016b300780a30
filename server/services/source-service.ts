/**
 * Source use cases: adding an article (pasted text or HTML, an uploaded file, a fetched page, a file
 * in the sources folder) and revising one. Every revision is kept: its text (a blob, by hash), when
 * and where it came from. A revision and the re-anchoring of every annotation on the source are one
 * store transaction: one diff maps all targets (core/anchoring), each moved or re-attached
 * annotation is written as a new revision with its history entry, and what cannot be placed is
 * orphaned, never dropped.
 */
import { reanchorAnnotations, type ReanchorReport } from '../../core/anchoring';
import { MAX_REVISION, type AddSource, type FetchSource, type RevisionOrigin, type Source, type SourcePreview, type SourceRecord, type SourceRevision } from '../../core/model';
import { uniqueSourceId } from '../../core/sources/source-id';
import { prepareFetchedPage, prepareSource, type AddSourceInput, type GivenMeta, type PreparedSource } from '../sources/add-source';
import { fetchPage, type FetchOptions } from '../sources/fetch-page';
import { buildSource, hashText, META_FIELDS, readSourceFolder, type Sidecar, type SourceLibrary } from '../sources/source-library';
import { SerialQueue } from '../store/serial-queue';
import type { Store, Transaction } from '../store/store';
import { SYSTEM_ACTOR, type Actor } from './actor';
import type { AnnotationService } from './annotation-service';
import { missing, ServiceError } from './service-error';
import { wordCount } from '../../core/text/word-count';

export interface SourceOutcome {
  status: 'created' | 'revised' | 'unchanged';
  source: Source;
  /** What re-anchoring did with the targets on the source, for a revision. */
  reanchored?: ReanchorReport;
}

/** What a new text comes with: its metadata (with the fields that are guesses) and the page it came from. */
interface Draft {
  id: string;
  text: string;
  meta: GivenMeta & { title: string; guessed: readonly string[] };
  rawHtml?: string;
}

/** Characters of the text a preview shows. */
const EXCERPT_CHARS = 400;

/** The start of `text`, cut at a word boundary, whitespace runs folded. */
function excerptOf(text: string): string {
  const flat = text.slice(0, EXCERPT_CHARS * 2).replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', EXCERPT_CHARS);
  return `${flat.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS)}…`;
}

/** The pipeline's input for an add (or preview) request body: exactly one of text, html or file. */
function inputOf(body: AddSource): AddSourceInput {
  const given: GivenMeta = { title: body.title, outlet: body.outlet, author: body.author, published: body.published, url: body.url };
  if (body.file) return { ...given, file: { name: body.file.name, bytes: Buffer.from(body.file.base64, 'base64') } };
  if (body.html !== undefined) return { ...given, html: body.html };
  return { ...given, text: body.text! };
}

/** Whether two records say the same of their source (times aside). */
function sameMeta(a: SourceRecord, b: SourceRecord): boolean {
  return META_FIELDS.every((f) => a[f] === b[f]) && a.guessed.join() === b.guessed.join();
}

/**
 * The current revision of a source as a Source, from its record and text; `hash` is the text's
 * sha-256 when the caller has it (the revision keeps it), so a text is not hashed again.
 */
export function sourceOf(record: SourceRecord, text: string, hash = hashText(text)): Source {
  const meta: Source = { id: record.id, title: record.title, outlet: record.outlet, guessed: [...record.guessed], length: text.length, hash, revision: record.revision, text };
  if (record.author) meta.author = record.author;
  if (record.published) meta.published = record.published;
  if (record.url) meta.url = record.url;
  return meta;
}

export class SourceService {
  private readonly queue = new SerialQueue();

  constructor(
    readonly store: Store,
    readonly library: SourceLibrary,
    private readonly annotations: AnnotationService,
    private readonly now: () => Date = () => new Date(),
    private readonly fetchOptions: FetchOptions = {},
  ) {}

  /** Revision `revision` of a source (default: its current one) as a Source; undefined when its record, revision or text is missing. */
  static async load(store: Store, record: SourceRecord, revision = record.revision): Promise<{ source: Source; created: string } | undefined> {
    const r = (await store.revisions(record.id)).find((x) => x.revision === revision);
    const text = r && (await store.blob('text', r.hash));
    return r && text !== undefined ? { source: sourceOf({ ...record, revision }, text, r.hash), created: r.created } : undefined;
  }

  /** The current revision of every source the store holds, texts included. */
  static async loadAll(store: Store): Promise<Source[]> {
    const out: Source[] = [];
    for (const record of await store.sources()) {
      const loaded = await SourceService.load(store, record);
      if (!loaded) throw new Error(`source "${record.id}": the text of its revision ${record.revision} is missing from the store`);
      out.push(loaded.source);
    }
    return out;
  }

  /**
   * Brings a folder of `.txt` files (with sidecars) into the store: a file not there yet becomes a
   * source; a file whose text differs from the last revision read from such a file becomes a new
   * revision (a text edited on disk). `onlyNew` takes new ids only (texts imported before the store
   * kept revisions).
   */
  async syncFolder(dir: string, kind: 'file' | 'import', opts: { onlyNew?: boolean } = {}): Promise<{ created: number; revised: number }> {
    let created = 0;
    let revised = 0;
    for (const found of await readSourceFolder(dir)) {
      const record = await this.store.source(found.id);
      if (record) {
        if (opts.onlyNew) continue;
        const fromFolder = (await this.store.revisions(found.id)).filter((r) => r.origin.kind === kind).at(-1);
        if (fromFolder && fromFolder.hash === found.hash) continue;
      }
      const meta = { title: found.title, outlet: found.outlet, author: found.author, published: found.published, url: found.url, guessed: found.guessed };
      const outcome = await this.commit({ id: found.id, text: found.text, meta }, { kind, fileName: `${found.id}.txt` }, 'either');
      if (outcome.status === 'created') created++;
      else if (outcome.status === 'revised') revised++;
    }
    return { created, revised };
  }

  /** `POST /api/sources`: with an existing `id` a revision of it, otherwise a new source. */
  async add(body: AddSource & { id?: string }, actor: Actor): Promise<SourceOutcome> {
    const prepared = prepareSource(inputOf(body), { otherTexts: this.otherTexts(body.id) });
    const origin: RevisionOrigin = { kind: body.file ? 'upload' : 'paste', by: actor.name };
    if (body.file) origin.fileName = body.file.name;
    if (body.url) origin.url = body.url;
    return this.commit(this.draftOf(prepared, body.id), origin, body.id ? 'either' : 'create');
  }

  /**
   * `POST /api/sources/preview`: what `add` would make of `body` (the same pipeline, with the
   * library's other texts as context), storing nothing: the form shows it for the user to correct.
   */
  preview(body: AddSource & { id?: string }): SourcePreview {
    const prepared = prepareSource(inputOf(body), { otherTexts: this.otherTexts(body.id) });
    const { id } = this.draftOf(prepared, body.id);
    const { title, guessed, ...rest } = prepared.meta;
    const out: SourcePreview = { id, title, guessed: [...guessed], words: wordCount(prepared.text), excerpt: excerptOf(prepared.text) };
    for (const field of ['outlet', 'author', 'published', 'url'] as const) if (rest[field] !== undefined) out[field] = rest[field];
    return out;
  }

  /**
   * `POST /api/sources/fetch`: fetches the page and adds it; a page already added (the same URL) is
   * a revision of that source.
   */
  async fetch(body: FetchSource, actor: Actor): Promise<SourceOutcome> {
    const page = await fetchPage(body.url, this.fetchOptions);
    const given: GivenMeta = { title: body.title, outlet: body.outlet, author: body.author, published: body.published };
    const prepared = prepareFetchedPage(page, given, { otherTexts: this.otherTexts(body.id) });
    const known = body.id ?? this.library.list().find((s) => s.url && (s.url === prepared.meta.url || s.url === page.url || s.url === body.url))?.id;
    const origin: RevisionOrigin = { kind: 'fetch', url: page.url, fetchedAt: prepared.fetchedAt, by: actor.name };
    return this.commit(this.draftOf(prepared, known), origin, known ? 'either' : 'create');
  }

  /** `POST /api/sources/:id/refetch`: the source's page fetched again; a changed text is a new revision. */
  async refetch(id: string, actor: Actor): Promise<SourceOutcome> {
    const source = this.library.get(id);
    if (!source) throw missing('source', id);
    const fetched = (await this.store.revisions(id)).filter((r) => r.origin.kind === 'fetch').at(-1)?.origin.url;
    const url = source.url ?? fetched;
    if (!url) throw new ServiceError('invalid', `source "${id}" has no web address to fetch again`);
    const page = await fetchPage(url, this.fetchOptions);
    const prepared = prepareFetchedPage(page, {}, { otherTexts: this.otherTexts(id) });
    return this.commit(this.draftOf(prepared, id), { kind: 'fetch', url: page.url, fetchedAt: prepared.fetchedAt, by: actor.name }, 'either');
  }

  /** Every revision of a source, oldest first; undefined for an unknown source. */
  async revisions(id: string): Promise<readonly SourceRevision[] | undefined> {
    if (!(await this.store.source(id))) return undefined;
    return this.store.revisions(id);
  }

  /** One revision's text with the source's metadata; undefined when either does not exist. */
  async revisionText(id: string, revision: number): Promise<(Source & { created: string }) | undefined> {
    const record = await this.store.source(id);
    const loaded = record && (await SourceService.load(this.store, record, revision));
    return loaded ? { ...loaded.source, created: loaded.created } : undefined;
  }

  private otherTexts(except?: string): string[] {
    return this.library.list().flatMap((s) => (s.id === except ? [] : [s.text]));
  }

  private draftOf(prepared: PreparedSource, id: string | undefined): Draft {
    const taken = (x: string) => this.library.get(x) !== undefined;
    return { id: id ?? uniqueSourceId(prepared.id, taken), text: prepared.text, meta: prepared.meta, rawHtml: prepared.rawHtml };
  }

  /**
   * Stores a text as a new source or a new revision, with its metadata: what is given wins, what an
   * earlier revision was given stays, the rest is the draft's guesses. One revision at a time per id.
   */
  private commit(draft: Draft, origin: RevisionOrigin, mode: 'create' | 'either'): Promise<SourceOutcome> {
    return this.queue.run(draft.id, async () => {
      const previous = this.library.get(draft.id);
      if (previous && mode === 'create') throw new ServiceError('exists', `a source with the id "${draft.id}" exists already`);
      const sidecar: Sidecar = {};
      const guessed = new Set<string>();
      for (const field of META_FIELDS) {
        const value = draft.meta[field];
        const isGuess = draft.meta.guessed.includes(field);
        const kept = previous && !previous.guessed.includes(field) ? previous[field] : undefined;
        if (value !== undefined && !isGuess) sidecar[field] = value;
        else if (kept !== undefined) sidecar[field] = kept;
        else if (value !== undefined) {
          sidecar[field] = value;
          guessed.add(field);
        }
      }
      sidecar.guessed = [...guessed] as Sidecar['guessed'];
      const built = buildSource(draft.id, draft.text, sidecar);
      const textHash = await this.store.putBlob('text', draft.text);
      const htmlHash = draft.rawHtml !== undefined ? await this.store.putBlob('html', draft.rawHtml) : undefined;
      const stamp = this.now().toISOString();
      const result = await this.store.transact(async (tx) => {
        const record = await tx.source(draft.id);
        const current = record ? (await tx.revisions(draft.id)).find((r) => r.revision === record.revision) : undefined;
        const textChanged = !current || current.hash !== textHash;
        const next: SourceRecord = {
          id: draft.id,
          revision: record?.revision ?? 1,
          title: built.title,
          outlet: built.outlet,
          guessed: built.guessed,
          created: record?.created ?? stamp,
          modified: stamp,
        };
        for (const field of ['author', 'published', 'url'] as const) if (built[field]) next[field] = built[field];
        if (record && !textChanged && sameMeta(record, next)) return { status: 'unchanged' as const, record };
        let reanchored: ReanchorReport | undefined;
        if (textChanged) {
          next.revision = (current?.revision ?? 0) + 1;
          if (current) {
            const oldText = (await this.store.blob('text', current.hash)) ?? previous?.text ?? '';
            reanchored = await this.reanchor(tx, draft.id, oldText, draft.text, next.revision);
          }
          tx.addRevision({
            source: draft.id,
            revision: next.revision,
            created: stamp,
            hash: textHash,
            length: draft.text.length,
            words: wordCount(draft.text),
            origin,
            ...(htmlHash ? { html: htmlHash } : {}),
            ...(reanchored ? { reanchored } : {}),
          });
        }
        tx.putSource(next);
        return { status: record ? ('revised' as const) : ('created' as const), record: next, reanchored };
      });
      if (result.status === 'unchanged') return { status: 'unchanged', source: previous ?? sourceOf(result.record, draft.text, textHash) };
      const source = sourceOf(result.record, draft.text, textHash);
      // Reuse detection and suggestions follow before the change is acknowledged.
      await this.library.publish(source);
      return { status: result.status, source, ...(result.reanchored ? { reanchored: result.reanchored } : {}) };
    });
  }

  /** Carries every annotation on the source to the new text, inside the revision's transaction. */
  private async reanchor(tx: Transaction, source: string, oldText: string, newText: string, revision: number): Promise<ReanchorReport> {
    const annotations = await tx.annotations({ source });
    const result = reanchorAnnotations(annotations, { source, oldText, newText });
    const before = new Map(annotations.map((a) => [a.id, a]));
    for (const changed of result.updated) {
      const old = before.get(changed.id)!;
      // A record at the highest revision cannot take another; it keeps its old offsets.
      if (old.revision >= MAX_REVISION) continue;
      const targets = changed.targets.map((t, i) => (t === old.targets[i] || t.source !== source ? t : { ...t, revision }));
      this.annotations.replace(tx, old, { targets }, SYSTEM_ACTOR);
    }
    return result.report;
  }
}
