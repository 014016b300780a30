/**
 * The annotation use cases of the client, shared by the viewer, the compare view and the inbox:
 * create, edit, delete, confirm or dismiss a suggestion (or undo a dismissal), carry to copies, each
 * answering an `Outcome` instead of throwing, so a page turns every result into one action. A
 * refused write is named in the user's terms: someone changed it meanwhile (409, with the current
 * version, never overwritten), it was deleted elsewhere (404), a suggestion was accepted or
 * dismissed by someone else first (409 handled), a field is invalid (400, per field), or the
 * request failed.
 */
import type { Annotation, CreateAnnotation, PatchAnnotation } from '../../core/model';
import { ApiError, errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { fieldProblems, validationIssues, type FieldProblem } from './validation-messages';

/** Why a use case did not go through. */
export type Problem =
  | { kind: 'conflict'; message: string; current: Annotation }
  | { kind: 'gone'; message: string }
  | { kind: 'handled'; message: string }
  | { kind: 'invalid'; message: string; fields: FieldProblem[] }
  | { kind: 'failed'; message: string };

/** A use case's result. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Said when an edit meets a newer version: it is shown, and the user's edit stays one click away. */
export const CONFLICT_MESSAGE = 'This annotation was changed elsewhere; the current version is shown; your edit was not saved.';
/** Said when a delete meets a newer version. */
export const DELETE_CONFLICT_MESSAGE = 'This annotation was changed elsewhere; the current version is shown; it was not deleted.';

/** What was being done, for the wording of a failure. */
export type Attempt = 'save' | 'delete' | 'confirm' | 'dismiss' | 'undo' | 'carry';

const FAILED_PREFIX: Record<Attempt, string> = {
  save: 'Not saved',
  delete: 'Not deleted',
  confirm: 'Not confirmed',
  dismiss: 'Not dismissed',
  undo: 'Not undone',
  carry: 'Not carried',
};

/** The problem an error stands for, `body` being what was sent (to quote invalid values). Pure. */
export function problemOf(err: unknown, attempt: Attempt, body?: unknown): Problem {
  if (err instanceof ApiError) {
    const current = err.currentAnnotation;
    if (err.status === 409 && current) {
      return { kind: 'conflict', message: attempt === 'delete' ? DELETE_CONFLICT_MESSAGE : CONFLICT_MESSAGE, current };
    }
    if (err.status === 404 && (attempt === 'save' || attempt === 'delete')) {
      return { kind: 'gone', message: attempt === 'delete' ? 'This annotation had already been deleted elsewhere.' : 'This annotation was deleted elsewhere.' };
    }
    if (err.status === 409 && err.code === 'handled') {
      return { kind: 'handled', message: attempt === 'undo' ? 'This suggestion was accepted, so it cannot be offered again: delete its annotation instead.' : 'Someone else accepted or dismissed this suggestion first.' };
    }
    // The server stays the judge of roles: a refusal the page did not foresee (a role changed
    // since it was drawn) is said as such, with the server's reason.
    if (err.status === 403 && err.code === 'forbidden') {
      return { kind: 'failed', message: `${FAILED_PREFIX[attempt]}: your role does not allow it (${err.message}).` };
    }
    const issues = err.status === 400 && err.code === 'invalid' ? validationIssues(err.details) : [];
    if (issues.length > 0) {
      const fields = fieldProblems(issues, body);
      return { kind: 'invalid', message: `${FAILED_PREFIX[attempt]}: ${fields.map((f) => f.message).join(' ')}`, fields };
    }
  }
  return { kind: 'failed', message: `${FAILED_PREFIX[attempt]}: ${errorMessage(err)}` };
}

async function attempt<T>(what: Attempt, body: unknown, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    return { ok: false, problem: problemOf(err, what, body) };
  }
}

/** Create an annotation. */
export function createAnnotation(body: CreateAnnotation): Promise<Outcome<Annotation>> {
  return attempt('save', body, () => api.createAnnotation(body));
}

/** Edit annotation `id`; `body.revision` is the version the edit is based on. */
export function editAnnotation(id: string, body: PatchAnnotation): Promise<Outcome<Annotation>> {
  return attempt('save', body, () => api.patchAnnotation(id, body));
}

/** Delete `a` as the user saw it (its revision). */
export function deleteAnnotation(a: Pick<Annotation, 'id' | 'revision'>): Promise<Outcome<void>> {
  return attempt('delete', undefined, () => api.deleteAnnotation(a.id, a.revision));
}

/** Accept suggestion `id`: it becomes an annotation in `set` (an inconsistency, a claim or a typo note, by category). */
export function confirmSuggestion(id: string, set: string): Promise<Outcome<Annotation>> {
  return attempt('confirm', undefined, () => api.confirmSuggestion(id, { set }));
}

/** Drop suggestion `id` for good. */
export function dismissSuggestion(id: string): Promise<Outcome<void>> {
  return attempt('dismiss', undefined, () => api.dismissSuggestion(id));
}

/** Offer dismissed suggestion `id` again. */
export function undoSuggestion(id: string): Promise<Outcome<void>> {
  return attempt('undo', undefined, () => api.undoSuggestion(id));
}

/** Repeat annotation `id` on the copies of its passages, or link them in one reuse record. */
export function carryAnnotation(id: string, mode: api.CarryMode): Promise<Outcome<Annotation[]>> {
  return attempt('carry', undefined, () => api.carryAnnotation(id, mode));
}
