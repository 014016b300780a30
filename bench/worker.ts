/**
 * One benchmark measurement in its own process, so peak RSS belongs to one corpus size only:
 * generates the corpus for `--docs N`, runs findReuse `--runs R` times (after one warm-up run), scores
 * the last result and prints one JSON line on stdout. Run with --expose-gc for a clean baseline.
 */
import { loadavg } from 'node:os';
import { findReuse } from '../core/reuse';
import { intOption, parseCommandArgs } from '../server/cli/args';
import { generateCorpus } from './corpus-generator';
import { evaluate } from './evaluate';
import type { Score } from './evaluate';

export interface WorkerResult {
  docs: number;
  words: number;
  runs: number;
  wallMs: number[];
  /** CPU time (user + system) of each timed run; includes V8's parallel GC threads, so it can exceed wall. */
  cpuMs: number[];
  /** 1-minute load average when the timed runs started and ended (other processes compete for the cores). */
  loadStart: number;
  loadEnd: number;
  passages: number;
  baselineRssMb: number;
  peakRssMb: number;
  score: Score;
}

// Started by run.ts with checked values; a bad one here is a bug there, so it just throws.
const args = parseCommandArgs(process.argv.slice(2), {
  docs: { type: 'string', value: 'N', help: 'documents in the corpus' },
  runs: { type: 'string', value: 'N', help: 'timed runs' },
  seed: { type: 'string', value: 'S', help: 'corpus seed' },
});
const gc = (globalThis as { gc?: () => void }).gc;
const docs = intOption(args, 'docs', 2, 1_000_000) ?? 250;
const runs = intOption(args, 'runs', 1, 1000) ?? 3;
const corpus = generateCorpus({ docs, seed: intOption(args, 'seed', 0, 2 ** 31 - 1) ?? 42 });
gc?.();
const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const loadStart = loadavg()[0];
const wallMs: number[] = [];
const cpuMs: number[] = [];
let passages = findReuse(corpus.docs); // warm-up: JIT compilation is not what we measure
for (let r = 0; r < runs; r++) {
  gc?.();
  const cpu = process.cpuUsage();
  const t = performance.now();
  passages = findReuse(corpus.docs);
  wallMs.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
}
const result: WorkerResult = {
  docs,
  words: corpus.words,
  runs,
  wallMs,
  cpuMs,
  loadStart,
  loadEnd: loadavg()[0],
  passages: passages.length,
  baselineRssMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  score: evaluate(corpus, passages),
};
process.stdout.write(JSON.stringify(result) + '\n');
