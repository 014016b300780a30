/** Alignment behaviour through the public API: near-verbatim reuse, thresholds and stock phrases. */
import { describe, expect, it } from 'vitest';
import type { ReusePassage } from '../../../core/model/schemas';
import { findReuse } from '../../../core/reuse';
import { filler, prose } from './fixtures';

/** Two documents embedding `shared` (as given) and `edited` between unrelated filler. */
function pair(shared: string, edited: string): { a: string; b: string; spanA: [number, number]; spanB: [number, number] } {
  const before = prose(filler(11, 60)) + ' ';
  const after = ' ' + prose(filler(12, 60));
  const a = before + shared + after;
  const b2 = prose(filler(21, 45)) + ' ';
  const b = b2 + edited + ' ' + prose(filler(22, 70));
  return { a, b, spanA: [before.length, before.length + shared.length], spanB: [b2.length, b2.length + edited.length] };
}

function covers(p: ReusePassage, span: [number, number], side: 'a' | 'b', slack: number): boolean {
  return p[side].start <= span[0] + slack && p[side].end >= span[1] - slack;
}

describe('findReuse alignment', () => {
  it('returns one passage for near-verbatim reuse with substituted, inserted and dropped words', () => {
    const words = filler(5, 120);
    const edited = [...words];
    edited[20] = 'substituted';
    edited.splice(50, 0, 'inserted', 'words');
    edited.splice(85, 1); // dropped
    edited[100] = edited[100].toUpperCase();
    const { a, b, spanA, spanB } = pair(prose(words), prose(edited).replace(/ /g, (s, at: number) => (at % 7 ? s : '\n')));
    const found = findReuse([
      { id: 'doc-a', text: a },
      { id: 'doc-b', text: b },
    ]);
    expect(found).toHaveLength(1);
    const [p] = found;
    expect(covers(p, spanA, 'a', 12)).toBe(true);
    expect(covers(p, spanB, 'b', 12)).toBe(true);
    expect(p.words).toBeGreaterThanOrEqual(115);
    expect(p.words).toBeLessThanOrEqual(120);
    expect(p.similarity).toBeLessThan(1);
    expect(p.similarity).toBeGreaterThan(0.95);
    expect(p.boilerplate).toBe(false);
  });

  it('maps passage offsets back to the raw texts, quotes and case aside', () => {
    const words = filler(8, 30);
    const shared = `“${prose(words)}”`;
    const plain = `"${prose(words).toUpperCase()}"`;
    const { a, b } = pair(shared, plain);
    const [p] = findReuse([
      { id: 'x', text: a },
      { id: 'y', text: b },
    ]);
    expect(a.slice(p.a.start, p.a.end)).toBe(prose(words).slice(0, -1));
    expect(b.slice(p.b.start, p.b.end)).toBe(prose(words).toUpperCase().slice(0, -1));
    expect(p.similarity).toBe(1);
    expect(p.words).toBe(30);
  });

  it('applies the minimum passage length in words', () => {
    const run = (n: number, minWords?: number): number => {
      const shared = filler(9, n).join(' ');
      const { a, b } = pair(shared, shared);
      return findReuse([{ id: 'x', text: a }, { id: 'y', text: b }], { minWords }).length;
    };
    expect(run(7)).toBe(0);
    expect(run(8)).toBe(1);
    expect(run(11, 12)).toBe(0);
    expect(run(12, 12)).toBe(1);
    expect(run(5, 5)).toBe(1);
    expect(() => run(5, 1)).toThrow(RangeError);
  });

  it('does not report stock phrases shared by many documents', () => {
    const phrases = ['according to the latest figures', 'in a statement on monday', 'the end of the cold war'];
    const docs = Array.from({ length: 30 }, (_, k) => {
      const body = filler(100 + k, 200);
      for (let p = 0; p < phrases.length; p++) body.splice(30 + p * 50 + (k % 7), 0, phrases[(p + k) % phrases.length]);
      return { id: `doc-${String(k).padStart(2, '0')}`, text: prose(body), outlet: k % 2 ? 'Left' : 'Right' };
    });
    expect(findReuse(docs)).toEqual([]);
  });

  it('reports a passage shared by many documents once per pair, or as a star beyond dfCap', () => {
    const shared = prose(filler(77, 40));
    const docs = Array.from({ length: 6 }, (_, k) => ({
      id: `d${k}`,
      text: `${prose(filler(200 + k, 50))}\n\n${shared}\n\n${prose(filler(300 + k, 50))}`,
    }));
    expect(findReuse(docs)).toHaveLength(15);
    const star = findReuse(docs, { dfCap: 3 });
    expect(star).toHaveLength(5);
    expect(star.every((p) => p.a.source === 'd0')).toBe(true);
  });
});
