/**
 * Fetching pages by URL from a real local HTTP server: redirects, the address policy on every hop,
 * content types, size cap, deadline and charsets. Private fetching is allowed per call (an option),
 * never through process.env.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, privateFetchAllowed, type FetchOptions } from '../../../server/sources/fetch-page';
import { SourceError } from '../../../server/sources/source-error';
import { COURIER_PAGE } from './news-pages';
import { LATIN1_SENTENCE, startPageServer, type PageServer } from './page-server';

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer();
});
afterAll(async () => {
  await server.close();
});

const allowed: FetchOptions = { allowPrivate: true };
/** The test server's own address is trusted; every other non-public address stays refused. */
const onlyTestServer: FetchOptions = { allowPrivate: false, allowedAddresses: ['127.0.0.1'] };

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
  throw new Error('the fetch succeeded');
}

describe('fetchPage', () => {
  it('fetches a page with its final URL, content type, charset and timing', async () => {
    const page = await fetchPage(`${server.origin}/courier`, allowed);
    expect(page.body).toBe(COURIER_PAGE.html);
    expect(page).toMatchObject({ url: `${server.origin}/courier`, status: 200, contentType: 'text/html', charset: 'utf-8', redirects: [], address: '127.0.0.1' });
    expect(page.bytes).toBe(Buffer.byteLength(COURIER_PAGE.html));
    expect(Date.parse(page.fetchedAt)).not.toBeNaN();
    expect(page.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('follows relative and absolute redirects and reports the chain', async () => {
    const page = await fetchPage(`${server.origin}/r/3`, allowed);
    expect(page.url).toBe(`${server.origin}/courier`);
    expect(page.redirects).toEqual([`${server.origin}/r/3`, `${server.origin}/r/2`, `${server.origin}/r/1`]);
    expect(page.body).toBe(COURIER_PAGE.html);
  });

  it('follows at most five redirects', async () => {
    const five = await fetchPage(`${server.origin}/r/5`, allowed);
    expect(five.redirects.length).toBe(5);
    expect((await failure(fetchPage(`${server.origin}/r/6`, allowed))).code).toBe('too_many_redirects');
    expect((await failure(fetchPage(`${server.origin}/loop`, allowed))).code).toBe('too_many_redirects');
  });

  it('accepts HTML, XHTML, plain text, and untyped HTML; refuses other types before reading them', async () => {
    expect((await fetchPage(`${server.origin}/library`, allowed)).contentType).toBe('application/xhtml+xml');
    expect((await fetchPage(`${server.origin}/plain`, allowed)).contentType).toBe('text/plain');
    expect((await fetchPage(`${server.origin}/no-type`, allowed)).contentType).toBe('text/html');
    for (const path of ['/image', '/pdf', '/no-type-binary']) {
      const err = await failure(fetchPage(`${server.origin}${path}`, allowed));
      expect(err.code).toBe('unsupported_type');
      expect(err.status).toBe(422);
    }
  });

  it('stops at the size cap, whether the size is declared or streamed', async () => {
    const declared = await failure(fetchPage(`${server.origin}/huge-declared`, allowed));
    expect(declared).toMatchObject({ code: 'too_large', status: 413 });
    const streamed = await failure(fetchPage(`${server.origin}/huge-streamed`, allowed));
    expect(streamed.code).toBe('too_large');
    expect((await failure(fetchPage(`${server.origin}/courier`, { ...allowed, maxBytes: 1000 }))).code).toBe('too_large');
  });

  it('gives up at the deadline on a server that does not answer, or stops mid-body', async () => {
    const silent = await failure(fetchPage(`${server.origin}/stall`, { ...allowed, timeoutMs: 150 }));
    expect(silent).toMatchObject({ code: 'fetch_timeout', status: 504 });
    expect((await failure(fetchPage(`${server.origin}/stall-body`, { ...allowed, timeoutMs: 150 }))).code).toBe('fetch_timeout');
  });

  it('reports upstream errors and bad URLs with their own codes', async () => {
    expect(await failure(fetchPage(`${server.origin}/not-found`, allowed))).toMatchObject({ code: 'fetch_failed', status: 502 });
    expect((await failure(fetchPage('not a url', allowed))).code).toBe('invalid_url');
    expect((await failure(fetchPage('ftp://example.org/x', allowed))).code).toBe('invalid_url');
    expect((await failure(fetchPage('http://user:pw@example.org/', allowed))).code).toBe('invalid_url');
    expect((await failure(fetchPage(`${server.origin}/to-file`, allowed))).code).toBe('fetch_refused');
    // A closed port: the connection is refused by the system.
    expect((await failure(fetchPage('http://127.0.0.1:1/', allowed))).code).toBe('fetch_failed');
  });

  it('decodes legacy charsets from the header or the page, and survives wrong ones', async () => {
    const header = await fetchPage(`${server.origin}/latin1`, allowed);
    expect(header.charset).toBe('windows-1252');
    expect(header.body).toContain(LATIN1_SENTENCE);
    const meta = await fetchPage(`${server.origin}/meta-charset`, allowed);
    expect(meta.charset).toBe('windows-1252');
    expect(meta.body).toContain(LATIN1_SENTENCE);
    const bogus = await fetchPage(`${server.origin}/bogus-charset`, allowed);
    expect(bogus).toMatchObject({ charset: 'utf-8', charsetNote: 'unknown charset "x-no-such-charset" ignored' });
    expect(bogus.body).toContain('Plain ASCII and “UTF-8” quotes.');
    const mislabelled = await fetchPage(`${server.origin}/mislabelled`, allowed);
    expect(mislabelled.charset).toBe('windows-1252');
    expect(mislabelled.charsetNote).toMatch(/not valid UTF-8/);
    expect(mislabelled.body).toContain(LATIN1_SENTENCE);
  });

  it('decompresses a gzip body', async () => {
    expect((await fetchPage(`${server.origin}/gzip`, allowed)).body).toBe(COURIER_PAGE.html);
  });
});

describe('fetchPage and non-public addresses', () => {
  it('refuses loopback by IP and by name (after DNS) without connecting, unless private fetch is allowed', async () => {
    const before = server.requests.length;
    const byIp = await failure(fetchPage(`${server.origin}/courier`, { allowPrivate: false }));
    expect(byIp).toMatchObject({ code: 'fetch_refused', status: 422 });
    expect(byIp.message).toContain('loopback');
    const byName = await failure(fetchPage(`http://localhost:${server.port}/courier`, { allowPrivate: false }));
    expect(byName.code).toBe('fetch_refused');
    expect(server.requests.length).toBe(before);
    expect((await fetchPage(`http://localhost:${server.port}/courier`, allowed)).status).toBe(200);
  });

  it('checks every redirect hop: a redirect to another non-public address is refused', async () => {
    expect((await fetchPage(`${server.origin}/r/1`, onlyTestServer)).status).toBe(200);
    for (const path of ['/to-other-loopback', '/to-ipv6-loopback', '/to-metadata', '/to-mapped']) {
      const before = server.requests.length;
      const err = await failure(fetchPage(`${server.origin}${path}`, onlyTestServer));
      expect(err.code).toBe('fetch_refused');
      // Only the first hop reached the server.
      expect(server.requests.slice(before)).toEqual([path]);
    }
  });

  it('reads COLLATE_ALLOW_PRIVATE_FETCH=1 (exactly) as the default permission', () => {
    expect(privateFetchAllowed({ COLLATE_ALLOW_PRIVATE_FETCH: '1' })).toBe(true);
    expect(privateFetchAllowed({ COLLATE_ALLOW_PRIVATE_FETCH: 'true' })).toBe(false);
    expect(privateFetchAllowed({})).toBe(false);
  });
});
