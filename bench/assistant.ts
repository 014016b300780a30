/**
 * The fact-checker's assistant benchmark (`npm run bench:assistant`, issue 11). Runs every detector on
 * the labelled corpus (bench/assistant-corpus/: original articles in a tuning and a held-out part, plus
 * the five shipped sources) the way the server would: reuse passages from core/reuse, the spelling
 * checker from server/assistant/spelling-dictionary.ts, stories found from the texts (the labels' story
 * field is not used). Prints precision and recall per category and part, the false typo flags per
 * 1,000 words, then timings: the assistant on the labelled corpus, and the spelling pass on a ~1 MB
 * corpus against a baseline without the per-word cache and one-edit search (the checker's own
 * correct() on every token and suggest() on every unknown word, sampled and extrapolated), and the
 * whole assistant on that corpus.
 *
 * Options: --runs N (timed runs, default 5), --mb N (size of the spelling corpus, default 1),
 * --seed S, --json (raw results as JSON too), --show (list the misses and false flags of the tuning part).
 */
import { loadavg, cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { suggestAssistant } from '../core/assistant';
import { buildCorpus } from '../core/assistant/corpus';
import { findTypos } from '../core/assistant/typos';
import type { Suggestion } from '../core/inconsistency/types';
import { findReuse } from '../core/reuse';
import { buildSpellChecker } from '../server/assistant/spelling-dictionary';
import { type LabelledCorpus, loadLabelledCorpus } from './assistant-labels';
import { type CategoryScore, type SplitScore, scoreContexts, scoreSplit, unmatched } from './assistant-score';
import { mulberry32 } from './corpus-generator';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const runs = Number(option('runs') ?? 5);
const megabytes = Number(option('mb') ?? 1);
const seed = Number(option('seed') ?? 7);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fixed = (v: number, d = 2): string => v.toFixed(d);
const pad = (v: string | number, n: number): string => String(v).padStart(n);

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** The labelled corpus with typos planted at random in copies of its texts, to `bytes` characters. */
function spellingCorpus(corpus: LabelledCorpus, bytes: number): { id: string; text: string }[] {
  const random = mulberry32(seed);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const out: { id: string; text: string }[] = [];
  let size = 0;
  for (let copy = 0; size < bytes; copy++) {
    for (const s of corpus.sources) {
      // About two slips per 1,000 words, each a random edit of a lower-case word: many distinct typos.
      const text = s.text.replace(/\b[a-z]{4,}\b/g, (w) => {
        if (random() > 0.002) return w;
        const i = Math.floor(random() * w.length);
        const c = letters[Math.floor(random() * 26)];
        return random() < 0.5 ? w.slice(0, i) + c + w.slice(i + 1) : w.slice(0, i) + w.slice(i + 1);
      });
      out.push({ id: `${s.id}-${copy}`, text });
      size += text.length;
      if (size >= bytes) break;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const loadBefore = loadavg()[0];
  const labelled = loadLabelledCorpus(root);
  const checkerLoad = performance.now();
  const spelling = await buildSpellChecker();
  const checkerLoadMs = performance.now() - checkerLoad;

  const docs = labelled.sources.map((s) => ({ id: s.id, text: s.text, outlet: s.outlet }));
  const reuse = timed(() => findReuse(docs));
  const input = { sources: labelled.sources.map((s) => ({ id: s.id, text: s.text, title: s.title })), passages: reuse.value, spelling };
  const first = timed(() => suggestAssistant(input));
  const suggestions: Suggestion[] = first.value;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(timed(() => suggestAssistant(input)).ms);

  const parts = (['tune', 'held-out', 'shipped', 'all'] as const).map((split) => scoreSplit(labelled, suggestions, split));
  const contexts = scoreContexts(labelled, suggestions);

  // The spelling pass at scale, against the checker used naively.
  const big = spellingCorpus(labelled, megabytes * 1_000_000);
  const bigChars = big.reduce((n, d) => n + d.text.length, 0);
  const bigWords = big.reduce((n, d) => n + (d.text.match(/[\p{L}\p{N}]+/gu) ?? []).length, 0);
  const typoTimes: number[] = [];
  let typoCount = 0;
  for (let r = 0; r < Math.max(1, Math.min(runs, 3)); r++) {
    const t = timed(() => findTypos(buildCorpus(big), spelling));
    typoTimes.push(t.ms);
    typoCount = t.value.length;
  }
  const wholeTimes: number[] = [];
  for (let r = 0; r < Math.max(1, Math.min(runs, 3)); r++) wholeTimes.push(timed(() => suggestAssistant({ sources: big, spelling })).ms);
  const baseline = naiveSpelling(big, spelling);
  const loadAfter = loadavg()[0];

  const results: BenchResults = {
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    load: [loadBefore, loadAfter],
    checkerLoadMs,
    reuseMs: reuse.ms,
    assistantMs: { first: first.ms, median: median(times), runs: times.length },
    parts,
    contexts,
    spelling: { chars: bigChars, words: bigWords, medianMs: median(typoTimes), runs: typoTimes.length, flagged: typoCount, baseline },
    wholeMs: median(wholeTimes),
  };
  print(results, labelled, suggestions);
  if (argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
}

/** The checker's correct() on every token and suggest() on unknown words, as a tool without a cache would. */
function naiveSpelling(docs: { text: string }[], spelling: { correct(w: string): boolean; suggest(w: string): string[] }) {
  const words = docs.flatMap((d) => d.text.match(/[A-Za-z]+/g) ?? []);
  const t = performance.now();
  const unknown: string[] = [];
  for (const w of words) if (!spelling.correct(w)) unknown.push(w);
  const correctMs = performance.now() - t;
  const sample = unknown.slice(0, 40);
  const s = performance.now();
  for (const w of sample) spelling.suggest(w);
  const perSuggest = sample.length ? (performance.now() - s) / sample.length : 0;
  return { tokens: words.length, unknown: unknown.length, correctMs, suggestMsEach: perSuggest, estimatedMs: correctMs + perSuggest * unknown.length };
}

interface BenchResults {
  date: string;
  node: string;
  cores: number;
  load: number[];
  checkerLoadMs: number;
  reuseMs: number;
  assistantMs: { first: number; median: number; runs: number };
  parts: SplitScore[];
  contexts: CategoryScore;
  spelling: { chars: number; words: number; medianMs: number; runs: number; flagged: number; baseline: ReturnType<typeof naiveSpelling> };
  /** Claims, typos and name variants together on the spelling corpus (no reuse passages). */
  wholeMs: number;
}

function print(res: BenchResults, labelled: LabelledCorpus, suggestions: Suggestion[]): void {
  console.log(`assistant benchmark ${res.date}, node ${res.node}, ${res.cores} cores, load average ${fixed(res.load[0])} -> ${fixed(res.load[1])}`);
  console.log('');
  console.log('part      sources  words | claim P    R     (n)  claimant | typo P    R     (n)  false/1k fix | name-variant P  R  (n)');
  for (const p of res.parts) {
    console.log(
      `${p.split.padEnd(9)} ${pad(p.sources, 7)} ${pad(p.words, 6)} | ` +
        `${fixed(p.claim.precision)} ${fixed(p.claim.recall)} ${pad(p.claim.labels, 5)}  ${pad(`${p.claimant.right}/${p.claimant.labelled}`, 8)} | ` +
        `${fixed(p.typo.precision)} ${fixed(p.typo.recall)} ${pad(p.typo.labels, 5)}  ${pad(fixed(p.typo.falsePer1000Words), 8)} ${pad(`${p.typo.correctionRight}/${p.typo.found}`, 5)} | ` +
        `${fixed(p.nameVariant.precision)} ${fixed(p.nameVariant.recall)} ${pad(p.nameVariant.labels, 3)}`,
    );
  }
  const c = res.contexts;
  console.log(`context shifts (whole set): precision ${fixed(c.precision)}, recall ${fixed(c.recall)} (${c.found}/${c.labels} found, ${c.falsePositives} false)`);
  console.log('');
  console.log(`timing: checker load ${fixed(res.checkerLoadMs, 0)} ms, reuse ${fixed(res.reuseMs, 0)} ms, assistant on the labelled set ${fixed(res.assistantMs.median, 0)} ms (median of ${res.assistantMs.runs}; first run ${fixed(res.assistantMs.first, 0)} ms)`);
  const s = res.spelling;
  console.log(
    `spelling pass on ${fixed(s.chars / 1e6)} MB (${s.words} words): ${fixed(s.medianMs, 0)} ms median of ${s.runs}, ${s.flagged} flagged; ` +
      `baseline (correct() per token, suggest() per unknown word: ${s.baseline.unknown} x ${fixed(s.baseline.suggestMsEach, 1)} ms) ~${fixed(s.baseline.estimatedMs / 1000, 1)} s, ` +
      `x${fixed(s.baseline.estimatedMs / s.medianMs, 0)} slower`,
  );
  console.log(`whole assistant (claims, typos, name variants) on the same ${fixed(s.chars / 1e6)} MB: ${fixed(res.wholeMs, 0)} ms median`);
  console.log('');
  const held = res.parts.find((p) => p.split === 'held-out')!;
  const all = res.parts.find((p) => p.split === 'all')!;
  const line = (ok: boolean, text: string) => console.log(`${ok ? 'PASS' : 'FAIL'} ${text}`);
  for (const p of [held, all]) {
    line(p.claim.recall >= 0.8 && p.claim.precision >= 0.7, `claims (${p.split}): recall ${fixed(p.claim.recall)} >= 0.8, precision ${fixed(p.claim.precision)} >= 0.7`);
    line(p.typo.recall >= 0.9 && p.typo.falsePer1000Words <= 1, `typos (${p.split}): recall ${fixed(p.typo.recall)} >= 0.9, ${fixed(p.typo.falsePer1000Words)} false flags per 1,000 words <= 1`);
  }
  line(s.medianMs < 5000 * Math.max(1, s.chars / 1e6), `spelling pass: ${fixed(s.medianMs / 1000, 2)} s for ${fixed(s.chars / 1e6)} MB, a few seconds at most`);
  if (argv.includes('--show')) {
    console.log('\nfalse flags in the tuning part:');
    for (const src of labelled.sources.filter((x) => x.split === 'tune')) {
      for (const u of unmatched(labelled, suggestions, src)) console.log(`  ${u.category} ${src.id}: ${u.summary}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
