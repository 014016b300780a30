/**
 * The modes and user management over the API: the single-user mode while no user exists (and only
 * where it is allowed), the switch to signing in once the first user is added, and /api/users for
 * admins (names checked, tokens shown once, the last admin kept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/model';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { addPeople, bearer, folderDigest } from './accounts-fixture';
import { send } from './raw-http';

const json = { 'content-type': 'application/json' };

describe('with no users', () => {
  it('is a single-person tool: every request is the local user, who may do everything', async () => {
    const srv = await startTestServer({ app: { actor: { name: 'solo', role: 'admin' } } });
    try {
      const me = await send(srv.url, { method: 'GET', path: '/api/session' });
      expect(me.json).toEqual({ user: { name: 'solo', role: 'admin' }, via: 'local' });
      expect((await send(srv.url, { method: 'POST', path: '/api/sets', body: '{"name":"solo set"}', headers: json })).status).toBe(201);
      // The first user switches the mode: from then on everyone signs in.
      const first = await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify({ name: 'ada', role: 'admin' }), headers: json });
      expect(first.status).toBe(201);
      expect(first.json.user).toMatchObject({ name: 'ada', role: 'admin' });
      const anonymous = await send(srv.url, { method: 'GET', path: '/api/sources' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.json.error.message).toContain('sign in');
      expect((await send(srv.url, { method: 'GET', path: '/api/sources', headers: bearer(first.json.token) })).status).toBe(200);
      // The client stays public, so the sign-in page can load.
      expect((await send(srv.url, { method: 'GET', path: '/' })).status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('refuses everything on a server where the single-user mode may not apply (not on loopback)', async () => {
    const srv = await startTestServer({ app: { localMode: false } });
    try {
      const before = await folderDigest(srv.dataDir);
      for (const [method, path] of [['GET', '/api/sources'], ['GET', '/api/session'], ['POST', '/api/sets']]) {
        const res = await send(srv.url, { method, path, ...(method === 'POST' ? { body: '{"name":"x"}', headers: json } : {}) });
        expect(res.status, path).toBe(401);
      }
      expect((await send(srv.url, { method: 'GET', path: '/api/sets' })).json.error.message).toContain('collate user add');
      expect(await folderDigest(srv.dataDir)).toBe(before);
    } finally {
      await srv.close();
    }
  });
});

describe('/api/users', () => {
  let srv: TestServer;
  let tokens: Record<Role, string>;
  beforeAll(async () => {
    srv = await startTestServer();
    tokens = await addPeople(srv.store);
  });
  afterAll(() => srv.close());
  const admin = () => ({ ...json, ...bearer(tokens.admin) });

  it('lists users without any token or hash', async () => {
    const res = await send(srv.url, { method: 'GET', path: '/api/users', headers: admin() });
    expect(res.json.users.map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual(['ada:admin', 'ana:annotator', 'eddie:editor', 'vera:viewer']);
    expect(res.text).not.toContain('tokenHash');
    for (const t of Object.values(tokens)) expect(res.text).not.toContain(t);
  });

  it('adds a user with a token shown once, and refuses taken, malformed and formula-like names', async () => {
    const added = await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify({ name: 'Zoë', role: 'annotator' }), headers: admin() });
    expect(added.status).toBe(201);
    expect(added.json.token).toMatch(/^collate_[A-Za-z0-9_-]{43}$/);
    const who = await send(srv.url, { method: 'GET', path: '/api/session', headers: bearer(added.json.token) });
    expect(who.json).toEqual({ user: { name: 'Zoë', role: 'annotator' }, via: 'token' });
    const cases: [unknown, number][] = [
      [{ name: 'ZOË', role: 'viewer' }, 409],
      [{ name: 'Zoe\u0308', role: 'viewer' }, 409],
      [{ name: '=HYPERLINK("x")', role: 'viewer' }, 400],
      [{ name: 'two words', role: 'viewer' }, 400],
      [{ name: 'ok', role: 'owner' }, 400],
      [{ name: 'ok', role: 'viewer', token: 'mine' }, 400],
    ];
    for (const [body, status] of cases) {
      const before = await folderDigest(srv.dataDir);
      const res = await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify(body), headers: admin() });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(await folderDigest(srv.dataDir)).toBe(before);
    }
  });

  it('keeps the last admin, and removes one of two', async () => {
    const last = await send(srv.url, { method: 'DELETE', path: '/api/users/ada', headers: admin() });
    expect(last.status).toBe(409);
    expect(last.json.error.code).toBe('last_admin');
    const second = await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify({ name: 'ada2', role: 'admin' }), headers: admin() });
    expect((await send(srv.url, { method: 'DELETE', path: '/api/users/ADA', headers: bearer(second.json.token) })).status).toBe(204);
    expect((await send(srv.url, { method: 'GET', path: '/api/users', headers: admin() })).status).toBe(401);
    expect((await send(srv.url, { method: 'DELETE', path: '/api/users/nobody', headers: bearer(second.json.token) })).status).toBe(404);
  });
});
