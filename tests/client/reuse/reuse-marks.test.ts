/**
 * Turning aligned passages into marks on the open source: which side is "this" one, grouping copies
 * of one span, boilerplate, spans that do not fit, and stepping through the marks.
 */
import { describe, expect, it } from 'vitest';
import type { ReusePassage } from '../../../core/model';
import { copiesOf, marksAt, marksOverlapping, reuseMarks, stepMark, similarityPercent } from '../../../client/reuse/reuse-marks';

const passage = (a: [string, number, number], b: [string, number, number], words = 10, similarity = 1, boilerplate = false): ReusePassage => ({
  a: { source: a[0], start: a[1], end: a[2] },
  b: { source: b[0], start: b[1], end: b[2] },
  words,
  similarity,
  boilerplate,
});

describe('reuseMarks', () => {
  it('takes the side in this source whichever way round the pair is', () => {
    const marks = reuseMarks([passage(['x', 10, 20], ['me', 30, 40]), passage(['me', 0, 5], ['y', 7, 12], 3, 0.8)], 'me', 100);
    expect(marks.map((m) => [m.start, m.end, m.copies.map((c) => `${c.source}:${c.start}-${c.end}`)])).toEqual([
      [0, 5, ['y:7-12']],
      [30, 40, ['x:10-20']],
    ]);
    expect(marks[0].copies[0]).toMatchObject({ words: 3, similarity: 0.8, boilerplate: false });
  });

  it('groups the copies of one span into one mark, most similar first', () => {
    const marks = reuseMarks([passage(['me', 0, 50], ['x', 0, 50], 8, 0.9), passage(['y', 5, 55], ['me', 0, 50], 9, 1)], 'me', 100);
    expect(marks).toHaveLength(1);
    expect(marks[0].copies.map((c) => c.source)).toEqual(['y', 'x']);
    expect(marks[0].words).toBe(9);
  });

  it('is boilerplate only when every copy is', () => {
    const mixed = reuseMarks([passage(['me', 0, 50], ['x', 0, 50], 8, 1, true), passage(['me', 0, 50], ['y', 0, 50], 8, 1, false)], 'me', 100);
    expect(mixed[0].boilerplate).toBe(false);
    const pure = reuseMarks([passage(['me', 0, 50], ['x', 0, 50], 8, 1, true)], 'me', 100);
    expect(pure[0].boilerplate).toBe(true);
  });

  it('leaves out spans outside the text and passages of other sources, and marks both sides of a repeat within one source', () => {
    const marks = reuseMarks([passage(['me', 90, 120], ['x', 0, 30]), passage(['x', 0, 9], ['y', 0, 9]), passage(['me', 0, 10], ['me', 40, 50])], 'me', 100);
    expect(marks.map((m) => [m.start, m.copies[0].start])).toEqual([[0, 40], [40, 0]]);
  });

  it('orders overlapping marks by start, the longer first at equal starts', () => {
    const marks = reuseMarks([passage(['me', 10, 20], ['x', 0, 10]), passage(['me', 10, 60], ['y', 0, 50]), passage(['me', 5, 15], ['z', 0, 10])], 'me', 100);
    expect(marks.map((m) => [m.start, m.end])).toEqual([[5, 15], [10, 60], [10, 20]]);
  });
});

describe('finding and stepping through marks', () => {
  const marks = reuseMarks([passage(['me', 10, 60], ['y', 0, 50]), passage(['me', 20, 30], ['x', 0, 10], 2, 0.5), passage(['me', 70, 80], ['x', 20, 30])], 'me', 100);

  it('lists the marks under an offset innermost first, end exclusive', () => {
    expect(marksAt(marks, 25).map((i) => [marks[i].start, marks[i].end])).toEqual([[20, 30], [10, 60]]);
    expect(marksAt(marks, 60)).toEqual([]);
    expect(marksAt(marks, 10)).toHaveLength(1);
  });

  it('finds marks overlapping a range', () => {
    expect(marksOverlapping(marks, 60, 70)).toEqual([]);
    expect(marksOverlapping(marks, 59, 71).map((i) => marks[i].start)).toEqual([10, 70]);
  });

  it('collects copies of several marks once, most similar first', () => {
    expect(copiesOf(marks, marksAt(marks, 25)).map((c) => c.source)).toEqual(['y', 'x']);
  });

  it('steps forward and back with wrap-around, starting at either end', () => {
    expect(stepMark(marks, null, 1)).toBe(0);
    expect(stepMark(marks, null, -1)).toBe(2);
    expect(stepMark(marks, 2, 1)).toBe(0);
    expect(stepMark(marks, 0, -1)).toBe(2);
    expect(stepMark(marks, 1, 1)).toBe(2);
    expect(stepMark([], null, 1)).toBeNull();
  });
});

describe('similarityPercent', () => {
  it('rounds to whole percents', () => {
    expect(similarityPercent(0.874)).toBe('87%');
    expect(similarityPercent(1)).toBe('100%');
  });

  it('never shows a near-copy as 100%', () => {
    expect(similarityPercent(0.998)).toBe('99%');
  });
});
