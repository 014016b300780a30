/**
 * How a refused request reads to the user (problemOf): a conflict carries the current version and
 * never overwrites, a delete of something gone is said so, a validation report is said per field,
 * and anything else names what was not done and why.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { CONFLICT_MESSAGE, DELETE_CONFLICT_MESSAGE, problemOf } from '../../../client/annotations/annotation-actions';
import { ApiError } from '../../../client/api/api-error';

const current = { id: 'a_1', revision: 4 } as Annotation;

describe('problemOf', () => {
  it('turns a 409 with the current version into a conflict', () => {
    expect(problemOf(new ApiError(409, 'conflict', 'x', { current }), 'save')).toEqual({ kind: 'conflict', message: CONFLICT_MESSAGE, current });
    expect(problemOf(new ApiError(409, 'conflict', 'x', { current }), 'delete')).toEqual({ kind: 'conflict', message: DELETE_CONFLICT_MESSAGE, current });
  });

  it('says when the annotation is gone', () => {
    expect(problemOf(new ApiError(404, 'not_found', 'x'), 'delete')).toEqual({ kind: 'gone', message: 'This annotation had already been deleted elsewhere.' });
    expect(problemOf(new ApiError(404, 'not_found', 'x'), 'save').kind).toBe('gone');
    // A missing suggestion is not an annotation deleted elsewhere.
    expect(problemOf(new ApiError(404, 'not_found', 'suggestion "s" does not exist'), 'confirm')).toEqual({ kind: 'failed', message: 'Not confirmed: suggestion "s" does not exist' });
  });

  it('says a validation report per field', () => {
    const err = new ApiError(400, 'invalid', 'the request body is invalid: note: Too big', { issues: [{ path: 'note', message: 'Too big: expected string to have <=20000 characters' }] });
    expect(problemOf(err, 'save', { note: 'x' })).toEqual({
      kind: 'invalid',
      message: 'Not saved: The note is too long: at most 20,000 characters are allowed.',
      fields: [{ field: 'note', message: 'The note is too long: at most 20,000 characters are allowed.' }],
    });
  });

  it('says when someone else decided a suggestion first, and why an accepted one cannot be offered again', () => {
    const err = new ApiError(409, 'handled', 'suggestion "s" was accepted or dismissed already');
    expect(problemOf(err, 'confirm')).toEqual({ kind: 'handled', message: 'Someone else accepted or dismissed this suggestion first.' });
    expect(problemOf(err, 'undo').message).toMatch(/^This suggestion was accepted, so it cannot be offered again/);
    // A conflict on an annotation is not a decided suggestion.
    expect(problemOf(new ApiError(409, 'exists', 'x'), 'confirm').kind).toBe('failed');
  });

  it('says a refusal for the role as such, with the server’s reason', () => {
    const err = new ApiError(403, 'forbidden', 'annotation "a_1" was created by bob; to edit annotations created by others takes the editor role (ana is annotator)');
    expect(problemOf(err, 'save')).toEqual({ kind: 'failed', message: `Not saved: your role does not allow it (${err.message}).` });
  });

  it('names what was not done for any other failure', () => {
    expect(problemOf(new ApiError(0, 'network', 'Could not reach the server (refused)'), 'carry')).toEqual({ kind: 'failed', message: 'Not carried: Could not reach the server (refused)' });
    expect(problemOf(new Error('boom'), 'dismiss')).toEqual({ kind: 'failed', message: 'Not dismissed: boom' });
  });
});
