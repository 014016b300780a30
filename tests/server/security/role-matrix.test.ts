/**
 * Every API route against every identity: nobody, a bad token, and a user of each role. The least
 * role each route needs is written out here by hand from the issue (not read from the server's
 * permission table), so a wrong entry in the table fails. Refusals are 401 or 403 and leave the data
 * folder byte for byte as it was; what is allowed answers 2xx.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../core/model';
import { API_ROUTES } from '../../../server/auth/permissions';
import { startTestServer, type TestServer } from '../../helpers/test-server';
import { SEEDS, seedText, targetOf } from '../../helpers/fixtures';
import { addPeople, bearer, folderDigest, manualClock, PEOPLE } from './accounts-fixture';
import { send, type RawRequest } from './raw-http';

type Who = 'nobody' | 'bad token' | Role;
const WHO: Who[] = ['nobody', 'bad token', ...ROLES];

/** The least role per route, from the issue: viewer reads and exports, annotator creates, editor the rest, admin users. */
const LEAST: Record<string, Role | 'public'> = {
  'GET /api/session': 'public',
  'POST /api/session': 'public',
  'DELETE /api/session': 'public',
  'GET /api/events': 'viewer',
  'GET /api/sources': 'viewer',
  'POST /api/sources': 'editor',
  'POST /api/sources/preview': 'editor',
  'POST /api/sources/fetch': 'editor',
  'GET /api/sources/:id': 'viewer',
  'GET /api/sources/:id/revisions': 'viewer',
  'POST /api/sources/:id/refetch': 'editor',
  'GET /api/annotations': 'viewer',
  'POST /api/annotations': 'annotator',
  'GET /api/annotations/:id': 'viewer',
  // Someone else's annotation: an annotator may change only their own.
  'PATCH /api/annotations/:id': 'editor',
  'DELETE /api/annotations/:id': 'editor',
  'GET /api/annotations/:id/history': 'viewer',
  'GET /api/annotations/:id/copies': 'viewer',
  'POST /api/annotations/:id/carry': 'editor',
  'GET /api/sets': 'viewer',
  'POST /api/sets': 'editor',
  'GET /api/vocabulary': 'viewer',
  // Renaming a tag changes annotations of others.
  'POST /api/tags/rename': 'editor',
  'GET /api/export': 'viewer',
  'POST /api/import': 'editor',
  'GET /api/reuse': 'viewer',
  'GET /api/suggestions': 'viewer',
  'POST /api/suggestions/:id/confirm': 'editor',
  'POST /api/suggestions/:id/dismiss': 'editor',
  'POST /api/suggestions/:id/undo': 'editor',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'DELETE /api/users/:name': 'admin',
  'POST /api/users/:name/token': 'admin',
};

const JTA = 'Both Governments have held three JTA sessions, in July and December 2009, and again in May 2010.';

let srv: TestServer;
let tokens: Record<Role, string>;
let suggestions: string[];
let page: Server;
let pageUrl: string;
let serial = 0;

const json = (body: unknown) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });

