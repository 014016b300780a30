/**
 * Browser sessions, kept in the store (so servers sharing a database would share them): opened by a
 * sign-in, found again by the secret in the cookie, ended by signing out, by a new token for the
 * user, by removing the user, or by time.
 *
 * Lifetime: a session ends after `idleMs` without use (default 12 hours: a working day with a long
 * break, not a night) and at the latest `absoluteMs` after sign-in (default 7 days), whichever is
 * first. Use is written down at most every `touchMs` (5 minutes), so reading the app does not mean a
 * store write per request; the idle limit is therefore exact to within those minutes.
 */
import { userKey, type Session, type User } from '../../core/model';
import type { Store } from '../store/store';
import { hashSecret, looksLikeSecret, newSecret, SESSION_PREFIX } from './secrets';

export interface SessionTimes {
  idleMs: number;
  absoluteMs: number;
  touchMs: number;
}

export const DEFAULT_SESSION_TIMES: SessionTimes = {
  idleMs: 12 * 3600_000,
  absoluteMs: 7 * 24 * 3600_000,
  touchMs: 5 * 60_000,
};

export interface OpenedSession {
  /** Goes into the cookie; never stored. */
  secret: string;
  session: Session;
}

export class SessionService {
  readonly times: SessionTimes;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    times: Partial<SessionTimes> = {},
  ) {
    this.times = { ...DEFAULT_SESSION_TIMES, ...times };
  }

  /** When a session ends if it is not used again. */
  endsAt(s: Session): number {
    return Math.min(Date.parse(s.seen) + this.times.idleMs, Date.parse(s.expires));
  }

  private live(s: Session, at: number): boolean {
    return at < this.endsAt(s);
  }

  /** Opens a session for `user`, clearing out sessions that ended, in one transaction. */
  async open(user: User): Promise<OpenedSession> {
    const secret = newSecret(SESSION_PREFIX);
    const at = this.now();
    const stamp = at.toISOString();
    const session: Session = {
      id: hashSecret(secret),
      user: userKey(user.name),
      created: stamp,
      seen: stamp,
      expires: new Date(at.getTime() + this.times.absoluteMs).toISOString(),
    };
    await this.store.transact(async (tx) => {
      for (const old of await tx.sessions()) if (!this.live(old, at.getTime())) tx.deleteSession(old.id);
      tx.putSession(session);
    });
    return { secret, session };
  }

  /**
   * The live session a cookie's secret opens, with its user (whose role may have changed since
   * sign-in: it is read afresh). Records the use when the last one is older than `touchMs`.
   */
  async resolve(secret: string): Promise<{ session: Session; user: User } | undefined> {
    if (!looksLikeSecret(secret, SESSION_PREFIX)) return undefined;
    const id = hashSecret(secret);
    const session = await this.store.session(id);
    const at = this.now().getTime();
    if (!session || !this.live(session, at)) return undefined;
    const user = await this.store.user(session.user);
    if (!user) return undefined;
    if (at - Date.parse(session.seen) >= this.times.touchMs) {
      const seen = new Date(at).toISOString();
      // Inside a transaction, so a sign-out that ran meanwhile is not undone by writing the session back.
      await this.store
        .transact(async (tx) => {
          const current = await tx.session(id);
          if (current && Date.parse(current.seen) < at) tx.putSession({ ...current, seen });
        })
        .catch(() => {
          /* Only bookkeeping: a store that cannot write now still lets the reader read. */
        });
      return { session: { ...session, seen }, user };
    }
    return { session, user };
  }

  /** Ends the session a cookie's secret opens, if any. */
  async close(secret: string): Promise<void> {
    if (!looksLikeSecret(secret, SESSION_PREFIX)) return;
    const id = hashSecret(secret);
    await this.store.transact(async (tx) => {
      if (await tx.session(id)) tx.deleteSession(id);
    });
  }
}
