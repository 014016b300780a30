/**
 * Kill -9 a real server while it is taking writes: every file must still parse and every write it
 * acknowledged must be there after a restart.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JsonAnnotationStore } from '../../../server/store/json-annotation-store';
import { SEEDS, seedText } from '../../helpers/fixtures';

const ROOT = resolve(import.meta.dirname, '../../..');
let dataDir: string;
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('crash safety', () => {
  it('keeps every acknowledged write across a kill -9 in the middle of writing', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'collate-crash-'));
    // One process (tsx as a loader, not its CLI, which would put the server in a grandchild that
    // outlives the kill).
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', '0', '--data', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<string>((ok, fail) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /running at (http:\/\/[^\s]+?)\/?\s/.exec(out);
        if (m) ok(m[1]);
      });
      child.once('exit', (code) => fail(new Error(`server exited early (${code})`)));
    });
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
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all([...writers, exited]);

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
});
