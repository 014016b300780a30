/**
 * Store benchmark (`npm run bench:store`; `-- --quick` for a short smoke run). The real server in its
 * own process over loopback, on the embedded JSON store, on PostgreSQL with one server process and
 * with two (`postgres-2`: the connections spread over both, as behind a proxy) and, in the same run,
 * on the SQLite baseline (bench/store/sqlite-store.ts): 100,000 annotations on 500 sources, 50
 * connections (autocannon), for reads by source, reads by id, creates and a 90/10 mix; throughput,
 * p50, p99 and RSS. Then the latency of one edit on a source holding 200 to 50,000 annotations, and a
 * 20,000-annotation import while readers keep reading. Prints tables, ratios to the baseline and
 * PASS/FAIL per target (the targets are the embedded store's, issue 7).
 *
 * PostgreSQL is a throwaway server started for the run as the tests start theirs
 * (tests/helpers/postgres.ts), with its durable defaults: fsync and synchronous_commit on, so an
 * acknowledged write is on disk as with the other stores.
 *
 * Options: --quick, --duration S (per workload), --annotations N, --sources N,
 * --stores json,sqlite,postgres,postgres-2 (default: all four).
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JsonStore } from '../../server/store/json/json-store';
import { PgStore } from '../../server/store/postgres/pg-store';
import type { Store } from '../../server/store/store';
import { createDatabase, startPostgres, type PostgresServer } from '../../tests/helpers/postgres';
import { mulberry32 } from '../corpus-generator';
import { passage, seedAnnotations, writeSources, type SeedText } from './seed';
import { SqliteStore } from './sqlite-store';

const STORE_KINDS = ['json', 'sqlite', 'postgres', 'postgres-2'] as const;
type StoreKind = (typeof STORE_KINDS)[number];
/** Server processes per kind: postgres-2 is two servers on one database. */
const processesOf = (kind: StoreKind) => (kind === 'postgres-2' ? 2 : 1);
const isPostgres = (kind: StoreKind) => kind.startsWith('postgres');
const ROOT = resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    annotations: { type: 'string' },
    sources: { type: 'string' },
    stores: { type: 'string', default: STORE_KINDS.join(',') },
  },
});
const quick = opts.quick!;
const duration = Number(opts.duration ?? (quick ? 3 : 10));
const total = Number(opts.annotations ?? (quick ? 20_000 : 100_000));
const sourceCount = Number(opts.sources ?? 500);
const stores = opts.stores!.split(',') as StoreKind[];
for (const kind of stores) {
  if (!STORE_KINDS.includes(kind)) {
    process.stderr.write(`bench:store: unknown store "${kind}" in --stores (known: ${STORE_KINDS.join(', ')})\n`);
    process.exit(2);
  }
}
/** Single edits are sequential and imports one request: a second server process changes neither. */
const oneProcessKinds = stores.filter((k) => processesOf(k) === 1);
const editSizes = quick ? [200, 2_000, 20_000] : [200, 2_000, 20_000, 50_000];
const log = (line: string) => process.stderr.write(line + '\n');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Where a store's data lives: a fresh folder and, for PostgreSQL, a fresh database on the run's server. */
interface Place {
  dataDir: string;
  databaseUrl?: string;
}

let postgres: PostgresServer | undefined;
let databases = 0;

async function newPlace(kind: StoreKind, label: string): Promise<Place> {
  const dataDir = await mkdtemp(join(tmpdir(), `collate-bench-${label}-${kind}-`));
  if (!isPostgres(kind)) return { dataDir };
  postgres ??= await startPostgres({ durable: true });
  return { dataDir, databaseUrl: await createDatabase(postgres.url, `bench_${label.replace(/-/g, '_')}_${++databases}`) };
}

async function openStore(kind: StoreKind, place: Place): Promise<Store> {
  if (kind === 'json') return JsonStore.open(place.dataDir);
  if (kind === 'sqlite') return new SqliteStore(join(place.dataDir, 'collate.sqlite'));
  return PgStore.open(place.databaseUrl!, { log: () => {} });
}

/** Fills a fresh place, leaving the embedded store compacted as a long-running one would be. */
async function seedStore(kind: StoreKind, place: Place, sources: SeedText[], count: number, onOne = false): Promise<string[]> {
  const store = await openStore(kind, place);
  const ids = await seedAnnotations(store, sources, count, { onOne });
  if (store instanceof JsonStore) await store.compact();
  await store.close();
  return ids;
}

const children = new Set<ChildProcess>();
// A failed run must not leave servers behind.
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

