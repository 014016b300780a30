/**
 * Property-based fuzzing of the whole HTTP surface (fast-check): requests over every route and some
 * that are none, with random methods, paths with odd escapes, query strings, hosts, origins,
 * credentials, content types and encodings, and bodies of random JSON, route-shaped JSON, junk,
 * deep nesting and oversized payloads. Properties: no answer is a 5xx; an API error is the JSON
 * error body; and after every refused request (and every read) the data folder is byte for byte
 * what it was. A 2xx write may change it, and becomes the new baseline.
 *
 * The server is real (createApp on a loopback port over a store in a temp folder), with users of
 * every role and a fixed clock, so sessions are never refreshed behind the test's back.
 *
 * FUZZ_RUNS sets the number of requests: a few hundred by default (about a second or two), 10,000
 * in `npm run test:stress`.
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../core/model';
import { createApp } from '../../../server/app';
import { API_ROUTES } from '../../../server/auth/permissions';
import { UserService } from '../../../server/auth/users';
import type { Store } from '../../../server/store/store';
import { openWorkspace } from '../../../server/workspace';
import { SEED_SOURCES } from '../../helpers/test-server';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { addPeople, folderDigest, manualClock, PEOPLE } from './accounts-fixture';
import { send, type RawRequest } from './raw-http';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

let dataDir: string;
let store: Store;
let server: Server;
let base: string;
let port: number;
let tokens: Record<Role, string>;
let cookies: string[];
let knownIds: string[];
let users: UserService;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'collate-fuzz-'));
  const clock = manualClock();
  // No compaction during the run: it would rewrite files in the background, between requests.
  const ws = await openWorkspace({ dataDir, sourcesDir: SEED_SOURCES, compactBytes: Number.MAX_SAFE_INTEGER });
  store = ws.store;
  // Random bodies may name real web addresses: nothing may leave the machine.
  const app = createApp({ store, sources: ws.sources, now: clock.now, signInLimit: { windowMs: 60_000, limit: 1_000_000 }, fetchOptions: { disabled: true } });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  users = new UserService(store, clock.now);
  tokens = await addPeople(store, clock.now);
  await signInEveryone();
  const made = await send(base, { method: 'POST', path: '/api/annotations', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.editor}` }, body: JSON.stringify({ kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')] }) });
  knownIds = [made.json.annotation.id];
});

async function signInEveryone(): Promise<void> {
  cookies = [];
  for (const role of ROLES) {
    const res = await send(base, { method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: PEOPLE[role], token: tokens[role] }) });
    cookies.push(String(res.headers['set-cookie']).split(';')[0]);
  }
}

/**
 * The fuzzer may sign people out, give them new tokens or remove them, all legitimately; then the
 * people are put back (with new tokens and sessions), so later requests still reach past sign-in.
 */
async function restorePeople(): Promise<void> {
  for (const role of ROLES) {
    const user = await store.user(PEOPLE[role]);
    tokens[role] = user && user.role === role ? (await users.rotate(PEOPLE[role])).token : (await users.add(PEOPLE[role], role)).token;
  }
  await signInEveryone();
}

const ENDS_IDENTITIES = /^(DELETE \/api\/session|DELETE \/api\/users\/|POST \/api\/users\/[^/]+\/token)/i;

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

// Path parameters: real ids, plausible ones, and the escapes the issue found (and more).
const ODD = ['%', '%ZZ', '%C0%AF', '%00', '%2F', '%2e%2e', '..', '%E2%82', '%ED%A0%80', '%FF', 'a%20b', '%25', '~', '*', '%0A', ';x=1'];
const segment = fc.oneof(
  fc.constantFrom(...ODD),
  fc.constantFrom('default', 'nobody', 'ana', 'vera', SEEDS.mdaa, 'a_0123456789abcdef0123', 'inc_0000000000000000'),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_.~!$&\'()*+,;=:@%'.split('')), minLength: 1, maxLength: 12 }),
);

const QUERY_KEYS = ['source', 'set', 'kind', 'tag', 'verdict', 'q', 'format', 'revision', 'bom', 'kind[]', 'kind[a]', 'set[0]', '%5B', 'x'];
const query = fc.option(
  fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(segment, fc.constantFrom('w3c', 'csv', 'note', 'claim', 'false', '1', ''))), { maxLength: 4 }),
  { nil: undefined },
);

