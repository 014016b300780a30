import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(() => srv.close());

describe('the served client', () => {
  it('serves the app at / with a policy that allows only its own scripts', async () => {
    const res = await fetch(`${srv.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<main id="app"');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('references no outside host in the built page or its assets', async () => {
    const html = await (await fetch(`${srv.url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith('/') || u.startsWith('./'));
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      const body = await (await fetch(new URL(a, srv.url + '/'))).text();
      // No fonts, scripts or beacons from elsewhere: the only outside URLs in the bundle are
      // vocabulary identifiers and the documentation links in ProseMirror's error messages.
      const hosts = [...body.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase());
      const outside = hosts.filter((h) => !['127.0.0.1', 'localhost', 'www.w3.org', 'schema.org', 'example.org', 'json-schema.org', 'prosemirror.net'].includes(h));
      expect(outside, a).toEqual([]);
    }
  });
});
