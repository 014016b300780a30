import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressBar } from '../../server/cli/progress';
import { runCli } from '../helpers/run-cli';
import { SEEDS, seedText } from '../helpers/fixtures';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-reuse-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('cli reuse', () => {
  it('prints one JSON array and nothing else on stdout with --json', async () => {
    const res = await runCli(['reuse', 'sources', '--json']);
    expect(res.code).toBe(0);
    const passages = JSON.parse(res.stdout);
    expect(Array.isArray(passages)).toBe(true);
    const nb = passages.find((p: { a: { source: string }; b: { source: string }; words: number }) =>
      [p.a.source, p.b.source].sort().join() === [SEEDS.nbPursues, SEEDS.nbUndercut].sort().join() && p.words > 200);
    expect(nb).toBeDefined();
    const text = seedText(nb.a.source);
    expect(text.slice(nb.a.start, nb.a.end)).toContain('Joint Threat Assessment');
    expect(passages.some((p: { boilerplate: boolean }) => p.boilerplate)).toBe(true);
  });

  it('takes single files, uses file names as ids, and honours --min-words', async () => {
    const shared = 'the quick brown fox jumps over the lazy dog near the quiet river bank today';
    await writeFile(join(dir, 'one.txt'), `Alpha beta gamma. ${shared}. Delta.`);
    await writeFile(join(dir, 'two.txt'), `Something else first. ${shared}! Omega.`);
    const found = await runCli(['reuse', join(dir, 'one.txt'), join(dir, 'two.txt'), '--json']);
    const passages = JSON.parse(found.stdout);
    expect(passages).toHaveLength(1);
    expect([passages[0].a.source, passages[0].b.source].sort()).toEqual(['one', 'two']);
    const strict = await runCli(['reuse', dir, '--json', '--min-words', '20']);
    expect(JSON.parse(strict.stdout)).toEqual([]);
    const human = await runCli(['reuse', dir]);
    expect(human.stdout).toMatch(/15 words .*one .*~ +two/);
    expect(human.stderr).toContain('1 reused passage(s) among 2 file(s)');
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
    return { lines, stream: { isTTY, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream };
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
