/**
 * The storage failing under a running server, on a real file system: a small tmpfs filled up
 * (ENOSPC → 507 storage_full) and remounted read-only (EROFS → 503 storage_unavailable). Nothing
 * half-written stays, and the server takes writes again once the fault is gone. Start-up faults:
 * a read-only folder holding a stale lock, a damaged file, a wrongly shaped one.
 *
 * Mounting needs root (as CI runs); elsewhere the tmpfs tests are skipped and say so.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonStore } from '../../../server/store/json/json-store';
import { SEEDS, targetOf } from '../../helpers/fixtures';
import { runServerToExit } from '../../helpers/server-process';
import { call, startTestServer, type TestServer } from '../../helpers/test-server';

function tryMount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const remount = (dir: string, mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'ignore' });
const unmount = (dir: string) => execFileSync('umount', ['-l', dir], { stdio: 'ignore' });

let mnt: string;
let mounted = false;
beforeAll(async () => {
  mnt = await mkdtemp(join(tmpdir(), 'collate-tmpfs-'));
  mounted = tryMount(mnt, '2m');
  if (!mounted) console.warn('storage fault tests skipped: mounting a tmpfs needs root');
});
afterAll(async () => {
  if (mounted) unmount(mnt);
  await rm(mnt, { recursive: true, force: true });
});

async function tmpFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((p) => String(p).endsWith('.tmp')).map(String);
}

describe('storage faults under a running server', () => {
  let srv: TestServer;
  const body = (note: string) => ({ kind: 'note', note, targets: [targetOf(SEEDS.mdaa, 'Resource Library')] });

  it.skipIf(!process.getuid || process.getuid() !== 0)('answers 507 on a full disk, keeps nothing of the refused write, and recovers once space is freed', async () => {
    if (!mounted) return;
    const dataDir = join(mnt, 'full');
    srv = await startTestServer({ dataDir });
    try {
      const before = await call(srv.url, 'POST', '/api/annotations', body('before the disk filled'));
      expect(before.status).toBe(201);
      // Fill the file system to the last byte.
      const filler = join(mnt, 'filler');
      await writeFile(filler, Buffer.alloc(0));
      for (let chunk = 256 * 1024; chunk >= 1; chunk = Math.floor(chunk / 2)) {
        try {
          for (;;) await writeFile(filler, Buffer.alloc(chunk), { flag: 'a' });
        } catch {
          /* this size no longer fits: try a smaller one */
        }
      }
      const refused = await call(srv.url, 'POST', '/api/annotations', body('x'.repeat(5000)));
      expect(refused.status).toBe(507);
      expect(refused.body.error.code).toBe('storage_full');
      const source = await call(srv.url, 'POST', '/api/sources', { id: 'full-disk-story', text: 'y'.repeat(20_000), outlet: 'Test' });
      expect(source.status).toBe(507);
      expect(await tmpFiles(dataDir)).toEqual([]);
      await rm(filler);
      const after = await call(srv.url, 'POST', '/api/annotations', body('after space was freed'));
      expect(after.status).toBe(201);
      await srv.close();
      const reopened = await JsonStore.open(dataDir, { readOnly: true });
      const notes = (await reopened.annotations()).map((a) => a.note).sort();
      expect(notes).toEqual(['after space was freed', 'before the disk filled']);
    } finally {
      await srv.close().catch(() => {});
    }
  });

  it.skipIf(!process.getuid || process.getuid() !== 0)('answers 503 while the folder is read-only and writes again once it is not', async () => {
    if (!mounted) return;
    const dataDir = join(mnt, 'ro');
    srv = await startTestServer({ dataDir });
    try {
      const made = await call(srv.url, 'POST', '/api/annotations', body('kept'));
      remount(mnt, 'ro');
      try {
        const refused = await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 1, note: 'refused' });
        expect(refused.status).toBe(503);
        expect(refused.body.error.code).toBe('storage_unavailable');
        expect((await call(srv.url, 'GET', `/api/annotations/${made.body.annotation.id}`)).body.annotation.note).toBe('kept');
      } finally {
        remount(mnt, 'rw');
      }
      const again = await call(srv.url, 'PATCH', `/api/annotations/${made.body.annotation.id}`, { revision: 1, note: 'accepted' });
      expect(again.status).toBe(200);
    } finally {
      await srv.close().catch(() => {});
    }
  });

  it.skipIf(!process.getuid || process.getuid() !== 0)('stops at once with one line when a read-only folder holds a stale lock', async () => {
    if (!mounted) return;
    const dataDir = join(mnt, 'stale');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, '.server.lock'), '999999');
    remount(mnt, 'ro');
    try {
      const started = Date.now();
      const run = await runServerToExit(dataDir);
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(15_000);
      const lines = run.output.trim().split('\n').filter((l) => l.startsWith('collate:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('.server.lock');
    } finally {
      remount(mnt, 'rw');
    }
  });
});

describe('start-up faults', () => {
  it('stops with one line naming a wrongly shaped file, and leaves it as it was', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collate-shape-'));
    try {
      const bad = '{"version":1,"sets":"x","dismissed":[],"annotations":[]}';
      await writeFile(join(dataDir, 'collection.json'), bad);
      const run = await runServerToExit(dataDir);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/collate: .*collection\.json: "sets" must be a list/);
      expect(await readFile(join(dataDir, 'collection.json'), 'utf8')).toBe(bad);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with one line naming a damaged file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'collate-damaged-'));
    try {
      await mkdir(join(dataDir, 'by-source'));
      await writeFile(join(dataDir, 'by-source', 'alpha.json'), '{"version":2,"seq":3,"annotations":[{"id":');
      const run = await runServerToExit(dataDir);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/collate: .*by-source\/alpha\.json: is not valid JSON/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
