/**
 * Binary search for the revision diff and its mapping, which search sorted offsets in several
 * places (block starts, segment starts, patience piles): one implementation of the bisection.
 */

/**
 * The first index in `[0, count)` at which `after(index)` is true, or `count` when there is none;
 * `after` must be false up to some index and true from there on.
 */
export function partitionPoint(count: number, after: (index: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
