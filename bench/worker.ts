/**
 * One benchmark measurement in its own process, so peak RSS belongs to one corpus size only:
 * generates the corpus for `--docs N`, runs findReuse `--runs R` times (after one warm-up run), scores
 * the last result and prints one JSON line on stdout. Run with --expose-gc for a clean baseline.
 *
 * With `--no-outlets` the corpus comes without outlet fields, so boilerplate rests on inferred outlets;
 * each timed run with inference is followed by one without (`inferOutlets: false`, which flags
 * nothing) and one on the same corpus with its outlets given, so the time inference adds is measured
 * under the same conditions, against both.
 */
import { loadavg } from 'node:os';
import type { ReusePassage } from '../core/model/schemas';
import { findReuse, type FindReuseOptions } from '../core/reuse';
import { flagOption, intOption, parseCommandArgs } from '../server/cli/args';
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
  /** `--no-outlets` only: wall and CPU time of the paired runs without outlet inference... */
  uninferredWallMs?: number[];
  uninferredCpuMs?: number[];
  /** ...and of those with the outlets given. */
  knownWallMs?: number[];
  knownCpuMs?: number[];
  baselineRssMb: number;
  peakRssMb: number;
  score: Score;
}

// Started by run.ts with checked values; a bad one here is a bug there, so it just throws.
const args = parseCommandArgs(process.argv.slice(2), {
  docs: { type: 'string', value: 'N', help: 'documents in the corpus' },
  runs: { type: 'string', value: 'N', help: 'timed runs' },
  seed: { type: 'string', value: 'S', help: 'corpus seed' },
  'no-outlets': { type: 'boolean', help: 'drop the outlet fields, so boilerplate rests on inferred outlets' },
});
const gc = (globalThis as { gc?: () => void }).gc;
const docs = intOption(args, 'docs', 2, 1_000_000) ?? 250;
const runs = intOption(args, 'runs', 1, 1000) ?? 3;
const seed = intOption(args, 'seed', 0, 2 ** 31 - 1) ?? 42;
const noOutlets = flagOption(args, 'no-outlets');
const corpus = generateCorpus({ docs, seed, dropOutlets: noOutlets });
gc?.();
const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
const loadStart = loadavg()[0];
const wallMs: number[] = [];
const cpuMs: number[] = [];
const uninferredWallMs: number[] = [];
const uninferredCpuMs: number[] = [];
const knownWallMs: number[] = [];
const knownCpuMs: number[] = [];
const withOutlets = noOutlets ? generateCorpus({ docs, seed }).docs : corpus.docs;
/** One timed findReuse: its passages, with wall and CPU time pushed to the given lists. */
function timed(options: FindReuseOptions, wall: number[], cpuList: number[], input = corpus.docs): ReusePassage[] {
  gc?.();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const found = findReuse(input, options);
  wall.push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  cpuList.push((used.user + used.system) / 1000);
  return found;
}
let passages = findReuse(corpus.docs); // warm-up: JIT compilation is not what we measure
if (noOutlets) {
  findReuse(corpus.docs, { inferOutlets: false });
  findReuse(withOutlets);
}
for (let r = 0; r < runs; r++) {
  passages = timed({}, wallMs, cpuMs);
  if (!noOutlets) continue;
  timed({ inferOutlets: false }, uninferredWallMs, uninferredCpuMs);
  timed({}, knownWallMs, knownCpuMs, withOutlets);
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
  ...(noOutlets ? { uninferredWallMs, uninferredCpuMs, knownWallMs, knownCpuMs } : {}),
  baselineRssMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
  score: evaluate(corpus, passages),
};
process.stdout.write(JSON.stringify(result) + '\n');
