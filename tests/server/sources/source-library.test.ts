/**
 * The source library's reading of folders: the one id rule, validated sidecars, and better guesses
 * on the seed articles as they came (original file names, no sidecars), copied to a temp dir.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceIdFromFileName } from '../../../core/sources/source-id';
import { suggestInconsistencies } from '../../../core/inconsistency';
import { ReuseService } from '../../../server/services/reuse-service';
import { readSourceFolder, SourceLibrary } from '../../../server/sources/source-library';
import { SEED_SOURCES } from '../../helpers/test-server';

let dir: string;
/** Seed id -> the file name it came with (the sidecars' `original`). */
const original = new Map<string, string>();
/** The id a seed article gets when read under the name it came with. */
const idAsItCame = (seedId: string): string => sourceIdFromFileName(original.get(seedId) ?? '');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-seed-as-it-came-'));
  for (const name of await readdir(SEED_SOURCES)) {
    if (!name.endsWith('.meta.json')) continue;
    const id = name.slice(0, -'.meta.json'.length);
    const meta = JSON.parse(await readFile(join(SEED_SOURCES, name), 'utf8')) as { original: string };
    original.set(id, meta.original);
    await copyFile(join(SEED_SOURCES, `${id}.txt`), join(dir, meta.original));
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readSourceFolder on the seed folder as it came', () => {
  it('makes ids by the one id rule: 000_f73bab94f4e13693.txt is 000-f73bab94f4e13693', async () => {
    const ids = (await readSourceFolder(dir)).map((s) => s.id);
    expect(ids).toContain('000-f73bab94f4e13693');
    expect(ids.every((id) => /^\d{3}-[0-9a-f]{16}$/.test(id))).toBe(true);
  });

  it('titles the GSN articles with their headlines and dates the MDAA paper, all marked guessed', async () => {
    const sources = await readSourceFolder(dir);
    const byOriginal = (seedId: string) => sources.find((s) => s.id === idAsItCame(seedId));
    expect(byOriginal('gsn-us-renews-call-for-russia')?.title).toBe('U.S. Renews Call for Russia to Participate in Missile Shield');
    expect(byOriginal('gsn-russia-could-receive-pledge')?.title).toBe('Russia Could Receive NATO Antimissile Security Pledge, France Says');
    const mdaa = byOriginal('mdaa-russian-cooperation-white-paper');
    expect(mdaa).toMatchObject({ published: '2011-11-01', outlet: 'Unknown outlet' });
    expect(mdaa?.guessed).toEqual(['title', 'outlet', 'published']);
  });

  it('flags the GSN chrome in the server’s reuse service, with no suggestion from it', async () => {
    const library = SourceLibrary.fromSources(await readSourceFolder(dir));
    const reuse = new ReuseService(library);
    const gsn = [idAsItCame('gsn-us-renews-call-for-russia'), idAsItCame('gsn-russia-could-receive-pledge')];
    const between = reuse.passages().filter((p) => gsn.includes(p.a.source) && gsn.includes(p.b.source));
    expect(between.length).toBeGreaterThanOrEqual(3);
    expect(between.every((p) => p.boilerplate)).toBe(true);
    expect(suggestInconsistencies(library.list(), reuse.passages()).filter((s) => s.targets.some((t) => gsn.includes(t.source)))).toEqual([]);
  });
});

describe('sidecars', () => {
  it('accepts unknown keys, takes given fields as given, and reports a bad sidecar with its fields', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'collate-sidecar-'));
    try {
      await writeFile(join(folder, 'story.txt'), 'Some Headline For The Story\n\nBody.');
      await writeFile(join(folder, 'story.meta.json'), JSON.stringify({ outlet: 'Ledger', original: 'x.txt', url: 'https://ledger.example/s' }));
      const [story] = await readSourceFolder(folder);
      expect(story).toMatchObject({ title: 'Some Headline For The Story', outlet: 'Ledger', url: 'https://ledger.example/s', guessed: ['title'] });

      await writeFile(join(folder, 'story.meta.json'), JSON.stringify({ title: 5, published: 'last week' }));
      await expect(readSourceFolder(folder)).rejects.toThrow(/story\.meta\.json: title: .*; published: must be an ISO date/);
      await writeFile(join(folder, 'story.meta.json'), '{ not json');
      await expect(readSourceFolder(folder)).rejects.toThrow(/story\.meta\.json: not valid JSON/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
