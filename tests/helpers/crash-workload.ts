/**
 * A mixed write workload against a real server process, with a ledger of what the server
 * acknowledged, and the check that runs after the process was killed and started again: every
 * acknowledged change is there with its acknowledged content (or the content of the one request
 * that was in flight), no acknowledged delete comes back, and every import is whole or absent.
 *
 * Workers: moves between sources (one source <-> two sources), create-then-delete, imports that
 * create their own set, carries to copies, confirmed suggestions, and revisions of a source that
 * re-anchor its annotations.
 */
import type { Annotation } from '../../core/model';
import { ROSE_QUOTE, SEEDS, seedText, targetOf } from './fixtures';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function send(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const STORY = 'crash-story';
const storyText = (version: number) =>
  (version % 2 ? 'A new first paragraph was added in this revision, moving everything below it.\n\n' : '') +
  'The ministry said on Tuesday that 42 inspections took place.\n\nOfficials disputed the count, citing 38 visits.\n\nA third paragraph closes the story.';

interface Tracked {
  /** The last state the server acknowledged, or 'deleted'. */
  acked: Pick<Annotation, 'id' | 'revision' | 'note' | 'targets'> | 'deleted';
  /** A request that was sent and not answered when the process died. */
  pending?: { revision: number; note: string; sources: string[] } | 'delete';
}

export interface Ledger {
  annotations: Map<string, Tracked>;
  imports: { marker: string; set: string; count: number; acked: boolean }[];
  carried: string[];
  confirmed: { suggestion: string; annotation: string }[];
  revision: { acked: number; pending?: number };
  /** Acknowledged operations of any kind. */
  acks: number;
}

export function newLedger(): Ledger {
  return { annotations: new Map(), imports: [], carried: [], confirmed: [], revision: { acked: -1 }, acks: 0 };
}

/** Runs the workload until `stop()` says so or the server goes away. */
export async function runWorkload(base: string, ledger: Ledger, round: number, stop: () => boolean): Promise<void> {
  const a = seedText(SEEDS.nbPursues);
  const b = seedText(SEEDS.nbUndercut);
  const at = (source: string, text: string, offset: number) => ({ source, start: offset, end: offset + 12, exact: text.slice(offset, offset + 12) });
  const ack = () => void ledger.acks++;

  const mover = async (w: number) => {
    const offset = 200 + w * 60 + round * 7;
    const made = await send(base, 'POST', '/api/annotations', { kind: 'note', note: `m${round}.${w}.0`, targets: [at(SEEDS.nbPursues, a, offset)] });
    if (made.status !== 201) return;
    const x = made.body.annotation as Annotation;
    const entry: Tracked = { acked: x };
    ledger.annotations.set(x.id, entry);
    ack();
    for (let i = 1; !stop(); i++) {
      const two = i % 2 === 1;
      const note = `m${round}.${w}.${i}`;
      const revision = (entry.acked as Annotation).revision;
      const targets = two ? [at(SEEDS.nbPursues, a, offset), at(SEEDS.nbUndercut, b, offset)] : [at(SEEDS.nbPursues, a, offset)];
      entry.pending = { revision: revision + 1, note, sources: targets.map((t) => t.source) };
      const res = await send(base, 'PATCH', `/api/annotations/${x.id}`, { revision, note, targets });
      if (res.status !== 200) throw new Error(`PATCH answered ${res.status}: ${JSON.stringify(res.body)}`);
      entry.acked = res.body.annotation;
      entry.pending = undefined;
      ack();
    }
  };

  const deleter = async () => {
    for (let i = 0; !stop(); i++) {
      const made = await send(base, 'POST', '/api/annotations', { kind: 'note', note: `d${round}.${i}`, targets: [at(SEEDS.nbUndercut, b, 100 + (i % 50) * 13)] });
      if (made.status !== 201) throw new Error(`POST answered ${made.status}`);
      const entry: Tracked = { acked: made.body.annotation };
      ledger.annotations.set(made.body.annotation.id, entry);
      ack();
      entry.pending = 'delete';
      const del = await send(base, 'DELETE', `/api/annotations/${made.body.annotation.id}?revision=1`);
      if (del.status !== 204) throw new Error(`DELETE answered ${del.status}`);
      entry.acked = 'deleted';
      entry.pending = undefined;
      ack();
    }
  };

  const importer = async () => {
    const text = seedText(SEEDS.gsnRenews);
    for (let i = 0; !stop(); i++) {
      const marker = `imp-${round}-${i}`;
      const set = `Imported ${round} ${i}`;
      const count = 25;
      const items = Array.from({ length: count }, (_, k) => {
        const start = 50 + k * 40;
        return {
          type: 'Annotation',
          'collate:kind': 'note',
          'collate:set': set,
          bodyValue: `${marker} #${k}`,
          target: {
            source: `urn:collate:source:${SEEDS.gsnRenews}`,
            selector: [
              { type: 'TextQuoteSelector', exact: text.slice(start, start + 20) },
              { type: 'TextPositionSelector', start, end: start + 20 },
            ],
          },
        };
      });
      const entry = { marker, set, count, acked: false };
      ledger.imports.push(entry);
      const res = await send(base, 'POST', '/api/import', items);
      if (res.status !== 201) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body)}`);
      entry.acked = true;
      ack();
    }
  };

  const carrier = async () => {
    for (let i = 0; !stop(); i++) {
      const made = await send(base, 'POST', '/api/annotations', { kind: 'note', note: `c${round}.${i}`, targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)] });
      if (made.status !== 201) throw new Error(`POST answered ${made.status}`);
      ledger.annotations.set(made.body.annotation.id, { acked: made.body.annotation });
      const res = await send(base, 'POST', `/api/annotations/${made.body.annotation.id}/carry`, { mode: 'copy' });
      if (res.status !== 201) throw new Error(`carry answered ${res.status}: ${JSON.stringify(res.body)}`);
      ledger.carried.push(...res.body.annotations.map((x: Annotation) => x.id));
      ack();
    }
  };

  const confirmer = async () => {
    while (!stop()) {
      const open = await send(base, 'GET', '/api/suggestions');
      const s = open.body.suggestions[0];
      if (!s) return;
      const res = await send(base, 'POST', `/api/suggestions/${s.id}/confirm`, {});
      if (res.status !== 201) throw new Error(`confirm answered ${res.status}`);
      ledger.confirmed.push({ suggestion: s.id, annotation: res.body.annotation.id });
      ack();
    }
  };

  const reviser = async () => {
    for (let v = ledger.revision.acked + 1; !stop(); v++) {
      ledger.revision.pending = v;
      const res = await send(base, 'POST', '/api/sources', { id: STORY, text: storyText(v), title: 'Crash story', outlet: 'Test wire' });
      if (res.status !== 200 && res.status !== 201) throw new Error(`source revision answered ${res.status}`);
      ledger.revision = { acked: v };
      ack();
    }
  };

  if (ledger.revision.acked < 0) {
    const res = await send(base, 'POST', '/api/sources', { id: STORY, text: storyText(0), title: 'Crash story', outlet: 'Test wire' });
    if (res.status !== 201 && res.status !== 200) throw new Error(`source import answered ${res.status}`);
    ledger.revision = { acked: 0 };
    for (const quote of ['42 inspections', '38 visits', 'third paragraph']) {
      const text = storyText(0);
      const start = text.indexOf(quote);
      const made = await send(base, 'POST', '/api/annotations', { kind: 'claim', targets: [{ source: STORY, start, end: start + quote.length, exact: quote }] });
      ledger.annotations.set(made.body.annotation.id, { acked: made.body.annotation });
    }
  }

  // A worker that loses the server mid-request stops; any other failure is the test's failure.
  const guard = (work: Promise<void>) =>
    work.catch((e: unknown) => {
      if (!stop() || !(e instanceof TypeError)) throw e;
    });
  await Promise.all([guard(mover(0)), guard(mover(1)), guard(mover(2)), guard(deleter()), guard(importer()), guard(carrier()), guard(confirmer()), guard(reviser())]);
}

/** Problems found after a restart; an empty list means the record held. */
export async function checkLedger(base: string, ledger: Ledger): Promise<string[]> {
  const problems: string[] = [];
  for (const [id, t] of ledger.annotations) {
    const res = await send(base, 'GET', `/api/annotations/${id}`);
    if (t.acked === 'deleted') {
      if (res.status !== 404) problems.push(`${id}: deleted (acknowledged) but came back at revision ${res.body?.annotation?.revision}`);
      continue;
    }
    if (res.status === 404) {
      if (t.pending !== 'delete') problems.push(`${id}: acknowledged at revision ${t.acked.revision} but lost`);
      t.acked = 'deleted';
      t.pending = undefined;
      continue;
    }
    const got = res.body.annotation as Annotation;
    const acked = t.acked;
    // What the server holds now is the baseline for the next round.
    const settle = () => {
      t.acked = got;
      t.pending = undefined;
    };
    const sources = got.targets.map((x) => x.source);
    if (got.revision === acked.revision) {
      if (got.note !== acked.note || JSON.stringify(sources) !== JSON.stringify(acked.targets.map((x) => x.source))) {
        problems.push(`${id}: revision ${got.revision} holds other content than was acknowledged`);
      }
    } else if (t.pending && t.pending !== 'delete' && got.revision === t.pending.revision) {
      if (got.note !== t.pending.note || JSON.stringify(sources) !== JSON.stringify(t.pending.sources)) problems.push(`${id}: the in-flight revision holds other content than was sent`);
    } else if (!(got.targets[0].source === STORY && got.revision > acked.revision)) {
      // Only re-anchoring may move an annotation on without a request of ours.
      problems.push(`${id}: at revision ${got.revision}, acknowledged ${acked.revision}`);
    }
    settle();
  }
  const sets = new Set(((await send(base, 'GET', '/api/sets')).body.sets as { name: string }[]).map((s) => s.name));
  const all = (await send(base, 'GET', `/api/annotations?source=${SEEDS.gsnRenews}`)).body.annotations as Annotation[];
  for (const imp of ledger.imports) {
    const found = all.filter((x) => x.note.startsWith(`${imp.marker} #`)).length;
    if (found !== 0 && found !== imp.count) problems.push(`import ${imp.marker}: ${found} of ${imp.count} annotations saved`);
    if (imp.acked && found === 0) problems.push(`import ${imp.marker}: acknowledged but absent`);
    if (found && !sets.has(imp.set)) problems.push(`import ${imp.marker}: its set "${imp.set}" is not listed`);
    imp.acked = found > 0;
    if (!found) imp.count = 0;
  }
  for (const id of ledger.carried) if ((await send(base, 'GET', `/api/annotations/${id}`)).status !== 200) problems.push(`carried copy ${id} lost`);
  const open = new Set(((await send(base, 'GET', '/api/suggestions')).body.suggestions as { id: string }[]).map((s) => s.id));
  for (const c of ledger.confirmed) {
    if (open.has(c.suggestion)) problems.push(`suggestion ${c.suggestion}: confirmed but offered again`);
    if ((await send(base, 'GET', `/api/annotations/${c.annotation}`)).status !== 200) problems.push(`suggestion ${c.suggestion}: its inconsistency ${c.annotation} was lost`);
  }
  const story = await send(base, 'GET', `/api/sources/${STORY}`);
  if (ledger.revision.acked >= 0) {
    const text = story.body?.source?.text as string | undefined;
    const allowed = [ledger.revision.acked, ledger.revision.pending].filter((v): v is number => v !== undefined).map(storyText);
    if (!text || !allowed.includes(text)) problems.push(`source ${STORY}: the acknowledged revision ${ledger.revision.acked} is not the current text`);
    else {
      ledger.revision = { acked: text === storyText(ledger.revision.acked) ? ledger.revision.acked : ledger.revision.pending! };
      const onStory = (await send(base, 'GET', `/api/annotations?source=${STORY}`)).body.annotations as Annotation[];
      for (const x of onStory) for (const t of x.targets) if (!t.orphaned && text.slice(t.start, t.end) !== t.exact) problems.push(`${x.id}: not re-anchored to the current text`);
    }
  }
  return problems;
}
