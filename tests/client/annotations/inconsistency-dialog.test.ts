/** The POST body of the link dialog: an inconsistency targeting each chosen passage in order. */
import { describe, expect, it } from 'vitest';
import { inconsistencyBody, linkBody } from '../../../client/annotations/inconsistency-dialog';

describe('inconsistencyBody', () => {
  it('targets both selections in left, right order', () => {
    const body = inconsistencyBody(
      { source: 'a', title: 'A', span: { start: 1, end: 4, exact: 'abc' } },
      { source: 'b', title: 'B', span: { start: 7, end: 9, exact: 'de' } },
      { set: 'default', note: 'n', tags: ['date'] },
    );
    expect(body).toEqual({
      kind: 'inconsistency',
      set: 'default',
      targets: [
        { source: 'a', start: 1, end: 4, exact: 'abc' },
        { source: 'b', start: 7, end: 9, exact: 'de' },
      ],
      tags: ['date'],
      note: 'n',
    });
  });
});

describe('linkBody', () => {
  it('refuses fewer than two passages', () => {
    expect(() => linkBody([{ source: 'a', title: 'A', span: { start: 1, end: 4, exact: 'abc' } }], { set: 'default', note: '', tags: [] })).toThrow(RangeError);
  });
});
