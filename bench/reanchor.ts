/**
 * Re-anchoring benchmark (`npm run bench:reanchor`, `npm run bench:reanchor -- --quick`). On a seeded
 * ~1 MB article with 10,000 annotations and a revision that edits about 2 % of its words, deletes a few
 * sentences and paragraphs and moves some paragraphs (reanchor-corpus.ts), it times re-anchoring by
 * mapping (one diff, every target through it: median of several runs after a warm-up) and, in the
 * same process, Hypothesis's per-annotation method (reanchor-hypothesis.ts), scores both against the
 * edit script's ground truth (reanchor-evaluate.ts) and prints a table and one PASS/FAIL line per target.
 *
 * Options: --quick (1,000 annotations, 3 runs), --annotations N, --chars N (article length, default
 * 1,000,000), --runs N (default 5), --baseline-runs N (default 1: the baseline takes minutes),
 * --seed S, --jsdiff (also time jsdiff's diffWordsWithSpace on the whole texts, given up after 60 s).
 */
import { loadavg } from 'node:os';
import { diffWordsWithSpace } from 'diff';
import { reanchorTargets } from '../core/anchoring/reanchor-targets';
import type { ReanchorStatus } from '../core/anchoring/reanchor-targets';
import { diffTexts } from '../core/anchoring/text-diff';
import { generateReanchorCase } from './reanchor-corpus';
import { evaluate, percent } from './reanchor-evaluate';
import type { Accuracy, Placement } from './reanchor-evaluate';
import { hypothesisAnchor } from './reanchor-hypothesis';
import { timeRevisionRequest } from './reanchor-request';

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(`--${name}`);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`bench:reanchor: --${name} takes a whole number >= 1\n`);
    process.exit(2);
  }
  return value;
};
const quick = flag('quick');
const annotations = option('annotations', quick ? 1000 : 10_000);
const runs = option('runs', quick ? 3 : 5);
const baselineRuns = option('baseline-runs', 1);
const seed = option('seed', 7);
const chars = option('chars', 1_000_000);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = (): string => loadavg()[0].toFixed(2);
const timed = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const value = f();
  return [value, performance.now() - t0];
};

const started = new Date();
const loadBefore = load();
const data = generateReanchorCase({ seed, annotations, chars });
const { oldText, newText, targets, truths, stats } = data;
const count = (kind: string): number => truths.filter((t) => t.kind === kind).length;
process.stderr.write(
  `re-anchoring bench: ${oldText.length.toLocaleString('en')} chars, ${stats.words.toLocaleString('en')} words, ${stats.paragraphs} paragraphs; ` +
    `revision: ${stats.substituted} substituted + ${stats.typos} typo fixes + ${stats.inserted} inserted + ${stats.deleted} deleted words ` +
    `(${((100 * (stats.substituted + stats.typos + stats.inserted + stats.deleted)) / stats.words).toFixed(2)} %), ` +
    `${stats.sentencesDeleted} sentences and ${stats.paragraphsDeleted} paragraphs deleted, ${stats.paragraphsMoved} paragraphs moved\n` +
    `${targets.length.toLocaleString('en')} annotations: ${count('unchanged')} unchanged, ${count('edited')} edited, ${count('gone')} gone ` +
    `(${truths.filter((t) => t.moved).length} in moved paragraphs); seed ${seed}; load average ${loadBefore}\n`,
);

// Ours: warm-up, then timed runs of the whole re-anchoring (the diff included), and of the diff alone.
const run = () => reanchorTargets(oldText, newText, targets, { revision: 2 });
let results = run();
const ours: number[] = [];
const diffs: number[] = [];
for (let r = 0; r < runs; r++) {
  diffs.push(timed(() => diffTexts(oldText, newText))[1]);
  const [value, ms] = timed(run);
  results = value;
  ours.push(ms);
}
const statuses: Record<ReanchorStatus, number> = { unchanged: 0, moved: 0, changed: 0, orphaned: 0 };
for (const r of results) statuses[r.status]++;
const again = reanchorTargets(oldText, newText, results.map((r) => r.target), { revision: 2 });
const rerunChanged = again.filter((r, k) => r.target !== results[k].target).length;
const ourAccuracy = evaluate(truths, results.map((r): Placement => (r.status === 'orphaned' ? null : r.target)));

process.stderr.write(`  mapping: median ${median(ours).toFixed(0)} ms; baseline (${baselineRuns} run(s), load ${load()})...\n`);
const baseline: number[] = [];
let basePlaced: Placement[] = [];
for (let r = 0; r < baselineRuns; r++) {
  const [value, ms] = timed(() => targets.map((t) => hypothesisAnchor(newText, t)));
  basePlaced = value;
  baseline.push(ms);
}
const baseAccuracy = evaluate(truths, basePlaced);
process.stderr.write(`  the revision request through the app (load ${load()})...\n`);
const request = await timeRevisionRequest(oldText, newText, targets);
const loadAfter = load();

