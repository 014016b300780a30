/**
 * The revision request of the re-anchoring benchmark: the real app (createApp, the embedded store on
 * a temporary folder) holding the article with every annotation on it, then `POST /api/sources` with
 * the revised text, timed from sending to the answer. That covers what a user waits for: keeping the
 * new text, the diff, re-anchoring every target, and writing every moved annotation with its history
 * entry in one transaction.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, Target } from '../core/model';
import { createApp } from '../server/app';
import { SourceLibrary } from '../server/sources/source-library';
import { JsonStore } from '../server/store/json/json-store';

const ID = 'bench-article';

export interface RequestTiming {
  ms: number;
  reanchored: Record<string, number>;
}

export async function timeRevisionRequest(oldText: string, newText: string, targets: readonly Target[]): Promise<RequestTiming> {
  const dir = await mkdtemp(join(tmpdir(), 'collate-bench-revision-'));
  const store = await JsonStore.open(dir);
  const app = createApp({ store, sources: SourceLibrary.fromSources([]), actor: { name: 'bench', role: 'admin' }, spelling: null });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((ok) => server.once('listening', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (text: string) =>
    fetch(`${base}/api/sources`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: ID, text, title: 'Bench article', outlet: 'Bench' }) });
  try {
    const first = await post(oldText);
    if (first.status !== 201) throw new Error(`import answered ${first.status}: ${await first.text()}`);
    const stamp = new Date().toISOString();
    const records: Annotation[] = targets.map((t, i) => ({
      id: `a_bench${i}`,
      revision: 1,
      created: stamp,
      modified: stamp,
      creator: 'bench',
      set: 'default',
      kind: 'note',
      targets: [{ ...t, source: ID, revision: 1 }],
      tags: [],
      note: '',
    }));
    await store.transact((tx) => records.forEach((a) => tx.insertAnnotation(a)));
    const started = performance.now();
    const res = await post(newText);
    const body = (await res.json()) as { status?: string; reanchored?: Record<string, number> };
    const ms = performance.now() - started;
    if (res.status !== 200 || body.status !== 'revised') throw new Error(`revision answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, reanchored: body.reanchored ?? {} };
  } finally {
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
