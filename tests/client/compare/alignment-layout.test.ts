import { describe, expect, it } from 'vitest';
import type { ReusePassage } from '../../../core/model';
import { compareLayout, passageAt, passagesBetween, segmentsOf } from '../../../client/compare/alignment-layout';
import { SEEDS, seedText, targetOf } from '../../helpers/fixtures';

const A = SEEDS.nbPursues;
const B = SEEDS.nbUndercut;
const OTHER = SEEDS.gsnRenews;

function passage(a: [string, number, number], b: [string, number, number], extra: Partial<ReusePassage> = {}): ReusePassage {
  return {
    a: { source: a[0], start: a[1], end: a[2] },
    b: { source: b[0], start: b[1], end: b[2] },
    words: 10,
    similarity: 0.9,
    boilerplate: false,
    ...extra,
  };
}

describe('passagesBetween', () => {
  it('keeps only passages between the two sources and orients them left/right', () => {
    const list = [
      passage([B, 500, 600], [A, 100, 200]),
      passage([A, 300, 400], [OTHER, 0, 50]),
      passage([A, 10, 20], [B, 30, 40]),
    ];
    const out = passagesBetween(list, A, B);
    expect(out.map((p) => [p.a.source, p.a.start, p.b.source, p.b.start])).toEqual([
      [A, 10, B, 30],
      [A, 100, B, 500],
    ]);
  });

  it('keeps a pair listed from both ends once', () => {
    const out = passagesBetween([passage([A, 1, 5], [B, 2, 6]), passage([B, 2, 6], [A, 1, 5])], A, B);
    expect(out).toHaveLength(1);
  });
});

describe('segmentsOf', () => {
  it('covers the text with plain and passage segments in order', () => {
    expect(segmentsOf(100, [{ start: 60, end: 80, passage: 1 }, { start: 10, end: 20, passage: 0 }])).toEqual([
      { start: 0, end: 10, passage: null },
      { start: 10, end: 20, passage: 0 },
      { start: 20, end: 60, passage: null },
      { start: 60, end: 80, passage: 1 },
      { start: 80, end: 100, passage: null },
    ]);
  });

  it('clips overlapping spans and drops one left empty', () => {
    const segs = segmentsOf(50, [
      { start: 10, end: 30, passage: 0 },
      { start: 20, end: 40, passage: 1 },
      { start: 12, end: 25, passage: 2 },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 10, passage: null },
      { start: 10, end: 30, passage: 0 },
      { start: 30, end: 40, passage: 1 },
      { start: 40, end: 50, passage: null },
    ]);
  });

  it('clamps spans reaching past the text', () => {
    expect(segmentsOf(10, [{ start: 5, end: 99, passage: 0 }])).toEqual([
      { start: 0, end: 5, passage: null },
      { start: 5, end: 10, passage: 0 },
    ]);
  });
});

describe('compareLayout on the newsblaze pair', () => {
  const textA = seedText(A);
  const textB = seedText(B);
  const ta = targetOf(A, 'These recent proposals build on earlier initiatives');
  const tb = targetOf(B, 'These recent proposals build on earlier initiatives');
  const endA = textA.indexOf('between two countries.', ta.start) + 'between two countries.'.length;
  const endB = textB.indexOf('between our two countries.', tb.start) + 'between our two countries.'.length;
  const layout = compareLayout([passage([B, tb.start, endB], [A, ta.start, endA], { words: 20 })], A, B, textA, textB);

  it('joins the two spans in one passage, left on the first source', () => {
    expect(layout.passages).toHaveLength(1);
    expect(textA.slice(layout.passages[0].a.start, layout.passages[0].a.end)).toMatch(/between two countries\.$/);
    expect(textB.slice(layout.passages[0].b.start, layout.passages[0].b.end)).toMatch(/between our two countries\.$/);
  });

  it('rebuilds each raw text exactly from its segments', () => {
    expect(layout.a.map((s) => textA.slice(s.start, s.end)).join('')).toBe(textA);
    expect(layout.b.map((s) => textB.slice(s.start, s.end)).join('')).toBe(textB);
    expect(layout.a.filter((s) => s.passage === 0)).toEqual([{ start: ta.start, end: endA, passage: 0 }]);
  });
});

describe('passageAt', () => {
  const passages = passagesBetween([passage([A, 100, 200], [B, 0, 90]), passage([A, 300, 400], [B, 120, 220])], A, B);

  it('finds the passage containing a span on either side', () => {
    expect(passageAt(passages, 'a', 320, 330)).toBe(1);
    expect(passageAt(passages, 'b', 10, 20)).toBe(0);
  });

  it('falls back to the next passage after a span outside every passage, then to null', () => {
    expect(passageAt(passages, 'a', 220, 230)).toBe(1);
    expect(passageAt(passages, 'a', 500, 510)).toBeNull();
  });
});
