/**
 * The checks every request passes before a route runs: Host (DNS rebinding), Origin of
 * state-changing requests (cross-site forgery), body type and encoding, malformed paths and
 * query strings, nesting depth, and the security headers on every answer. Each refusal is a JSON
 * error and leaves the data folder as it was.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, type ApiRoute } from '../../../server/auth/permissions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { addPeople, bearer, folderDigest } from './accounts-fixture';
import { send, type RawResponse } from './raw-http';

let local: TestServer;
let port: string;
beforeAll(async () => {
  local = await startTestServer();
  port = new URL(local.url).port;
});
afterAll(() => local.close());

const WRITES = API_ROUTES.filter((r) => r.method !== 'GET');
/** A concrete path for a route: parameters filled with plausible values. */
const pathOf = (r: ApiRoute) => r.path.replace(':id', 'a_0123456789abcdef0123').replace(':name', 'someone');
const NOTE = JSON.stringify({ kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')] });

async function unchanged(srv: TestServer, act: () => Promise<RawResponse>): Promise<RawResponse> {
  const before = await folderDigest(srv.dataDir);
  const res = await act();
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.json?.error?.code, `${res.status} ${res.text}`).toEqual(expect.any(String));
  expect(await folderDigest(srv.dataDir)).toBe(before);
  return res;
}

describe('Host', () => {
  it('refuses a rebinding host name with 421 on every route, reads and static files included', async () => {
    for (const r of [...API_ROUTES, { method: 'GET', path: '/' } as ApiRoute]) {
      for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost:${Number(port) + 1}`]) {
        const body = r.method === 'GET' ? {} : { body: NOTE, headers: { 'content-type': 'application/json', origin: `http://${host}` } };
        const res = await unchanged(local, () => send(local.url, { method: r.method, path: pathOf(r), ...body, headers: { ...body.headers, host } }));
        expect(res.status, `${r.method} ${r.path} with Host ${host}`).toBe(421);
        expect(res.json.error.code).toBe('misdirected');
      }
    }
  });

  it('answers to loopback names and the address it was reached on, with its port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await send(local.url, { method: 'GET', path: '/api/sets', headers: { host } })).status, host).toBe(200);
    }
  });

  it('refuses a request with no Host header at all', async () => {
    const reply = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('GET /api/sets HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    expect(reply).toMatch(/^HTTP\/1\.[01] 421 /);
  });

  it('answers to the public URL a reverse proxy serves it under, and only then', async () => {
    const proxied = await startTestServer({ app: { publicUrl: new URL('https://collate.example.org') } });
    try {
      for (const host of ['collate.example.org', 'collate.example.org:443', `127.0.0.1:${new URL(proxied.url).port}`]) {
        expect((await send(proxied.url, { method: 'GET', path: '/api/sets', headers: { host } })).status, host).toBe(200);
      }
      expect((await send(proxied.url, { method: 'GET', path: '/api/sets', headers: { host: 'collate.example.org:8443' } })).status).toBe(421);
      const created = await send(proxied.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { host: 'collate.example.org', origin: 'https://collate.example.org', 'content-type': 'application/json' } });
      expect(created.status).toBe(201);
      const plainHttp = await send(proxied.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { host: 'collate.example.org', origin: 'http://collate.example.org', 'content-type': 'application/json' } });
      expect(plainHttp.status).toBe(403);
      expect((await send(proxied.url, { method: 'GET', path: '/api/sets', headers: { host: 'collate.example.org' } })).headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });
});