async function asAdmin(method: string, path: string, body?: unknown) {
  const res = await send(srv.url, { method, path, headers: { ...bearer(tokens.admin), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`set-up ${method} ${path} failed: ${res.status} ${res.text}`);
  return res.json;
}

/** An annotation the admin made, so it is someone else's for everyone but the admin. */
async function othersNote(quote = 'Russian Position', source: string = SEEDS.mdaa) {
  return (await asAdmin('POST', '/api/annotations', { kind: 'note', targets: [targetOf(source, quote)], note: `made by the admin #${++serial}` })).annotation;
}

/** A request that succeeds for a user allowed to make it (set up fresh where it can only succeed once). */
const CASES: Record<string, (who: Who) => Promise<RawRequest>> = {
  'GET /api/session': async () => ({ method: 'GET', path: '/api/session' }),
  'POST /api/session': async (who) => {
    const role = (ROLES as readonly string[]).includes(who) ? (who as Role) : undefined;
    const body = role ? { name: PEOPLE[role], token: tokens[role] } : { name: 'vera', token: 'collate_wrong' };
    const { 'content-type': type, body: text } = json(body);
    return { method: 'POST', path: '/api/session', headers: { 'content-type': type }, body: text };
  },
  'DELETE /api/session': async () => ({ method: 'DELETE', path: '/api/session' }),
  'GET /api/events': async () => ({ method: 'GET', path: '/api/events' }),
  'GET /api/sources': async () => ({ method: 'GET', path: '/api/sources' }),
  'POST /api/sources': async () => post('/api/sources', { id: `matrix-source-${++serial}`, text: 'A short article.\n\nIt has two paragraphs.', outlet: 'Test' }),
  'POST /api/sources/preview': async () => post('/api/sources/preview', { text: 'A short article.\n\nIt has two paragraphs.' }),
  // Fetching the same page again is an unchanged revision: a success every time.
  'POST /api/sources/fetch': async () => post('/api/sources/fetch', { url: pageUrl }),
  'GET /api/sources/:id': async () => ({ method: 'GET', path: `/api/sources/${SEEDS.mdaa}` }),
  'GET /api/sources/:id/revisions': async () => ({ method: 'GET', path: `/api/sources/${SEEDS.mdaa}/revisions` }),
  'POST /api/sources/:id/refetch': async () => {
    const { source } = await asAdmin('POST', '/api/sources/fetch', { url: pageUrl });
    return post(`/api/sources/${source.id}/refetch`, {});
  },
  'GET /api/annotations': async () => ({ method: 'GET', path: `/api/annotations?source=${SEEDS.mdaa}` }),
  'POST /api/annotations': async () => post('/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'U.S. Position')] }),
  'GET /api/annotations/:id': async () => ({ method: 'GET', path: `/api/annotations/${(await othersNote()).id}` }),
  'PATCH /api/annotations/:id': async () => {
    const a = await othersNote();
    return { ...(await post(`/api/annotations/${a.id}`, { revision: a.revision, note: 'changed' })), method: 'PATCH' };
  },
  'DELETE /api/annotations/:id': async () => {
    const a = await othersNote();
    return { method: 'DELETE', path: `/api/annotations/${a.id}?revision=${a.revision}` };
  },
  'GET /api/annotations/:id/history': async () => ({ method: 'GET', path: `/api/annotations/${(await othersNote()).id}/history` }),
  'GET /api/annotations/:id/copies': async () => ({ method: 'GET', path: `/api/annotations/${(await othersNote(JTA, SEEDS.nbPursues)).id}/copies` }),
  'POST /api/annotations/:id/carry': async () => post(`/api/annotations/${(await othersNote(JTA, SEEDS.nbPursues)).id}/carry`, { mode: 'copy' }),
  'GET /api/sets': async () => ({ method: 'GET', path: '/api/sets' }),
  'POST /api/sets': async () => post('/api/sets', { name: `matrix set ${++serial}` }),
  'GET /api/vocabulary': async () => ({ method: 'GET', path: '/api/vocabulary' }),
  // A tag on the admin's annotation, made afresh for every caller.
  'POST /api/tags/rename': async () => {
    const tag = `matrix-tag-${++serial}`;
    await asAdmin('POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')], tags: [tag] });
    return post('/api/tags/rename', { from: tag, to: `${tag}-renamed` });
  },
  'GET /api/export': async () => ({ method: 'GET', path: '/api/export?format=csv' }),
  'POST /api/import': async () =>
    post('/api/import', {
      type: 'Annotation',
      motivation: 'commenting',
      body: { type: 'TextualBody', value: `imported #${++serial}` },
      target: { source: `urn:collate:source:${SEEDS.mdaa}`, selector: { type: 'TextQuoteSelector', exact: 'Russian Position' } },
    }),
  'GET /api/reuse': async () => ({ method: 'GET', path: `/api/reuse?source=${SEEDS.nbPursues}` }),
  'GET /api/suggestions': async () => ({ method: 'GET', path: '/api/suggestions' }),
  // Each suggestion can be confirmed once: the editor takes the first, the admin the second.
  'POST /api/suggestions/:id/confirm': async (who) => post(`/api/suggestions/${suggestions[who === 'admin' ? 1 : 0]}/confirm`, {}),
  // Dismissing a dismissed suggestion again is a no-op success, so both may use the third.
  'POST /api/suggestions/:id/dismiss': async () => ({ method: 'POST', path: `/api/suggestions/${suggestions[2]}/dismiss` }),
  // A dismissal to undo, made afresh for every caller.
  'POST /api/suggestions/:id/undo': async () => {
    await asAdmin('POST', `/api/suggestions/${suggestions[3]}/dismiss`, {});
    return post(`/api/suggestions/${suggestions[3]}/undo`, {});
  },
  'GET /api/users': async () => ({ method: 'GET', path: '/api/users' }),
  'POST /api/users': async () => post('/api/users', { name: `newcomer${++serial}`, role: 'viewer' }),
  'DELETE /api/users/:name': async () => {
    const { user } = await asAdmin('POST', '/api/users', { name: `leaver${++serial}`, role: 'viewer' });
    return { method: 'DELETE', path: `/api/users/${user.name}` };
  },
  'POST /api/users/:name/token': async () => {
    const { user } = await asAdmin('POST', '/api/users', { name: `rotator${++serial}`, role: 'viewer' });
    return { method: 'POST', path: `/api/users/${user.name}/token` };
  },
};

