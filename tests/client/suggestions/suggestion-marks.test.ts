/**
 * The margin marks of one source (pure): one per passage a suggestion has there, in text order,
 * leaving out other sources and spans that do not fit the text; stepping from mark to mark, wrapping,
 * and starting where the reader is.
 */
import { describe, expect, it } from 'vitest';
import {
  firstMarkOf,
  markKey,
  stepSuggestionMark,
  suggestionMarks,
  suggestionOfMark,
} from '../../../client/suggestions/suggestion-marks';
import { ATTRIBUTION, CLAIM, CONTEXT, TITLE_VARIANT, TYPO } from './suggestion-fixtures';

const LENGTH = 600;

describe('suggestionMarks', () => {
  it('marks each passage in the source, in text order, and nothing elsewhere', () => {
    const marks = suggestionMarks([ATTRIBUTION, TYPO, CLAIM, CONTEXT, TITLE_VARIANT], 'a', LENGTH);
    expect(marks.map((m) => [m.key, m.start])).toEqual([
      [markKey('sug_claim', 0), 0],
      [markKey('inc_attr', 0), 50],
      [markKey('sug_typo', 0), 59],
      [markKey('sug_context', 0), 60],
    ]);
    // The second source of a difference gets its own mark, with the target's index in its key.
    expect(suggestionMarks([ATTRIBUTION, TITLE_VARIANT], 'b', LENGTH).map((m) => m.key)).toEqual(['inc_attr#1', 'sug_title#0', 'sug_title#1']);
  });

  it('leaves out passages that do not fit the text', () => {
    expect(suggestionMarks([TITLE_VARIANT], 'b', 100).map((m) => m.key)).toEqual(['sug_title#0']);
    const empty = { ...TYPO, targets: [{ ...TYPO.targets[0], end: TYPO.targets[0].start }] };
    expect(suggestionMarks([empty], 'a', LENGTH)).toEqual([]);
  });

  it('tells the suggestion of a mark, whatever its id holds', () => {
    expect(suggestionOfMark(markKey('sug_x#y', 3))).toBe('sug_x#y');
    expect(firstMarkOf(suggestionMarks([TITLE_VARIANT], 'b', LENGTH), 'sug_title')).toBe('sug_title#0');
    expect(firstMarkOf([], 'sug_title')).toBeNull();
  });
});

describe('stepping through the marks', () => {
  const marks = suggestionMarks([ATTRIBUTION, TYPO, CLAIM, CONTEXT], 'a', LENGTH);
  const keys = marks.map((m) => m.key);

  it('goes to the next and previous mark, wrapping at the ends', () => {
    expect(stepSuggestionMark(marks, keys[1], 1)).toBe(keys[2]);
    expect(stepSuggestionMark(marks, keys[3], 1)).toBe(keys[0]);
    expect(stepSuggestionMark(marks, keys[0], -1)).toBe(keys[3]);
  });

  it('starts from where the reader is when no mark is open (or the open one is gone)', () => {
    expect(stepSuggestionMark(marks, null, 1)).toBe(keys[0]);
    expect(stepSuggestionMark(marks, null, 1, 55)).toBe(keys[2]);
    expect(stepSuggestionMark(marks, null, -1, 55)).toBe(keys[1]);
    expect(stepSuggestionMark(marks, 'gone#0', 1, 500)).toBe(keys[0]);
    expect(stepSuggestionMark(marks, null, -1, 0)).toBe(keys[3]);
    expect(stepSuggestionMark([], null, 1)).toBeNull();
  });
});
