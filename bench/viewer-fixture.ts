/**
 * The load of the viewer benchmark: one seeded article of about 1 MB (the bodies of the reuse
 * benchmark's generated documents, one after another, so the prose, quotes and line lengths are
 * those of that generator) and N annotations on it, written into a fresh data directory through the
 * real store before the server starts. Everything derives from the seed, so runs are comparable.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteContext } from '../core/anchoring/quote-context';
import type { Annotation, Kind, Verdict } from '../core/model';
import { VERDICTS } from '../core/model/vocabulary';
import { JsonStore } from '../server/store/json/json-store';
import { generateCorpus, mulberry32 } from './corpus-generator';

/** The id of the benchmark's article in its sources folder. */
export const ARTICLE_ID = 'bench-article';

/** A second set, so the active set limits what is shown as it would in real use. */
export const OTHER_SET = 'second-opinion';

/** The article's text: generated bodies joined by blank lines until `chars` characters. */
export function articleText(chars: number, seed = 7): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < chars; round++) {
    const corpus = generateCorpus({ docs: 100, seed: seed + round });
    for (const doc of corpus.docs) {
      const chrome = corpus.chrome.get(doc.id);
      const body = (chrome ? doc.text.slice(chrome.header[1], chrome.footer[0]) : doc.text).trim();
      // The generator wraps some copies at 50-90 columns; an article keeps its paragraphs.
      const paragraphs = body.split(/\n{2,}/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
      for (const p of paragraphs) {
        parts.push(p);
        length += p.length + 2;
        if (length >= chars) break;
      }
      if (length >= chars) break;
    }
  }
  return parts.join('\n\n');
}

const TAGS = Array.from({ length: 30 }, (_, i) => `topic-${i + 1}`);
const CLAIMANTS = Array.from({ length: 40 }, (_, i) => `Speaker ${String.fromCharCode(65 + (i % 26))}. Number${i + 1}`);

/** Word spans of the text's paragraphs: [start, end) of each word, per line. */
function wordSpans(text: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const words: [number, number][] = [];
    for (const m of line.matchAll(/\S+/g)) words.push([lineStart + (m.index ?? 0), lineStart + (m.index ?? 0) + m[0].length]);
    if (words.length > 3) lines.push(words);
    lineStart += line.length + 1;
  }
  return lines;
}

/** `count` annotations on `text`, spread over its paragraphs: claims, notes and a few inconsistencies. */
export function benchAnnotations(text: string, count: number, seed = 11): Annotation[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = wordSpans(text);
  const span = () => {
    const words = pick(lines);
    const from = Math.floor(rnd() * words.length);
    const to = Math.min(words.length - 1, from + Math.floor(rnd() * 24));
    const start = words[from][0];
    const end = words[to][1];
    return { source: ARTICLE_ID, start, end, exact: text.slice(start, end), ...quoteContext(text, start, end) };
  };
  const stamp = new Date(Date.UTC(2026, 0, 1)).toISOString();
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rnd();
    const kind: Kind = roll < 0.55 ? 'claim' : roll < 0.9 ? 'note' : 'inconsistency';
    const noteLength = rnd() < 0.4 ? 0 : Math.floor(rnd() * 400);
    const a: Annotation = {
      id: `a_bench${String(i).padStart(6, '0')}`,
      revision: 1,
      created: stamp,
      modified: stamp,
      creator: 'bench',
      set: rnd() < 0.9 ? 'default' : OTHER_SET,
      kind,
      targets: kind === 'inconsistency' ? [span(), span()] : [span()],
      tags: rnd() < 0.5 ? [] : [pick(TAGS), ...(rnd() < 0.3 ? [pick(TAGS)] : [])].filter((t, k, all) => all.indexOf(t) === k),
      note: 'Checked against the record. '.repeat(Math.ceil(noteLength / 28)).slice(0, noteLength).trim(),
    };
    if (kind === 'claim') a.claim = { claimant: pick(CLAIMANTS), verdict: pick(VERDICTS) as Verdict, evidence: rnd() < 0.3 ? ['https://example.org/evidence'] : [] };
    out.push(a);
  }
  return out;
}

/** Write the article into `sourcesDir` and its annotations into the store in `dataDir`. */
export async function seedViewerBench(opts: { sourcesDir: string; dataDir: string; text: string; annotations: Annotation[] }): Promise<void> {
  await mkdir(opts.sourcesDir, { recursive: true });
  await writeFile(join(opts.sourcesDir, `${ARTICLE_ID}.txt`), opts.text);
  await writeFile(
    join(opts.sourcesDir, `${ARTICLE_ID}.meta.json`),
    JSON.stringify({ title: 'A long generated article', outlet: 'Benchmark Gazette', published: '2026-01-01' }),
  );
  const store = await JsonStore.open(opts.dataDir);
  await store.transact((tx) => {
    tx.putSet({ name: OTHER_SET, description: 'Annotations of a second reviewer', created: new Date(0).toISOString() });
    for (const a of opts.annotations) tx.insertAnnotation(a);
  });
  await store.close();
}
