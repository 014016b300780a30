/**
 * Vote counting per document pair, for candidate selection. A corpus of a few thousand documents
 * casts a few hundred thousand votes over tens of thousands of pairs; an open-addressing table over
 * typed arrays keeps that free of per-pair objects and boxed keys. Each pair counts its rare shared
 * fingerprints (remembering one of them, which identifies it when it is the only one) and its
 * frequent-fingerprint votes.
 */

const EMPTY = -1;
const MAX_LOAD = 0.6;

/** Pair -> (rare count, one rare hash, frequent count). Pairs are unordered: (x, y) is (y, x). */
export class PairVotes {
  private lo: Int32Array;
  private hi: Int32Array;
  private rareCounts: Int32Array;
  private rareHashes: Int32Array;
  private frequentCounts: Int32Array;
  private used = 0;

  constructor(expected = 1024) {
    let size = 1024;
    while (size * MAX_LOAD < expected) size *= 2;
    this.lo = new Int32Array(size).fill(EMPTY);
    this.hi = new Int32Array(size);
    this.rareCounts = new Int32Array(size);
    this.rareHashes = new Int32Array(size);
    this.frequentCounts = new Int32Array(size);
  }

  /** Number of distinct pairs voted for. */
  get size(): number {
    return this.used;
  }

  private entry(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    if (this.used + 1 > this.lo.length * MAX_LOAD) this.grow();
    const mask = this.lo.length - 1;
    let e = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> 0;
    e = (e ^ (e >>> 15)) & mask;
    for (;;) {
      if (this.lo[e] === EMPTY) {
        this.lo[e] = lo;
        this.hi[e] = hi;
        this.used++;
        return e;
      }
      if (this.lo[e] === lo && this.hi[e] === hi) return e;
      e = (e + 1) & mask;
    }
  }

  private grow(): void {
    const { lo, hi, rareCounts, rareHashes, frequentCounts } = this;
    const size = lo.length * 2;
    this.lo = new Int32Array(size).fill(EMPTY);
    this.hi = new Int32Array(size);
    this.rareCounts = new Int32Array(size);
    this.rareHashes = new Int32Array(size);
    this.frequentCounts = new Int32Array(size);
    this.used = 0;
    for (let e = 0; e < lo.length; e++) {
      if (lo[e] === EMPTY) continue;
      const to = this.entry(lo[e], hi[e]);
      this.rareCounts[to] = rareCounts[e];
      this.rareHashes[to] = rareHashes[e];
      this.frequentCounts[to] = frequentCounts[e];
    }
  }

  /** Records that x and y share the rare fingerprint `hash` (each shared hash once per pair). */
  rare(x: number, y: number, hash: number): void {
    const e = this.entry(x, y);
    this.rareCounts[e]++;
    this.rareHashes[e] = hash;
  }

  /** Records one frequent-fingerprint vote for the pair (x, y). */
  frequent(x: number, y: number): void {
    this.frequentCounts[this.entry(x, y)]++;
  }

  /**
   * Calls `fn` for every pair voted for, smaller slot first, with its counts. `rareHash` is the
   * rare fingerprint the pair shares when `rareCount` is 1 (meaningless otherwise).
   */
  forEach(fn: (x: number, y: number, rareCount: number, rareHash: number, frequentCount: number) => void): void {
    for (let e = 0; e < this.lo.length; e++) {
      if (this.lo[e] === EMPTY) continue;
      fn(this.lo[e], this.hi[e], this.rareCounts[e], this.rareHashes[e], this.frequentCounts[e]);
    }
  }
}
