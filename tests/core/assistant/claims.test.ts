import { describe, it, expect } from 'vitest';
import { buildCorpus, findClaimCandidates } from '../../../core/assistant';
import type { ReusePassage } from '../../../core/model/schemas';
import { PLEDGE, PURSUES, RENEWS, UNDERCUT, exactEverywhere, shipped, targeting, targets } from './fixtures';

const sources = [shipped(RENEWS), shipped(PURSUES), shipped(UNDERCUT), shipped(PLEDGE)];
const found = findClaimCandidates(buildCorpus(sources));

describe('claim candidates on the shipped sources', () => {
  it('finds the statements a desk checks first: amounts, counts, schedules and status', () => {
    for (const quote of [
      'in excess of $1 billion',
      'the maximum of 18 permitted inspections',
      'more than 2,000 notifications',
      'slated to wrap up in 2020',
      'in force for more than a year now',
    ]) {
      const s = targeting(found, quote);
      expect(s.category).toBe('claim');
      expect(s.score).toBeGreaterThanOrEqual(0.5);
      expect(s.score).toBeLessThanOrEqual(1);
    }
  });

  it('pre-fills the claimant from the attribution cues', () => {
    expect(targeting(found, 'in excess of $1 billion').claim?.claimant).toBe('Frank Rose');
    // "He cites that …" resolves to the article's speaker.
    expect(targeting(found, 'June 18 Joint Statement').claim?.claimant).toBe('Frank A. Rose');
    // An unattributed statement has an empty claimant, not a guessed one.
    expect(targeting(found, 'the maximum of 18 permitted inspections').claim?.claimant).toBe('');
  });

  it('names what is checkable and the source by title in the summary, with the cue words as evidence', () => {
    const s = targeting(found, 'in excess of $1 billion');
    expect(s.summary).toContain('“U.S. Renews Call for Russia to Participate in Missile Shield”');
    expect(s.summary).toContain('amount');
    expect(s.summary).toContain('$1 billion');
    expect(s.evidence.some((e) => e.value === '$1 billion')).toBe(true);
    expect(s.tags).toContain('claim');
  });

  it('leaves opinions, quotations without checkable content and reporting dates alone', () => {
    expect(targets(found, 'This is too important an opportunity to let it pass by')).toBe(false);
    expect(targets(found, 'Russia is not being asked to blindly trust us.')).toBe(false);
    expect(targets(found, 'Missile defense is the big new idea in European security.')).toBe(false);
    // "on Wednesday said" dates the reporting, not the claim.
    expect(targets(found, "France's top diplomat on Wednesday said")).toBe(false);
  });

  it('quotes every target exactly and gives one candidate per sentence with a stable id', () => {
    expect(exactEverywhere(found, sources)).toBe(true);
    expect(new Set(found.map((s) => s.id)).size).toBe(found.length);
    const again = findClaimCandidates(buildCorpus([...sources].reverse()));
    expect(new Set(again.map((s) => s.id))).toEqual(new Set(found.map((s) => s.id)));
  });

  it('skips site chrome that reuse detection flagged as boilerplate', () => {
    const chrome = 'GSN ceased publication on July 31, 2014.';
    expect(targets(found, chrome)).toBe(true);
    const at = (id: string) => sources.find((s) => s.id === id)!.text.indexOf(chrome);
    const passage: ReusePassage = {
      a: { source: PLEDGE, start: at(PLEDGE), end: at(PLEDGE) + chrome.length },
      b: { source: RENEWS, start: at(RENEWS), end: at(RENEWS) + chrome.length },
      words: 8,
      similarity: 1,
      boilerplate: true,
    };
    expect(targets(findClaimCandidates(buildCorpus(sources), { passages: [passage] }), chrome)).toBe(false);
  });
});

describe('claim candidates on new texts', () => {
  const text = [
    'Harbour council approves £48m sea wall',
    '',
    'The council voted 31 to 12 on Tuesday to borrow £48 million for a new sea wall, the largest project in its history.',
    'The wall will be finished by March 2028, the council said.',
    'Rain fell softly on the harbour as the fishing boats came in.',
    'Frankly, the plan is a good idea and people should support it.',
    '"We have waited long enough," said resident Maya Okafor.',
    'Council leader Tom Brierley said the levy would raise about 8 percent of the cost.',
    'Did anyone ask the fishermen?',
  ].join('\n');
  const source = { id: 'harbour', text, title: 'Harbour council approves £48m sea wall' };
  const got = findClaimCandidates(buildCorpus([source]));

  it('proposes votes, amounts, rankings, deadlines and percentages', () => {
    expect(targets(got, 'voted 31 to 12')).toBe(true);
    expect(targeting(got, 'voted 31 to 12').tags).toEqual(expect.arrayContaining(['money', 'ranking']));
    expect(targets(got, 'finished by March 2028')).toBe(true);
    expect(targeting(got, 'about 8 percent').claim?.claimant).toBe('Tom Brierley');
    expect(targets(got, 'Harbour council approves £48m sea wall')).toBe(true);
  });

  it('does not propose scene-setting, opinion, a bare quotation or a question', () => {
    expect(targets(got, 'Rain fell softly')).toBe(false);
    expect(targets(got, 'the plan is a good idea')).toBe(false);
    expect(targets(got, 'We have waited long enough')).toBe(false);
    expect(targets(got, 'Did anyone ask')).toBe(false);
  });

  it('scores a sentence with several cues above one with a single weak cue', () => {
    const strong = targeting(got, 'voted 31 to 12').score!;
    const single = targeting(got, 'finished by March 2028').score!;
    expect(strong).toBeGreaterThan(single);
    const lower = findClaimCandidates(buildCorpus([source]), { minScore: 0.95 });
    expect(lower.every((s) => s.score! >= 0.95)).toBe(true);
    expect(lower.length).toBeLessThan(got.length);
  });
});
