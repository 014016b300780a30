/**
 * Inverted index from fingerprint hash to the documents (slots) containing it. Most fingerprints occur
 * in one document only, so a posting list of one is stored as a bare number instead of an array: this
 * keeps the index of a million-fingerprint corpus small and quick to build.
 */

/** One posting list: a single slot, or an array of two or more distinct slots. */
export type PostingList = number | number[];

/** Hash -> slots index with set semantics per hash. */
export class Postings {
  private readonly lists = new Map<number, PostingList>();

  /** Adds `slot` under `hash`; the caller adds each (hash, slot) once. */
  add(hash: number, slot: number): void {
    const list = this.lists.get(hash);
    if (list === undefined) this.lists.set(hash, slot);
    else if (typeof list === 'number') this.lists.set(hash, [list, slot]);
    else list.push(slot);
  }

  /** Removes `slot` from the list of `hash`, if present. */
  remove(hash: number, slot: number): void {
    const list = this.lists.get(hash);
    if (list === undefined) return;
    if (typeof list === 'number') {
      if (list === slot) this.lists.delete(hash);
      return;
    }
    const at = list.indexOf(slot);
    if (at < 0) return;
    list.splice(at, 1);
    if (list.length === 1) this.lists.set(hash, list[0]);
  }

  /** The posting list of `hash`, or `undefined` when no document has it. */
  get(hash: number): PostingList | undefined {
    return this.lists.get(hash);
  }

  /** Number of documents holding `hash`. */
  df(hash: number): number {
    const list = this.lists.get(hash);
    return list === undefined ? 0 : typeof list === 'number' ? 1 : list.length;
  }

  /** Every posting list with two or more documents. */
  *shared(): IterableIterator<[number, number[]]> {
    for (const [hash, list] of this.lists) if (typeof list !== 'number') yield [hash, list];
  }
}

/** Calls `fn` once per distinct hash of a hash-sorted fingerprint array. */
export function forEachDistinct(sortedHashes: Int32Array, fn: (hash: number) => void): void {
  for (let k = 0; k < sortedHashes.length; k++) {
    if (k > 0 && sortedHashes[k] === sortedHashes[k - 1]) continue;
    fn(sortedHashes[k]);
  }
}
