/** Postings: the typed hash table agrees with a plain Map-of-Sets model through adds, removals and growth. */
import { describe, expect, it } from 'vitest';
import { Postings } from '../../../core/reuse/postings';
import { prng } from './fixtures';

function slotsOf(postings: Postings, hash: number): number[] {
  const [slots, count] = postings.slots(hash, new Int32Array(1));
  return Array.from(slots.subarray(0, count)).sort((x, y) => x - y);
}

function shared(postings: Postings): Map<number, number[]> {
  const out = new Map<number, number[]>();
  postings.forEachShared((hash, slots, count) => {
    expect(out.has(hash)).toBe(false);
    out.set(hash, Array.from(slots.subarray(0, count)).sort((x, y) => x - y));
  });
  return out;
}

describe('Postings', () => {
  it('keeps one slot inline, grows a list for more and shrinks back on removal', () => {
    const p = new Postings();
    p.add(-7, 3);
    expect(p.df(-7)).toBe(1);
    expect(slotsOf(p, -7)).toEqual([3]);
    expect(shared(p).size).toBe(0);
    p.add(-7, 9);
    p.add(-7, 4);
    expect(p.df(-7)).toBe(3);
    expect(slotsOf(p, -7)).toEqual([3, 4, 9]);
    expect(shared(p)).toEqual(new Map([[-7, [3, 4, 9]]]));
    p.remove(-7, 4);
    p.remove(-7, 4);
    expect(slotsOf(p, -7)).toEqual([3, 9]);
    p.remove(-7, 3);
    expect(p.df(-7)).toBe(1);
    expect(slotsOf(p, -7)).toEqual([9]);
    p.remove(-7, 9);
    expect(p.df(-7)).toBe(0);
    expect(slotsOf(p, -7)).toEqual([]);
    p.add(-7, 5);
    expect(slotsOf(p, -7)).toEqual([5]);
    expect(p.df(12345)).toBe(0);
  });

  it('matches a Map model over thousands of random adds and removals', () => {
    const rnd = prng(17);
    const p = new Postings();
    const model = new Map<number, Set<number>>();
    // Few distinct hashes relative to operations, so lists form, shrink and recycle nodes; hashes
    // span the whole int32 range, with 0 and negatives.
    const hashes = Array.from({ length: 3000 }, (_, k) => (k === 0 ? 0 : (Math.floor(rnd() * 2 ** 32) | 0)));
    for (let op = 0; op < 40000; op++) {
      if (op === 10000) p.reserve(50000); // rehashes a table already holding hashes, lists and GONE entries
      const hash = hashes[Math.floor(rnd() * hashes.length) % (op < 20000 ? 3000 : 300)];
      const slot = Math.floor(rnd() * 12);
      const set = model.get(hash) ?? new Set<number>();
      if (rnd() < 0.7) {
        if (!set.has(slot)) {
          p.add(hash, slot);
          set.add(slot);
        }
      } else {
        p.remove(hash, slot);
        set.delete(slot);
      }
      model.set(hash, set);
    }
    for (const [hash, set] of model) {
      expect(p.df(hash)).toBe(set.size);
      expect(slotsOf(p, hash)).toEqual([...set].sort((x, y) => x - y));
    }
    const expected = new Map([...model].filter(([, s]) => s.size >= 2).map(([h, s]) => [h, [...s].sort((x, y) => x - y)]));
    expect(shared(p)).toEqual(expected);
  });
});
