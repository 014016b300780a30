/** What autocomplete offers: names fitting what was typed, most used first; the tag at the caret; tag lists read. */
import { describe, expect, it } from 'vitest';
import { completions, otherTokens, parseTags, replaceToken, tokenAt } from '../../../client/shared/vocabulary-match';

const NAMES = [
  { name: 'Frank Rose', count: 5 },
  { name: 'Frank A. Rose', count: 2 },
  { name: 'Ellen Tauscher', count: 3 },
  { name: 'Rosemary Frankel', count: 1 },
];

describe('completions', () => {
  it('puts names starting with the text first, then names with a word starting so, then the rest, most used first', () => {
    expect(completions(NAMES, 'fra').map((e) => e.name)).toEqual(['Frank Rose', 'Frank A. Rose', 'Rosemary Frankel']);
    expect(completions(NAMES, 'rose').map((e) => e.name)).toEqual(['Rosemary Frankel', 'Frank Rose', 'Frank A. Rose']);
    expect(completions(NAMES, 'usch').map((e) => e.name)).toEqual(['Ellen Tauscher']);
    expect(completions(NAMES, '').map((e) => e.name)).toEqual(['Frank Rose', 'Ellen Tauscher', 'Frank A. Rose', 'Rosemary Frankel']);
  });

  it('leaves out names chosen already, in any case, and stops at the limit', () => {
    expect(completions(NAMES, 'fr', ['frank rose']).map((e) => e.name)).toEqual(['Frank A. Rose', 'Rosemary Frankel']);
    expect(completions(NAMES, '', [], 2)).toHaveLength(2);
  });
});

describe('the tag at the caret', () => {
  it('finds the entry being typed, completes it and offers the next one', () => {
    const value = 'quote,  attri, dates';
    const token = tokenAt(value, 12);
    expect(token).toEqual({ start: 8, end: 13, text: 'attri' });
    expect(otherTokens(value, token)).toEqual(['quote', 'dates']);
    expect(replaceToken(value, token, 'attribution')).toEqual({ value: 'quote,  attribution, dates', caret: 19 });
    const last = tokenAt('quote, da', 9);
    expect(replaceToken('quote, da', last, 'dates')).toEqual({ value: 'quote, dates, ', caret: 14 });
  });
});

describe('parseTags', () => {
  it('splits at commas, trims, drops empty and duplicate tags', () => {
    expect(parseTags(' attribution,numbers , ,attribution,,  typo ')).toEqual(['attribution', 'numbers', 'typo']);
  });
  it('keeps spaces inside a tag and gives nothing for blank input', () => {
    expect(parseTags('site boilerplate')).toEqual(['site boilerplate']);
    expect(parseTags('  ,  ')).toEqual([]);
  });
  it('drops a repeat that differs only in case, as the server would', () => {
    expect(parseTags('Attribution, attribution, ATTRIBUTION, typo')).toEqual(['Attribution', 'typo']);
  });
});
