/**
 * User accounts over the store: add, list, remove, replace a token, and find the user a token or a
 * name-and-token pair belongs to. The CLI (`collate user …`) and the admin API share it. A user's
 * token is shown once, when made; the store keeps its hash (secrets.ts).
 */
import { RoleSchema, UserName, userKey, userSummary, type Role, type User, type UserSummary } from '../../core/model';
import { missing, ServiceError } from '../services/service-error';
import type { Store, Transaction } from '../store/store';
import { hashSecret, looksLikeSecret, newSecret, sameHash, TOKEN_PREFIX } from './secrets';

export interface IssuedToken {
  user: UserSummary;
  /** Shown once; never stored. */
  token: string;
}

function checkedName(name: string): string {
  const parsed = UserName.safeParse(name);
  if (!parsed.success) throw new ServiceError('invalid', `user name "${name.slice(0, 80)}" ${parsed.error.issues[0].message}`);
  return parsed.data;
}

function checkedRole(role: string): Role {
  const parsed = RoleSchema.safeParse(role);
  if (!parsed.success) throw new ServiceError('invalid', `role must be one of viewer, annotator, editor, admin, not "${role.slice(0, 40)}"`);
  return parsed.data;
}

/** Ends every session of a user, in the transaction that changes the user. */
async function endSessions(tx: Transaction, name: string): Promise<void> {
  for (const s of await tx.sessions(userKey(name))) tx.deleteSession(s.id);
}

export class UserService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Whether any user exists: with none, Collate is a single-person tool. */
  async any(): Promise<boolean> {
    return (await this.store.users()).length > 0;
  }

  async list(): Promise<UserSummary[]> {
    return [...(await this.store.users())].sort((a, b) => userKey(a.name).localeCompare(userKey(b.name))).map(userSummary);
  }

  /** Adds a user with a new token. ServiceError `exists` when the name is taken (in any case). */
  async add(name: string, role: string): Promise<IssuedToken> {
    const token = newSecret(TOKEN_PREFIX);
    const created = this.now().toISOString();
    const user: User = { name: checkedName(name), role: checkedRole(role), tokenHash: hashSecret(token), created, tokenIssued: created };
    await this.store.transact(async (tx) => {
      const existing = await tx.user(user.name);
      if (existing) throw new ServiceError('exists', `a user named "${existing.name}" exists already`);
      tx.putUser(user);
    });
    return { user: userSummary(user), token };
  }

  /**
   * Removes a user and ends their sessions. `keepAdmin`: refuse (ServiceError `last_admin`) to
   * remove the last admin, so a running server always has someone who can manage users.
   */
  async remove(name: string, opts: { keepAdmin: boolean }): Promise<UserSummary> {
    return this.store.transact(async (tx) => {
      const user = await tx.user(name);
      if (!user) throw missing('user', name);
      if (opts.keepAdmin && user.role === 'admin' && !(await tx.users()).some((u) => u.role === 'admin' && userKey(u.name) !== userKey(user.name))) {
        throw new ServiceError('last_admin', `"${user.name}" is the last admin; add another admin first`);
      }
      tx.deleteUser(user.name);
      await endSessions(tx, user.name);
      return userSummary(user);
    });
  }

  /** Gives a user a new token: the old one and every session made with it stop working. */
  async rotate(name: string): Promise<IssuedToken> {
    const token = newSecret(TOKEN_PREFIX);
    const issued = this.now().toISOString();
    const user = await this.store.transact(async (tx) => {
      const current = await tx.user(name);
      if (!current) throw missing('user', name);
      const next: User = { ...current, tokenHash: hashSecret(token), tokenIssued: issued };
      tx.putUser(next);
      await endSessions(tx, current.name);
      return next;
    });
    return { user: userSummary(user), token };
  }

  /** The user a bearer token belongs to. */
  async byToken(token: string): Promise<User | undefined> {
    if (!looksLikeSecret(token, TOKEN_PREFIX)) return undefined;
    const hash = hashSecret(token);
    return (await this.store.users()).find((u) => sameHash(u.tokenHash, hash));
  }

  /** The user when `token` is theirs (sign-in); undefined for a wrong name or token alike. */
  async verify(name: string, token: string): Promise<User | undefined> {
    const user = await this.store.user(name);
    const hash = hashSecret(token);
    // The hash is compared even for an unknown name, so timing does not tell which names exist.
    const ok = sameHash(user?.tokenHash ?? hashSecret(''), hash);
    return ok && user && looksLikeSecret(token, TOKEN_PREFIX) ? user : undefined;
  }
}
