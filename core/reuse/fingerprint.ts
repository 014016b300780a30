/**
 * Winnowed word n-gram fingerprints (Schleimer, Wilkerson and Aiken's MOSS scheme, over words instead of
 * characters). Every n consecutive tokens are hashed; in each window of w consecutive n-gram hashes the
 * smallest is kept. Any verbatim run of at least n + w - 1 words therefore shares at least one kept
 * fingerprint with every other copy of it, while only about 2 / (w + 1) of the n-grams are indexed.
 */
import type { TokenizedText } from './tokenize';

/** Shingle length and winnowing window. */
export interface FingerprintParams {
  readonly n: number;
  readonly w: number;
}

/** The kept fingerprints of one document, in two orders. */
export interface Fingerprints {
  /** Fingerprint hashes in text order, with the token position where each n-gram starts. */
  readonly hashes: Int32Array;
  readonly positions: Int32Array;
  /** The same fingerprints sorted by hash (unsigned), for merge-joins between two documents. */
  readonly sortedHashes: Int32Array;
  readonly sortedPositions: Int32Array;
}

/**
 * Parameters that guarantee that a verbatim passage of `minWords` words yields a shared fingerprint:
 * n + w - 1 <= minWords. Five-word shingles are rare enough in news prose to keep candidate pairs few.
 */
export function fingerprintParams(minWords: number): FingerprintParams {
  if (!Number.isInteger(minWords) || minWords < 2) throw new RangeError('minWords must be an integer >= 2');
  const n = Math.min(5, Math.max(2, minWords - 3));
  const w = Math.max(1, Math.min(4, minWords - n + 1));
  return { n, w };
}

/** Hash of the n-gram starting at token `i` (an order-sensitive mix of the word hashes). */
function shingleHash(words: Int32Array, i: number, n: number): number {
  let h = 0x2545f491;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ words[i + k], 0x9e3779b1);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
  return h ^ (h >>> 16);
}

const POS_RANGE = 2 ** 21;
const INV_POS_RANGE = 2 ** -21;

/** Scratch arrays reused across documents (grown on demand): only the kept fingerprints are copied out. */
let shingleScratch = new Int32Array(4096);
let keptScratch = new Int32Array(4096);
let packedScratch = new Float64Array(1024);

/** Fills `sortedHashes` and `sortedPositions` with (hash, position) pairs sorted by unsigned hash, then position. */
function sortByHash(hashes: Int32Array, positions: Int32Array, sortedHashes: Int32Array, sortedPositions: Int32Array): void {
  const count = hashes.length;
  let maxPos = 0;
  for (let k = 0; k < count; k++) if (positions[k] > maxPos) maxPos = positions[k];
  if (maxPos < POS_RANGE) {
    // Packing (unsigned hash, position) into one exact double lets the native numeric sort do the work.
    if (packedScratch.length < count) packedScratch = new Float64Array(Math.max(count, 2 * packedScratch.length));
    const packed = packedScratch.subarray(0, count);
    for (let k = 0; k < count; k++) packed[k] = (hashes[k] >>> 0) * POS_RANGE + positions[k];
    packed.sort();
    for (let k = 0; k < count; k++) {
      const v = packed[k];
      // Scaling by a power of two is exact, so floor() splits the double without a slow modulo.
      const hash = Math.floor(v * INV_POS_RANGE);
      sortedPositions[k] = v - hash * POS_RANGE;
      sortedHashes[k] = hash | 0;
    }
  } else {
    const order = Array.from({ length: count }, (_, k) => k);
    order.sort((x, y) => (hashes[x] >>> 0) - (hashes[y] >>> 0) || positions[x] - positions[y]);
    for (let k = 0; k < count; k++) {
      sortedHashes[k] = hashes[order[k]];
      sortedPositions[k] = positions[order[k]];
    }
  }
}

/** Computes the winnowed fingerprints of a tokenised text. */
export function fingerprint(tokens: TokenizedText, params: FingerprintParams): Fingerprints {
  const { n, w } = params;
  const words = tokens.hashes;
  const shingles = Math.max(0, words.length - n + 1);
  if (shingleScratch.length < shingles) {
    shingleScratch = new Int32Array(Math.max(shingles, 2 * shingleScratch.length));
    keptScratch = new Int32Array(shingleScratch.length);
  }
  const all = shingleScratch;
  const keptPos = keptScratch;
  for (let i = 0; i < shingles; i++) all[i] = shingleHash(words, i, n);
  let kept = 0;
  let last = -1;
  const windows = shingles >= w ? shingles - w + 1 : shingles > 0 ? 1 : 0;
  const width = Math.min(w, shingles);
  for (let s = 0; s < windows; s++) {
    // Rightmost minimum, as in robust winnowing: a run of equal minima keeps one fingerprint.
    let best = s;
    let bestHash = all[s] >>> 0;
    for (let k = s + 1; k < s + width; k++) {
      const h = all[k] >>> 0;
      if (h <= bestHash) {
        best = k;
        bestHash = h;
      }
    }
    if (best !== last) {
      keptPos[kept++] = best;
      last = best;
    }
  }
  // One allocation per document, cut into views (see tokenize).
  const out = new Int32Array(4 * kept);
  const result: Fingerprints = {
    hashes: out.subarray(0, kept),
    positions: out.subarray(kept, 2 * kept),
    sortedHashes: out.subarray(2 * kept, 3 * kept),
    sortedPositions: out.subarray(3 * kept),
  };
  result.positions.set(keptPos.subarray(0, kept));
  for (let k = 0; k < kept; k++) result.hashes[k] = all[keptPos[k]];
  sortByHash(result.hashes, result.positions, result.sortedHashes, result.sortedPositions);
  return result;
}
