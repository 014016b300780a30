/**
 * The annotation form's parsing rules (tags comma separated, evidence one per line) and the bodies
 * it sends: a claim carries claim details, a note must not (the server rejects that).
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { CreateAnnotation, PatchAnnotation } from '../../../core/model';
import { emptyValues, parseEvidence, toCreateBody, toPatchBody, valuesOf } from '../../../client/sidebar/form-values';

const TARGET = { source: 'gsn-x', start: 3, end: 9, exact: 'Russia' };

const CLAIM: Annotation = {
  id: 'a_1', revision: 4, created: '2024-01-01T00:00:00Z', modified: '2024-01-02T00:00:00Z', creator: 'me',
  set: 'checks', kind: 'claim', targets: [{ ...TARGET, prefix: '', suffix: '' }],
  tags: ['attribution', 'numbers'], note: 'line one\nline two',
  claim: { claimant: 'Frank Rose', verdict: 'mostly-false', evidence: ['https://a.example', 'https://b.example'] },
};

describe('parseEvidence', () => {
  it('takes one link per line, trimmed, skipping blank lines and CRLF endings', () => {
    expect(parseEvidence('https://a.example\r\n\r\n   https://b.example  \n\n')).toEqual(['https://a.example', 'https://b.example']);
  });
});

describe('valuesOf / bodies', () => {
  it('round-trips an annotation through the form values', () => {
    const v = valuesOf(CLAIM);
    expect(v).toEqual({
      set: 'checks', tags: 'attribution, numbers', note: 'line one\nline two',
      claimant: 'Frank Rose', verdict: 'mostly-false', evidence: 'https://a.example\nhttps://b.example',
    });
    const patch = toPatchBody('claim', CLAIM.revision, v);
    expect(patch).toEqual({ revision: 4, set: 'checks', tags: CLAIM.tags, note: CLAIM.note, claim: CLAIM.claim });
    expect(PatchAnnotation.safeParse(patch).success).toBe(true);
  });

  it('creates a claim with claim details that the server schema accepts', () => {
    const body = toCreateBody('claim', TARGET, { ...emptyValues('default'), claimant: '  Rose ', verdict: 'false', tags: 'a, b' });
    expect(body).toEqual({ set: 'default', kind: 'claim', targets: [TARGET], tags: ['a', 'b'], note: '', claim: { claimant: 'Rose', verdict: 'false', evidence: [] } });
    expect(CreateAnnotation.safeParse(body).success).toBe(true);
  });

  it('creates a note without claim details (the schema refuses claim details on a note)', () => {
    const body = toCreateBody('note', TARGET, { ...emptyValues('default'), claimant: 'ignored', note: 'n' });
    expect(body.claim).toBeUndefined();
    expect(CreateAnnotation.safeParse(body).success).toBe(true);
    expect(toPatchBody('note', 2, valuesOf({ ...CLAIM, kind: 'note', claim: undefined })).claim).toBeUndefined();
  });
});
