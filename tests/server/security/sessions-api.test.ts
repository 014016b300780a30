/**
 * Signing in through the API: the session cookie and its attributes, who is signed in, idle and
 * absolute expiry (on a clock the test moves, no waiting), signing out, a new token or a removed
 * user ending sessions, sessions surviving a restart (they live in the store), and the rate limit
 * on failed sign-ins.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../core/model';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { addPeople, bearer, manualClock, PEOPLE, type Clock } from './accounts-fixture';
import { send, type RawResponse } from './raw-http';

const HOUR = 3600_000;
let srv: TestServer;
let clock: Clock;
let tokens: Record<Role, string>;

beforeAll(async () => {
  clock = manualClock();
  srv = await startTestServer({ app: { now: clock.now } });
  tokens = await addPeople(srv.store, clock.now);
});
afterAll(() => srv.close());

const json = { 'content-type': 'application/json' };

async function signIn(role: Role, server = srv): Promise<{ res: RawResponse; cookie: string }> {
  const res = await send(server.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: PEOPLE[role], token: tokens[role] }), headers: json });
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0];
  return { res, cookie };
}

const whoAmI = (cookie: string, server = srv) => send(server.url, { method: 'GET', path: '/api/session', headers: { cookie } });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and says who is signed in', async () => {
    const { res, cookie } = await signIn('annotator');
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ user: { name: 'ana', role: 'annotator' }, via: 'session', expires: new Date(clock.now().getTime() + 12 * HOUR).toISOString() });
    const attributes = String(res.headers['set-cookie']).split('; ');
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${7 * 24 * 3600}`]));
    expect(attributes).not.toContain('Secure');
    expect(cookie).toMatch(/^collate_session=cs_[A-Za-z0-9_-]{43}$/);
    const me = await whoAmI(cookie);
    expect(me.status).toBe(200);
    expect(me.json.user).toEqual({ name: 'ana', role: 'annotator' });
    // The cookie works on the API; the creator is the signed-in person.
    const made = await send(srv.url, { method: 'POST', path: '/api/annotations', body: JSON.stringify({ kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')] }), headers: { ...json, cookie, origin: srv.url } });
    expect(made.status).toBe(201);
    expect(made.json.annotation.creator).toBe('ana');
  });

  it('answers a wrong token and an unknown name alike, with 401', async () => {
    for (const body of [{ name: 'ana', token: tokens.viewer }, { name: 'nobody-here', token: tokens.viewer }, { name: 'ana', token: 'guess' }]) {
      const res = await send(srv.url, { method: 'POST', path: '/api/session', body: JSON.stringify(body), headers: json });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual({ code: 'unauthenticated', message: 'the name or the token is wrong' });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('accepts the name in any case and Unicode form', async () => {
    const res = await send(srv.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'ANA', token: tokens.annotator }), headers: json });
    expect(res.json.user.name).toBe('ana');
  });

  it('keeps secrets out of the data folder: only their hashes are stored', async () => {
    const { cookie } = await signIn('editor');
    const secret = cookie.split('=')[1];
    const files: string[] = [];
    const walk = async (dir: string) => {
      for (const e of await readdir(dir, { withFileTypes: true })) e.isDirectory() ? await walk(join(dir, e.name)) : files.push(join(dir, e.name));
    };
    await walk(srv.dataDir);
    const everything = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
    expect(everything).toContain('"tokenHash"');
    for (const token of Object.values(tokens)) expect(everything).not.toContain(token);
    expect(everything).not.toContain(secret);
  });
});

describe('session lifetime', () => {
  it('ends a session after 12 idle hours, counting from its last use', async () => {
    const { cookie } = await signIn('viewer');
    clock.advance(11 * HOUR);
    expect((await whoAmI(cookie)).status).toBe(200);
    clock.advance(11 * HOUR);
    // 22 hours after signing in, but only 11 since it was last used.
    expect((await whoAmI(cookie)).status).toBe(200);
    clock.advance(12 * HOUR + 60_000);
    const late = await whoAmI(cookie);
    expect(late.status).toBe(401);
    expect(String(late.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await send(srv.url, { method: 'GET', path: '/api/sources', headers: { cookie } })).status).toBe(401);
  });

  it('ends a session 7 days after sign-in however much it is used', async () => {
    const { cookie } = await signIn('viewer');
    for (let h = 0; h < 7 * 24 - 6; h += 6) {
      clock.advance(6 * HOUR);
      expect((await whoAmI(cookie)).status, `after ${h + 6} h`).toBe(200);
    }
    clock.advance(7 * HOUR);
    expect((await whoAmI(cookie)).status).toBe(401);
  });

  it('survives a restart of the server, since sessions live in the store', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collate-sessions-'));
    try {
      const first = await startTestServer({ dataDir, app: { now: clock.now } });
      const t = await addPeople(first.store, clock.now);
      const res = await send(first.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'eddie', token: t.editor }), headers: json });
      const cookie = String(res.headers['set-cookie']).split(';')[0];
      await first.close();
      const again = await startTestServer({ dataDir, app: { now: clock.now } });
      try {
        expect((await whoAmI(cookie, again)).json.user).toEqual({ name: 'eddie', role: 'editor' });
      } finally {
        await again.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('ending sessions', () => {
  it('signs out: the cookie is cleared and the session no longer opens', async () => {
    const { cookie } = await signIn('annotator');
    const out = await send(srv.url, { method: 'DELETE', path: '/api/session', headers: { cookie, origin: srv.url } });
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^collate_session=; .*Max-Age=0/);
    expect((await whoAmI(cookie)).status).toBe(401);
  });

  it('a new token ends the old token and every session made with it; removing a user ends theirs', async () => {
    const admin = bearer(tokens.admin);
    await send(srv.url, { method: 'POST', path: '/api/users', body: JSON.stringify({ name: 'temp', role: 'editor' }), headers: { ...json, ...admin } });
    const rotated = await send(srv.url, { method: 'POST', path: '/api/users/temp/token', headers: admin });
    const first = rotated.json.token;
    const session = await send(srv.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'temp', token: first }), headers: json });
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect((await whoAmI(cookie)).status).toBe(200);
    const next = (await send(srv.url, { method: 'POST', path: '/api/users/temp/token', headers: admin })).json.token;
    expect(next).not.toBe(first);
    expect((await whoAmI(cookie)).status).toBe(401);
    expect((await send(srv.url, { method: 'GET', path: '/api/sets', headers: bearer(first) })).status).toBe(401);
    expect((await send(srv.url, { method: 'GET', path: '/api/sets', headers: bearer(next) })).status).toBe(200);
    const again = await send(srv.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'temp', token: next }), headers: json });
    const cookie2 = String(again.headers['set-cookie']).split(';')[0];
    expect((await send(srv.url, { method: 'DELETE', path: '/api/users/temp', headers: admin })).status).toBe(204);
    expect((await whoAmI(cookie2)).status).toBe(401);
    expect((await send(srv.url, { method: 'GET', path: '/api/sets', headers: bearer(next) })).status).toBe(401);
  });
});

describe('behind https', () => {
  it('marks the cookie Secure under a __Host- name', async () => {
    const proxied = await startTestServer({ app: { publicUrl: new URL('https://collate.example.org') } });
    try {
      const t = await addPeople(proxied.store);
      const res = await send(proxied.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'vera', token: t.viewer }), headers: json });
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-collate_session=cs_[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    } finally {
      await proxied.close();
    }
  });
});

describe('failed sign-ins', () => {
  it('are limited per address: 429 with a JSON error once the limit is reached, for sign-ins and tokens alike', async () => {
    const limited = await startTestServer({ app: { signInLimit: { windowMs: 60_000, limit: 3 } } });
    try {
      const t = await addPeople(limited.store);
      const attempt = (token: string) => send(limited.url, { method: 'POST', path: '/api/session', body: JSON.stringify({ name: 'ana', token }), headers: json });
      // Successful sign-ins and valid tokens do not count.
      for (let i = 0; i < 5; i++) expect((await attempt(t.annotator)).status).toBe(201);
      for (let i = 0; i < 5; i++) expect((await send(limited.url, { method: 'GET', path: '/api/nope', headers: bearer(t.viewer) })).status).toBe(404);
      expect((await attempt('wrong-1')).status).toBe(401);
      expect((await attempt('wrong-2')).status).toBe(401);
      expect((await send(limited.url, { method: 'GET', path: '/api/sets', headers: bearer('collate_' + 'y'.repeat(43)) })).status).toBe(401);
      const blocked = await attempt(t.annotator);
      expect(blocked.status).toBe(429);
      expect(blocked.json.error.code).toBe('too_many_attempts');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await send(limited.url, { method: 'GET', path: '/api/sets', headers: bearer(t.viewer) })).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
