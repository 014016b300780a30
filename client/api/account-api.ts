/**
 * The API calls of signing in and of an annotation's history: who is signed in
 * (`GET /api/session`), signing in with a name and a token, signing out, and every change to an
 * annotation (`GET /api/annotations/:id/history`). Same wrapper and errors as client.ts.
 */
import type { HistoryEntry, Identity } from '../../core/model';
import { ApiError } from './api-error';
import { request } from './client';

/** How the server knows the person: a browser session, a bearer token, or Collate has no accounts. */
export type SessionVia = 'session' | 'token' | 'local';

/** Who is signed in, as `GET /api/session` answers. */
export interface SessionInfo {
  user: Identity;
  via: SessionVia;
  /** When the session ends if not used again (ISO time); sessions only. */
  expires?: string;
}

/** GET /api/session: who is signed in, or null when nobody is (401). Other failures reject. */
export async function getSession(): Promise<SessionInfo | null> {
  try {
    return await request<SessionInfo>('GET', '/session');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** POST /api/session: sign in; rejects with 401 (wrong name or token) or 429 (too many attempts, with `retryAfter`). */
export async function signIn(name: string, token: string): Promise<SessionInfo> {
  return request<SessionInfo>('POST', '/session', { name, token });
}

/** DELETE /api/session: sign out (the cookie is cleared). */
export async function signOut(): Promise<void> {
  await request<void>('DELETE', '/session');
}

/** GET /api/annotations/:id/history: every change, oldest first. */
export async function getHistory(id: string): Promise<HistoryEntry[]> {
  return (await request<{ history: HistoryEntry[] }>('GET', `/annotations/${encodeURIComponent(id)}/history`)).history;
}
