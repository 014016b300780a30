/**
 * The all-pairs baseline: a word-level LCS (the core of any pairwise diff) between every pair of
 * documents. Timing all ~31,000 pairs of the 250-document corpus would take minutes, so a seeded
 * sample of pairs is timed and the per-pair cost extrapolated to all pairs (the report says so).
 * Our own LCS on word hashes is used rather than jsdiff's diffWords, which is slower still, so the
 * speed ratio against it is conservative; a few diffWords pairs are timed for reference.
 */
import { diffWords } from 'diff';
import { tokenize } from '../core/reuse';
import { mulberry32 } from './corpus-generator';
import type { GeneratedDoc } from './corpus-generator';

export interface BaselineResult {
  docs: number;
  allPairs: number;
  sampledPairs: number;
  msPerPair: number;
  extrapolatedMs: number;
  diffWordsPairs: number;
  diffWordsMsPerPair: number;
}

/** LCS length of two word-hash sequences, O(n m) time and O(m) memory. */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  const row = new Int32Array(b.length + 1);
  for (let i = 0; i < a.length; i++) {
    let diag = 0;
    const ai = a[i];
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = ai === b[j - 1] ? diag + 1 : up > row[j - 1] ? up : row[j - 1];
      diag = up;
    }
  }
  return row[b.length];
}

/** Times `samples` random pairs with the LCS and `diffSamples` with diffWords; extrapolates to all pairs. */
export function runBaseline(docs: readonly GeneratedDoc[], samples: number, diffSamples: number, seed = 7): BaselineResult {
  const rnd = mulberry32(seed);
  const pick = (): [number, number] => {
    const x = Math.floor(rnd() * docs.length);
    let y = Math.floor(rnd() * (docs.length - 1));
    if (y >= x) y++;
    return [x, y];
  };
  const t0 = performance.now();
  const tokens = docs.map((d) => tokenize(d.text).hashes);
  const tokenizeMs = performance.now() - t0;
  let sink = 0;
  const t1 = performance.now();
  for (let k = 0; k < samples; k++) {
    const [x, y] = pick();
    sink += lcsLength(tokens[x], tokens[y]);
  }
  const msPerPair = (performance.now() - t1) / samples;
  const t2 = performance.now();
  for (let k = 0; k < diffSamples; k++) {
    const [x, y] = pick();
    sink += diffWords(docs[x].text, docs[y].text).length;
  }
  const diffWordsMsPerPair = diffSamples ? (performance.now() - t2) / diffSamples : 0;
  if (sink < 0) throw new RangeError('unreachable');
  const allPairs = (docs.length * (docs.length - 1)) / 2;
  return {
    docs: docs.length,
    allPairs,
    sampledPairs: samples,
    msPerPair,
    extrapolatedMs: tokenizeMs + msPerPair * allPairs,
    diffWordsPairs: diffSamples,
    diffWordsMsPerPair,
  };
}
