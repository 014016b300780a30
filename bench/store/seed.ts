/**
 * Seeding for the store benchmark: a folder of generated article texts (the reuse bench's seeded
 * corpus generator) and a store filled with realistic annotations on them, written through the
 * Store interface so both stores hold the same records.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteContext } from '../../core/anchoring/quote-context';
import { DEFAULT_SET, VERDICTS, type Annotation } from '../../core/model';
import type { Store } from '../../server/store/store';
import { generateCorpus, mulberry32, type GeneratedDoc } from '../corpus-generator';

export interface SeedText {
  id: string;
  text: string;
}

/** Writes `count` generated articles (with an outlet sidecar) into `dir`. */
export async function writeSources(dir: string, count: number, seed = 7): Promise<SeedText[]> {
  await mkdir(dir, { recursive: true });
  const docs: GeneratedDoc[] = generateCorpus({ docs: count, seed }).docs;
  for (const d of docs) {
    await writeFile(join(dir, `${d.id}.txt`), d.text);
    await writeFile(join(dir, `${d.id}.meta.json`), JSON.stringify({ title: `Story ${d.id}`, outlet: d.outlet }));
  }
  return docs.map((d) => ({ id: d.id, text: d.text }));
}

/** A random passage of 3-25 words in `text`, as a target body for POST /api/annotations. */
export function passage(rnd: () => number, source: SeedText): { source: string; start: number; end: number; exact: string } {
  const { text } = source;
  let start = Math.floor(rnd() * (text.length - 200));
  while (start > 0 && /\S/.test(text[start - 1])) start--;
  const words = 3 + Math.floor(rnd() * 23);
  let end = start;
  for (let w = 0; w < words && end < text.length; w++) {
    while (end < text.length && /\s/.test(text[end])) end++;
    while (end < text.length && /\S/.test(text[end])) end++;
  }
  return { source: source.id, start, end, exact: text.slice(start, end) };
}

const TAGS = ['quote', 'number', 'attribution', 'date', 'follow-up', 'typo', 'context'];

/** One stored annotation on `source` (a claim, a note, or now and then an inconsistency with `other`). */
export function makeAnnotation(rnd: () => number, n: number, source: SeedText, other: SeedText): Annotation {
  const stamp = new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString();
  const target = (s: SeedText) => {
    const p = passage(rnd, s);
    return { ...p, ...quoteContext(s.text, p.start, p.end) };
  };
  const roll = rnd();
  const kind = roll < 0.35 ? 'claim' : roll < 0.95 ? 'note' : 'inconsistency';
  const a: Annotation = {
    id: `a_seed${String(n).padStart(8, '0')}`,
    revision: 1,
    created: stamp,
    modified: stamp,
    creator: ['ana', 'ben', 'chi'][n % 3],
    set: DEFAULT_SET,
    kind,
    targets: kind === 'inconsistency' ? [target(source), target(other)] : [target(source)],
    tags: rnd() < 0.5 ? [TAGS[Math.floor(rnd() * TAGS.length)]] : [],
    note: rnd() < 0.7 ? `Checked against the ministry statement ${n}; see the follow-up.` : '',
  };
  if (kind === 'claim') a.claim = { claimant: rnd() < 0.5 ? 'A spokesperson' : '', verdict: VERDICTS[Math.floor(rnd() * VERDICTS.length)], evidence: [] };
  return a;
}

/** Fills `store` with `count` annotations spread evenly over `sources` (or all on the first when `onOne`). */
export async function seedAnnotations(store: Store, sources: SeedText[], count: number, opts: { onOne?: boolean; seed?: number } = {}): Promise<string[]> {
  const rnd = mulberry32(opts.seed ?? 11);
  if (!(await store.set(DEFAULT_SET))) await store.transact((tx) => tx.putSet({ name: DEFAULT_SET, description: 'The default annotation set', created: new Date().toISOString() }));
  const ids: string[] = [];
  for (let done = 0; done < count; ) {
    const batch: Annotation[] = [];
    for (let k = 0; k < 2000 && done < count; k++, done++) {
      const s = opts.onOne ? sources[0] : sources[done % sources.length];
      const other = sources[(done * 7 + 1) % sources.length];
      const a = makeAnnotation(rnd, done, s, other === s ? sources[(done + 1) % sources.length] : other);
      if (opts.onOne) a.kind = a.kind === 'inconsistency' ? 'note' : a.kind;
      if (opts.onOne) a.targets = [a.targets[0]];
      batch.push(a);
      ids.push(a.id);
    }
    await store.transact((tx) => batch.forEach((a) => tx.insertAnnotation(a)));
  }
  return ids;
}
