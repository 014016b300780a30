/**
 * The add-source pipeline shared by the API (`POST /api/sources`, `POST /api/sources/fetch`), the
 * CLI's `add` and the app's "Add sources": pasted text, an HTML page (pasted or fetched) or an
 * uploaded file (`.txt`, `.md`, `.html`/`.htm`) becomes `{ id, text, meta, rawHtml? }`, ready for
 * SourceLibrary.import. What the caller gives wins; what the content declares (page metadata, Markdown
 * front matter) comes next; the rest is guessed (core/sources/guess-meta.ts) and listed in
 * `meta.guessed`. The id follows the one id rule (core/sources/source-id.ts): from the file name when
 * there is one, else from the title. Colliding ids are the caller's to resolve (`uniqueSourceId`).
 * Plain functions, no I/O: fetching is fetch-page.ts's job.
 */
import { guessMeta } from '../../core/sources/guess-meta';
import { markdownToText } from '../../core/sources/markdown-text';
import { fileStem, sourceIdFromFileName, sourceIdFromTitle } from '../../core/sources/source-id';
import { decodeText } from './decode-text';
import { extractArticle } from './extract-article';
import type { FetchedPage } from './fetch-page';
import type { MetaField } from './page-metadata';
import { SourceError } from './source-error';
import { wordCount } from '../../core/text/word-count';

/** Metadata the user gave (form fields, CLI flags); each one given is taken as is. */
export interface GivenMeta {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO date, YYYY-MM-DD. */
  published?: string;
  url?: string;
}

/**
 * The three kinds of input. `fileName` (text, HTML) names the id when given. For HTML (pasted, or an
 * `.html` file) `url` is the page's address: it resolves the page's relative links and is the source's
 * URL unless the page declares a canonical one. For text it is the source's URL as given.
 */
export type AddSourceInput =
  | ({ text: string; fileName?: string } & GivenMeta)
  | ({ html: string; fileName?: string } & GivenMeta)
  | ({ file: { name: string; bytes: Uint8Array } } & GivenMeta);

/** Context from the library: the other sources' texts, against which a masthead is recognised. */
export interface AddSourceContext {
  otherTexts?: readonly string[];
}

/** A source ready to import: pass `id`, `text` and `meta`'s fields (with `guessed`) to SourceLibrary.import. */
export interface PreparedSource {
  id: string;
  text: string;
  meta: GivenMeta & { title: string; guessed: MetaField[] };
  /** The page as given, for HTML input: the caller stores it beside the text, to extract again later. */
  rawHtml?: string;
  format: 'text' | 'markdown' | 'html';
  /** For HTML: whether Readability found the article or the page's body text was used. */
  extraction?: 'readability' | 'page-text';
  /** What did not go as declared while reading a file's bytes (see decode-text.ts). */
  charsetNote?: string;
}

/** Fewest words an article extracted from a page may have. */
export const MIN_PAGE_WORDS = 8;

/** Longest article text accepted, as the import schema (core/model ImportSource) allows. */
export const MAX_TEXT_CHARS = 2_000_000;
const FIELDS: readonly MetaField[] = ['title', 'outlet', 'author', 'published', 'url'];

/** Extensions the pipeline reads, by format. */
export const FILE_FORMATS: Record<string, PreparedSource['format']> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

function extensionOf(name: string): string {
  const m = /\.[a-z0-9]+$/i.exec(name.split(/[\\/]/).pop() ?? name);
  return m ? m[0].toLowerCase() : '';
}

