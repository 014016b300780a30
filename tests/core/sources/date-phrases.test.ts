/** Dates found near the top of an article: datelines and date phrases, checked to exist. */
import { describe, expect, it } from 'vitest';
import { findDate, parseDate, yearFromUrl } from '../../../core/sources/date-phrases';

describe('findDate', () => {
  it('reads the usual date phrases', () => {
    expect(findDate('Headline\n\nNovember 01, 2011\n\nDear Members')).toBe('2011-11-01');
    expect(findDate('Posted Tuesday, Nov. 1, 2011 at 9:00')).toBe('2011-11-01');
    expect(findDate('Published 1 Nov 2011')).toBe('2011-11-01');
    expect(findDate('Updated 3rd September, 2014, 10:04')).toBe('2014-09-03');
    expect(findDate('Sept. 30, 2014')).toBe('2014-09-30');
    expect(findDate('Last updated 2011-11-01T10:00:00Z')).toBe('2011-11-01');
  });

  it('takes the first date near the top, so a later date in the story does not win', () => {
    expect(findDate('Title\n\nMarch 3, 2020\n\nThe treaty of May 5, 1999 was cited.')).toBe('2020-03-03');
  });

  it('reads datelines, completing a missing year only from a hint or another date', () => {
    expect(findDate('WASHINGTON, Nov. 3, 2011 (Reuters) - Officials said')).toBe('2011-11-03');
    expect(findDate('WASHINGTON, Nov. 3 (Reuters) - Officials said')).toBeUndefined();
    expect(findDate('WASHINGTON, Nov. 3 (Reuters) - Officials said', 2011)).toBe('2011-11-03');
    expect(findDate('By staff\nLONDON, Sept. 30 (AP) — The\nFiled October 1, 2014')).toBe('2014-09-30');
    expect(findDate('NEW YORK, May 2 (Reuters) - x', 2019)).toBe('2019-05-02');
  });

  it('does not take ordinary words or impossible days for dates', () => {
    expect(findDate('They may 5 times have tried; in April we wait.')).toBeUndefined();
    expect(findDate('April 31, 2011')).toBeUndefined();
    expect(findDate('2011-02-30 and 2011-13-01')).toBeUndefined();
    expect(findDate('Call 11/01/2011')).toBeUndefined();
    expect(findDate('(see GSN, Aug. 9)')).toBeUndefined();
  });

  it('looks only near the top of the text', () => {
    const filler = 'Paragraph of words.\n\n'.repeat(200);
    expect(findDate(`${filler}November 01, 2011`)).toBeUndefined();
  });
});

describe('parseDate and yearFromUrl', () => {
  it('reads metadata dates as written, in the page’s own time zone', () => {
    expect(parseDate('2015-07-22T23:30:00-04:00')).toBe('2015-07-22');
    expect(parseDate('  July 22, 2015 ')).toBe('2015-07-22');
    expect(parseDate('yesterday')).toBeUndefined();
  });

  it('finds the year of a news URL path', () => {
    expect(yearFromUrl('https://example.org/news/2011/11/03/story')).toBe(2011);
    expect(yearFromUrl('https://example.org/2011-11-03-story')).toBe(2011);
    expect(yearFromUrl('https://example.org/story-2011')).toBeUndefined();
    expect(yearFromUrl(undefined)).toBeUndefined();
  });
});
