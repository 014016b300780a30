/**
 * Start-up benchmark of the `collate` command (`npm run bench:cli`): how long `collate --help` takes
 * to print its first byte and to exit, for the prebuilt program (dist/collate.js, built first if
 * stale), the same program through `npx collate`, and the TypeScript sources through tsx (what
 * `npm run cli` runs, without npm), the baseline, measured in the same run. Each variant runs
 * interleaved with the others, after warm-ups, so a burst of load hits them all alike; the table gives
 * medians and the ratio to the baseline, and the 1-minute load average before and after.
 *
 * Options: --runs N (default 21).
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ensureCliBuilt } from '../scripts/build-cli.mjs';
import { intOption, parseCommandArgs } from '../server/cli/args';

const ROOT = resolve(import.meta.dirname, '..');
const args = parseCommandArgs(process.argv.slice(2), { runs: { type: 'string', value: 'N', help: 'timed runs per variant' } });
const runs = intOption(args, 'runs', 1, 1000) ?? 21;

const VARIANTS = [
  { name: 'node dist/collate.js --help', command: [process.execPath, resolve(ROOT, 'dist/collate.js'), '--help'] },
  { name: 'npx collate --help', command: ['npx', 'collate', '--help'] },
  { name: 'tsx server/cli/bin.ts --help (baseline)', command: [process.execPath, resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/cli/bin.ts', '--help'] },
];

/** Milliseconds to the first byte on stdout and to the exit of one run. */
function once(command: readonly string[]): Promise<{ first: number; exit: number }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    let first = Number.NaN;
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => (first = performance.now() - started));
    child.stdout.resume();
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done({ first, exit: performance.now() - started }) : fail(new Error(`${command.join(' ')} exited ${code}`))));
  });
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

await ensureCliBuilt();
const loadStart = loadavg()[0];
for (const v of VARIANTS) for (let w = 0; w < 2; w++) await once(v.command);
const times = VARIANTS.map(() => ({ first: [] as number[], exit: [] as number[] }));
for (let r = 0; r < runs; r++) {
  for (const [k, v] of VARIANTS.entries()) {
    const t = await once(v.command);
    times[k].first.push(t.first);
    times[k].exit.push(t.exit);
  }
}
const loadEnd = loadavg()[0];

const baseline = median(times[VARIANTS.length - 1].first);
console.log(`collate start-up, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores, load ${loadStart.toFixed(2)}-${loadEnd.toFixed(2)}`);
console.log(`command: npm run bench:cli${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}; median of ${runs} runs each, interleaved, after 2 warm-ups`);
console.log(`${'variant'.padEnd(42)} ${'first output ms'.padStart(15)} ${'exit ms'.padStart(8)} ${'vs baseline'.padStart(11)}`);
for (const [k, v] of VARIANTS.entries()) {
  const first = median(times[k].first);
  console.log(`${v.name.padEnd(42)} ${first.toFixed(0).padStart(15)} ${median(times[k].exit).toFixed(0).padStart(8)} ${`x${(baseline / first).toFixed(1)}`.padStart(11)}`);
}
const built = median(times[0].first);
console.log(`\nTarget: ${built < 300 ? 'PASS' : 'FAIL'}  collate --help prints within 300 ms (median ${built.toFixed(0)} ms)`);
if (Math.max(loadStart, loadEnd) > cpus().length) console.log(`note: load average above ${cpus().length} (the core count): times include waiting for a core.`);
