import { describe, expect, it } from 'vitest';
import { lowerBound, partitionPoint } from '../../../core/text/binary-search';

/** A seeded pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('partitionPoint', () => {
  it('handles no elements, all before and none before', () => {
    expect(partitionPoint(0, () => true)).toBe(0);
    expect(partitionPoint(5, () => true)).toBe(5);
    expect(partitionPoint(5, () => false)).toBe(0);
  });

  it('finds the first index where the predicate turns false, as a linear scan does', () => {
    const next = random(12);
    for (let round = 0; round < 300; round++) {
      const length = Math.floor(next() * 40);
      const cut = Math.floor(next() * (length + 1));
      const asked: number[] = [];
      const found = partitionPoint(length, (i) => {
        asked.push(i);
        return i < cut;
      });
      expect(found).toBe(cut);
      expect(asked.every((i) => i >= 0 && i < length)).toBe(true);
      expect(asked.length).toBeLessThanOrEqual(Math.ceil(Math.log2(length + 1)));
    }
  });
});

describe('lowerBound', () => {
  it('gives the first of equal values, the insertion point of missing ones, and works on typed arrays', () => {
    const sorted = [1, 3, 3, 3, 7, 9];
    expect(lowerBound(sorted, 3)).toBe(1);
    expect(lowerBound(sorted, 4)).toBe(4);
    expect(lowerBound(sorted, 0)).toBe(0);
    expect(lowerBound(sorted, 10)).toBe(6);
    expect(lowerBound(Int32Array.from(sorted), 9)).toBe(5);
    expect(lowerBound([], 1)).toBe(0);
  });

  it('counts the entries below a value in random sorted arrays', () => {
    const next = random(99);
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * 20)).sort((a, b) => a - b);
      const probe = Math.floor(next() * 22) - 1;
      expect(lowerBound(values, probe)).toBe(values.filter((v) => v < probe).length);
    }
  });
});