let jsdiffLine = '';
if (flag('jsdiff')) {
  const [changes, ms] = timed(() => diffWordsWithSpace(oldText, newText, { timeout: 60_000 }));
  jsdiffLine = changes ? `jsdiff diffWordsWithSpace on the whole texts: ${(ms / 1000).toFixed(1)} s` : `jsdiff diffWordsWithSpace on the whole texts: gave up after ${(ms / 1000).toFixed(1)} s (timeout 60 s)`;
}

const row = (name: string, ms: number, acc: Accuracy): string =>
  `| ${name} | ${ms.toFixed(0)} | ${percent(acc.unchanged.exact, acc.unchanged.total)} | ${percent(acc.moved.exact, acc.moved.total)} | ` +
  `${percent(acc.edited.exact, acc.edited.total)} | ${percent(acc.edited.overlapping, acc.edited.total)} | ` +
  `${acc.edited.orphaned} / ${acc.edited.misplaced} | ${acc.gone.orphaned} of ${acc.gone.total} | ${acc.unchanged.misplaced + acc.unchanged.orphaned} | ${acc.orphans} |`;
const oursMs = median(ours);
const baseMs = median(baseline);
const out = [
  `npm run bench:reanchor${argv.length ? ' -- ' + argv.join(' ') : ''} at ${started.toISOString()}, load average ${loadBefore} before, ${loadAfter} after`,
  '',
  `| method | ms (median) | unchanged placed exactly | of them in moved paragraphs | edited on new wording, exact range | edited, >= 80 % overlap | edited orphaned / misplaced | gone orphaned | unchanged not exact | orphans |`,
  `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  row(`mapping (median of ${runs})`, oursMs, ourAccuracy),
  row(`Hypothesis per annotation (${baselineRuns === 1 ? '1 run' : `median of ${baselineRuns}`})`, baseMs, baseAccuracy),
  '',
  `Mapping: diff alone median ${median(diffs).toFixed(0)} ms; statuses ${Object.entries(statuses).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
    `re-run on its own result: ${rerunChanged} target(s) changed. Baseline / mapping: x${(baseMs / oursMs).toFixed(1)}.`,
  `Revision request (POST /api/sources with the new text, ${targets.length.toLocaleString('en')} annotations on the article, the embedded store): ` +
    `${request.ms.toFixed(0)} ms; re-anchored ${Object.entries(request.reanchored).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  ...(jsdiffLine ? [jsdiffLine] : []),
  '',
];
const verdict = (ok: boolean, text: string): string => `${ok ? 'PASS' : 'FAIL'} ${text}`;
const share = (acc: Accuracy, part: number): number => part / Math.max(1, acc.edited.total);
out.push(
  verdict(ourAccuracy.unchanged.exact >= 0.995 * ourAccuracy.unchanged.total, `unchanged quotes placed exactly >= 99.5 % (${percent(ourAccuracy.unchanged.exact, ourAccuracy.unchanged.total)})`),
  verdict(share(ourAccuracy, ourAccuracy.edited.exact) >= share(baseAccuracy, baseAccuracy.edited.exact), `edited quotes on their new wording (exact range) >= baseline (${percent(ourAccuracy.edited.exact, ourAccuracy.edited.total)} vs ${percent(baseAccuracy.edited.exact, baseAccuracy.edited.total)})`),
  verdict(share(ourAccuracy, ourAccuracy.edited.overlapping) >= share(baseAccuracy, baseAccuracy.edited.overlapping), `edited quotes on their new wording (>= 80 % overlap) >= baseline (${percent(ourAccuracy.edited.overlapping, ourAccuracy.edited.total)} vs ${percent(baseAccuracy.edited.overlapping, baseAccuracy.edited.total)})`),
  verdict(ourAccuracy.gone.orphaned >= baseAccuracy.gone.orphaned, `quotes whose text is gone orphaned >= baseline (${ourAccuracy.gone.orphaned} vs ${baseAccuracy.gone.orphaned} of ${ourAccuracy.gone.total})`),
  verdict(baseMs >= 10 * oursMs, `at least 10x faster than the baseline (x${(baseMs / oursMs).toFixed(1)})`),
  verdict(rerunChanged === 0, 're-running on the result changes nothing'),
  verdict(request.ms < 1000, `the revision request completes in under 1 s (${request.ms.toFixed(0)} ms)`),
);
process.stdout.write(out.join('\n') + '\n');
