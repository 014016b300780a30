/**
 * Binary search over sorted data. Offsets, token positions and fingerprint hashes are kept in sorted
 * arrays across the domain code; these two functions are the one place that walks them by halving, so
 * the off-by-one cases (empty input, every element before, none before) are settled once.
 */

/**
 * The first index in `[0, length)` at which `isBefore` is false, or `length` when it is true
 * everywhere. `isBefore` must be true on a prefix of the indices and false on the rest (the data is
 * sorted by what it tests); it is called about log2(length) times.
 */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index of the ascending `sorted` whose value is not below `value`: where `value` would be
 * inserted to keep the order, and also how many entries are below it.
 */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < value);
}
