/** PairVotes: unordered pairs, counts per kind, and the remembered rare hash, also after the table grows. */
import { describe, expect, it } from 'vitest';
import { PairVotes } from '../../../core/reuse/pair-votes';

type Row = [number, number, number, number, number];

function rows(votes: PairVotes): Row[] {
  const out: Row[] = [];
  votes.forEach((x, y, rare, hash, frequent) => out.push([x, y, rare, rare === 1 ? hash : 0, frequent]));
  return out.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

describe('PairVotes', () => {
  it('counts rare and frequent votes per unordered pair and remembers a lone rare hash', () => {
    const votes = new PairVotes();
    votes.rare(5, 2, -99);
    votes.frequent(2, 5);
    votes.frequent(5, 2);
    votes.rare(1, 7, 11);
    votes.rare(7, 1, 12);
    votes.frequent(0, 3);
    expect(votes.size).toBe(3);
    expect(rows(votes)).toEqual([
      [0, 3, 0, 0, 1],
      [1, 7, 2, 0, 0],
      [2, 5, 1, -99, 2],
    ]);
  });

  it('keeps every pair when growing far beyond its initial size', () => {
    const votes = new PairVotes(4);
    const expected: Row[] = [];
    for (let x = 0; x < 120; x++) {
      for (let y = x + 1; y < 120; y += 7) {
        votes.rare(y, x, x * 1000 + y);
        if ((x + y) % 3 === 0) votes.frequent(x, y);
        expected.push([x, y, 1, x * 1000 + y, (x + y) % 3 === 0 ? 1 : 0]);
      }
    }
    expect(votes.size).toBe(expected.length);
    expect(rows(votes)).toEqual(expected);
  });
});
