/**
 * The add-source pipeline: pasted text, HTML and files become `{ id, text, meta, rawHtml? }`; fetched
 * pages go through it; a prepared source imports into a real SourceLibrary with its guesses marked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFetchedPage, prepareSource } from '../../../server/sources/add-source';
import { fetchPage } from '../../../server/sources/fetch-page';
import { SourceError } from '../../../server/sources/source-error';
import { SourceLibrary } from '../../../server/sources/source-library';
import { JsonStore } from '../../../server/store/json/json-store';
import { SourceService } from '../../../server/services/source-service';
import { AnnotationService } from '../../../server/services/annotation-service';
import { COURIER_PAGE, EMPTY_PAGE_HTML, HARBOUR_PAGE } from './news-pages';
import { LATIN1_SENTENCE, startPageServer, type PageServer } from './page-server';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const MASTHEAD = 'The Valley Ledger\n\nNews you can use since 1921';

function failure(run: () => unknown): SourceError {
  try {
    run();
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('prepareSource', () => {
  it('keeps pasted text as it is (line endings aside) and guesses title and date, marked as guesses', () => {
    const prepared = prepareSource({ text: '\uFEFFMill Reopens After Fire Inspection\r\n\r\nMarch 4, 2019\r\n\r\nThe mill reopened.' });
    expect(prepared).toEqual({
      id: 'mill-reopens-after-fire-inspection',
      text: 'Mill Reopens After Fire Inspection\n\nMarch 4, 2019\n\nThe mill reopened.',
      meta: { title: 'Mill Reopens After Fire Inspection', published: '2019-03-04', guessed: ['title', 'published'] },
      format: 'text',
    });
  });

  it('takes what the user gave as given, ignores empty fields, and names the outlet from the URL', () => {
    const prepared = prepareSource({
      text: 'Some Headline Words Here\n\nBody.',
      title: 'My own title',
      author: '  ',
      url: 'https://www.ledger.example/2020/01/02/x',
    });
    expect(prepared.meta).toEqual({ title: 'My own title', url: 'https://www.ledger.example/2020/01/02/x', outlet: 'ledger.example', guessed: ['outlet'] });
    expect(prepared.id).toBe('my-own-title');
  });

  it('recognises the masthead against the library’s other texts', () => {
    const other = `${MASTHEAD}\n\nSchool Board Picks New Superintendent\n\nBody.`;
    const text = `${MASTHEAD}\n\nMill Reopens After Fire Inspection\n\nBody.`;
    expect(prepareSource({ text }).meta.title).toBe('The Valley Ledger');
    expect(prepareSource({ text }, { otherTexts: [other] }).meta.title).toBe('Mill Reopens After Fire Inspection');
  });

  it('reads files: ids from the file name by the one id rule, Markdown made plain, front matter found', () => {
    const txt = prepareSource({ file: { name: '000_f73bab94f4e13693.txt', bytes: bytes('Headline Of A Plain File\n\nBody text.') } });
    expect(txt.id).toBe('000-f73bab94f4e13693');
    expect(txt.format).toBe('text');
    const md = prepareSource({
      file: { name: 'Floods Report.md', bytes: bytes('---\ntitle: Floods close bridges\ndate: 2024-05-02\n---\n# Floods close bridges\n\n- Elm Street\n- **Mill Road**\n') },
    });
    expect(md).toMatchObject({ id: 'floods-report', text: 'Floods close bridges\n\nElm Street\n\nMill Road', format: 'markdown' });
    expect(md.meta).toEqual({ title: 'Floods close bridges', published: '2024-05-02', guessed: [] });
  });

  it('extracts HTML files and pasted HTML, keeping the raw page', () => {
    const file = prepareSource({ file: { name: 'courier.HTM', bytes: bytes(COURIER_PAGE.html) }, url: 'https://www.millbrookcourier.example/a' });
    expect(file.id).toBe('courier');
    expect(file.rawHtml).toBe(COURIER_PAGE.html);
    expect(file.text).toContain(COURIER_PAGE.article[0]);
    expect(file.meta.guessed).toEqual([]);
    const pasted = prepareSource({ html: HARBOUR_PAGE.html, url: 'https://harbourtimes.example/x', outlet: 'Harbour Times (print)' });
    expect(pasted.id).toBe('halden-dock-strike-ends-with-deal-on-night-shifts');
    expect(pasted.meta).toMatchObject({ outlet: 'Harbour Times (print)', url: 'https://harbourtimes.example/business/2023/06/halden-strike-ends' });
    expect(pasted.extraction).toBe('readability');
  });

  it('reads a legacy-encoded file and says so', () => {
    const latin1 = Uint8Array.from(Array.from(`Harbour Plan Approved Today\n\n${LATIN1_SENTENCE}`, (c) => (c === '’' ? 0x92 : c.charCodeAt(0))));
    const prepared = prepareSource({ file: { name: 'plan.txt', bytes: latin1 } });
    expect(prepared.text).toContain(LATIN1_SENTENCE);
    expect(prepared.charsetNote).toBe('plan.txt: not valid UTF-8, read as windows-1252');
  });

  it('refuses unsupported files, empty texts and pages without an article, with codes', () => {
    expect(failure(() => prepareSource({ file: { name: 'scan.pdf', bytes: bytes('%PDF') } }))).toMatchObject({ code: 'unsupported_file', status: 422 });
    expect(failure(() => prepareSource({ text: ' \n\n ' })).code).toBe('empty_text');
    expect(failure(() => prepareSource({ html: EMPTY_PAGE_HTML })).code).toBe('no_content');
    expect(failure(() => prepareSource({ text: 'x'.repeat(2_000_001) }))).toMatchObject({ code: 'too_large', status: 413 });
  });

  it('titles a text with no headline after its file name, or its first words', () => {
    expect(prepareSource({ file: { name: 'notes.txt', bytes: bytes('short.\n\nlines.') } }).meta.title).toBe('notes');
    expect(prepareSource({ text: 'one. two. three.' }).meta).toEqual({ title: 'one. two. three.', guessed: ['title'] });
  });
});

describe('fetched pages through the pipeline, into a library', () => {
  let server: PageServer;
  let dir: string;
  beforeAll(async () => {
    server = await startPageServer();
    dir = await mkdtemp(join(tmpdir(), 'collate-add-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a fetched page with its metadata, keeping guesses marked across a reopening', async () => {
    const page = await fetchPage(`${server.origin}/r/1`, { allowPrivate: true });
    const prepared = prepareFetchedPage(page);
    expect(prepared.fetchedAt).toBe(page.fetchedAt);
    expect(prepared.meta).toMatchObject({ title: 'Council votes to replace lead pipes on the east side', author: 'Jane Alvarez' });
    const plain = prepareFetchedPage(await fetchPage(`${server.origin}/plain`, { allowPrivate: true }));
    expect(plain.meta).toMatchObject({ title: 'Plain Notice About Water', url: `${server.origin}/plain`, outlet: '127.0.0.1', guessed: ['title', 'outlet'] });
    expect(plain.rawHtml).toBeUndefined();

    // Through the source service into a real store, then read back from a fresh open of it.
    const dataDir = join(dir, 'data');
    const store = await JsonStore.open(dataDir);
    const library = SourceLibrary.fromSources([]);
    const service = new SourceService(store, library, new AnnotationService(store, library), undefined, { allowPrivate: true });
    const actor = { name: 'tester', role: 'admin' as const };
    await service.fetch({ url: `${server.origin}/r/1` }, actor);
    await service.fetch({ url: `${server.origin}/plain` }, actor);
    await store.close();
    const reopened = SourceLibrary.fromSources(await SourceService.loadAll(await JsonStore.open(dataDir, { readOnly: true })));
    const courier = reopened.get(prepared.id);
    expect(courier).toMatchObject({ title: prepared.meta.title, outlet: 'The Millbrook Courier', published: '2024-03-12', guessed: [] });
    expect(reopened.get(plain.id)).toMatchObject({ outlet: '127.0.0.1', guessed: ['title', 'outlet'] });
  });
});