describe('Origin of state-changing requests', () => {
  it('refuses a foreign or opaque Origin, or a cross-site fetch, on every state-changing route', async () => {
    for (const r of WRITES) {
      for (const marks of <Record<string, string>[]>[{ origin: 'http://evil.example' }, { origin: `http://evil.example:${port}` }, { origin: 'null' }, { origin: `https://127.0.0.1:${port}` }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
        const res = await unchanged(local, () => send(local.url, { method: r.method, path: pathOf(r), body: '{}', headers: { 'content-type': 'application/json', ...marks } }));
        expect(res.status, `${r.method} ${r.path} ${JSON.stringify(marks)}`).toBe(403);
        expect(res.json.error.code).toBe('forbidden_origin');
      }
    }
  });

  it('lets the app\'s own pages and programs without browser marks through', async () => {
    for (const marks of <Record<string, string>[]>[{ origin: `http://127.0.0.1:${port}` }, { origin: `http://localhost:${port}` }, { 'sec-fetch-site': 'same-origin' }, {}]) {
      const res = await send(local.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', ...marks } });
      expect(res.status, JSON.stringify(marks)).toBe(201);
    }
  });

  it('refuses a foreign Origin even with a valid token, and a session cookie without any Origin', async () => {
    const team = await startTestServer();
    try {
      const tokens = await addPeople(team.store);
      const foreign = await unchanged(team, () => send(team.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', origin: 'http://evil.example', ...bearer(tokens.editor) } }));
      expect(foreign.status).toBe(403);
      const signIn = await send(team.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'eddie', token: tokens.editor }), headers: { 'content-type': 'application/json' } });
      const cookie = String(signIn.headers['set-cookie']).split(';')[0];
      const bare = await unchanged(team, () => send(team.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', cookie } }));
      expect(bare.status).toBe(403);
      const own = await send(team.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', cookie, origin: team.url } });
      expect(own.status).toBe(201);
      // A program with a token needs no Origin.
      expect((await send(team.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', ...bearer(tokens.editor) } })).status).toBe(201);
    } finally {
      await team.close();
    }
  });
});

describe('request bodies', () => {
  it('refuses form, multipart and text/plain posts on every state-changing route, with any origin', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'kind=note&set=default'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnote\r\n--x--\r\n'],
      ['text/plain', NOTE],
      ['text/plain;charset=UTF-8', '{}'],
    ];
    for (const r of WRITES) {
      for (const [type, body] of bodies) {
        for (const origin of <Record<string, string>[]>[{}, { origin: `http://127.0.0.1:${port}` }]) {
          const res = await unchanged(local, () => send(local.url, { method: r.method, path: pathOf(r), body, headers: { 'content-type': type, ...origin } }));
          expect(res.status, `${r.method} ${r.path} as ${type}`).toBe(415);
          expect(res.json.error.code).toBe('unsupported_media_type');
        }
      }
    }
    // A body without any Content-Type is refused too; a write without a body needs none.
    expect((await send(local.url, { method: 'POST', path: '/api/sets', body: '{"name":"x"}' })).status).toBe(415);
  });

  it('takes JSON-LD on the import route only', async () => {
    const ld = { 'content-type': 'application/ld+json' };
    expect((await send(local.url, { method: 'POST', path: '/api/import', body: '[]', headers: ld })).status).not.toBe(415);
    expect((await send(local.url, { method: 'POST', path: '/api/sets', body: '{"name":"ld"}', headers: ld })).status).toBe(415);
  });

  it('refuses compressed bodies with 415, whether or not the body really is compressed', async () => {
    for (const encoding of ['gzip', 'br', 'deflate', 'x-custom', 'gzip, identity']) {
      for (const body of [NOTE, gzipSync(NOTE)]) {
        const res = await unchanged(local, () => send(local.url, { method: 'POST', path: '/api/annotations', body, headers: { 'content-type': 'application/json', 'content-encoding': encoding } }));
        expect(res.status, encoding).toBe(415);
        expect(res.json.error.code).toBe('unsupported_encoding');
      }
    }
    expect((await send(local.url, { method: 'POST', path: '/api/annotations', body: NOTE, headers: { 'content-type': 'application/json', 'content-encoding': 'identity' } })).status).toBe(201);
  });

  it('refuses JSON nested deeper than any request needs, without a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    for (const path of ['/api/annotations', '/api/import']) {
      const res = await unchanged(local, () => send(local.url, { method: 'POST', path, body: `{"kind":${deep}}`, headers: { 'content-type': 'application/json' } }));
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('too_deep');
    }
  });
});

describe('paths and query strings', () => {
  it('answers malformed percent-escapes with 400 on every route with a parameter, and on static paths', async () => {
    const withParam = API_ROUTES.filter((r) => r.path.includes(':'));
    expect(withParam.length).toBeGreaterThan(5);
    for (const r of withParam) {
      for (const bad of ['%ZZ', '%', '%C0%AF', 'a%E2%82', '%ED%A0%80']) {
        const path = r.path.replace(/:[a-z]+/, bad);
        const extra = r.method === 'GET' ? {} : { body: '{}', headers: { 'content-type': 'application/json' } };
        const res = await unchanged(local, () => send(local.url, { method: r.method, path, ...extra }));
        expect(res.status, `${r.method} ${path}`).toBe(400);
        expect(res.json.error.code).toBe('bad_path');
      }
    }
    expect((await send(local.url, { method: 'GET', path: '/%ZZ' })).status).toBe(400);
  });

  it('refuses array-shaped query parameters like repeated ones', async () => {
    for (const query of ['kind[]=bogus', 'kind[a]=x', 'kind%5B%5D=note', 'kind=note&kind=claim']) {
      const res = await send(local.url, { method: 'GET', path: `/api/annotations?${query}` });
      expect(res.status, query).toBe(400);
      expect(res.json.error.code).toBe('invalid');
    }
    expect((await send(local.url, { method: 'GET', path: '/api/export?format[]=csv' })).status).toBe(400);
  });

  it('answers a known path with the wrong method 405, naming the methods it takes', async () => {
    const res = await send(local.url, { method: 'PUT', path: '/api/sets', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
  });
});

describe('security headers', () => {
  it('come from helmet on API answers, errors and the client alike', async () => {
    const answers = [
      await send(local.url, { method: 'GET', path: '/api/sets' }),
      await send(local.url, { method: 'GET', path: '/api/nothing-here' }),
      await send(local.url, { method: 'GET', path: '/api/sets', headers: { host: 'evil.example' } }),
      await send(local.url, { method: 'GET', path: '/' }),
    ];
    for (const res of answers) {
      expect(res.headers['x-content-type-options'], String(res.status)).toBe('nosniff');
      const csp = String(res.headers['content-security-policy']);
      for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]) expect(csp).toContain(directive);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
