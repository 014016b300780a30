import { describe, expect, it } from 'vitest';
import { inconsistencyBody } from '../../../client/compare/inconsistency-dialog';
import { similarityPercent, snippet } from '../../../client/compare/passage-list';

describe('similarityPercent', () => {
  it('rounds to whole percents', () => {
    expect(similarityPercent(0.874)).toBe('87%');
    expect(similarityPercent(1)).toBe('100%');
  });

  it('never shows a near-copy as 100%', () => {
    expect(similarityPercent(0.998)).toBe('99%');
  });
});

describe('snippet', () => {
  it('collapses whitespace and keeps short text whole', () => {
    expect(snippet('  two\n\nlines  ')).toBe('two lines');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const s = snippet('Deputy Assistant Secretary Frank A. Rose discussed US efforts to pursue cooperation', 40);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(41);
    expect('Deputy Assistant Secretary Frank A. Rose discussed'.startsWith(s.slice(0, -1))).toBe(true);
  });
});

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
