/**
 * Users and sessions in the embedded store: kept in their own files (users.json, sessions.json),
 * found again after reopening, from the journal and after compaction, and changed all or nothing
 * with the transaction that changes them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, User } from '../../../core/model';
import { JsonStore } from '../../../server/store/json/json-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'collate-accounts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const user = (name: string, role: User['role'] = 'editor'): User => ({ name, role, tokenHash: `hash-of-${name}`, created: '2026-05-01T00:00:00.000Z', tokenIssued: '2026-05-01T00:00:00.000Z' });
const session = (id: string, of: string): Session => ({ id, user: of, created: '2026-05-01T00:00:00.000Z', seen: '2026-05-01T00:00:00.000Z', expires: '2026-05-08T00:00:00.000Z' });

describe('users and sessions in the JSON store', () => {
  it('are found again after reopening, by name in any case or form, from the journal and after compaction', async () => {
    const store = await JsonStore.open(dir);
    await store.transact((tx) => {
      tx.putUser(user('Zoë'));
      tx.putUser(user('ana', 'annotator'));
      tx.putSession(session('s1', 'zoë'));
      tx.putSession(session('s2', 'ana'));
    });
    await store.close();
    for (const step of ['journal', 'compacted']) {
      const again = await JsonStore.open(dir);
      expect((await again.user('ZOE\u0308'))?.name, step).toBe('Zoë');
      expect((await again.users()).map((u) => u.name).sort()).toEqual(['Zoë', 'ana']);
      expect((await again.sessions('ana')).map((s) => s.id)).toEqual(['s2']);
      expect((await again.session('s1'))?.user).toBe('zoë');
      if (step === 'journal') await again.compact();
      await again.close();
    }
    const users = JSON.parse(await readFile(join(dir, 'users.json'), 'utf8'));
    expect(users.users.map((u: User) => u.name).sort()).toEqual(['Zoë', 'ana']);
    expect(users.annotations).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'sessions.json'), 'utf8')).sessions).toHaveLength(2);
  });

  it('changes users and sessions with the transaction, or not at all', async () => {
    const store = await JsonStore.open(dir);
    await store.transact((tx) => {
      tx.putUser(user('ana'));
      tx.putSession(session('s1', 'ana'));
    });
    await expect(
      store.transact(async (tx) => {
        tx.deleteUser('ANA');
        tx.deleteSession('s1');
        expect(await tx.user('ana')).toBeUndefined();
        expect(await tx.sessions('ana')).toEqual([]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect((await store.user('ana'))?.name).toBe('ana');
    expect(await store.session('s1')).toBeDefined();
    await store.transact((tx) => {
      tx.deleteUser('ana');
      tx.deleteSession('s1');
    });
    await store.close();
    const again = await JsonStore.open(dir, { readOnly: true });
    expect(await again.users()).toEqual([]);
    expect(await again.sessions()).toEqual([]);
    await again.close();
  });
});
