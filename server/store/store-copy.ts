/**
 * Copies everything one store holds into another, empty one: annotations with their history, sets,
 * decisions on suggestions, sources with every revision and its text (and page), users and their
 * sessions. It works through the Store interface alone, so it moves a desk from the data folder to
 * PostgreSQL and back, or between two databases.
 *
 * The records are written in one transaction, so a copy that fails (or is killed) leaves the target
 * as empty as it was; the texts go first, as every write of a revision does, since a text nothing
 * refers to is harmless. The copy is then read back and counted, so "copied" is a checked claim.
 */
import { setKey, type BlobKind, type Store, type TableName } from './store';

export type CopyCounts = Record<TableName, number> & { texts: number };

export type CopyProgress = (line: string) => void;

/** What a store holds, per table, read as the copy reads it. */
async function readAll(store: Store) {
  const sources = await store.sources();
  const revisions = [];
  for (const s of sources) revisions.push(...(await store.revisions(s.id)));
  return {
    annotations: await store.annotations(),
    sets: await store.sets(),
    decisions: await store.decisions(),
    history: await store.history(),
    users: await store.users(),
    sessions: await store.sessions(),
    sources,
    revisions,
  };
}

function countsOf(all: Awaited<ReturnType<typeof readAll>>, texts: number): CopyCounts {
  return {
    annotations: all.annotations.length,
    sets: all.sets.length,
    decisions: all.decisions.length,
    history: all.history.length,
    users: all.users.length,
    sessions: all.sessions.length,
    sources: all.sources.length,
    revisions: all.revisions.length,
    texts,
  };
}

/** "12 annotations, 3 sets, …" for the tables that hold anything. */
export function describeCounts(counts: CopyCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${n === 1 ? singular(name) : name === 'history' ? 'history entries' : name}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

function singular(name: string): string {
  if (name === 'history') return 'history entry';
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

export class CopyError extends Error {}

/** Copies `from` into `to`, which must hold nothing yet; returns what was copied. */
export async function copyStore(from: Store, to: Store, progress: CopyProgress = () => {}): Promise<CopyCounts> {
  // A new store already has its default set: sets that hold nothing do not make a store "used"
  // (the copy's own sets of the same name replace them).
  const held = countsOf(await readAll(to), 0);
  held.sets = [...(await to.setSizes()).values()].filter((n) => n > 0).length;
  if ((Object.keys(held) as (keyof CopyCounts)[]).some((k) => held[k] > 0)) {
    throw new CopyError(`the target already holds records (${describeCounts(held)}): copy only into an empty store, so nothing there is mixed up or overwritten`);
  }

  progress('reading the source store');
  const all = await readAll(from);

  // Texts first, each once (revisions of several sources may share one).
  const blobs = new Map<string, [BlobKind, string]>();
  for (const r of all.revisions) {
    blobs.set(`text:${r.hash}`, ['text', r.hash]);
    if (r.html) blobs.set(`html:${r.html}`, ['html', r.html]);
  }
  let done = 0;
  for (const [kind, hash] of blobs.values()) {
    const content = await from.blob(kind, hash);
    if (content === undefined) throw new CopyError(`the source store lacks the ${kind} ${hash} that a revision refers to; nothing was copied`);
    const stored = await to.putBlob(kind, content);
    if (stored !== hash) throw new CopyError(`the ${kind} ${hash} read back with another hash (${stored}); nothing was copied`);
    done++;
    if (done % 100 === 0 || done === blobs.size) progress(`texts ${done}/${blobs.size}`);
  }

  progress(`writing ${describeCounts(countsOf(all, blobs.size))} in one transaction`);
  await to.transact((tx) => {
    // Sets before the annotations filed into them, annotations before their history, users before sessions.
    for (const s of all.sets) tx.putSet(s);
    for (const s of all.sources) tx.putSource(s);
    for (const r of all.revisions) tx.addRevision(r);
    for (const a of all.annotations) tx.insertAnnotation(a);
    for (const h of all.history) tx.addHistory(h);
    for (const d of all.decisions) tx.putDecision(d);
    for (const u of all.users) tx.putUser(u);
    for (const s of all.sessions) tx.putSession(s);
  });

  progress('checking the copy');
  const copied = countsOf(await readAll(to), blobs.size);
  const expected = countsOf(all, blobs.size);
  // The target's own empty sets that the source did not have stay beside the copied ones.
  copied.sets = (await to.sets()).filter((s) => all.sets.some((x) => setKey(x.name) === setKey(s.name))).length;
  const short = (Object.keys(expected) as (keyof CopyCounts)[]).filter((k) => copied[k] !== expected[k]);
  if (short.length) {
    throw new CopyError(`the copy does not match: ${short.map((k) => `${k} ${copied[k]} of ${expected[k]}`).join(', ')}`);
  }
  return copied;
}
