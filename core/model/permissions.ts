/**
 * Who may do what: each use case, the least role it needs, and for records someone else created the
 * least role that may change them anyway. Shared: the server enforces it (server/auth/permissions.ts
 * binds every API route to a use case), the client may use it to offer only what will be allowed.
 */
import { atLeast, type Role } from './vocabulary';

export interface Permission {
  /** The least role; `public` needs no identity at all. */
  role: Role | 'public';
  /** For a record someone else created: the least role (below it, only the creator may). */
  othersNeed?: Role;
  /** What it allows, for documentation and error messages. */
  what: string;
}

export const PERMISSIONS = {
  session: { role: 'public', what: 'sign in, see who is signed in, sign out' },
  read: { role: 'viewer', what: 'read sources, annotations and their history, sets, reuse and suggestions' },
  export: { role: 'viewer', what: 'export annotations' },
  'annotation.create': { role: 'annotator', what: 'create annotations' },
  'annotation.edit': { role: 'annotator', othersNeed: 'editor', what: 'edit annotations' },
  'annotation.delete': { role: 'annotator', othersNeed: 'editor', what: 'delete annotations' },
  'annotation.carry': { role: 'annotator', othersNeed: 'editor', what: 'carry annotations to the copies of their passage' },
  'set.manage': { role: 'editor', what: 'create annotation sets' },
  'suggestion.decide': { role: 'editor', what: 'confirm or dismiss suggestions' },
  'annotation.import': { role: 'editor', what: 'import annotations' },
  // Renaming a tag changes everyone's annotations that carry it, so it needs the role that may.
  'tag.rename': { role: 'editor', what: 'rename or merge a tag on every annotation that carries it' },
  'source.import': { role: 'editor', what: 'import sources' },
  'user.manage': { role: 'admin', what: 'manage users' },
} as const satisfies Record<string, Permission>;

export type UseCase = keyof typeof PERMISSIONS;

/** Someone signed in (or the single local user): a name and a role. */
export interface Identity {
  name: string;
  role: Role;
}

/** Whether `who` may do `use` at all (for someone else's record, see `mayChange`). */
export function permits(who: Identity | undefined, use: UseCase): 'ok' | 'unauthenticated' | 'forbidden' {
  const rule: Permission = PERMISSIONS[use];
  if (rule.role === 'public') return 'ok';
  if (!who) return 'unauthenticated';
  return atLeast(who.role, rule.role) ? 'ok' : 'forbidden';
}

/** Whether `who` may do `use` on a record that `creator` created. */
export function mayChange(who: Identity, use: UseCase, creator: string): boolean {
  const rule: Permission = PERMISSIONS[use];
  if (permits(who, use) !== 'ok') return false;
  return rule.othersNeed === undefined || creator === who.name || atLeast(who.role, rule.othersNeed);
}
