/**
 * The server's validation report (`400 invalid`, `details.issues`) in the user's words, next to the
 * field it concerns: the messages zod gives for the annotation schemas, with the value quoted.
 */
import { describe, expect, it } from 'vitest';
import { CreateAnnotation } from '../../../core/model';
import { fieldProblems, validationIssues } from '../../../client/annotations/validation-messages';

/** The issues the shared schema reports for `body`, as the server would send them. */
function issuesOf(body: unknown) {
  const result = CreateAnnotation.safeParse(body);
  if (result.success) throw new Error('expected the body to be refused');
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('fieldProblems', () => {
  it('says which tag, note, claimant or evidence line is wrong, and how, quoting the value', () => {
    const body = {
      kind: 'claim', targets: [{ source: 'x', start: 0, end: 2, exact: 'ab' }],
      tags: ['fine', 'y'.repeat(70)], note: 'n'.repeat(20_001),
      claim: { claimant: 'c'.repeat(201), verdict: 'false', evidence: ['https://a.example', '', 'javascript:alert(1)'] },
    };
    expect(fieldProblems(issuesOf(body), body)).toEqual([
      { field: 'tags', message: 'Tag 2 (“yyyyyyyyyyyyyyyyyyyyyyyy…”) is too long: at most 64 characters are allowed.' },
      { field: 'note', message: 'The note is too long: at most 20,000 characters are allowed.' },
      { field: 'claimant', message: 'The claimant is too long: at most 200 characters are allowed.' },
      { field: 'evidence', message: 'Evidence line 2 is empty: remove it or write something.' },
      { field: 'evidence', message: 'Evidence line 3 (“javascript:alert(1)”) must be an absolute http:// or https:// URL.' },
    ]);
  });

  it('names lists that are too long, set names the schema refuses, and problems without a field', () => {
    const tooMany = { kind: 'note', targets: [{ source: 'x', start: 0, end: 2, exact: 'ab' }], tags: Array.from({ length: 51 }, (_, i) => `t${i}`) };
    expect(fieldProblems(issuesOf(tooMany), tooMany)).toEqual([{ field: 'tags', message: 'The tags has too many entries: at most 50 are allowed.' }]);
    const badSet = { kind: 'note', set: 'a/b', targets: [{ source: 'x', start: 0, end: 2, exact: 'ab' }] };
    expect(fieldProblems(issuesOf(badSet), badSet)[0]).toMatchObject({ field: 'set', message: expect.stringMatching(/^The set name must start with a letter or digit/) });
    expect(fieldProblems([{ path: '', message: 'Something else' }])).toEqual([{ field: null, message: 'This annotation something else.' }]);
    expect(fieldProblems([{ path: 'targets.0.end', message: 'end must be greater than start' }])).toEqual([{ field: 'passage', message: 'The selected passage end must be greater than start.' }]);
  });
});

describe('validationIssues', () => {
  it('reads the documented shape and tolerates others', () => {
    expect(validationIssues({ issues: [{ path: 'note', message: 'm' }, { path: ['tags', 1], message: 'n' }, { path: 'x' }, 7] })).toEqual([
      { path: 'note', message: 'm' },
      { path: 'tags.1', message: 'n' },
    ]);
    expect(validationIssues(undefined)).toEqual([]);
    expect(validationIssues({ issues: 'no' })).toEqual([]);
  });
});
