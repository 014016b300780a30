/**
 * Who is making a request: every change is recorded under this name (creator of new annotations,
 * author of history entries) and allowed by this role. With no user accounts it is the person
 * running Collate, who may do everything; with accounts, the signed-in user (server/auth/).
 */
import { userInfo } from 'node:os';
import type { Role } from '../../core/model';

export interface Actor {
  name: string;
  role: Role;
}

/** Changes Collate makes on its own, such as re-anchoring after a source changed. */
export const SYSTEM_ACTOR: Actor = { name: 'collate', role: 'admin' };

/** The single user of a Collate without accounts: COLLATE_USER, else the login name. */
export function localActor(env: NodeJS.ProcessEnv | Readonly<Record<string, string | undefined>> = process.env): Actor {
  let name = env.COLLATE_USER;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      /* no login name in this environment */
    }
  }
  return { name: name || 'anonymous', role: 'admin' };
}
