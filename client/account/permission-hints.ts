/**
 * Why the signed-in person may not do something, in words for a tooltip or the status line, from
 * the same rules the server applies (core/model/permissions.ts): the client offers only what the
 * server will allow, and says why the rest is not offered. The server stays the judge; this only
 * spares the user a refusal. Pure code.
 */
import { mayChange, permits, type Identity, type UseCase } from '../../core/model';
import { PERMISSIONS } from '../../core/model/permissions';

/** What each use case is, as the start of a sentence ("Making annotations needs …"). */
const DOING: Record<UseCase, string> = {
  session: 'Signing in',
  read: 'Reading',
  export: 'Exporting',
  'annotation.create': 'Making annotations',
  'annotation.edit': 'Editing annotations',
  'annotation.delete': 'Deleting annotations',
  'annotation.carry': 'Carrying annotations to copies',
  'set.manage': 'Creating sets',
  'suggestion.decide': 'Confirming or dismissing suggestions',
  'annotation.import': 'Importing annotations',
  'tag.rename': 'Renaming tags',
  'source.import': 'Adding sources',
  'user.manage': 'Managing users',
};

/** What doing it to someone else's annotation is ("edit someone else's annotation"). */
const TO_OTHERS: Partial<Record<UseCase, string>> = {
  'annotation.edit': 'edit',
  'annotation.delete': 'delete',
  'annotation.carry': 'carry',
};

const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');

/**
 * Why `who` may not do `use` (on a record `creator` made, when given), or null when they may. No
 * identity known (the session could not be read) also answers null: the server decides then.
 */
export function deniedReason(who: Identity | null | undefined, use: UseCase, creator?: string): string | null {
  if (!who) return null;
  const rule = PERMISSIONS[use];
  if (permits(who, use) !== 'ok') {
    const least = rule.role === 'public' ? 'viewer' : rule.role;
    return `${DOING[use]} needs the ${least} role or higher; you are signed in as ${who.name}, ${article(who.role)} ${who.role}.`;
  }
  if (creator !== undefined && !mayChange(who, use, creator)) {
    const others = 'othersNeed' in rule ? rule.othersNeed : 'editor';
    return `Only ${article(others)} ${others} or higher may ${TO_OTHERS[use] ?? 'change'} someone else’s annotation; this one is ${creator || 'someone else'}’s.`;
  }
  return null;
}
