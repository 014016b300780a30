import { describe, it, expect } from 'vitest';
import { suggestInconsistencies, type SourceText } from '../../../core/inconsistency';
import type { ReusePassage } from '../../../core/model/schemas';
import { locate } from './fixtures';

/** Two synthetic outlets and a passage covering `quoteA` / `quoteB` in them. */
function pair(textA: string, textB: string, quoteA: string, quoteB: string) {
  const a: SourceText = { id: 'outlet-a', text: textA };
  const b: SourceText = { id: 'outlet-b', text: textB };
  const p: ReusePassage = {
    a: { source: a.id, ...locate(textA, quoteA) },
    b: { source: b.id, ...locate(textB, quoteB) },
    words: 20,
    similarity: 0.9,
    boilerplate: false,
  };
  return { sources: [a, b], passages: [p] };
}

const MONEY_A =
  'The alliance has agreed to spend in excess of $1 billion for communication electronics and command assets to support the shield.';
const MONEY_B =
  'The alliance has agreed to spend in excess of $2 billion for communication electronics and command assets to support the shield.';

describe('numbers', () => {
  it('suggests a moved amount, with the whole amount as evidence and target', () => {
    const { sources, passages } = pair(MONEY_A, MONEY_B, MONEY_A, MONEY_B);
    const found = suggestInconsistencies(sources, passages);
    expect(found).toHaveLength(1);
    const [s] = found;
    expect(s.category).toBe('number');
    expect(s.tags).toEqual(['number']);
    expect(s.evidence).toEqual([
      { source: 'outlet-a', value: '$1 billion' },
      { source: 'outlet-b', value: '$2 billion' },
    ]);
    expect(s.targets.map((t) => t.exact)).toEqual(['$1 billion', '$2 billion']);
    expect(s.targets[0].start).toBe(MONEY_A.indexOf('$1 billion'));
    expect(s.summary).toContain('$1 billion');
    expect(s.summary).toContain('$2 billion');
  });

  it('finds a number that the reuse detector left between two passages of one sentence', () => {
    const a = { id: 'outlet-a', text: MONEY_A };
    const b = { id: 'outlet-b', text: MONEY_B };
    const before = 'The alliance has agreed to spend in excess of';
    const after = 'billion for communication electronics and command assets to support the shield.';
    const passages: ReusePassage[] = [
      { a: { source: a.id, ...locate(MONEY_A, before) }, b: { source: b.id, ...locate(MONEY_B, before) }, words: 9, similarity: 1, boilerplate: false },
      { a: { source: a.id, ...locate(MONEY_A, after) }, b: { source: b.id, ...locate(MONEY_B, after) }, words: 11, similarity: 1, boilerplate: false },
    ];
    const found = suggestInconsistencies([a, b], passages);
    expect(found.map((s) => s.evidence.map((e) => e.value))).toEqual([['$1 billion', '$2 billion']]);
  });

  it('ignores the same number written differently', () => {
    const a = 'Both sides also exchanged more than 2,000 notifications about their strategic arms this year.';
    const b = 'Both sides also exchanged more than 2000 notifications about their strategic arms this year.';
    expect(suggestInconsistencies(...args(pair(a, b, a, b)))).toEqual([]);
    const c = 'Both Governments have held three JTA sessions in the last two years, officials said.';
    const d = 'Both Governments have held 3 JTA sessions in the last two years, officials said.';
    expect(suggestInconsistencies(...args(pair(c, d, c, d)))).toEqual([]);
  });

  it('ignores an added number word that replaces nothing ("two" / "our two countries")', () => {
    const a = 'They involved sharing missile warning data and providing timely launch notifications between two countries.';
    const b = 'They involved sharing missile warning data and providing timely launch notifications between our two countries.';
    expect(suggestInconsistencies(...args(pair(a, b, a, b)))).toEqual([]);
  });
});

