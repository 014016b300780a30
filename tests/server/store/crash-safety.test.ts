/**
 * Kill -9 a real server while it is taking writes: every file must still parse and every write it
 * acknowledged must be there after a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonAnnotationStore } from '../../../server/store/json-annotation-store';
import { SEEDS, seedText } from '../../helpers/fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
let dataDir: string;
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** The real server as its own process (tsx as a loader, not its CLI, which would put the server in a
 * grandchild that outlives the kill), on a free port. */
async function startServerProcess(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/[^\s]+?)\/?\s/.exec(out);
      if (m) ok(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`server exited early (${code})`)));
  });
  return { child, url };
}

async function killHard(child: ChildProcess): Promise<void> {
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await exited;
}

describe('crash safety', () => {
  it('keeps every acknowledged write across a kill -9 in the middle of writing', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collate-crash-'));
    const { child, url } = await startServerProcess(dataDir);
    const text = seedText(SEEDS.mdaa);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const start = (w * 997 + i * 13) % (text.length - 20);
        try {
          const res = await fetch(`${url}/api/annotations`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ kind: 'note', note: `w${w} #${i}`, targets: [{ source: SEEDS.mdaa, start, end: start + 10, exact: text.slice(start, start + 10) }] }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { annotation: { id: string } }).annotation.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 5));
    const killed = killHard(child);
    stop = true;
    await Promise.all([...writers, killed]);

    for (const name of await readdir(join(dataDir, 'by-source'))) {
      if (name.endsWith('.json')) JSON.parse(await readFile(join(dataDir, 'by-source', name), 'utf8'));
    }
    JSON.parse(await readFile(join(dataDir, 'collection.json'), 'utf8'));
    const store = await JsonAnnotationStore.open(dataDir);
    const stored = new Set(store.annotations().map((a) => a.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    expect(lost).toEqual([]);
  }, 60_000);

  it('keeps one copy at the acknowledged revision of annotations moved between files when killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'collate-crash-move-'));
    try {
      const { child, url } = await startServerProcess(dir);
      const a = seedText(SEEDS.nbPursues);
      const b = seedText(SEEDS.nbUndercut);
      const target = (source: string, text: string, at: number) => ({ source, start: at, end: at + 12, exact: text.slice(at, at + 12) });
      const send = (method: string, path: string, body: unknown) =>
        fetch(url + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await send('POST', '/api/annotations', { kind: 'note', targets: [target(SEEDS.nbPursues, a, 100 + i * 40), target(SEEDS.nbUndercut, b, 100 + i * 40)] });
        ids.push(((await res.json()) as { annotation: { id: string } }).annotation.id);
      }
      // Each writer flips one annotation between "two sources" (collection file) and "one source"
      // (its source's file), recording every revision the server acknowledged.
      const acked = new Map<string, number>(ids.map((id) => [id, 1]));
      let stop = false;
      const flip = async (id: string, i: number) => {
        for (let rev = 1; !stop; rev++) {
          const one = rev % 2 === 1;
          const targets = one ? [target(SEEDS.nbPursues, a, 100 + i * 40)] : [target(SEEDS.nbPursues, a, 100 + i * 40), target(SEEDS.nbUndercut, b, 100 + i * 40)];
          try {
            const res = await send('PATCH', `/api/annotations/${id}`, { revision: rev, targets });
            if (res.status !== 200) return;
            acked.set(id, rev + 1);
          } catch {
            return;
          }
        }
      };
      let finished = 0;
      const writers = ids.map((id, i) => flip(id, i).finally(() => finished++));
      while (finished === 0 && [...acked.values()].reduce((x, y) => x + y, 0) < ids.length * 6) await new Promise((r) => setTimeout(r, 5));
      expect(finished, 'a writer stopped before the kill').toBe(0);
      const killed = killHard(child);
      stop = true;
      await Promise.all([...writers, killed]);

      const store = await JsonAnnotationStore.open(dir);
      for (const id of ids) {
        const copies = store.annotations().filter((x) => x.id === id);
        expect(copies, id).toHaveLength(1);
        expect(copies[0].revision, id).toBeGreaterThanOrEqual(acked.get(id)!);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
