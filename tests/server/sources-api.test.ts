/**
 * Adding sources through the API: pasted HTML and text, uploaded files, web pages fetched from a
 * local server, ids made and kept apart, every revision kept with where it came from, re-fetching a
 * page that changed, and the home page's mark on sources that changed since they were annotated.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { COURIER_PAGE } from './sources/news-pages';

let srv: TestServer;
let strict: TestServer;
let page: Server;
let pageUrl: string;
let pageBody = '';

beforeAll(async () => {
  srv = await startTestServer({ app: { fetchOptions: { allowPrivate: true, timeoutMs: 5000 } } });
  strict = await startTestServer({ app: { fetchOptions: { allowPrivate: false } } });
  page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pageBody);
  });
  await new Promise<void>((ok) => page.listen(0, '127.0.0.1', ok));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/story`;
});
afterAll(async () => {
  await srv.close();
  await strict.close();
  await new Promise((ok) => page.close(ok));
});

const article = (headline: string, paragraphs: string[]) =>
  `<html><head><title>${headline} | The Test Gazette</title><meta property="og:site_name" content="The Test Gazette">` +
  `<meta property="og:title" content="${headline}"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>` +
  `<article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>© The Test Gazette</footer></body></html>`;

const PARAGRAPHS = [
  'The regional council approved the new bridge on Tuesday after a debate that lasted most of the afternoon and into the evening.',
  'Construction is expected to cost 42 million euros and to take three years, according to the council’s own estimate published in March.',
  'Opponents said the money would be better spent on the ferry service, which carries about 1,200 passengers a day across the estuary.',
];

describe('POST /api/sources', () => {
  it('extracts a pasted page, takes its metadata, makes an id from the title and keeps the page', async () => {
    const res = await call(srv.url, 'POST', '/api/sources', { html: article('Council approves the estuary bridge', PARAGRAPHS) });
    expect(res.status).toBe(201);
    expect(res.body.source).toMatchObject({ id: 'council-approves-the-estuary-bridge', title: 'Council approves the estuary bridge', outlet: 'The Test Gazette', revision: 1 });
    const { source } = (await call(srv.url, 'GET', `/api/sources/${res.body.source.id}`)).body;
    expect(source.text).toContain('42 million euros');
    expect(source.text).not.toContain('Home');
    expect(source.text.split('\n\n').length).toBeGreaterThanOrEqual(3);
    const [revision] = (await call(srv.url, 'GET', `/api/sources/${source.id}/revisions`)).body.revisions;
    expect(revision).toMatchObject({ revision: 1, origin: { kind: 'paste' }, html: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The same title again is another source, with an id of its own.
    const twin = await call(srv.url, 'POST', '/api/sources', { html: article('Council approves the estuary bridge', PARAGRAPHS.slice(1)) });
    expect(twin.status).toBe(201);
    expect(twin.body.source.id).toBe('council-approves-the-estuary-bridge-2');
  });

  it('reads uploaded Markdown and text files, ids from their names', async () => {
    const md = `# Ferry timetable changes\n\nThe *evening* ferry now leaves at **19:40**, ten minutes later.\n\n- Saturdays unchanged\n`;
    const res = await call(srv.url, 'POST', '/api/sources', { file: { name: 'Ferry Notes.md', base64: Buffer.from(md).toString('base64') }, outlet: 'Harbour Office' });
    expect(res.status).toBe(201);
    expect(res.body.source).toMatchObject({ id: 'ferry-notes', title: 'Ferry timetable changes', outlet: 'Harbour Office' });
    const text = (await call(srv.url, 'GET', '/api/sources/ferry-notes')).body.source.text as string;
    expect(text).toContain('The evening ferry now leaves at 19:40');
    expect(text).not.toMatch(/[*#]/);
    const [revision] = (await call(srv.url, 'GET', '/api/sources/ferry-notes/revisions')).body.revisions;
    expect(revision.origin).toMatchObject({ kind: 'upload', fileName: 'Ferry Notes.md' });
  });

  it('refuses what it cannot take, with a clear error and nothing stored', async () => {
    const before = (await call(srv.url, 'GET', '/api/sources')).body.sources.length;
    const both = await call(srv.url, 'POST', '/api/sources', { text: 'a', html: '<p>b</p>' });
    expect(both.status).toBe(400);
    const pdf = await call(srv.url, 'POST', '/api/sources', { file: { name: 'report.pdf', base64: 'JVBERi0=' } });
    expect([pdf.status, pdf.body.error.code]).toEqual([422, 'unsupported_file']);
    const empty = await call(srv.url, 'POST', '/api/sources', { html: '<html><body><nav>Home</nav></body></html>' });
    expect(empty.status).toBe(422);
    const script = await call(srv.url, 'POST', '/api/sources', { text: 'Some words here.', url: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect((await call(srv.url, 'GET', '/api/sources')).body.sources.length).toBe(before);
  });
});

describe('POST /api/sources/preview', () => {
  it('answers what adding would make, guesses marked, and stores nothing', async () => {
    const before = await call(srv.url, 'GET', '/api/sources');
    const text = 'Harbour Gazette\n\nFerry fares rise by a fifth from June\n\nMILLBROOK, March 4, 2024 - The ferry company said on Monday that fares would rise. ' + 'More words follow here. '.repeat(40);
    const res = await call(srv.url, 'POST', '/api/sources/preview', { text, author: 'Ana Lopez' });
    expect(res.status).toBe(200);
    const preview = res.body;
    expect(preview).toMatchObject({ author: 'Ana Lopez', title: 'Ferry fares rise by a fifth from June', published: '2024-03-04' });
    expect(preview.guessed).toContain('title');
    expect(preview.guessed).not.toContain('author');
    expect(preview.words).toBe(text.split(/\s+/).filter(Boolean).length);
    expect(preview.excerpt.length).toBeLessThanOrEqual(401);
    expect(text.replace(/\s+/g, ' ')).toContain(preview.excerpt.replace(/…$/, ''));
    // Adding the same body stores what the preview said, under the id it named.
    const added = await call(srv.url, 'POST', '/api/sources', { text, author: 'Ana Lopez' });
    expect(added.status).toBe(201);
    expect(added.body.source).toMatchObject({ id: preview.id, title: preview.title, author: 'Ana Lopez' });
    // No outlet was found: stored, the source is of an "Unknown outlet", a guess too.
    expect(preview.outlet).toBeUndefined();
    expect(added.body.source).toMatchObject({ outlet: 'Unknown outlet', published: preview.published });
    expect(new Set(added.body.source.guessed)).toEqual(new Set([...preview.guessed, 'outlet']));
    // A second preview of the same text names the id the next addition would take.
    const again = (await call(srv.url, 'POST', '/api/sources/preview', { text })).body;
    expect(again.id).not.toBe(preview.id);
    expect((await call(srv.url, 'GET', '/api/sources')).body.sources.length).toBe(before.body.sources.length + 1);
  });

  it('previews a pasted page with its metadata, and refuses what adding refuses', async () => {
    const res = await call(srv.url, 'POST', '/api/sources/preview', { html: article('Ferry service to be expanded', PARAGRAPHS) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'ferry-service-to-be-expanded', title: 'Ferry service to be expanded', outlet: 'The Test Gazette' });
    expect(res.body.guessed).not.toContain('outlet');
    const empty = await call(srv.url, 'POST', '/api/sources/preview', { html: '<html><body><nav>Home</nav></body></html>' });
    expect([empty.status, empty.body.error.code]).toEqual([422, 'no_content']);
    const pdf = await call(srv.url, 'POST', '/api/sources/preview', { file: { name: 'report.pdf', base64: 'JVBERi0=' } });
    expect([pdf.status, pdf.body.error.code]).toEqual([422, 'unsupported_file']);
    expect((await call(srv.url, 'POST', '/api/sources/preview', { text: 'x', published: 'yesterday' })).status).toBe(400);
    expect((await call(srv.url, 'GET', '/api/sources/ferry-service-to-be-expanded')).status).toBe(404);
  });
});

describe('fetching pages', () => {
  it('fetches a page, keeps when and from where, and re-fetches a changed page as a revision that re-anchors', async () => {
    pageBody = article('Bridge vote delayed', PARAGRAPHS);
    const res = await call(srv.url, 'POST', '/api/sources/fetch', { url: pageUrl });
    expect(res.status).toBe(201);
    const id = res.body.source.id;
    expect(res.body.source).toMatchObject({ title: 'Bridge vote delayed', outlet: 'The Test Gazette', url: pageUrl });
    const text = (await call(srv.url, 'GET', `/api/sources/${id}`)).body.source.text as string;
    const quote = 'Construction is expected to cost 42 million euros';
    const start = text.indexOf(quote);
    const made = await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [{ source: id, start, end: start + quote.length, exact: quote }] });
    expect(made.body.annotation.targets[0].revision).toBe(1);

    expect((await call(srv.url, 'POST', `/api/sources/${id}/refetch`, {})).body.status).toBe('unchanged');
    pageBody = article('Bridge vote delayed', [PARAGRAPHS[0].replace('Tuesday', 'Wednesday'), PARAGRAPHS[1].replace('42 million', '45 million'), PARAGRAPHS[2]]);
    const again = await call(srv.url, 'POST', `/api/sources/${id}/refetch`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'revised', source: { revision: 2 }, reanchored: { changed: 1 } });
    const claim = (await call(srv.url, 'GET', `/api/annotations/${made.body.annotation.id}`)).body.annotation;
    expect(claim.targets[0]).toMatchObject({ exact: 'Construction is expected to cost 45 million euros', changedFrom: { exact: quote }, revision: 2 });
    const revisions = (await call(srv.url, 'GET', `/api/sources/${id}/revisions`)).body.revisions;
    expect(revisions.map((r: { origin: { kind: string; url: string; fetchedAt: string } }) => [r.origin.kind, r.origin.url, typeof r.origin.fetchedAt])).toEqual([
      ['fetch', pageUrl, 'string'],
      ['fetch', pageUrl, 'string'],
    ]);
    // The home page marks the source: an annotation on it points at a passage that changed.
    const listed = (await call(srv.url, 'GET', '/api/sources')).body.sources.find((s: { id: string }) => s.id === id);
    expect(listed.changed).toBe(true);
    expect((await call(srv.url, 'GET', '/api/sources')).body.sources.find((s: { id: string }) => s.id === 'ferry-notes').changed).toBe(false);
  });

  it('refuses private addresses unless allowed, and reports an unreachable page', async () => {
    const refused = await call(strict.url, 'POST', '/api/sources/fetch', { url: pageUrl });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'fetch_refused']);
    const closed = await call(srv.url, 'POST', '/api/sources/fetch', { url: 'http://127.0.0.1:1/nothing' });
    expect([closed.status, closed.body.error.code]).toEqual([502, 'fetch_failed']);
    expect((await call(srv.url, 'POST', '/api/sources/fetch', { url: 'ftp://example.org/x' })).status).toBe(400);
  });

  it('adds a real-looking news page with its byline and date', async () => {
    pageBody = COURIER_PAGE.html;
    const res = await call(srv.url, 'POST', '/api/sources/fetch', { url: pageUrl.replace('/story', '/courier') });
    expect(res.status).toBe(201);
    expect(res.body.source).toMatchObject({ outlet: 'The Millbrook Courier', published: '2024-03-12', author: 'Jane Alvarez' });
  });
});
