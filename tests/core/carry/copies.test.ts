import { describe, expect, it } from 'vitest';
import { copiesOf, mapAcross } from '../../../core/carry/copies';
import { findReuse } from '../../../core/reuse';
import { SEEDS, seedText } from '../../helpers/fixtures';

describe('mapAcross', () => {
  const a = 'Rose said: “NATO must ensure the defense of its own territory,” in Paris.';
  const b = 'She said that NATO must ensure the defence of its very own territory in Moscow.';
  const side = (t: string) => ({ start: 0, end: t.length });

  it('maps a phrase to its counterpart despite quotes, case and an inserted word', () => {
    const from = a.indexOf('NATO must');
    const to = a.indexOf(' territory') + ' territory'.length;
    const mapped = mapAcross(a, side(a), b, side(b), { start: from, end: to })!;
    expect(b.slice(mapped.start, mapped.end)).toBe('NATO must ensure the defence of its very own territory');
  });

  it('returns null when no word of the range has a counterpart', () => {
    const from = a.indexOf('Paris');
    expect(mapAcross(a, side(a), b, side(b), { start: from, end: from + 5 })).toBeNull();
  });
});

describe('copiesOf on the seed corpus', () => {
  const ids = Object.values(SEEDS);
  const texts = new Map<string, string>(ids.map((id) => [id, seedText(id)]));
  const passages = findReuse(ids.map((id) => ({ id, text: texts.get(id)! })));

  it('finds the copy of a sentence from the shared JTA block in the other NewsBlaze article', () => {
    const quote = 'Both Governments have held three JTA sessions, in July and December 2009, and again in May 2010.';
    const start = texts.get(SEEDS.nbPursues)!.indexOf(quote);
    const copies = copiesOf({ source: SEEDS.nbPursues, start, end: start + quote.length }, passages, (id) => texts.get(id));
    const other = copies.find((c) => c.source === SEEDS.nbUndercut);
    expect(other).toBeDefined();
    expect(other!.exact).toBe(quote.slice(0, -1));
    expect(texts.get(SEEDS.nbUndercut)!.slice(other!.start, other!.end)).toBe(other!.exact);
  });

  it('carries nothing from a passage that was not reused', () => {
    const quote = 'Russian Position';
    const start = texts.get(SEEDS.mdaa)!.indexOf(quote);
    expect(copiesOf({ source: SEEDS.mdaa, start, end: start + quote.length }, passages, (id) => texts.get(id))).toEqual([]);
  });
});