/** Parameters the routes read, with values that often make sense (DELETE needs its revision). */
const politeQuery = fc.array(
  fc.tuple(fc.constantFrom('source', 'set', 'kind', 'format', 'revision', 'q'), fc.constantFrom(SEEDS.mdaa, 'default', 'note', 'w3c', 'csv', 'markdown', '1', '2', 'Position')),
  { minLength: 1, maxLength: 2 },
);

/** Stands for the id of the annotation made in beforeAll (arbitraries are built before it exists). */
const KNOWN_ID = 'a_known';

const path = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...API_ROUTES.map((r) => r.path)), fc.array(fc.oneof(segment, fc.constant(KNOWN_ID)), { minLength: 2, maxLength: 2 })).map(([p, [a, b]]) => p.replace(/:[a-z]+/, a).replace(/:[a-z]+/, b)) },
  { weight: 1, arbitrary: fc.array(segment, { minLength: 0, maxLength: 4 }).map((parts) => `/api/${parts.join('/')}`) },
  { weight: 1, arbitrary: fc.constantFrom('/', '/index.html', '/%ZZ', '/assets/%C0%AF', '/api', '/api/', '//api/sets', '/API/SETS') },
);

const method = fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PATCH', 'DELETE', 'PUT', 'HEAD', 'OPTIONS');

type Credential = { kind: 'none' } | { kind: 'token'; role: Role } | { kind: 'cookie'; index: number } | { kind: 'raw'; value: string };
const credential: fc.Arbitrary<Credential> = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.constantFrom(...ROLES).map((role) => ({ kind: 'token', role }) as const),
  fc.nat(ROLES.length - 1).map((index) => ({ kind: 'cookie', index }) as const),
  fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRhOmFkYQ==', 'Bearer collate_' + 'z'.repeat(43), 'bearer  collate_x', 'Bearer a b').map((value) => ({ kind: 'raw', value }) as const),
);

const contentType = fc.constantFrom(
  undefined,
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/ld+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json, text/plain',
);

/** Bodies shaped like what each write route takes, with wrong values mixed in. */
const annotationBody = fc.record(
  {
    kind: fc.constantFrom('note', 'claim', 'inconsistency', 'opinion'),
    targets: fc.constantFrom([targetOf(SEEDS.mdaa, 'Russian Position')], [targetOf(SEEDS.mdaa, 'U.S. Position')], [], [{ source: SEEDS.mdaa, start: -1, end: 5, exact: 'x' }]),
    note: fc.string({ maxLength: 40 }),
    set: fc.constantFrom('default', 'DEFAULT', 'Cafe\u0301', 'nope'),
    tags: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
    claim: fc.record({ verdict: fc.constantFrom('true', 'false', 'maybe'), evidence: fc.array(fc.constantFrom('https://example.org/a', 'javascript:alert(1)', 'x'), { maxLength: 2 }) }),
    creator: fc.constant('bob-the-editor-in-chief'),
  },
  { requiredKeys: ['kind', 'targets'] },
);
const patchBody = fc.record(
  { revision: fc.integer({ min: -1, max: 4 }), note: fc.string({ maxLength: 20 }), set: fc.constantFrom('default', 'Cafe\u0301', 'nope'), claim: fc.record({ verdict: fc.constantFrom('true', 'false') }) },
  { requiredKeys: ['revision'] },
);
const nameBody = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('Caf\u00e9', 'Cafe\u0301', 'DEFAULT', 'ana', 'ada', 'newcomer')),
    role: fc.constantFrom('viewer', 'annotator', 'admin', 'root'),
    description: fc.string({ maxLength: 20 }),
    token: fc.constantFrom('x', 'collate_' + 'q'.repeat(43)),
  },
  { requiredKeys: ['name'] },
);
const carryBody = fc.record({ mode: fc.constantFrom('copy', 'reuse', 'teleport'), sources: fc.array(fc.constantFrom(SEEDS.nbUndercut, 'nope'), { maxLength: 2 }) }, { requiredKeys: ['mode'] });
const sourceBody = fc.record(
  { id: fc.oneof(fc.constantFrom('fuzz-story', 'Bad Id', SEEDS.mdaa), fc.string({ maxLength: 12 })), text: fc.string({ maxLength: 60 }), outlet: fc.string({ maxLength: 10 }), url: fc.constantFrom('https://example.org/x', 'javascript:alert(1)', 'ftp://x') },
  { requiredKeys: ['id', 'text'] },
);
const importBody = fc.record(
  {
    type: fc.constantFrom('Annotation', 'AnnotationPage', 'AnnotationCollection'),
    motivation: fc.constantFrom('commenting', 'assessing', 'linking'),
    target: fc.constantFrom({ source: `urn:collate:source:${SEEDS.mdaa}`, selector: { type: 'TextQuoteSelector', exact: 'Russian Position' } }, 'urn:x', [], {}),
    body: fc.jsonValue({ maxDepth: 3 }),
    'collate:history': fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant([{ revision: 1, action: 'created', at: '2026-01-01T00:00:00Z', by: 'mallory', changes: [] }])),
    'collate:revision': fc.oneof(fc.integer({ min: 0, max: 3 }), fc.jsonValue({ maxDepth: 2 })),
  },
  { requiredKeys: ['type', 'target'] },
);
const confirmBody = fc.record({ set: fc.constantFrom('default', 'nope'), note: fc.string({ maxLength: 20 }), tags: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }) }, { requiredKeys: [] });

