import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { call, startTestServer } from '../helpers/test-server';
import { ROSE_QUOTE, SEEDS, targetOf } from '../helpers/fixtures';

let dataDir: string;
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'collate-cli-'));
  dataDir = join(scratch, 'data');
  // Populate a data directory through the real server, then stop it.
  const srv = await startTestServer({ dataDir });
  await call(srv.url, 'POST', '/api/annotations', { kind: 'claim', targets: [targetOf(SEEDS.gsnRenews, ROSE_QUOTE)], claim: { claimant: 'Frank Rose', verdict: 'false' } });
  await call(srv.url, 'POST', '/api/annotations', { kind: 'note', targets: [targetOf(SEEDS.mdaa, 'Russian Position')], note: 'heading' });
  await srv.close();
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('cli export', () => {
  it('prints a format to stdout alone, or writes --out', async () => {
    const csv = await runCli(['export', '--format', 'csv', '--data', dataDir]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,set,kind,source/);
    expect(csv.stdout).toContain('Frank Rose');
    const out = join(scratch, 'out/set.jsonld');
    const w3c = await runCli(['export', '--format', 'w3c', '--kind', 'claim', '--data', dataDir, '--out', out]);
    expect(w3c.code).toBe(0);
    expect(w3c.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).total).toBe(1);
  });

  it('exits non-zero with a message on bad options', async () => {
    const bad = await runCli(['export', '--format', 'pdf', '--data', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of');
    const unknown = await runCli(['export', '--format', 'csv', '--colour', 'red', '--data', dataDir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option --colour');
    const noSet = await runCli(['export', '--format', 'csv', '--set', 'missing', '--data', dataDir]);
    expect(noSet.code).toBe(1);
    expect(noSet.stderr).toContain('"missing" does not exist');
  });
});

describe('cli import', () => {
  it('imports an export into another data directory, all or nothing', async () => {
    const file = join(scratch, 'all.jsonld');
    await runCli(['export', '--format', 'w3c', '--data', dataDir, '--out', file]);
    const target = join(scratch, 'other');
    const ok = await runCli(['import', file, '--data', target]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('imported 2 annotation(s)');
    const back = await runCli(['export', '--format', 'csv', '--data', target]);
    expect(back.stdout.trim().split('\r\n')).toHaveLength(3);

    const broken = JSON.parse(await readFile(file, 'utf8'));
    broken.first.items[0].target[0].source = 'urn:collate:source:gone';
    await writeFile(join(scratch, 'broken.jsonld'), JSON.stringify(broken));
    const empty = join(scratch, 'empty');
    const fail = await runCli(['import', join(scratch, 'broken.jsonld'), '--data', empty]);
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('nothing was imported');
    const none = await runCli(['export', '--format', 'csv', '--data', empty]);
    expect(none.stdout.trim().split('\r\n')).toHaveLength(1);

    await writeFile(join(scratch, 'bad.json'), '{ not json');
    const notJson = await runCli(['import', join(scratch, 'bad.json'), '--data', empty]);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('cannot read');
  });
});

/** Every file under `dir` with its contents. */
async function folderContents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe('cli import creator', () => {
  it('records annotations without a creator under COLLATE_USER from the command environment', async () => {
    const file = join(scratch, 'anonymous.jsonld');
    await runCli(['export', '--format', 'w3c', '--data', dataDir, '--out', file]);
    const collection = JSON.parse(await readFile(file, 'utf8'));
    for (const item of collection.first.items) delete item.creator;
    await writeFile(file, JSON.stringify(collection));
    const target = join(scratch, 'by-env');
    const res = await runCli(['import', file, '--data', target], { env: { COLLATE_USER: 'cli-tester' } });
    expect(res.code, res.stderr).toBe(0);
    const rows = (await runCli(['export', '--format', 'csv', '--data', target])).stdout.trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.includes(',cli-tester,'))).toBe(true);
  });
});

describe('cli read-only export', () => {
  it('finds the data folder from DATA_DIR or --data relative to the working folder', async () => {
    const fromEnv = await runCli(['export', '--format', 'csv'], { cwd: scratch, env: { DATA_DIR: 'data' } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(fromEnv.stdout).toContain('Frank Rose');
    const fromFlag = await runCli(['export', '--format', 'csv', '--data', 'data'], { cwd: scratch, env: { DATA_DIR: 'elsewhere' } });
    expect(fromFlag.stdout).toBe(fromEnv.stdout);
  });

  it('exports without writing to the data folder, and refuses a folder that does not exist', async () => {
    const missing = await runCli(['export', '--format', 'csv', '--data', join(scratch, 'typo-dir')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no data folder');
    const before = await folderContents(dataDir);
    const ok = await runCli(['export', '--format', 'markdown', '--data', dataDir]);
    expect(ok.code).toBe(0);
    expect(await folderContents(dataDir)).toEqual(before);
  });
});
