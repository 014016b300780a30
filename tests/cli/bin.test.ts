/**
 * The built `collate` program (dist/collate.js), end to end in its own process: the bundle must behave
 * as the sources do in process, and its start for --help must not load the server's libraries.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../scripts/build-cli.mjs';
import { ROSE_QUOTE, SEEDS, targetOf } from '../helpers/fixtures';
import { ROOT, runBin, runCli } from '../helpers/run-cli';
import { call, startTestServer } from '../helpers/test-server';

let scratch: string;
beforeAll(async () => {
  await ensureCliBuilt();
  scratch = await mkdtemp(join(tmpdir(), 'collate-bin-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('the built collate program', () => {
  it('prints help with exit 0, and exits 2 naming the option on a usage error', async () => {
    const help = await runBin(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe((await runCli(['--help'])).stdout);
    const bad = await runBin(['export', '--format', 'csv', '--colour', 'red']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('collate export: unknown option --colour');
  });

  it('finds the same reuse in the seed sources as the in-process CLI, as JSON alone on stdout', async () => {
    const [built, inProcess] = await Promise.all([runBin(['reuse', 'sources', '--json']), runCli(['reuse', 'sources', '--json'])]);
    expect(built.code).toBe(0);
    const found = JSON.parse(built.stdout);
    expect(found.passages.length).toBeGreaterThan(0);
    expect(found.suggestions.length).toBeGreaterThan(0);
    expect(found).toEqual(JSON.parse(inProcess.stdout));
  });

  it('exports a data folder', async () => {
    const dataDir = join(scratch, 'data');
    const srv = await startTestServer({ dataDir });
    await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)], claim: { claimant: 'Frank Rose', verdict: 'false' } });
    await srv.close();
    const out = join(scratch, 'claims.csv');
    const res = await runBin(['export', '--format', 'csv', '--data', dataDir, '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    const rows = (await readFile(out, 'utf8')).trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(ROSE_QUOTE);
  });

  it('stops quietly when the reader of its output goes away (collate … | head)', async () => {
    // 800 passages shared by two files: far more JSON than a pipe holds, so the program is still
    // writing when the reader closes its end.
    const folder = join(scratch, 'many');
    await mkdir(folder);
    const words = (prefix: string, i: number) => Array.from({ length: 15 }, (_, k) => `${prefix}${i}x${k}`).join(' ');
    const shared = (i: number) => Array.from({ length: 12 }, (_, k) => `s${i}w${k}`).join(' ');
    const paragraphs = Array.from({ length: 800 }, (_, i) => i);
    await writeFile(join(folder, 'a.txt'), paragraphs.map((i) => `${shared(i)}. ${words('a', i)}.`).join('\n\n'));
    await writeFile(join(folder, 'b.txt'), paragraphs.map((i) => `${words('b', i)}. ${shared(i)}.`).join('\n\n'));
    // Through a real shell pipe, as a user runs it; bash gives the program's own exit status.
    const script = `"$0" "$1" reuse "$2" --json | head -c 10 > /dev/null; exit \${PIPESTATUS[0]}`;
    const child = spawn('bash', ['-c', script, process.execPath, join(ROOT, 'dist/collate.js'), folder], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    // A slow run may print progress lines; anything else (a stack trace) is the failure.
    expect(stderr.split('\n').filter((line) => line && !/^finding reuse: \d+% /.test(line))).toEqual([]);
    expect(code).toBe(0);
  });

  it('loads no npm package (express, zod, …) before a command runs', async () => {
    // esbuild's metafile records every import of every output file; follow the static ones from the entry.
    const meta = JSON.parse(await readFile(join(ROOT, 'dist/collate.meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
    };
    const loaded = new Set<string>();
    const visit = (path: string) => {
      if (loaded.has(path)) return;
      loaded.add(path);
      for (const i of meta.outputs[path]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
    };
    visit('dist/collate.js');
    const packages = [...loaded].filter((p) => !p.startsWith('dist/') && !p.startsWith('node:'));
    expect(packages).toEqual([]);
    // ...while the commands do reach them, so the check above is looking at the right graph.
    const all = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
    expect(all).toEqual(expect.arrayContaining(['express', 'zod']));
  });
});
