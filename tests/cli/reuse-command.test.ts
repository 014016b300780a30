import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliOutput } from '../../server/cli/cli-io';
import { ProgressBar } from '../../server/cli/progress';
import { runCli } from '../helpers/run-cli';
import { SEEDS, seedText } from '../helpers/fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-reuse-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli reuse', () => {
  it('prints one JSON object of passages and suggestions and nothing else on stdout with --json', async () => {
    const res = await runCli(['reuse', 'sources', '--json']);
    expect(res.code).toBe(0);
    const { passages, suggestions } = JSON.parse(res.stdout);
    expect(Array.isArray(passages)).toBe(true);
    // The same suggestions the server gives: the "sectoral" line given to two people, typos, claims.
    const categories = new Set(suggestions.map((s: { category: string }) => s.category));
    for (const c of ['attribution', 'claim', 'typo', 'name-variant', 'context']) expect(categories, c).toContain(c);
    expect(suggestions.find((s: { category: string }) => s.category === 'attribution').summary).toMatch(/“US Pursues Missile Defense Cooperation With Russia”/);
    const nb = passages.find((p: { a: { source: string }; b: { source: string }; words: number }) =>
      [p.a.source, p.b.source].sort().join() === [SEEDS.nbPursues, SEEDS.nbUndercut].sort().join() && p.words > 200);
    expect(nb).toBeDefined();
    const text = seedText(nb.a.source);
    expect(text.slice(nb.a.start, nb.a.end)).toContain('Joint Threat Assessment');
    expect(passages.some((p: { boilerplate: boolean }) => p.boilerplate)).toBe(true);
  });

  it('takes single files, makes ids from file names as the server does, and honours --min-words', async () => {
    const shared = 'the quick brown fox jumps over the lazy dog near the quiet river bank today';
    await writeFile(join(dir, 'one.txt'), `Alpha beta gamma. ${shared}. Delta.`);
    await writeFile(join(dir, 'Two_Story.txt'), `Something else first. ${shared}! Omega.`);
    const found = await runCli(['reuse', join(dir, 'one.txt'), join(dir, 'Two_Story.txt'), '--json']);
    const { passages } = JSON.parse(found.stdout);
    expect(passages).toHaveLength(1);
    expect([passages[0].a.source, passages[0].b.source].sort()).toEqual(['one', 'two-story']);
    const strict = await runCli(['reuse', dir, '--json', '--min-words', '20']);
    expect(JSON.parse(strict.stdout).passages).toEqual([]);
    const human = await runCli(['reuse', dir]);
    expect(human.stdout).toMatch(/15 words .*one .*~ +two-story/);
    expect(human.stderr).toContain('1 reused passage(s) among 2 file(s)');
  });

  it('shows a near copy below 100% however long it is, and a word-for-word copy at 100%', async () => {
    // 3,000 shared words with one substituted: 2 × 2,999 / 6,000 = 0.99967, which rounds to 1.000.
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const near = join(dir, 'near');
    await mkdir(near);
    await writeFile(join(near, 'left.txt'), words.join(' '));
    await writeFile(join(near, 'right.txt'), words.map((w, i) => (i === 1500 ? 'changed' : w)).join(' '));
    await writeFile(join(near, 'same.txt'), words.join(' '));
    const json = await runCli(['reuse', 'near', '--json'], { cwd: dir });
    const passages: { a: { source: string }; b: { source: string }; similarity: number }[] = JSON.parse(json.stdout).passages;
    const pairOf = (p: { a: { source: string }; b: { source: string } }) => [p.a.source, p.b.source].sort().join('~');
    const copy = passages.find((p) => pairOf(p) === 'left~same');
    const nearCopy = passages.find((p) => pairOf(p) === 'left~right');
    expect(copy?.similarity).toBe(1);
    expect(nearCopy?.similarity).toBe(0.999);
    const table = (await runCli(['reuse', 'near'], { cwd: dir })).stdout.split('\n');
    expect(table.find((l) => /left.*~.*same|same.*~.*left/.test(l))).toMatch(/ 100% /);
    expect(table.find((l) => /left.*~.*right|right.*~.*left/.test(l))).toMatch(/ 99\.9% /);
  });

  it('reads the outlet from a sidecar, and skips a broken sidecar with a warning', async () => {
    const shared = 'Subscribe to our newsletter for the latest news and analysis from our reporters every morning';
    const folder = join(dir, 'sidecars');
    await mkdir(folder);
    for (const id of ['p1', 'p2', 'p3']) {
      await writeFile(join(folder, `${id}.txt`), `Story ${id} opens with its own words here.\n\n${shared}.`);
      await writeFile(join(folder, `${id}.meta.json`), JSON.stringify({ outlet: 'Same Outlet' }));
    }
    const flagged = await runCli(['reuse', folder, '--json']);
    expect(JSON.parse(flagged.stdout).passages.some((p: { boilerplate: boolean }) => p.boilerplate)).toBe(true);
    await writeFile(join(folder, 'p1.meta.json'), '{ "outlet": ');
    await writeFile(join(folder, 'p2.meta.json'), JSON.stringify({ outlet: 42 }));
    const res = await runCli(['reuse', folder, '--json']);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain(`ignoring ${join(folder, 'p1.meta.json')}`);
    // Only p3 still names its outlet, so no pair is same-outlet and nothing is boilerplate.
    const passages: { boilerplate: boolean }[] = JSON.parse(res.stdout).passages;
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((p) => !p.boilerplate)).toBe(true);
  });

  it('fails clearly on bad input', async () => {
    const missing = await runCli(['reuse', join(dir, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file or folder');
    const usage = await runCli(['reuse']);
    expect(usage.code).toBe(2);
    const badNumber = await runCli(['reuse', dir, '--min-words', 'lots']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--min-words takes a whole number');
  });
});

describe('ProgressBar', () => {
  function sink(isTTY: boolean) {
    const lines: string[] = [];
    const stream: CliOutput = { isTTY, write: (s: string) => lines.push(s) };
    return { lines, stream };
  }

  it('stays silent during its delay', () => {
    const { lines, stream } = sink(false);
    const bar = new ProgressBar('x', stream, 60_000);
    bar.update(5, 10);
    bar.done();
    expect(lines).toEqual([]);
  });

  it('prints one line per 10% when not on a terminal, and redraws one line on a terminal', () => {
    const plain = sink(false);
    const bar = new ProgressBar('work', plain.stream, 0);
    for (let i = 1; i <= 100; i++) bar.update(i, 100);
    expect(plain.lines).toHaveLength(11); // 0%, 10%, …, 100%
    expect(plain.lines.at(-1)).toBe('work: 100% (100/100)\n');
    const tty = sink(true);
    const tbar = new ProgressBar('work', tty.stream, 0);
    tbar.update(1, 2);
    tbar.done();
    expect(tty.lines[0]).toMatch(/^\rwork \[#+-+\] 50% \(1\/2\)$/);
    expect(tty.lines.at(-1)).toBe('\n');
  });
});
