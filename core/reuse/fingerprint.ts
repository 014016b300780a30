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

function sortByHash(hashes: Int32Array, positions: Int32Array): [Int32Array, Int32Array] {
  const count = hashes.length;
  const sortedHashes = new Int32Array(count);
  const sortedPositions = new Int32Array(count);
  let maxPos = 0;
  for (let k = 0; k < count; k++) if (positions[k] > maxPos) maxPos = positions[k];
  if (maxPos < POS_RANGE) {
    // Packing (unsigned hash, position) into one exact double lets the native numeric sort do the work.
    const packed = new Float64Array(count);
    for (let k = 0; k < count; k++) packed[k] = (hashes[k] >>> 0) * POS_RANGE + positions[k];
    packed.sort();
    for (let k = 0; k < count; k++) {
      const v = packed[k];
      const pos = v % POS_RANGE;
      sortedPositions[k] = pos;
      sortedHashes[k] = ((v - pos) / POS_RANGE) | 0;
    }
  } else {
    const order = Array.from({ length: count }, (_, k) => k);
    order.sort((x, y) => (hashes[x] >>> 0) - (hashes[y] >>> 0) || positions[x] - positions[y]);
    for (let k = 0; k < count; k++) {
      sortedHashes[k] = hashes[order[k]];
      sortedPositions[k] = positions[order[k]];
    }
  }
  return [sortedHashes, sortedPositions];
}

/** Computes the winnowed fingerprints of a tokenised text. */
export function fingerprint(tokens: TokenizedText, params: FingerprintParams): Fingerprints {
  const { n, w } = params;
  const words = tokens.hashes;
  const shingles = Math.max(0, words.length - n + 1);
  const all = new Int32Array(shingles);
  for (let i = 0; i < shingles; i++) all[i] = shingleHash(words, i, n);
  const keptPos = new Int32Array(shingles);
  let kept = 0;
  let last = -1;
  const windows = shingles >= w ? shingles - w + 1 : shingles > 0 ? 1 : 0;
  const width = Math.min(w, shingles);
  for (let s = 0; s < windows; s++) {
    // Rightmost minimum, as in robust winnowing: a run of equal minima keeps one fingerprint.
    let best = s;
    for (let k = s + 1; k < s + width; k++) if (all[k] >>> 0 <= all[best] >>> 0) best = k;
    if (best !== last) {
      keptPos[kept++] = best;
      last = best;
    }
  }
  const positions = keptPos.slice(0, kept);
  const hashes = new Int32Array(kept);
  for (let k = 0; k < kept; k++) hashes[k] = all[positions[k]];
  const [sortedHashes, sortedPositions] = sortByHash(hashes, positions);
  return { hashes, positions, sortedHashes, sortedPositions };
}
