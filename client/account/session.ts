/**
 * Who is using the app in this tab: the answer of `GET /api/session`, read once at start and after
 * each sign-in or sign-out, and what it allows. Pages ask `denied(useCase, creator?)` while drawing
 * to offer only what the server will allow (with the reason for the rest); the header follows
 * changes through `onSessionChange`. A session is known before any page is mounted (main.ts), and
 * does not change while one is shown: signing in or out mounts the route again.
 */
import type { UseCase } from '../../core/model';
import type { SessionInfo } from '../api/account-api';
import { deniedReason } from './permission-hints';

let current: SessionInfo | null = null;
const listeners = new Set<(s: SessionInfo | null) => void>();

/** Who is signed in, or null (nobody, or not known yet). */
export function currentSession(): SessionInfo | null {
  return current;
}

/** The signed-in person's name, or null. */
export function currentUserName(): string | null {
  return current?.user.name ?? null;
}

/** Record who is signed in (null: nobody) and tell the listeners. */
export function setSession(session: SessionInfo | null): void {
  current = session;
  for (const fn of listeners) fn(session);
}

/** Follow sign-ins and sign-outs; returns the removal. */
export function onSessionChange(fn: (s: SessionInfo | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Why the person signed in may not do `use` (to a record `creator` made), or null when they may
 * or when nobody is known (the server judges then).
 */
export function denied(use: UseCase, creator?: string): string | null {
  return deniedReason(current?.user, use, creator);
}
