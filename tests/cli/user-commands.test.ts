/**
 * `collate user add|list|remove|token`, in process on a temp data folder: the token alone on stdout,
 * usage errors (exit 2), bad names (exit 1), a new token ending the old one, and the refusal to write
 * while a server holds the folder (list still reads).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserService } from '../../server/auth/users';
import { JsonStore } from '../../server/store/json/json-store';
import { runCli } from '../helpers/run-cli';

let scratch: string;
let dataDir: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'collate-users-'));
  dataDir = join(scratch, 'data');
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const user = (...args: string[]) => runCli(['user', ...args, '--data', dataDir]);

/** Who a token belongs to, read from the folder as a server would. */
async function ownerOf(token: string): Promise<string | undefined> {
  const store = await JsonStore.open(dataDir, { readOnly: true });
  try {
    return (await new UserService(store).byToken(token))?.name;
  } finally {
    await store.close();
  }
}

describe('collate user', () => {
  it('says there are no users before the first is added', async () => {
    const res = await user('list');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain('no users');
  });

  it('adds a user and prints the new token as the last (only) line of stdout', async () => {
    const res = await user('add', 'ana', '--role', 'annotator');
    expect(res.code).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^collate_[A-Za-z0-9_-]{43}$/);
    expect(res.stderr).toContain('added ana (annotator)');
    expect(await ownerOf(lines[0])).toBe('ana');
  });

  it('lists users as a table or JSON, never with tokens', async () => {
    await user('add', 'Ada', '--role', 'admin');
    const table = await user('list');
    expect(table.stdout.split('\n')[0]).toMatch(/^name\s+role\s+created\s+token issued$/);
    expect(table.stdout).toMatch(/^Ada\s+admin\s/m);
    expect(table.stdout).toMatch(/^ana\s+annotator\s/m);
    const json = JSON.parse((await user('list', '--json')).stdout);
    expect(json.map((u: { name: string; role: string }) => [u.name, u.role])).toEqual([['Ada', 'admin'], ['ana', 'annotator']]);
    expect(JSON.stringify(json)).not.toMatch(/token(?!Issued)|Hash/);
  });

  it('replaces a token: the old one stops working', async () => {
    const first = (await user('add', 'tom', '--role', 'viewer')).stdout.trim();
    const res = await user('token', 'TOM');
    expect(res.code).toBe(0);
    const next = res.stdout.trim();
    expect(next).not.toBe(first);
    expect(await ownerOf(first)).toBeUndefined();
    expect(await ownerOf(next)).toBe('tom');
  });

  it('removes a user', async () => {
    const token = (await user('add', 'gone', '--role', 'editor')).stdout.trim();
    const res = await user('remove', 'gone');
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('removed gone (editor)');
    expect(await ownerOf(token)).toBeUndefined();
    expect((await user('remove', 'gone')).code).toBe(1);
  });

  it('exits 2 on usage errors and 1 on names it cannot take, changing nothing', async () => {
    const usage: [string[], string][] = [
      [[], 'say what to do'],
      [['adopt', 'x'], 'unknown action "adopt"'],
      [['add', 'x'], 'user add needs --role'],
      [['add', 'x', '--role', 'owner'], '--role must be one of viewer, annotator, editor, admin'],
      [['add', '--role', 'viewer'], 'user add needs a user name'],
      [['list', 'x'], 'unexpected argument "x"'],
      [['remove', 'ana', '--role', 'viewer'], '--role is only for user add'],
      [['token', 'ana', '--json'], '--json is only for user list'],
    ];
    for (const [args, message] of usage) {
      const res = await user(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toContain(message);
      expect(res.stdout).toBe('');
    }
    for (const [name, message] of [['ANA', 'exists already'], ['=cmd', 'must start with a letter or digit'], ['two words', 'must start with a letter or digit']]) {
      const res = await user('add', name, '--role', 'viewer');
      expect(res.code, name).toBe(1);
      expect(res.stderr).toContain(message);
      expect(res.stdout).toBe('');
    }
    expect(JSON.parse((await user('list', '--json')).stdout)).toHaveLength(3);
  });

  it('refuses to change users while a server uses the folder, but lists them', async () => {
    // A live process other than this one holds the lock, as a running server would.
    await writeFile(join(dataDir, '.server.lock'), String(process.ppid));
    try {
      for (const args of [['add', 'late', '--role', 'viewer'], ['token', 'ana'], ['remove', 'ana']]) {
        const res = await user(...args);
        expect(res.code, args.join(' ')).toBe(1);
        expect(res.stderr).toContain(`a Collate server (pid ${process.ppid}) is running`);
        expect(res.stderr).toContain('POST /api/users');
      }
      expect((await user('list')).stdout).toMatch(/^ana\s/m);
    } finally {
      await rm(join(dataDir, '.server.lock'));
    }
  });
});
