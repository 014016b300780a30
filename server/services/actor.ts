/**
 * Who is making a request: every change is recorded under this name (creator of new annotations,
 * author of history entries). With no user accounts it is the person running Collate.
 */
import { userInfo } from 'node:os';

export interface Actor {
  name: string;
}

/** Changes Collate makes on its own, such as re-anchoring after a source changed. */
export const SYSTEM_ACTOR: Actor = { name: 'collate' };

/** The single user of a Collate without accounts: COLLATE_USER, else the login name. */
export function localActor(env: NodeJS.ProcessEnv = process.env): Actor {
  let name = env.COLLATE_USER;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      /* no login name in this environment */
    }
  }
  return { name: name || 'anonymous' };
}