const SHAPES: Record<string, fc.Arbitrary<unknown>> = {
  'POST /api/annotations': annotationBody,
  'PATCH /api/annotations/:id': patchBody,
  'POST /api/sets': nameBody,
  'POST /api/tags/rename': fc.record({ from: fc.oneof(fc.constantFrom('typo', 'Typo', ' '), fc.string({ maxLength: 70 })), to: fc.oneof(fc.constantFrom('spelling', 'typo', ''), fc.string({ maxLength: 70 })) }, { requiredKeys: [] }),
  'POST /api/users': nameBody,
  'POST /api/session': nameBody,
  'POST /api/annotations/:id/carry': carryBody,
  'POST /api/sources': sourceBody,
  'POST /api/sources/preview': sourceBody,
  'POST /api/import': importBody,
  'POST /api/suggestions/:id/confirm': confirmBody,
};
const anyShape = fc.oneof(...Object.values(SHAPES));

const OVERSIZED = '<over the body limit>';
const oversized = `{"note":"${'x'.repeat(1024 * 1024 + 10)}"}`;

/** Any body at all: none, JSON of any shape, junk, deep nesting, over the limit. */
const anyBody = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: anyShape.map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 60, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 5_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 3_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('{"kind": ', '\u0000\u0001', '\uFEFF{}', '"just a string"', 'null', '1e999', '{"__proto__":{"admin":true}}') },
  // Over the 1 MiB limit; the marker is swapped for the megabyte when sent.
  { weight: 1, arbitrary: fc.constant<string>(OVERSIZED) },
);

interface Generated {
  method: string;
  path: string;
  query: [string, string][] | undefined;
  credential: Credential;
  contentType: string | undefined;
  encoding: string | undefined;
  host: string;
  origin: string | undefined;
  fetchSite: string | undefined;
  body: string | undefined;
}

/** Anything at all in every header. */
const wild: fc.Arbitrary<Generated> = fc.record({
  method,
  path,
  query,
  credential,
  contentType,
  encoding: fc.constantFrom(undefined, undefined, undefined, 'gzip', 'br', 'deflate', 'identity', 'compress'),
  host: fc.constantFrom('own', 'own', 'own', 'localhost', 'evil.example', 'evil.example:PORT', 'localhost:1', ''),
  origin: fc.constantFrom(undefined, undefined, 'own', 'http://evil.example', 'null', 'https://127.0.0.1:PORT'),
  fetchSite: fc.constantFrom(undefined, undefined, 'same-origin', 'cross-site', 'none'),
  body: anyBody,
});

/**
 * What a real client would send to one route (its method, headers a browser or script sends, a body
 * shaped for it, usually), so that requests get past the front checks and into the routes.
 */
