/**
 * The inconsistency draft's list operations and the reading of a stored draft.
 */
import { describe, expect, it } from 'vitest';
import { addPassage, EMPTY_DRAFT, isComplete, parseDraft, removePassage, type DraftPassage } from '../../../client/reuse/inconsistency-draft';

const p = (source: string, start: number, end: number): DraftPassage => ({ source, title: source.toUpperCase(), start, end, exact: 'x'.repeat(end - start) });

describe('inconsistency draft', () => {
  it('adds passages in order, once each, and removes by index', () => {
    let d = addPassage(EMPTY_DRAFT, p('a', 0, 4));
    expect(isComplete(d)).toBe(false);
    d = addPassage(d, p('b', 2, 6));
    expect(addPassage(d, p('a', 0, 4))).toBe(d);
    d = addPassage(d, p('a', 0, 5));
    expect(d.passages.map((x) => `${x.source}:${x.end}`)).toEqual(['a:4', 'b:6', 'a:5']);
    expect(isComplete(d)).toBe(true);
    expect(removePassage(d, 1).passages.map((x) => x.source)).toEqual(['a', 'a']);
    expect(EMPTY_DRAFT.passages).toEqual([]);
  });

  it('reads back a stored draft and drops what is malformed', () => {
    const good = p('a', 1, 3);
    expect(parseDraft(JSON.stringify({ passages: [good, { source: 'b', start: 5, end: 2, title: 'B', exact: '' }, 'junk'] }))).toEqual({ passages: [good] });
    expect(parseDraft('{not json')).toEqual(EMPTY_DRAFT);
    expect(parseDraft(null)).toEqual(EMPTY_DRAFT);
    expect(parseDraft('{"passages": 3}')).toEqual({ passages: [] });
  });
});
