/**
 * Accuracy of re-anchoring by mapping across seeds and edit rates (`npx tsx bench/reanchor-sweep.ts`):
 * the main benchmark (reanchor.ts) measures one seeded case against the Hypothesis baseline; this
 * checks that its accuracy is not a property of that one case. No baseline (it would take minutes
 * per case) and no timing targets: one run per case, for a rough idea of cost only.
 *
 * Options: --chars N (default 500,000), --annotations N (default 10,000).
 */
import { reanchorTargets } from '../core/anchoring/reanchor-targets';
import { generateReanchorCase } from './reanchor-corpus';
import { evaluate, percent } from './reanchor-evaluate';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`reanchor-sweep: --${name} takes a whole number >= 1\n`);
    process.exit(2);
  }
  return value;
};
const chars = option('chars', 500_000);
const annotations = option('annotations', 10_000);
const CASES: [seed: number, editRate: number][] = [[1, 0.02], [2, 0.02], [3, 0.05], [4, 0.1], [5, 0.005]];

const rows = [
  `npx tsx bench/reanchor-sweep.ts${argv.length ? ' ' + argv.join(' ') : ''} (${chars.toLocaleString('en')} chars, ${annotations.toLocaleString('en')} annotations per case)`,
  '',
  '| seed | words edited | ms | unchanged placed exactly | edited, exact range | edited, >= 80 % overlap | gone orphaned | targets not quoting the new text |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|',
];
for (const [seed, editRate] of CASES) {
  const data = generateReanchorCase({ seed, editRate, chars, annotations });
  const t0 = performance.now();
  const results = reanchorTargets(data.oldText, data.newText, data.targets, { revision: 2 });
  const ms = performance.now() - t0;
  const acc = evaluate(data.truths, results.map((r) => (r.status === 'orphaned' ? null : r.target)));
  const wrong = results.filter((r) => r.status !== 'orphaned' && data.newText.slice(r.target.start, r.target.end) !== r.target.exact).length;
  rows.push(
    `| ${seed} | ${(editRate * 100).toFixed(1)} % | ${ms.toFixed(0)} | ${acc.unchanged.exact} of ${acc.unchanged.total} | ` +
      `${percent(acc.edited.exact, acc.edited.total)} | ${percent(acc.edited.overlapping, acc.edited.total)} | ${acc.gone.orphaned} of ${acc.gone.total} | ${wrong} |`,
  );
}
process.stdout.write(rows.join('\n') + '\n');
