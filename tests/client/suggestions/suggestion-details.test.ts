/**
 * What a suggestion says to the reader (pure): the evidence lines of each category (a claim's
 * claimant and checkable words, a typo's correction and other spellings, what each source says of a
 * difference), what accepting makes (the server's rule), and a short passage quoted with the words
 * around it, cut at word boundaries.
 */
import { describe, expect, it } from 'vitest';
import { acceptOutcome, categoryLabel, CATEGORY_ORDER, evidenceItems, passageInContext } from '../../../client/suggestions/suggestion-details';
import { SUGGESTION_CATEGORIES } from '../../../core/inconsistency/types';
import { ATTRIBUTION, CLAIM, CONTEXT, TEXT_A, TITLE_VARIANT, TYPO, UNNAMED_CLAIM, titleOf } from './suggestion-fixtures';

describe('evidenceItems', () => {
  it('gives a claim candidate’s claimant and its checkable words once each', () => {
    expect(evidenceItems(CLAIM, titleOf)).toEqual([
      { label: 'Claimant', value: 'Ellen Tauscher' },
      { label: 'Checkable words', value: '“two”, “2009”' },
    ]);
    expect(evidenceItems(UNNAMED_CLAIM, titleOf)[0]).toEqual({ label: 'Claimant', value: 'not named in the text' });
  });

  it('gives the correction of a typo with the other spellings, and of a title that disagrees with its text', () => {
    expect(evidenceItems(TYPO, titleOf)).toEqual([
      { label: 'Correction', value: '“ots” → “its”' },
      { label: 'Other spellings', value: 'outs, oats' },
    ]);
    expect(evidenceItems(TITLE_VARIANT, titleOf)).toEqual([{ label: 'Correction', value: '“Unites” → “United”' }]);
  });

  it('says what each source has of a difference, naming the sources by title', () => {
    expect(evidenceItems(ATTRIBUTION, titleOf)).toEqual([{ label: 'Given to', value: 'Frank A. Rose in “Source A”; Ellen Tauscher in “Source B”' }]);
    expect(evidenceItems(CONTEXT, titleOf)[0].value).toBe('Rose Gottemoeller in “Source A”; Ellen Tauscher in “Source B”');
    expect(evidenceItems({ ...ATTRIBUTION, category: 'number', evidence: [{ source: 'a', value: '18' }, { source: 'z', value: '16' }] }, titleOf)).toEqual([
      { label: 'Numbers', value: '“18” in “Source A”; “16” in “z”' },
    ]);
  });
});

describe('acceptOutcome', () => {
  it('names what accepting makes, by category', () => {
    expect(acceptOutcome(CLAIM)).toBe('Accepting makes an unverified claim given to Ellen Tauscher.');
    expect(acceptOutcome(UNNAMED_CLAIM)).toBe('Accepting makes an unverified claim (the text names no claimant).');
    expect(acceptOutcome(TYPO)).toBe('Accepting makes a note tagged typo with the correction “ots” → “its”.');
    expect(acceptOutcome(CONTEXT)).toBe('Accepting records an inconsistency linking the 2 passages.');
  });

  it('labels every category the server knows, in the inbox’s order', () => {
    expect([...CATEGORY_ORDER].sort()).toEqual([...SUGGESTION_CATEGORIES].sort());
    expect(SUGGESTION_CATEGORIES.every((c) => categoryLabel(c) !== c)).toBe(true);
    expect(categoryLabel('something-new')).toBe('something-new');
  });
});

describe('passageInContext', () => {
  const target = TYPO.targets[0];

  it('quotes a short passage with whole words around it, marking the cuts', () => {
    const ctx = passageInContext(TEXT_A, target, 20);
    expect(ctx.exact).toBe('ots');
    expect(`${ctx.before}[${ctx.exact}]${ctx.after}`).toBe('…accept limits on [ots] ability to defend…');
  });

  it('adds no ellipsis where the text itself starts or ends', () => {
    const start = passageInContext(TEXT_A, { start: 0, end: 3, exact: 'The' }, 12);
    expect(start.before).toBe('');
    expect(start.after).toBe(' US has made…');
    const end = passageInContext(TEXT_A, { start: TEXT_A.length - 5, end: TEXT_A.length, exact: 'said.' }, 200);
    expect(end.after).toBe('');
    expect(end.before.startsWith('The US')).toBe(true);
  });

  it('keeps long passages, unknown texts and texts that no longer hold the passage alone', () => {
    const alone = { before: '', exact: 'ots', after: '' };
    expect(passageInContext(undefined, target)).toEqual(alone);
    expect(passageInContext(TEXT_A.replace('ots', 'its'), target)).toEqual(alone);
    const long = { start: 0, end: 90, exact: TEXT_A.slice(0, 90) };
    expect(passageInContext(TEXT_A, long)).toEqual({ before: '', exact: long.exact, after: '' });
  });

  it('puts a passage spread over lines on one line', () => {
    const text = 'First line ends here\nand the tody word\nstarts the last line';
    const ctx = passageInContext(text, { start: text.indexOf('tody'), end: text.indexOf('tody') + 4, exact: 'tody' }, 20);
    expect(ctx.before).toBe('…ends here and the ');
    expect(ctx.after).toBe(' word starts the…');
  });
});
