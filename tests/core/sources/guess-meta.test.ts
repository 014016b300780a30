/** Guessed metadata for plain text: the headline rather than the masthead, dates, the outlet from a URL. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessCorpusMeta, guessMeta, guessTitle, outletFromUrl } from '../../../core/sources/guess-meta';

const SEEDS = join(import.meta.dirname, '../../../sources');
const seedTexts = new Map(
  readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.slice(0, -4), readFileSync(join(SEEDS, f), 'utf8')]),
);

/** A page of a made-up outlet: its masthead, then a headline and a story. */
function page(headline: string, story: string): string {
  return `Skip to content\n\nThe Valley Ledger\n\nNews you can use since 1921\n\nMenu | Local | Sports | Opinion\n\n${headline}\n\n${story}`;
}

describe('guessTitle', () => {
  it('takes the first headline-like line when there is nothing to compare with', () => {
    expect(guessTitle('Jump to main content\n\nCity Budget Passes After Long Night\n\nThe council...')).toBe('City Budget Passes After Long Night');
  });

  it('skips a breadcrumb that ends in the headline', () => {
    expect(guessTitle('Home World Europe Talks Resume In Geneva\n\nTalks Resume In Geneva\n\nBody.')).toBe('Talks Resume In Geneva');
  });

  it('skips menus, bylines and date lines', () => {
    expect(guessTitle('News | Sports | Weather\n\nBy Ana Lee\n\nNovember 01, 2011\n\nFloods Close Three Bridges\n\nBody')).toBe('Floods Close Three Bridges');
  });
});

describe('guessMeta with other documents', () => {
  it('tells the masthead from the headline by the lines other documents print at their top', () => {
    const a = page('Mill Reopens After Fire Inspection', 'The mill reopened on Monday.');
    const b = page('School Board Picks New Superintendent', 'The board voted on Tuesday.');
    expect(guessMeta(a).title).toBe('The Valley Ledger');
    expect(guessMeta(a, { otherTexts: [b] }).title).toBe('Mill Reopens After Fire Inspection');
    expect(guessCorpusMeta([{ text: a }, { text: b }]).map((g) => g.title)).toEqual([
      'Mill Reopens After Fire Inspection',
      'School Board Picks New Superintendent',
    ]);
  });

  it('keeps the first candidate when every line is shared (one story printed twice)', () => {
    const story = 'Wire Story Headline About Trade\n\nBody of the wire story.';
    expect(guessCorpusMeta([{ text: story }, { text: story }]).map((g) => g.title)).toEqual([
      'Wire Story Headline About Trade',
      'Wire Story Headline About Trade',
    ]);
  });

  it('takes the outlet from the URL host and a dateline year from the URL path', () => {
    const guess = guessMeta('Headline Of The Day Here\n\nBERLIN, March 4 (dpa) - Text.', {
      url: 'https://www.example-news.org/2019/03/04/headline',
    });
    expect(guess.outlet).toBe('example-news.org');
    expect(guess.published).toBe('2019-03-04');
    expect(outletFromUrl('ftp://example.org/x')).toBeUndefined();
    expect(outletFromUrl('not a url')).toBeUndefined();
  });
});

describe('the seed articles without their sidecars', () => {
  const docs = [...seedTexts.values()].map((text) => ({ text }));
  const guesses = new Map([...seedTexts.keys()].map((id, k) => [id, guessCorpusMeta(docs)[k]]));

  it('gives the GSN articles their headlines, not the masthead', () => {
    expect(guesses.get('gsn-us-renews-call-for-russia')?.title).toBe('U.S. Renews Call for Russia to Participate in Missile Shield');
    expect(guesses.get('gsn-russia-could-receive-pledge')?.title).toBe('Russia Could Receive NATO Antimissile Security Pledge, France Says');
  });

  it('finds the MDAA paper’s “November 01, 2011” and no date where the top has none', () => {
    expect(guesses.get('mdaa-russian-cooperation-white-paper')?.published).toBe('2011-11-01');
    expect(guesses.get('gsn-us-renews-call-for-russia')?.published).toBeUndefined();
  });

  it('gives the NewsBlaze articles their headlines past the breadcrumb', () => {
    expect(guesses.get('newsblaze-will-us-plans-undercut-russia')?.title).toBe('Will US Missile Defense Plans Undercut Russia’s National Security?');
    expect(guesses.get('newsblaze-us-pursues-cooperation')?.title).toBe('US Pursues Missile Defense Cooperation With Russia');
  });
});