interface Running {
  child: ChildProcess;
  url: string;
  startupMs: number;
  /** The server's request times since the last call, by kind of request. */
  timing(): Promise<ServerTiming>;
}

/** Request times inside one server process, by kind of request (see bench-server.ts). */
type ServerTiming = Record<string, { n: number; p50: number; p99: number }>;

async function startServer(kind: StoreKind, place: Place, sourcesDir: string): Promise<Running> {
  const store = isPostgres(kind) ? ['--store', 'postgres', '--database', place.databaseUrl!] : ['--store', kind];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/store/bench-server.ts', ...store, '--data', place.dataDir, '--sources', sourcesDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  // The server's stdout, line by line: first its address, then its timing reports.
  const waiting: ((line: string) => void)[] = [];
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
    let end;
    while ((end = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, end);
      out = out.slice(end + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = () => new Promise<string>((ok) => waiting.push(ok));
  const line = await new Promise<string>((ok, fail) => {
    void nextLine().then(ok);
    child.once('exit', (code) => fail(new Error(`bench server exited (${code})`)));
  });
  const { url, startupMs } = JSON.parse(line) as { url: string; startupMs: number };
  const timing = async (): Promise<ServerTiming> => {
    const report = nextLine();
    child.kill('SIGUSR2');
    return JSON.parse((await report).replace(/^TIMING /, '')) as ServerTiming;
  };
  return { child, url, startupMs, timing };
}

/** The kind's server processes, started together (postgres-2: two on one database). */
function startServers(kind: StoreKind, place: Place, sourcesDir: string): Promise<Running[]> {
  return Promise.all(Array.from({ length: processesOf(kind) }, () => startServer(kind, place, sourcesDir)));
}

async function stopServer(s: Running): Promise<void> {
  const exited = new Promise((ok) => s.child.once('exit', ok));
  s.child.kill('SIGTERM');
  await exited;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

type Req = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };

/** Load from `connections` connections, spread round-robin over the servers' URLs. */
async function load(urls: string[], make: () => Req, connections = 50, seconds = duration): Promise<LoadResult> {
  const request = () => {
    const r = make();
    return { method: r.method, path: r.path, body: r.body, headers: r.body ? { 'content-type': 'application/json' } : {} };
  };
  const result = await autocannon({
    // autocannon spreads its connections over several URLs; its type declarations know only one.
    url: (urls.length === 1 ? urls[0] : urls) as string,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

function workloads(sources: SeedText[], ids: string[]): Record<string, () => Req> {
  const rnd = mulberry32(99);
  const bySource = (): Req => ({ method: 'GET', path: `/api/annotations?source=${sources[Math.floor(rnd() * sources.length)].id}` });
  const byId = (): Req => ({ method: 'GET', path: `/api/annotations/${ids[Math.floor(rnd() * ids.length)]}` });
  const create = (): Req => ({
    method: 'POST',
    path: '/api/annotations',
    body: JSON.stringify({ kind: 'note', note: 'bench', targets: [passage(rnd, sources[Math.floor(rnd() * sources.length)])] }),
  });
  let n = 0;
  const mix = (): Req => {
    const k = n++ % 20;
    return k < 2 ? create() : k % 2 ? bySource() : byId();
  };
  return { 'reads by source': bySource, 'reads by id': byId, creates: create, 'mix 90/10': mix };
}

async function singleEdit(kind: StoreKind, sources: SeedText[], sourcesDir: string, size: number): Promise<number[]> {
  const place = await newPlace(kind, 'edit');
  try {
    const ids = await seedStore(kind, place, sources, size, true);
    const server = await startServer(kind, place, sourcesDir);
    const revisions = new Map<string, number>();
    const rnd = mulberry32(5);
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      const id = ids[Math.floor(rnd() * ids.length)];
      const revision = revisions.get(id) ?? 1;
      const started = performance.now();
      const res = await fetch(`${server.url}/api/annotations/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ revision, note: `edit ${i}` }) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`PATCH answered ${res.status}`);
      if (i >= 20) times.push(performance.now() - started);
      revisions.set(id, revision + 1);
    }
    await stopServer(server);
    return times;
  } finally {
    await rm(place.dataDir, { recursive: true, force: true });
  }
}

/** A 20,000-annotation import while 10 connections read by id; the import's time and the readers' p99. */
async function importUnderLoad(kind: StoreKind, sources: SeedText[], sourcesDir: string): Promise<{ importMs: number; readP99: number; readRps: number }> {
  const place = await newPlace(kind, 'import');
  try {
    const ids = await seedStore(kind, place, sources, 20_000);
    const server = await startServer(kind, place, sourcesDir);
    const rnd = mulberry32(3);
    const items = Array.from({ length: 20_000 }, (_, i) => {
      const p = passage(rnd, sources[i % sources.length]);
      return {
        type: 'Annotation',
        'collate:kind': 'note',
        bodyValue: `imported ${i}`,
        target: { source: `urn:collate:source:${p.source}`, selector: [{ type: 'TextQuoteSelector', exact: p.exact }, { type: 'TextPositionSelector', start: p.start, end: p.end }] },
      };
    });
    const body = JSON.stringify(items);
    const readers = load([server.url], workloads(sources, ids)['reads by id'], 10, 8);
    await new Promise((r) => setTimeout(r, 1500));
    const started = performance.now();
    const res = await fetch(`${server.url}/api/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await res.json()) as { imported?: number };
    const importMs = performance.now() - started;
    if (res.status !== 201 || answer.imported !== 20_000) throw new Error(`import answered ${res.status}`);
    const read = await readers;
    await stopServer(server);
    return { importMs, readP99: read.p99, readRps: read.rps };
  } finally {
    await rm(place.dataDir, { recursive: true, force: true });
  }
}

const checks: { line: string; ok: boolean }[] = [];
const check = (ok: boolean, line: string) => checks.push({ ok, line });
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const sourcesDir = await mkdtemp(join(tmpdir(), 'collate-bench-sources-'));
const started = new Date();
const loads: number[] = [loadavg()[0]];
try {
  log(`store bench: ${fmt(total)} annotations on ${sourceCount} sources, ${duration} s per workload, 50 connections; load ${loadavg()[0].toFixed(2)}`);
  const sources = await writeSources(sourcesDir, sourceCount);
  const results = new Map<StoreKind, { startupMs: number; rss: number; loads: Map<string, LoadResult & { rss: number; server: ServerTiming }> }>();
  for (const kind of stores) {
    const place = await newPlace(kind, 'main');
    try {
      log(`  ${kind}: seeding...`);
      const ids = await seedStore(kind, place, sources, total);
      const servers = await startServers(kind, place, sourcesDir);
      const urls = servers.map((s) => s.url);
      // Two processes: the larger start-up, and the RSS of both together.
      const rss = async () => (await Promise.all(servers.map((s) => rssMb(s.child.pid!)))).reduce((a, b) => a + b, 0);
      const entry = { startupMs: Math.max(...servers.map((s) => s.startupMs)), rss: await rss(), loads: new Map<string, LoadResult & { rss: number; server: ServerTiming }>() };
      results.set(kind, entry);
      for (const [name, make] of Object.entries(workloads(sources, ids))) {
        log(`  ${kind}: ${name} (load ${loadavg()[0].toFixed(2)})`);
        loads.push(loadavg()[0]);
        await load(urls, make, 50, 1);
        // The warm-up's times are dropped; the first server's stand for both of postgres-2.
        await Promise.all(servers.map((s) => s.timing()));
        const r = await load(urls, make);
        const [server] = await Promise.all(servers.map((s) => s.timing()));
        entry.loads.set(name, { ...r, rss: await rss(), server });
      }
      await Promise.all(servers.map(stopServer));
    } finally {
      await rm(place.dataDir, { recursive: true, force: true });
    }
  }

  const out: string[] = [];
  out.push(`store bench ${started.toISOString()}, ${fmt(total)} annotations on ${sourceCount} sources, 50 connections, ${duration} s per workload, load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`);
  out.push('');
  out.push('| workload | store | req/s | p50 ms | p99 ms | failed | RSS MB | vs SQLite req/s | vs SQLite p99 |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const json = results.get('json');
  const sqlite = results.get('sqlite');
  for (const name of [...results.values()][0]?.loads.keys() ?? []) {
    for (const kind of stores) {
      const r = results.get(kind)!.loads.get(name)!;
      const base = sqlite?.loads.get(name);
      const ratio = base && kind !== 'sqlite' ? `x${(r.rps / base.rps).toFixed(2)}` : '';
      const p99ratio = base && kind !== 'sqlite' ? `x${(r.p99 / Math.max(base.p99, 1)).toFixed(2)}` : '';
      out.push(`| ${name} | ${kind} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.failed} | ${fmt(r.rss)} | ${ratio} | ${p99ratio} |`);
    }
    if (!json) continue;
    const r = json.loads.get(name)!;
    const isRead = name.startsWith('reads');
    if (isRead) check(r.rps >= 3000, `${name}: ${fmt(r.rps)} req/s >= 3,000`);
    if (name === 'creates') check(r.rps >= 500, `creates: ${fmt(r.rps)} acknowledged/s >= 500`);
    check(r.p99 < 50, `${name}: p99 ${r.p99} ms < 50 ms`);
    check(r.failed === 0, `${name}: no failed requests (${r.failed})`);
    const base = sqlite?.loads.get(name);
    if (base) check(r.rps * 2 >= base.rps && r.p99 <= 2 * Math.max(base.p99, 1), `${name}: within 2x of SQLite (req/s x${(r.rps / base.rps).toFixed(2)}, p99 x${(r.p99 / Math.max(base.p99, 1)).toFixed(2)})`);
  }
  out.push('');
  out.push(`Start-up with ${fmt(total)} annotations: ${stores.map((k) => `${k} ${fmt(results.get(k)!.startupMs)} ms (RSS ${fmt(results.get(k)!.rss)} MB)`).join(', ')}`);
  if (stores.some(isPostgres)) out.push('(PostgreSQL: RSS of the Collate server processes only, not of the database server.)');

  out.push('');
  out.push('Time inside the server per request (arrival to last byte), median / p99 ms, by kind of request (postgres-2: its first process):');
  out.push('');
  out.push('| workload | store | list by source | one by id | create |');
  out.push('|---|---|---:|---:|---:|');
  const cell = (t: ServerTiming, kind: string) => (t[kind] ? `${t[kind].p50} / ${t[kind].p99}` : '');
  for (const name of [...results.values()][0]?.loads.keys() ?? []) {
    for (const kind of stores) {
      const t = results.get(kind)!.loads.get(name)!.server;
      out.push(`| ${name} | ${kind} | ${cell(t, 'list')} | ${cell(t, 'one')} | ${cell(t, 'create')} |`);
    }
  }

  out.push('');
  out.push('Single edit (PATCH, sequential, median / p90 of 100 after 20 warm-up) on a source holding N annotations:');
  out.push('');
  out.push(`| annotations on the source | ${oneProcessKinds.map((k) => `${k} median ms | ${k} p90 ms`).join(' | ')} |`);
  out.push(`|---:|${oneProcessKinds.map(() => '---:|---:').join('|')}|`);
  const editMedians = new Map<StoreKind, number[]>();
  for (const size of editSizes) {
    const cells: string[] = [];
    for (const kind of oneProcessKinds) {
      log(`  ${kind}: single edit at ${fmt(size)} annotations on one source`);
      const times = await singleEdit(kind, sources, sourcesDir, size);
      cells.push(`${median(times).toFixed(2)} | ${pct(times, 90).toFixed(2)}`);
      editMedians.set(kind, [...(editMedians.get(kind) ?? []), median(times)]);
    }
    out.push(`| ${fmt(size)} | ${cells.join(' | ')} |`);
  }
  const jsonEdits = editMedians.get('json');
  if (jsonEdits) {
    const at200 = jsonEdits[0];
    const at20k = jsonEdits[editSizes.indexOf(20_000)];
    check(at20k <= 2 * at200, `one edit at 20,000 annotations on a source (${at20k.toFixed(2)} ms) within 2x of one at 200 (${at200.toFixed(2)} ms): x${(at20k / at200).toFixed(2)}`);
  }

  out.push('');
  out.push('Import of 20,000 annotations while 10 connections read by id:');
  out.push('');
  out.push('| store | import ms | readers p99 ms | readers req/s |');
  out.push('|---|---:|---:|---:|');
  for (const kind of oneProcessKinds) {
    log(`  ${kind}: import under load`);
    const r = await importUnderLoad(kind, sources, sourcesDir);
    out.push(`| ${kind} | ${fmt(r.importMs)} | ${r.readP99} | ${fmt(r.readRps)} |`);
    if (kind === 'json') {
      check(r.importMs < 3000, `20,000-annotation import in ${fmt(r.importMs)} ms < 3,000 ms`);
      check(r.readP99 < 100, `readers' p99 during the import ${r.readP99} ms < 100 ms`);
    }
  }
  out.push('');
  for (const c of checks) out.push(`${c.ok ? 'PASS' : 'FAIL'}  ${c.line}`);
  process.stdout.write(out.join('\n') + '\n');
} finally {
  await rm(sourcesDir, { recursive: true, force: true });
  await postgres?.stop();
}
