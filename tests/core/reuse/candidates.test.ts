/**
 * Candidate selection: which document pairs get aligned. Two rare shared fingerprints or three
 * frequent votes qualify a pair; a single rare one only when it aligns into a reuse on its own, so a
 * chance five-word collision no longer drags a pair (and, within an outlet, its shared chrome) in.
 */
import { describe, expect, it } from 'vitest';
import { alignOnHash } from '../../../core/reuse/align';
import { allCandidatePairs, candidatePairsOf, pairKey, pairSlots } from '../../../core/reuse/candidates';
import type { CandidateContext } from '../../../core/reuse/candidates';
import { fingerprint, fingerprintParams } from '../../../core/reuse/fingerprint';
import { Postings } from '../../../core/reuse/postings';
import { findReuse, tokenize } from '../../../core/reuse';
import type { ReuseDocument } from '../../../core/reuse';
import { filler, prose } from './fixtures';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** A context over hand-made postings; `confirmed` lists the (pair key, hash) confirmations that succeed. */
function context(lists: [number, number[]][], dfCap: number, confirmed: [number, number][] = []): [CandidateContext, string[]] {
  const postings = new Postings();
  for (const [hash, slots] of lists) for (const slot of slots) postings.add(hash, slot);
  const calls: string[] = [];
  const ctx: CandidateContext = {
    postings,
    dfCap,
    idOf: (slot) => IDS[slot],
    confirm: (x, y, hash) => {
      calls.push(`${x}-${y}:${hash}`);
      return confirmed.some(([key, h]) => key === pairKey(x, y) && h === hash);
    },
  };
  return [ctx, calls];
}

describe('candidate pairs', () => {
  it('takes two rare fingerprints, three frequent votes, or one confirmed rare fingerprint', () => {
    const [ctx, calls] = context(
      [
        [10, [0, 1]], [11, [1, 0]], // a-b: two rare
        [20, [2, 3]], // c-d: one rare, confirmed
        [30, [4, 5]], // e-f: one rare, not confirmed
        // Frequent (df 4 > cap 3): each votes holder -> representative a (smallest id).
        [40, [5, 1, 0, 2]], [41, [0, 1, 2, 5]], [42, [2, 0, 1, 4]],
      ],
      3,
      [[pairKey(2, 3), 20]],
    );
    const keys = allCandidatePairs(ctx);
    // a-b (rare), a-c (three frequent), c-d (confirmed); a-f has two frequent votes only, e-f failed.
    expect(keys).toEqual([pairKey(0, 1), pairKey(0, 2), pairKey(2, 3)].sort((x, y) => x - y));
    expect(calls.sort()).toEqual(['2-3:20', '4-5:30']);
  });

  it('answers per document with exactly the pairs of the whole-index answer that contain it', () => {
    const lists: [number, number[]][] = [
      [10, [0, 1]], [11, [0, 1]], [20, [2, 3]], [30, [4, 5]],
      [40, [5, 1, 0, 2]], [41, [0, 1, 2, 5]], [42, [2, 0, 1, 5]],
    ];
    const [ctx] = context(lists, 3, [[pairKey(2, 3), 20]]);
    const all = allCandidatePairs(ctx);
    expect(all).toEqual([pairKey(0, 1), pairKey(0, 2), pairKey(0, 5), pairKey(2, 3)].sort((x, y) => x - y));
    for (let slot = 0; slot < 6; slot++) {
      const hashes = lists.filter(([, slots]) => slots.includes(slot)).map(([h]) => h);
      expect(candidatePairsOf(slot, hashes, ctx)).toEqual(all.filter((key) => pairSlots(key).includes(slot)));
    }
  });
});

/** Fingerprint hashes shared by two texts, and the alignOnHash arguments for them (hash left 0). */
function sharedHashes(x: string, y: string): [number[], Parameters<typeof alignOnHash>] {
  const params = fingerprintParams(8);
  const tx = tokenize(x);
  const ty = tokenize(y);
  const fx = fingerprint(tx, params);
  const fy = fingerprint(ty, params);
  const inY = new Set(fy.hashes);
  const shared = [...new Set(fx.hashes)].filter((h) => inY.has(h));
  return [shared, [tx.hashes, fx, ty.hashes, fy, 0, { n: params.n, minWords: 8 }]];
}

describe('alignOnHash', () => {
  it('confirms a shared fingerprint inside a reused passage and rejects a chance six-word collision', () => {
    const reused = prose(filler(40, 30));
    const [real, args] = sharedHashes(`${prose(filler(41, 50))} ${reused} ${prose(filler(42, 50))}`, `${prose(filler(43, 40))} ${reused}`);
    expect(real.length).toBeGreaterThan(0);
    for (const h of real) expect(alignOnHash(args[0], args[1], args[2], args[3], h, args[5])).toBeDefined();

    const phrase = 'kalo mirten susu vradel ponri delka';
    const [chance, args2] = sharedHashes(`${prose(filler(44, 50))} ${phrase} ${prose(filler(45, 50))}`, `${prose(filler(46, 50))} ${phrase} ${prose(filler(47, 50))}`);
    expect(chance.length).toBeGreaterThan(0);
    for (const h of chance) expect(alignOnHash(args2[0], args2[1], args2[2], args2[3], h, args2[5])).toBeUndefined();
  });
});

describe('findReuse with frequent chrome', () => {
  const header = 'Home | World | Politics | Business | Sports\n\nThe Daily Pseudo Gazette of Record\n\nSubscribe now for full access today';
  const footer = 'About us | Contact | Privacy\n\nAll content copyright The Daily Pseudo Gazette and its licensors worldwide';
  const doc = (id: string, body: string): ReuseDocument => ({ id, text: `${header}\n\n${body}\n\n${footer}`, outlet: 'Pseudo' });
  const phrase = 'kalo mirten susu vradel ponri delka';

  it('reports shared chrome around the representative only, not between documents sharing a chance phrase', () => {
    const b = `${prose(filler(51, 60))} ${phrase} ${prose(filler(52, 60))}`;
    const c = `${prose(filler(53, 60))} ${phrase} ${prose(filler(54, 60))}`;
    expect(sharedHashes(b, c)[0].length).toBeGreaterThan(0);
    const docs = [doc('a', prose(filler(50, 120))), doc('b', b), doc('c', c)];
    const pairs = new Set(findReuse(docs, { dfCap: 2 }).map((p) => `${p.a.source}-${p.b.source}`));
    expect(pairs).toEqual(new Set(['a-b', 'a-c']));
  });

  it('still pairs documents of the outlet that share a reused passage', () => {
    const reused = prose(filler(60, 40));
    const docs = [
      doc('a', prose(filler(50, 120))),
      doc('b', `${prose(filler(51, 60))} ${reused} ${prose(filler(52, 60))}`),
      doc('c', `${prose(filler(53, 60))} ${reused.replace(/ /g, '\n')} ${prose(filler(54, 60))}`),
    ];
    const found = findReuse(docs, { dfCap: 2 });
    const bc = found.filter((p) => p.a.source === 'b' && p.b.source === 'c' && !p.boilerplate);
    expect(bc).toHaveLength(1);
    expect(bc[0].words).toBeGreaterThanOrEqual(40);
  });
});
