/**
 * Named people for the security tests, one per role, added through the real UserService into the
 * test server's store; a clock tests move by hand (sessions expire without waiting); and a digest
 * of a data folder, to show that a refused request changed nothing on disk.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ROLES, type Role } from '../../../core/model';
import { UserService } from '../../../server/auth/users';
import type { Store } from '../../../server/store/store';

export const PEOPLE: Record<Role, string> = { viewer: 'vera', annotator: 'ana', editor: 'eddie', admin: 'ada' };

/** Adds one user per role; their tokens by role. */
export async function addPeople(store: Store, now?: () => Date): Promise<Record<Role, string>> {
  const users = new UserService(store, now);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await users.add(PEOPLE[role], role)).token;
  return tokens;
}

export interface Clock {
  now: () => Date;
  advance(ms: number): void;
}

export function manualClock(start = '2026-05-04T09:00:00.000Z'): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}

/** sha-256 over every file's path and bytes under `dir` (the server's lock file aside). */
export async function folderDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (at: string): Promise<void> => {
    const entries = (await readdir(at, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const path = join(at, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.name !== '.server.lock') hash.update(relative(dir, path)).update('\0').update(await readFile(path)).update('\0');
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