describe('dates', () => {
  const a = 'The U.S. diplomat made the remarks to an antimissile forum in Paris on July 4, according to RIA Novosti.';
  const b = 'The U.S. diplomat made the remarks to an antimissile forum in Paris on July 5, according to RIA Novosti.';

  it('suggests a moved day, evidence including the month', () => {
    const found = suggestInconsistencies(...args(pair(a, b, a, b)));
    expect(found).toHaveLength(1);
    expect(found[0].category).toBe('date');
    expect(found[0].evidence.map((e) => e.value)).toEqual(['July 4', 'July 5']);
  });

  it('suggests a date at the very end of the sentences', () => {
    const c = 'The U.S. diplomat made the remarks to an antimissile forum in Paris on July 4.';
    const d = 'The U.S. diplomat made the remarks to an antimissile forum in Paris on July 5.';
    const found = suggestInconsistencies(...args(pair(c, d, c, d)));
    expect(found.map((s) => [s.category, ...s.evidence.map((e) => e.value)])).toEqual([['date', 'July 4', 'July 5']]);
  });

  it('suggests a changed year', () => {
    const c = 'Presidents Obama and Medvedev agreed at the July 2009 Moscow Summit to conduct joint assessments.';
    const d = 'Presidents Obama and Medvedev agreed at the July 2010 Moscow Summit to conduct joint assessments.';
    const found = suggestInconsistencies(...args(pair(c, d, c, d)));
    expect(found.map((s) => s.category)).toEqual(['date']);
    expect(found[0].evidence.map((e) => e.value)).toEqual(['July 2009', 'July 2010']);
  });
});

describe('names and quotations', () => {
  it('suggests a substituted proper name', () => {
    const a = 'The deployment of the interceptors in Poland is slated to wrap up by the end of the decade.';
    const b = 'The deployment of the interceptors in Romania is slated to wrap up by the end of the decade.';
    const found = suggestInconsistencies(...args(pair(a, b, a, b)));
    expect(found.map((s) => [s.category, ...s.evidence.map((e) => e.value)])).toEqual([['name', 'Poland', 'Romania']]);
  });

  it('does not count two names for the same thing as a substitution', () => {
    const a = 'The deployment of assets by the United States in Europe is slated to wrap up by the end of the decade.';
    const b = 'The deployment of assets by the US in Europe is slated to wrap up by the end of the decade.';
    expect(suggestInconsistencies(...args(pair(a, b, a, b)))).toEqual([]);
    const c = 'Talks between the Russian Federation and NATO on missile defense have stalled again this year.';
    const d = 'Talks between Russia and NATO on missile defense have stalled again this year.';
    expect(suggestInconsistencies(...args(pair(c, d, c, d)))).toEqual([]);
  });

  it('suggests different words inside a quotation both copies give verbatim', () => {
    const a = 'The envoy was blunt. "Our defenses will never threaten the deterrent of any country," the envoy said.';
    const b = 'The envoy was blunt. "Our defenses will rarely threaten the deterrent of any country," the envoy said.';
    const found = suggestInconsistencies(...args(pair(a, b, a, b)));
    expect(found.map((s) => [s.category, ...s.evidence.map((e) => e.value)])).toEqual([['quote', 'never', 'rarely']]);
  });

  it('ignores a reworded paraphrase outside quotation marks', () => {
    const a = 'The envoy said the defenses would never threaten the deterrent of any country in the region.';
    const b = 'The envoy said the defenses could never endanger the deterrent of any country in the region.';
    expect(suggestInconsistencies(...args(pair(a, b, a, b)))).toEqual([]);
  });
});

describe('noise and stability', () => {
  const a = 'Washington is open to a “political framework for cooperation that includes a statement that our missile defenses are not oriented toward Russia,” he said in Paris on July 4.';
  const b = 'WASHINGTON is open to a  "political framework for cooperation that includes a statement that our missile defences are not oriented toward Russia," he said in Paris on July 4.';

  it('proposes nothing for quote style, case, spacing and spelling variants', () => {
    expect(suggestInconsistencies(...args(pair(a, b, a, b)))).toEqual([]);
  });

  it('keeps ids when text is prepended and offsets shift', () => {
    const changed = b.replace('July 4', 'July 5');
    const before = suggestInconsistencies(...args(pair(a, changed, a, changed)));
    const prefix = 'Editor’s note: updated with comments.\n\n';
    const after = suggestInconsistencies(...args(pair(prefix + a, changed, a, changed)));
    expect(before).toHaveLength(1);
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after[0].targets[0].start).toBe(before[0].targets[0].start + prefix.length);
  });

  it('gives different suggestions different ids', () => {
    const c = a.replace('July 4', 'July 6');
    const b5 = a.replace('July 4', 'July 5');
    const one = suggestInconsistencies(...args(pair(a, b5, a, b5)));
    const two = suggestInconsistencies(...args(pair(a, c, a, c)));
    expect(one[0].id).not.toBe(two[0].id);
    expect(one[0].id).toMatch(/^inc_[0-9a-f]{16}$/);
  });
});

function args(x: { sources: SourceText[]; passages: ReusePassage[] }): [SourceText[], ReusePassage[]] {
  return [x.sources, x.passages];
}
