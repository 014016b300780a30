/**
 * Reuse detection benchmark (`npm run bench`, `npm run bench -- --quick`). For each corpus size a
 * child process generates a seeded synthetic corpus, times findReuse (median of several runs after a
 * warm-up), records peak RSS and scores the result against the planted ground truth. An all-pairs
 * baseline (word LCS of every document pair, sampled and extrapolated) is timed on the 250-document
 * corpus in the same run. Prints a table, the doubling ratios and the targets met or missed.
 *
 * Then the same generator with its outlet fields dropped, at 2000 documents (500 with --quick): how
 * much of the boilerplate is still flagged through inferred outlets, how many planted passages are
 * wrongly flagged, and the time inference adds (paired runs with and without it, same process).
 *
 * Options: --quick (sizes 250 and 500, smaller baseline sample), --sizes 250,500,...,
 * --runs N (default 5), --seed S, --no-outlets-docs N (0 skips that part), --json (print the raw
 * results as JSON too).
 *
 * The machine may be shared: each size records the load average, CPU time is printed next to wall
 * time, and the doubling ratios and PASS/FAIL lines use medians, so one stalled run does not decide.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { flagOption, intOption, optionHelp, parseCommandArgs, stringOption, UsageError, type OptionSpecs } from '../server/cli/args';
import { runBaseline } from './baseline';
import type { BaselineResult } from './baseline';
import { generateCorpus } from './corpus-generator';
import type { WorkerResult } from './worker';

const OPTIONS: OptionSpecs = {
  quick: { type: 'boolean', help: 'sizes 250 and 500, a smaller baseline sample' },
  sizes: { type: 'string', value: 'N,N,…', help: 'corpus sizes in documents (default: 250,500,1000,2000,4000)' },
  runs: { type: 'string', value: 'N', help: 'timed runs per size (default: 5)' },
  seed: { type: 'string', value: 'S', help: 'corpus seed (default: 42)' },
  json: { type: 'boolean', help: 'print the raw results as JSON too' },
  'no-outlets-docs': { type: 'string', value: 'N', help: 'documents in the corpus without outlet fields (default: 2000, 500 with --quick; 0 skips it)' },
};

/** The benchmark's settings from its command line; a usage error stops it with exit 2. */
function settings(argv: readonly string[]) {
  try {
    const args = parseCommandArgs(argv, OPTIONS);
    if (args.values.help) {
      process.stdout.write(`Usage: npm run bench -- [options]\n\nOptions:\n${optionHelp(OPTIONS)}\n`);
      process.exit(0);
    }
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const quick = flagOption(args, 'quick');
    const sizeList = stringOption(args, 'sizes') ?? (quick ? '250,500' : '250,500,1000,2000,4000');
    if (!/^\d+(,\d+)*$/.test(sizeList) || sizeList.split(',').some((s) => Number(s) < 2)) {
      throw new UsageError(`--sizes takes document counts of 2 or more separated by commas, not "${sizeList}"`);
    }
    return {
      quick,
      sizes: sizeList.split(',').map(Number),
      runs: intOption(args, 'runs', 1, 1000) ?? 5,
      seed: intOption(args, 'seed', 0, 2 ** 31 - 1) ?? 42,
      json: flagOption(args, 'json'),
      noOutletDocs: intOption(args, 'no-outlets-docs', 0, 1_000_000) ?? (quick ? 500 : 2000),
    };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n`);
    process.exit(2);
  }
}

const argv = process.argv.slice(2);
const { quick, sizes, runs, seed, json, noOutletDocs } = settings(argv);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pad = (v: string | number, n: number): string => String(v).padStart(n);
const fixed = (v: number, d = 0): string => v.toFixed(d);

function measure(docs: number, extra: string[] = []): WorkerResult {
  const worker = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', worker, '--docs', String(docs), '--runs', String(runs), '--seed', String(seed), ...extra],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  if (child.status !== 0) throw new Error(`worker for ${docs} documents failed:\n${child.stderr}`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as WorkerResult;
}

const started = new Date();
process.stderr.write(`reuse bench: sizes ${sizes.join(', ')}; ${runs} timed runs each; seed ${seed}\n`);
const results: WorkerResult[] = [];
for (const size of sizes) {
  process.stderr.write(`  ${size} documents (load average ${loadavg()[0].toFixed(2)})...\n`);
  results.push(measure(size));
}
let noOutlets: WorkerResult | undefined;
if (noOutletDocs > 0) {
  process.stderr.write(`  ${noOutletDocs} documents without outlet fields (load average ${loadavg()[0].toFixed(2)})...\n`);
  noOutlets = measure(noOutletDocs, ['--no-outlets']);
}
process.stderr.write('  all-pairs baseline on 250 documents...\n');
const baseCorpus = generateCorpus({ docs: 250, seed });
const baseline: BaselineResult = runBaseline(baseCorpus.docs, quick ? 200 : 1000, quick ? 5 : 20);
const ours250 = results.find((r) => r.docs === 250) ?? measure(250);

console.log(`\nReuse detection benchmark, ${started.toISOString()}, node ${process.version}, seed ${seed}, ${cpus().length} cores`);
console.log(`command: npm run bench${argv.length ? ' -- ' + argv.join(' ') : ''}`);
console.log(`times: median of ${runs} runs after a warm-up, each size in its own process; cpu = user + system`);
console.log('(V8 collects garbage on helper threads, so cpu can exceed wall); load = 1-minute load average\n');
const header = ['docs', 'words', 'load', 'wall ms', 'cpu ms', 'wall min', 'peak MB', 'passages', 'planted', 'recall', 'precision', 'chrome flagged', 'planted flagged', 'chrome docs'];
console.log(header.map((h, k) => pad(h, k === 0 ? 5 : k === 2 ? 10 : 9)).join(' '));
for (const r of results) {
  const s = r.score;
  console.log(
    [
      pad(r.docs, 5),
      pad(r.words, 9),
      pad(`${fixed(r.loadStart, 1)}-${fixed(r.loadEnd, 1)}`, 10),
      pad(fixed(median(r.wallMs)), 9),
      pad(fixed(median(r.cpuMs)), 9),
      pad(fixed(Math.min(...r.wallMs)), 9),
      pad(fixed(r.peakRssMb), 9),
      pad(r.passages, 9),
      pad(s.plantedPairs, 9),
      pad(fixed(s.recall, 4), 9),
      pad(fixed(s.precision, 4), 9),
      pad(`${s.chromeFlagged}/${s.chromePassages}`, 14),
      pad(`${s.plantedFlagged}/${s.truePositives}`, 15),
      pad(fixed(s.chromeCoverage, 3), 11),
    ].join(' '),
  );
}
/** Doubling steps among the measured sizes, with the ratios of the medians. */
const doublings = results.flatMap((r, k) => {
  const p = results[k - 1];
  if (!p || r.docs !== 2 * p.docs) return [];
  return [{ from: p.docs, to: r.docs, wall: median(r.wallMs) / median(p.wallMs), cpu: median(r.cpuMs) / median(p.cpuMs) }];
});
console.log('\nDoubling ratios (of the medians):');
for (const d of doublings) console.log(`  ${d.from} -> ${d.to}: wall x${d.wall.toFixed(2)}, cpu x${d.cpu.toFixed(2)}`);
const busy = results.filter((r) => Math.max(r.loadStart, r.loadEnd) > cpus().length);
if (busy.length) {
  console.log(
    `  note: load average above ${cpus().length} (the core count) while measuring ${busy.map((r) => r.docs).join(', ')} documents: ` +
      'wall times there include waiting for a core; cpu time is the fairer figure.',
  );
}
const oursMs = median(ours250.wallMs);
console.log(
  `\nAll-pairs baseline, 250 documents: word LCS of ${baseline.sampledPairs} sampled pairs, ` +
    `${baseline.msPerPair.toFixed(2)} ms/pair, extrapolated to all ${baseline.allPairs} pairs: ` +
    `${(baseline.extrapolatedMs / 1000).toFixed(1)} s (jsdiff diffWords: ${baseline.diffWordsMsPerPair.toFixed(1)} ms/pair ` +
    `on ${baseline.diffWordsPairs} pairs, ${((baseline.diffWordsMsPerPair * baseline.allPairs) / 1000).toFixed(0)} s extrapolated).`,
);
console.log(`Speed ratio vs the LCS baseline: x${(baseline.extrapolatedMs / oursMs).toFixed(0)} (ours ${oursMs.toFixed(0)} ms).`);

const share = (part: number, whole: number): string => `${part}/${whole} (${whole ? ((100 * part) / whole).toFixed(2) : '0.00'} %)`;
if (noOutlets) {
  const s = noOutlets.score;
  const inferred = median(noOutlets.wallMs);
  const plain = median(noOutlets.uninferredWallMs ?? []);
  const inferredCpu = median(noOutlets.cpuMs);
  const plainCpu = median(noOutlets.uninferredCpuMs ?? []);
  const known = median(noOutlets.knownWallMs ?? []);
  const knownCpu = median(noOutlets.knownCpuMs ?? []);
  console.log(`\nBoilerplate without outlets: ${noOutlets.docs} documents, the generator's outlet fields dropped (load ${fixed(noOutlets.loadStart, 1)}-${fixed(noOutlets.loadEnd, 1)}):`);
  console.log(`  chrome passages flagged: ${share(s.chromeFlagged, s.chromePassages)}; planted passages flagged: ${share(s.plantedFlagged, s.truePositives)}`);
  console.log(`  recall ${fixed(s.recall, 4)}, precision ${fixed(s.precision, 4)}, documents with header and footer flagged ${fixed(s.chromeCoverage, 3)}`);
  console.log(
    `  findReuse (median of ${runs} runs each, interleaved): outlets inferred ${fixed(inferred)} ms wall / ${fixed(inferredCpu)} ms cpu; ` +
      `no outlets, no inference ${fixed(plain)} / ${fixed(plainCpu)}; outlets given ${fixed(known)} / ${fixed(knownCpu)}`,
  );
  console.log(
    `  inference adds ${fixed(inferred - plain)} ms wall (x${(inferred / plain).toFixed(2)}), ${fixed(inferredCpu - plainCpu)} ms cpu ` +
      `(x${(inferredCpu / plainCpu).toFixed(2)}) to the run without it; ${fixed(inferred - known)} ms wall, ${fixed(inferredCpu - knownCpu)} ms cpu to the run with outlets given`,
  );
}

const at2000 = results.find((r) => r.docs === 2000);
const checks: [string, boolean | undefined][] = [
  ['recall >= 0.98 at every size', results.every((r) => r.score.recall >= 0.98)],
  ['precision >= 0.98 at every size', results.every((r) => r.score.precision >= 0.98)],
  ['2000 documents under 1.5 s wall (median)', at2000 && median(at2000.wallMs) < 1500],
  ['2000 documents under 1 GiB peak RSS', at2000 && at2000.peakRssMb < 1024],
];
const free2000 = noOutlets?.docs === 2000 ? noOutlets.score : undefined;
checks.push(['2000 documents without outlets: >= 95 % of chrome passages flagged', free2000 && free2000.chromeFlagged >= 0.95 * free2000.chromePassages]);
checks.push(['2000 documents without outlets: <= 1 % of planted passages flagged', free2000 && free2000.plantedFlagged <= 0.01 * free2000.truePositives]);
for (const d of doublings) {
  checks.push([`${d.from} -> ${d.to} documents at most x2.2 the wall time (median)`, d.wall <= 2.2]);
  checks.push([`${d.from} -> ${d.to} documents at most x2.2 the cpu time (median)`, d.cpu <= 2.2]);
}
console.log('\nTargets:');
for (const [name, ok] of checks) console.log(`  ${ok === undefined ? 'SKIP' : ok ? 'PASS' : 'FAIL'}  ${name}${ok === undefined ? ' (size not measured)' : ''}`);
if (json) console.log(JSON.stringify({ results, noOutlets, baseline }, null, 2));
