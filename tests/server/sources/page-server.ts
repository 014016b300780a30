/**
 * A local web server for the fetching tests (node:http on 127.0.0.1, a free port): news pages,
 * redirects (relative, chained, looping, to non-public addresses), wrong content types, oversized and
 * stalled bodies, legacy and wrong charsets, compression. Records every request path, so a test can
 * check that a refused fetch never reached it. close() drops open connections (stalled ones too).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { COURIER_PAGE, EMPTY_PAGE_HTML, HARBOUR_PAGE, LIBRARY_PAGE } from './news-pages';

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** "Café déjà vu" and a curly quote, in windows-1252 bytes (é = 0xE9, à = 0xE0, ’ = 0x92). */
export const LATIN1_SENTENCE = 'Café déjà vu: the mayor’s plan was approved by the council after a long debate about the harbour.';
const LATIN1_BYTES = Buffer.from(
  Array.from(LATIN1_SENTENCE, (ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))),
);

function htmlAround(paragraph: Buffer, head = ''): Buffer {
  return Buffer.concat([
    Buffer.from(`<html><head>${head}<title>Harbour plan approved</title></head><body><article><h1>Harbour plan approved</h1><p>`),
    paragraph,
    Buffer.from(' More of the story follows here with enough words to be an article body for the extractor.</p></article></body></html>'),
  ]);
}

type Handler = (req: IncomingMessage, res: ServerResponse, port: number) => void;

const send =
  (type: string | undefined, body: string | Buffer, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { ...(type ? { 'content-type': type } : {}), ...headers });
    res.end(body);
  };

const redirect =
  (status: number, location: (port: number) => string): Handler =>
  (_req, res, port) => {
    res.writeHead(status, { location: location(port) });
    res.end();
  };

const ROUTES: Record<string, Handler> = {
  '/courier': send('text/html; charset=utf-8', COURIER_PAGE.html),
  '/harbour': send('text/html', HARBOUR_PAGE.html),
  '/library': send('application/xhtml+xml', LIBRARY_PAGE.html),
  '/plain': send('text/plain; charset=utf-8', 'Plain Notice About Water\n\nThe supply stops on Friday.\n'),
  '/no-type': send(undefined, HARBOUR_PAGE.html),
  '/no-type-binary': send(undefined, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3])),
  '/empty-page': send('text/html', EMPTY_PAGE_HTML),
  '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  '/pdf': send('application/pdf; charset=binary', '%PDF-1.4'),
  '/latin1': send('text/html; charset=windows-1252', htmlAround(LATIN1_BYTES)),
  '/meta-charset': send('text/html', htmlAround(LATIN1_BYTES, '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">')),
  '/bogus-charset': send('text/html; charset=x-no-such-charset', htmlAround(Buffer.from('Plain ASCII and “UTF-8” quotes.'))),
  '/mislabelled': send('text/html; charset=utf-8', htmlAround(LATIN1_BYTES)),
  '/gzip': send('text/html; charset=utf-8', gzipSync(COURIER_PAGE.html), { 'content-encoding': 'gzip' }),
  '/not-found': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<p>Not found</p>');
  },
  '/r/1': redirect(301, () => '/courier'),
  '/r/2': redirect(302, () => '/r/1'),
  '/r/3': redirect(307, (port) => `http://127.0.0.1:${port}/r/2`),
  '/r/6': redirect(302, () => '/r/5'),
  '/r/5': redirect(302, () => '/r/4'),
  '/r/4': redirect(302, () => '/r/3'),
  '/loop': redirect(302, () => '/loop'),
  '/to-other-loopback': redirect(302, (port) => `http://127.0.0.2:${port}/courier`),
  '/to-ipv6-loopback': redirect(302, (port) => `http://[::1]:${port}/courier`),
  '/to-metadata': redirect(302, () => 'http://169.254.169.254/latest/meta-data/'),
  '/to-mapped': redirect(302, (port) => `http://[::ffff:10.0.0.1]:${port}/courier`),
  '/to-file': redirect(302, () => 'file:///etc/passwd'),
  '/huge-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * 2 ** 20) });
    res.write('<html>');
    // The client stops reading; the rest is never sent.
  },
  '/huge-streamed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const more = (): void => {
      while (sent < 6 * 2 ** 20 && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', more);
      }
      res.end();
    };
    more();
  },
  '/stall': () => {
    // Never answers.
  },
  '/stall-body': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The first part of the page arrives, then nothing more.');
  },
};

/** Starts the server; every route above is served on every address it listens on (127.0.0.1). */
export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    res.on('error', () => {});
    req.socket.on('error', () => {});
    const route = ROUTES[path];
    if (route) route(req, res, port);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
