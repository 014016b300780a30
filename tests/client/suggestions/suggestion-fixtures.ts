/**
 * Named suggestions of every shape the server lists (a claim candidate with and without a claimant,
 * a typo with other spellings, a title that disagrees with its text, a difference between copies, a
 * context shift), for the unit tests of the inbox and the margin marks.
 */
import type { Suggestion } from '../../../core/inconsistency/types';

export const TEXT_A = 'The US has made it clear that it will not accept limits on ots ability to defend itself, he said.';

const at = (text: string, phrase: string) => text.indexOf(phrase);

export const CLAIM: Suggestion = {
  id: 'sug_claim',
  category: 'claim',
  summary: 'Checkable figure in “Source A”: “two”, given to Ellen Tauscher',
  targets: [{ source: 'a', start: 0, end: 40, exact: TEXT_A.slice(0, 40) }],
  evidence: [{ source: 'a', value: 'two', start: 3, end: 6 }, { source: 'a', value: 'two', start: 20, end: 23 }, { source: 'a', value: '2009', start: 30, end: 34 }],
  tags: ['claim', 'figure'],
  score: 0.853,
  claim: { claimant: 'Ellen Tauscher' },
};

export const UNNAMED_CLAIM: Suggestion = { ...CLAIM, id: 'sug_unnamed', claim: { claimant: '' }, targets: [{ source: 'b', start: 5, end: 30, exact: 'x'.repeat(25) }] };

export const TYPO: Suggestion = {
  id: 'sug_typo',
  category: 'typo',
  summary: 'Possible typo in “Source A”: “ots”, perhaps “its”',
  targets: [{ source: 'a', start: at(TEXT_A, 'ots'), end: at(TEXT_A, 'ots') + 3, exact: 'ots' }],
  evidence: [{ source: 'a', value: 'ots', start: at(TEXT_A, 'ots'), end: at(TEXT_A, 'ots') + 3 }, { source: 'a', value: 'its' }, { source: 'a', value: 'outs' }, { source: 'a', value: 'oats' }],
  tags: ['typo'],
};

export const TITLE_VARIANT: Suggestion = {
  id: 'sug_title',
  category: 'name-variant',
  summary: 'The title of “Source B” writes “Unites States”, its text “United States”',
  targets: [{ source: 'b', start: 29, end: 35, exact: 'Unites' }, { source: 'b', start: 542, end: 555, exact: 'United States' }],
  evidence: [{ source: 'b', value: 'Unites', start: 29, end: 35 }, { source: 'b', value: 'United', start: 542, end: 548 }],
  tags: ['typo', 'name-variant'],
};

export const ATTRIBUTION: Suggestion = {
  id: 'inc_attr',
  category: 'attribution',
  summary: 'Statement given to Frank A. Rose in “Source A” and to Ellen Tauscher in “Source B”',
  targets: [{ source: 'a', start: 50, end: 90, exact: 'y'.repeat(40) }, { source: 'b', start: 10, end: 50, exact: 'z'.repeat(40) }],
  evidence: [{ source: 'a', value: 'Frank A. Rose' }, { source: 'b', value: 'Ellen Tauscher' }],
  tags: ['attribution'],
};

export const CONTEXT: Suggestion = {
  id: 'sug_context',
  category: 'context',
  summary: 'The 222-word block follows Rose Gottemoeller’s remarks in “Source A” and Ellen Tauscher’s in “Source B”',
  targets: [{ source: 'a', start: 60, end: 95, exact: 'w'.repeat(35) }, { source: 'b', start: 100, end: 135, exact: 'w'.repeat(35) }],
  evidence: [{ source: 'a', value: 'Rose Gottemoeller', start: 0, end: 5 }, { source: 'b', value: 'Ellen Tauscher', start: 0, end: 5 }],
  tags: ['context'],
};

export const TITLES: ReadonlyMap<string, string> = new Map([['a', 'Source A'], ['b', 'Source B']]);
export const titleOf = (id: string) => TITLES.get(id) ?? id;