const polite: fc.Arbitrary<Generated> = fc.constantFrom(...API_ROUTES).chain((route) => {
  const shape = SHAPES[`${route.method} ${route.path}`];
  const params = fc.array(fc.oneof({ weight: 2, arbitrary: fc.constant(KNOWN_ID) }, { weight: 3, arbitrary: segment }), { minLength: 2, maxLength: 2 });
  return fc.record({
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: method }),
    path: params.map(([a, b]) => route.path.replace(/:[a-z]+/, a).replace(/:[a-z]+/, b)),
    query: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: politeQuery }),
    credential: fc.oneof(credential, fc.constantFrom<Credential>({ kind: 'token', role: 'admin' }, { kind: 'token', role: 'editor' }, { kind: 'cookie', index: 3 })),
    contentType: fc.constant('application/json'),
    encoding: fc.constant(undefined),
    host: fc.constant('own'),
    origin: fc.constantFrom(undefined, 'own'),
    fetchSite: fc.constantFrom(undefined, 'same-origin'),
    body: shape ? fc.oneof({ weight: 4, arbitrary: shape.map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: anyBody }) : anyBody,
  });
});

const request = fc.oneof({ weight: 2, arbitrary: wild }, { weight: 3, arbitrary: polite });

function toRaw(g: Generated): RawRequest {
  const headers: Record<string, string> = {};
  const host = g.host === 'own' ? `127.0.0.1:${port}` : g.host === 'localhost' ? `localhost:${port}` : g.host.replace('PORT', String(port));
  if (host) headers.host = host;
  if (g.origin) headers.origin = g.origin === 'own' ? base : g.origin.replace('PORT', String(port));
  if (g.fetchSite) headers['sec-fetch-site'] = g.fetchSite;
  if (g.contentType) headers['content-type'] = g.contentType;
  if (g.encoding) headers['content-encoding'] = g.encoding;
  const c = g.credential;
  if (c.kind === 'token') headers.authorization = `Bearer ${tokens[c.role]}`;
  else if (c.kind === 'cookie') headers.cookie = cookies[c.index];
  else if (c.kind === 'raw') headers.authorization = c.value;
  const q = g.query?.map(([k, v]) => `${k}=${v}`).join('&');
  const p = g.path.replace(KNOWN_ID, knownIds[0]);
  const withBody = g.body !== undefined && g.method !== 'GET' && g.method !== 'HEAD';
  return { method: g.method, path: q ? `${p}?${q}` : p, headers, body: withBody ? (g.body === OVERSIZED ? oversized : g.body) : undefined };
}

describe('fuzzing the API', () => {
  it(`answers ${RUNS} random requests without a 5xx, and a refused request changes nothing on disk`, { timeout: Math.max(60_000, RUNS * 50) }, async () => {
    let baseline = await folderDigest(dataDir);
    const seen = new Map<number, number>();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (g) => {
        const raw = toRaw(g);
        const res = await send(base, raw);
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        const code = `${res.status} ${res.json?.error?.code ?? ''}`;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        const label = `${raw.method} ${raw.path} → ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status >= 400 && raw.method !== 'HEAD' && raw.path.toLowerCase().startsWith('/api/')) {
          expect(res.json?.error, label).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
        }
        const write = res.status < 300 && !['GET', 'HEAD', 'OPTIONS'].includes(raw.method);
        if (!write) expect(await folderDigest(dataDir), `${label}: the data folder changed`).toBe(baseline);
        if (write && ENDS_IDENTITIES.test(`${raw.method} ${raw.path}`)) await restorePeople();
        if (write) baseline = await folderDigest(dataDir);
      }),
      { numRuns: RUNS },
    );
    // The run reached past the front checks: some requests were carried out, some refused by each layer.
    const statuses = [...seen.keys()];
    if (process.env.FUZZ_REPORT) console.log('answers seen:', JSON.stringify(Object.fromEntries([...codes].sort())));
    for (const status of [200, 400, 401, 403, 404, 415, 421]) expect(statuses, JSON.stringify(Object.fromEntries(seen))).toContain(status);
  });
});