/** Line endings normalised, a byte order mark dropped: the text as stored (GUIDE section 1). */
function normalise(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

interface Draft {
  text: string;
  format: PreparedSource['format'];
  /** Metadata the content declares, with the fields among them that are guesses. */
  declared: GivenMeta;
  declaredGuessed: MetaField[];
  rawHtml?: string;
  extraction?: PreparedSource['extraction'];
  charsetNote?: string;
  fileName?: string;
}

function fromHtml(html: string, url: string | undefined, fileName?: string): Draft {
  const extracted = extractArticle(html, { url });
  return {
    text: extracted.text,
    format: 'html',
    declared: extracted.meta,
    declaredGuessed: extracted.guessed,
    rawHtml: html,
    extraction: extracted.method,
    fileName,
  };
}

function fromFile(file: { name: string; bytes: Uint8Array }, url: string | undefined): Draft {
  const format = FILE_FORMATS[extensionOf(file.name)];
  if (!format) {
    throw new SourceError('unsupported_file', `${file.name}: only ${Object.keys(FILE_FORMATS).join(', ')} files can be added`);
  }
  const decoded = decodeText(file.bytes, { html: format === 'html' });
  const note = decoded.note ? `${file.name}: ${decoded.note}` : undefined;
  if (format === 'html') return { ...fromHtml(decoded.text, url, file.name), charsetNote: note };
  if (format === 'markdown') {
    const md = markdownToText(normalise(decoded.text));
    const { text, ...declared } = md;
    return { text, format, declared, declaredGuessed: [], charsetNote: note, fileName: file.name };
  }
  return { text: normalise(decoded.text), format, declared: {}, declaredGuessed: [], charsetNote: note, fileName: file.name };
}

function draftOf(input: AddSourceInput): Draft {
  if ('file' in input) return fromFile(input.file, input.url);
  if ('html' in input) return fromHtml(input.html, input.url, input.fileName);
  return { text: normalise(input.text), format: 'text', declared: {}, declaredGuessed: [], fileName: input.fileName };
}

/**
 * Runs the pipeline on one input. Throws a {@link SourceError} for an unsupported file
 * (`unsupported_file`), an empty or oversized text (`empty_text`, `too_large`), or a page without
 * article text (`no_content`).
 */
export function prepareSource(input: AddSourceInput, context: AddSourceContext = {}): PreparedSource {
  const draft = draftOf(input);
  if (!draft.text.trim()) throw new SourceError('empty_text', 'the article has no text');
  // A page whose "article" is a menu word or two has no article: better said than stored.
  const words = wordCount(draft.text);
  if (draft.format === 'html' && words < MIN_PAGE_WORDS) {
    throw new SourceError('no_content', `no article text was found in the page (${words} word${words === 1 ? '' : 's'} outside menus and scripts)`);
  }
  if (draft.text.length > MAX_TEXT_CHARS) {
    throw new SourceError('too_large', `the article text has ${draft.text.length} characters, more than the ${MAX_TEXT_CHARS} allowed`);
  }
  // An empty form field is not a value.
  const given = (value: string | undefined): string | undefined => value?.trim() || undefined;
  const overrides: GivenMeta = {
    title: given(input.title),
    outlet: given(input.outlet),
    author: given(input.author),
    published: given(input.published),
    url: given(input.url),
  };
  // A page's address is not an override: its canonical URL, when declared, is the better one.
  if (draft.format === 'html') overrides.url = undefined;
  const url = overrides.url ?? draft.declared.url;
  const guesses = guessMeta(draft.text, { otherTexts: context.otherTexts, url });
  const meta: PreparedSource['meta'] = { title: '', guessed: [] };
  for (const field of FIELDS) {
    const stated = overrides[field];
    const declared = draft.declared[field];
    const guessed = field === 'author' || field === 'url' ? undefined : guesses[field];
    const value = stated ?? declared ?? guessed;
    if (value === undefined) continue;
    meta[field] = value;
    if (stated === undefined && (declared === undefined || draft.declaredGuessed.includes(field))) meta.guessed.push(field);
  }
  if (!meta.title) {
    // Nothing reads like a headline: the file name, else the first words of the text.
    meta.title = draft.fileName ? fileStem(draft.fileName) : draft.text.trim().split(/\s+/).slice(0, 10).join(' ');
    meta.guessed.push('title');
  }
  const id = draft.fileName ? sourceIdFromFileName(draft.fileName) : sourceIdFromTitle(meta.title);
  const out: PreparedSource = { id, text: draft.text, meta, format: draft.format };
  if (draft.rawHtml !== undefined) out.rawHtml = draft.rawHtml;
  if (draft.extraction) out.extraction = draft.extraction;
  if (draft.charsetNote) out.charsetNote = draft.charsetNote;
  return out;
}

/**
 * A fetched page through the pipeline: HTML is extracted (the fetched URL resolves its links and is the
 * URL unless the page names a canonical one), plain text is taken as it is. `given` wins as in
 * {@link prepareSource}; `fetchedAt` is the fetch's start, for the caller to keep.
 */
export function prepareFetchedPage(page: FetchedPage, given: GivenMeta = {}, context: AddSourceContext = {}): PreparedSource & { fetchedAt: string } {
  const input: AddSourceInput =
    page.contentType === 'text/plain' ? { ...given, text: page.body, url: given.url ?? page.url } : { ...given, html: page.body, url: page.url };
  return { ...prepareSource(input, context), fetchedAt: page.fetchedAt };
}
