/**
 * Alignment seeds: token position pairs (i in A, j in B) whose fingerprints are equal. A seed is packed
 * into one exact double, (diagonal, i), so a whole pair's seeds sort with the native typed-array sort
 * into diagonal order, which is what extension to maximal exact matches wants. Seeds come either from
 * all fingerprints two documents share (a merge-join of their hash-sorted fingerprints) or from a
 * single shared hash (looked up by binary search), the cheap check candidate selection uses to
 * confirm a pair held together by one rare fingerprint.
 */
import type { Fingerprints } from './fingerprint';
import { partitionPoint } from '../text/binary-search';

/** Hashes repeated more than this (occurrences in A times in B) seed nothing: repeats, not reuse. */
export const MAX_OCCURRENCE_PRODUCT = 64;

const POS_RANGE = 2 ** 21;

let seedBuffer = new Float64Array(1024);

function push(count: number, i: number, j: number, lenA: number): void {
  if (count === seedBuffer.length) {
    const grown = new Float64Array(count * 2);
    grown.set(seedBuffer);
    seedBuffer = grown;
  }
  seedBuffer[count] = (j - i + lenA) * POS_RANGE + i;
}

/** Adds the seeds of sorted fingerprint ranges [x, x2) of A and [y, y2) of B (one hash) at `count`. */
function pushRange(fa: Fingerprints, x: number, x2: number, fb: Fingerprints, y: number, y2: number, count: number, lenA: number): number {
  if ((x2 - x) * (y2 - y) > MAX_OCCURRENCE_PRODUCT) return count;
  for (let p = x; p < x2; p++) {
    for (let q = y; q < y2; q++) push(count++, fa.sortedPositions[p], fb.sortedPositions[q], lenA);
  }
  return count;
}

/** Seeds from every fingerprint shared by A and B, sorted by diagonal then position. */
export function anchors(fa: Fingerprints, fb: Fingerprints, lenA: number): Float64Array {
  let count = 0;
  const ha = fa.sortedHashes;
  const hb = fb.sortedHashes;
  let x = 0;
  let y = 0;
  while (x < ha.length && y < hb.length) {
    const u = ha[x] >>> 0;
    const v = hb[y] >>> 0;
    if (u < v) x++;
    else if (u > v) y++;
    else {
      let x2 = x + 1;
      let y2 = y + 1;
      while (x2 < ha.length && ha[x2] === ha[x]) x2++;
      while (y2 < hb.length && hb[y2] === hb[y]) y2++;
      count = pushRange(fa, x, x2, fb, y, y2, count, lenA);
      x = x2;
      y = y2;
    }
  }
  return seedBuffer.slice(0, count).sort();
}

/** First index of `hash` in a hash-sorted (unsigned) fingerprint array, or where it would go. */
function firstOfHash(sorted: Int32Array, hash: number): number {
  const key = hash >>> 0;
  return partitionPoint(sorted.length, (i) => sorted[i] >>> 0 < key);
}

/** Seeds from one shared fingerprint hash only, sorted like {@link anchors}. */
export function hashSeeds(fa: Fingerprints, fb: Fingerprints, lenA: number, hash: number): Float64Array {
  const x = firstOfHash(fa.sortedHashes, hash);
  const y = firstOfHash(fb.sortedHashes, hash);
  let x2 = x;
  let y2 = y;
  while (x2 < fa.sortedHashes.length && fa.sortedHashes[x2] === hash) x2++;
  while (y2 < fb.sortedHashes.length && fb.sortedHashes[y2] === hash) y2++;
  const count = pushRange(fa, x, x2, fb, y, y2, 0, lenA);
  return seedBuffer.slice(0, count).sort();
}

/** Diagonal of a seed: j - i + length of A, never negative. */
export function seedDiagonal(seed: number): number {
  // Scaling by a power of two is exact, so floor() splits the double without a slow modulo.
  return Math.floor(seed * 2 ** -21);
}

/** Token position in A of a seed. */
export function seedI(seed: number): number {
  return seed - seedDiagonal(seed) * POS_RANGE;
}
