/**
 * What an open edit form says when someone else changes or deletes its annotation meanwhile (a
 * live update): who, and what they changed, before the user saves. The form keeps what the user
 * typed; saving would meet the newer version (a 409 conflict, handled as before), so the notice
 * only warns early. Pure code.
 */
import type { Annotation } from '../../core/model';
import { fieldChanges } from '../../core/annotations/annotation-changes';
import { changeLines } from '../history/change-lines';

/** Another person's change to the annotation an open form edits. */
export type FormNotice =
  | { kind: 'changed'; by: string; revision: number; lines: readonly string[] }
  | { kind: 'deleted' };

/** The notice for `incoming` replacing `base` (the version the form started from), or null when it is not newer. */
export function changedNotice(base: Annotation, incoming: Annotation): FormNotice | null {
  if (incoming.revision <= base.revision) return null;
  return { kind: 'changed', by: incoming.modifiedBy ?? incoming.creator, revision: incoming.revision, lines: changeLines(fieldChanges(base, incoming)).map((l) => l.text) };
}

/** The notice's words; `me` is the signed-in person (their own change in another tab is said so). */
export function noticeText(notice: FormNotice, me: string | null): { head: string; lines: readonly string[] } {
  if (notice.kind === 'deleted') {
    return { head: 'This annotation was deleted elsewhere while you were editing. What you typed is still here; saving cannot bring it back, so copy anything you want to keep.', lines: [] };
  }
  const who = notice.by === me ? 'you, in another window' : notice.by;
  return { head: `Changed by ${who} while you were editing — your changes are kept; review theirs before saving:`, lines: notice.lines };
}