function post(path: string, body: unknown): RawRequest {
  return { method: 'POST', path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** Public routes as nobody: asking who is signed in, or signing in with a wrong token, is answered 401 by the route itself. */
const NOBODY_ON_PUBLIC: Record<string, 'ok' | 401> = { 'GET /api/session': 401, 'POST /api/session': 401, 'DELETE /api/session': 'ok' };

function expectedOutcome(name: string, who: Who): 'ok' | 401 | 403 {
  const least = LEAST[name];
  if (who === 'bad token') return 401;
  if (least === 'public') return who === 'nobody' ? NOBODY_ON_PUBLIC[name] : 'ok';
  if (who === 'nobody') return 401;
  return ROLES.indexOf(who) >= ROLES.indexOf(least) ? 'ok' : 403;
}

beforeAll(async () => {
  const clock = manualClock();
  // Every bad-token request counts as a failed sign-in; the limit is not what this test is about.
  page = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<html><head><title>Matrix page</title></head><body><article><h1>Matrix page</h1><p>${'A sentence of the article that the fetch case reads again and again. '.repeat(5)}</p></article></body></html>`);
  });
  await new Promise<void>((ok) => page.listen(0, '127.0.0.1', ok));
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/matrix`;
  srv = await startTestServer({ app: { now: clock.now, signInLimit: { windowMs: 60_000, limit: 10_000 }, fetchOptions: { allowPrivate: true } } });
  tokens = await addPeople(srv.store, clock.now);
  suggestions = (await asAdmin('GET', '/api/suggestions')).suggestions.map((s: { id: string }) => s.id);
});
afterAll(async () => {
  await srv.close();
  await new Promise((ok) => page.close(ok));
});

describe('the role × route matrix', () => {
  it('has a case and an expectation for every route of the permission table', () => {
    const routes = API_ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(CASES).sort()).toEqual([...routes].sort());
    expect(Object.keys(LEAST).sort()).toEqual([...routes].sort());
    expect(suggestions.length).toBeGreaterThanOrEqual(4);
  });

  for (const route of API_ROUTES) {
    const name = `${route.method} ${route.path}`;
    it(name, async () => {
      for (const who of WHO) {
        const req = await CASES[name](who);
        const headers: Record<string, string> = { ...req.headers };
        if (who === 'bad token') Object.assign(headers, bearer('collate_' + 'x'.repeat(43)));
        else if (who !== 'nobody' && name !== 'POST /api/session') Object.assign(headers, bearer(tokens[who]));
        const before = await folderDigest(srv.dataDir);
        const res = await send(srv.url, { ...req, headers });
        const want = expectedOutcome(name, who);
        const label = `${name} as ${who}: ${res.status} ${res.text.slice(0, 200)}`;
        if (want === 'ok') {
          expect(res.status, label).toBeGreaterThanOrEqual(200);
          expect(res.status, label).toBeLessThan(300);
        } else {
          expect(res.status, label).toBe(want);
          expect(res.json.error.code, label).toBe(want === 401 ? 'unauthenticated' : 'forbidden');
          expect(await folderDigest(srv.dataDir), `${label}: the data folder changed`).toBe(before);
        }
        if (route.method === 'GET' && res.status < 300) expect(await folderDigest(srv.dataDir), `${label}: a read changed the data folder`).toBe(before);
      }
    });
  }
});

describe('ownership', () => {
  it('lets an annotator change, carry and delete what they created, and records them as creator and in the history', async () => {
    const quote = JTA;
    const text = seedText(SEEDS.nbPursues);
    const start = text.indexOf(quote);
    const made = await send(srv.url, { ...post('/api/annotations', { kind: 'claim', targets: [{ source: SEEDS.nbPursues, start, end: start + quote.length, exact: quote }], claim: { verdict: 'false' } }), headers: { 'content-type': 'application/json', ...bearer(tokens.annotator) } });
    expect(made.status).toBe(201);
    const a = made.json.annotation;
    expect(a).toMatchObject({ creator: 'ana', modifiedBy: 'ana' });
    const as = (req: RawRequest, role: Role) => send(srv.url, { ...req, headers: { ...req.headers, ...bearer(tokens[role]) } });
    const patched = await as({ ...post(`/api/annotations/${a.id}`, { revision: 1, claim: { verdict: 'true' } }), method: 'PATCH' }, 'annotator');
    expect(patched.status).toBe(200);
    expect(patched.json.annotation).toMatchObject({ creator: 'ana', modifiedBy: 'ana', revision: 2 });
    expect((await as(post(`/api/annotations/${a.id}/carry`, { mode: 'copy' }), 'annotator')).status).toBe(201);
    // An editor may change it too, and is then its last editor; the creator stays.
    const byEditor = await as({ ...post(`/api/annotations/${a.id}`, { revision: 2, note: 'checked' }), method: 'PATCH' }, 'editor');
    expect(byEditor.json.annotation).toMatchObject({ creator: 'ana', modifiedBy: 'eddie', revision: 3 });
    expect((await as({ method: 'DELETE', path: `/api/annotations/${a.id}?revision=3` }, 'annotator')).status).toBe(204);
    const history = (await as({ method: 'GET', path: `/api/annotations/${a.id}/history` }, 'viewer')).json.history;
    expect(history.map((h: { action: string; by: string }) => `${h.action} ${h.by}`)).toEqual(['created ana', 'updated ana', 'updated eddie', 'deleted ana']);
    const verdict = history[1].changes.find((c: { field: string }) => c.field === 'claim');
    expect([verdict.before.verdict, verdict.after.verdict, history[1].at]).toEqual(['false', 'true', expect.stringMatching(/^2026-05-04T/)]);
  });

  it('refuses an annotator on someone else\'s annotation before it looks at the revision, changing nothing', async () => {
    const a = await othersNote();
    const before = await folderDigest(srv.dataDir);
    const res = await send(srv.url, { ...post(`/api/annotations/${a.id}`, { revision: 99, note: 'mine now' }), method: 'PATCH', headers: { 'content-type': 'application/json', ...bearer(tokens.annotator) } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toContain('created by ada');
    expect(await folderDigest(srv.dataDir)).toBe(before);
  });

  it('takes the creator from the identity and refuses a body that names one', async () => {
    const body = { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'U.S. Position')], creator: 'bob-the-editor-in-chief' };
    const res = await send(srv.url, { ...post('/api/annotations', body), headers: { 'content-type': 'application/json', ...bearer(tokens.editor) } });
    expect(res.status).toBe(400);
    expect(res.json.error.details.issues[0].path).toBe('creator');
    const { creator: _drop, ...plain } = body;
    const ok = await send(srv.url, { ...post('/api/annotations', plain), headers: { 'content-type': 'application/json', ...bearer(tokens.editor) } });
    expect(ok.json.annotation.creator).toBe('eddie');
  });
});
