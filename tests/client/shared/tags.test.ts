/** Comma separated tags as the user types them. */
import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../client/shared/tags';

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
