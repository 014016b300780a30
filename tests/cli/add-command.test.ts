/**
 * `collate add`: files, folders and web pages into a data folder through the app's pipeline, one line
 * per source; a failing input is reported while the others go in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceService } from '../../server/services/source-service';
import { JsonStore } from '../../server/store/json/json-store';
import { runCli } from '../helpers/run-cli';
import { startPageServer, type PageServer } from '../server/sources/page-server';

let dir: string;
let pages: PageServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-add-cli-'));
  pages = await startPageServer();
});
afterAll(async () => {
  await pages.close();
  await rm(dir, { recursive: true, force: true });
});

describe('collate add', () => {
  it('adds files, a folder and a web page, printing id, title, outlet and words for each', async () => {
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    await writeFile(join(inbox, 'Bridge Notes.md'), '# Bridge vote delayed\n\nThe council put off the *vote* until **May**.\n');
    await writeFile(join(inbox, 'ferry.txt'), 'Ferry fares rise\n\nFares rise by 5 percent from April, the operator said.\n');
    await writeFile(join(inbox, 'ignored.pdf'), '%PDF');
    const data = join(dir, 'data');
    const noShipped = join(dir, 'no-shipped');
    await mkdir(noShipped);
    const res = await runCli(['add', inbox, `${pages.origin}/courier`, '--data', data, '--sources', noShipped, '--outlet', 'Desk inbox'], { env: { COLLATE_ALLOW_PRIVATE_FETCH: '1' } });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.map((l) => l[0])).toEqual(['bridge-notes', 'ferry', expect.stringMatching(/^council-votes/)]);
    expect(lines[0]).toEqual(['bridge-notes', 'Bridge vote delayed', 'Desk inbox', expect.stringMatching(/^\d+ words$/), 'created']);
    const store = await JsonStore.open(data, { readOnly: true });
    const stored = await SourceService.loadAll(store);
    expect(stored.map((s) => s.id).sort()).toEqual(lines.map((l) => l[0]).sort());
    expect(stored.find((s) => s.id === 'bridge-notes')!.text).toContain('The council put off the vote until May.');
    const fetched = (await store.revisions(lines[2][0]))[0];
    expect(fetched.origin).toMatchObject({ kind: 'fetch', url: `${pages.origin}/courier` });
  });

  it('reports a failing input and still adds the others, exiting 1', async () => {
    const data = join(dir, 'data-2');
    await writeFile(join(dir, 'good.txt'), 'A short notice\n\nThe library opens at nine on Saturdays from next week.\n');
    const res = await runCli(['add', `${pages.origin}/courier`, join(dir, 'good.txt'), '--data', data], { env: { COLLATE_ALLOW_PRIVATE_FETCH: '' } });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/collate add: http:\/\/127\.0\.0\.1:\d+\/courier: .*(not public|private|loopback)/i);
    expect(res.stdout).toMatch(/^good\tA short notice\t/);
    const usage = await runCli(['add', '--data', data]);
    expect(usage.code).toBe(2);
    const missing = await runCli(['add', join(dir, 'nope.txt'), '--data', data]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('no such file or folder')]);
  });
});
