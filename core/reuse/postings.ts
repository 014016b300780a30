/**
 * Inverted index from fingerprint hash to the documents (slots) containing it. A corpus of a few
 * thousand articles holds about a million distinct fingerprints, almost all in one document only, so
 * the index is an open-addressing hash table over typed arrays rather than a JS `Map` of arrays: no
 * object per hash, no boxed keys, and adding a posting costs a probe and two array writes. A hash held
 * by one document keeps its slot inline; one held by more has a singly linked list of (slot, next)
 * nodes, also in typed arrays, with free lists so that removals (an edited document) recycle them.
 */

/**
 * A table entry is two Int32, (hash, value), so the table of a 4,000-document corpus stays within a
 * typical L3 cache: filling it is bound by cache misses, and a table twice the cache size made adding
 * a posting four times slower. The value is the document's slot for a hash held by one document, or
 * one of the markers below, or (for two or more documents) -(list id + 3).
 */
const STRIDE = 2;
/** Value of an entry that never held a hash. Probing stops there. */
const EMPTY = -1;
/** Value of a hash whose documents were all removed (kept until the next rebuild: probing needs it). */
const GONE = -2;
const LIST_BASE = -3;
const NIL = -1;
const MAX_LOAD = 0.7;
const GOLDEN = 0x9e3779b1;
const MIN_BITS = 10;

/** Hash -> slots index with set semantics per hash. */
export class Postings {
  private table: Int32Array;
  private shift: number;
  /** Entries holding a hash, GONE ones included. */
  private occupied = 0;
  /** Lists of two or more slots: head node and length per list id, with a free list of ids. */
  private listHead: Int32Array = new Int32Array(256);
  private listCount: Int32Array = new Int32Array(256);
  private lists = 0;
  private freeList: number[] = [];
  private nodeSlot: Int32Array = new Int32Array(1024);
  private nodeNext: Int32Array = new Int32Array(1024);
  private nodeCount = 0;
  private freeNode = NIL;

  constructor() {
    this.shift = 32 - MIN_BITS;
    this.table = Postings.emptyTable(MIN_BITS);
  }

  private static emptyTable(bits: number): Int32Array {
    const table = new Int32Array(STRIDE << bits);
    for (let e = 1; e < table.length; e += STRIDE) table[e] = EMPTY;
    return table;
  }

  /** Table offset of the entry of `hash`, or of the empty entry where it would go. */
  private find(hash: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let e = (Math.imul(hash, GOLDEN) >>> this.shift) * STRIDE;
    while (table[e + 1] !== EMPTY && table[e] !== hash) e = (e + STRIDE) & mask;
    return e;
  }

  /** Makes room for `hashes` distinct hashes in all, so that adding them does not rehash the table. */
  reserve(hashes: number): void {
    if (this.table.length / STRIDE < hashes / MAX_LOAD) this.grow(hashes);
  }

  /**
   * Rebuilds the table, twice as big when it is full of live hashes (or big enough for `atLeast`);
   * GONE entries are dropped.
   */
  private grow(atLeast = 0): void {
    const old = this.table;
    let live = 0;
    for (let e = 1; e < old.length; e += STRIDE) if (old[e] !== EMPTY && old[e] !== GONE) live++;
    let bits = MIN_BITS;
    while ((1 << bits) * MAX_LOAD < Math.max(1.5 * live + 1, atLeast)) bits++;
    this.shift = 32 - bits;
    this.table = Postings.emptyTable(bits);
    this.occupied = 0;
    for (let e = 0; e < old.length; e += STRIDE) {
      if (old[e + 1] === EMPTY || old[e + 1] === GONE) continue;
      const to = this.find(old[e]);
      this.table[to] = old[e];
      this.table[to + 1] = old[e + 1];
      this.occupied++;
    }
  }

  private newNode(slot: number, next: number): number {
    let node = this.freeNode;
    if (node !== NIL) this.freeNode = this.nodeNext[node];
    else {
      if (this.nodeCount === this.nodeSlot.length) {
        this.nodeSlot = grown(this.nodeSlot);
        this.nodeNext = grown(this.nodeNext);
      }
      node = this.nodeCount++;
    }
    this.nodeSlot[node] = slot;
    this.nodeNext[node] = next;
    return node;
  }

  private newList(): number {
    const id = this.freeList.pop();
    if (id !== undefined) return id;
    if (this.lists === this.listHead.length) {
      this.listHead = grown(this.listHead);
      this.listCount = grown(this.listCount);
    }
    return this.lists++;
  }

  /** Adds `slot` under `hash`; the caller adds each (hash, slot) once. */
  add(hash: number, slot: number): void {
    let e = this.find(hash);
    const value = this.table[e + 1];
    if (value === EMPTY) {
      if (this.occupied + 1 > (this.table.length / STRIDE) * MAX_LOAD) {
        this.grow();
        e = this.find(hash);
      }
      this.table[e] = hash;
      this.table[e + 1] = slot;
      this.occupied++;
    } else if (value === GONE) {
      this.table[e + 1] = slot;
    } else if (value >= 0) {
      const id = this.newList();
      this.listHead[id] = this.newNode(slot, this.newNode(value, NIL));
      this.listCount[id] = 2;
      this.table[e + 1] = LIST_BASE - id;
    } else {
      const id = LIST_BASE - value;
      this.listHead[id] = this.newNode(slot, this.listHead[id]);
      this.listCount[id]++;
    }
  }

  /** Removes `slot` from the list of `hash`, if present. */
  remove(hash: number, slot: number): void {
    const e = this.find(hash);
    const value = this.table[e + 1];
    if (value === slot) this.table[e + 1] = GONE;
    if (value > LIST_BASE) return;
    const id = LIST_BASE - value;
    let prev = NIL;
    let node = this.listHead[id];
    while (node !== NIL && this.nodeSlot[node] !== slot) {
      prev = node;
      node = this.nodeNext[node];
    }
    if (node === NIL) return;
    if (prev === NIL) this.listHead[id] = this.nodeNext[node];
    else this.nodeNext[prev] = this.nodeNext[node];
    this.freeNodeAt(node);
    if (--this.listCount[id] === 1) {
      // Back to an inline single slot.
      const last = this.listHead[id];
      this.table[e + 1] = this.nodeSlot[last];
      this.freeNodeAt(last);
      this.freeList.push(id);
    }
  }

  private freeNodeAt(node: number): void {
    this.nodeNext[node] = this.freeNode;
    this.freeNode = node;
  }

  /** Number of documents holding `hash`. */
  df(hash: number): number {
    const value = this.table[this.find(hash) + 1];
    return value >= 0 ? 1 : value <= LIST_BASE ? this.listCount[LIST_BASE - value] : 0;
  }

  /**
   * Copies the slots holding `hash` into `out` (or a bigger array when it is too small) and returns
   * that array with the count. The order of the slots is unspecified.
   */
  slots(hash: number, out: Int32Array): [Int32Array, number] {
    return this.copyList(this.table[this.find(hash) + 1], out);
  }

  private copyList(value: number, out: Int32Array): [Int32Array, number] {
    if (value >= 0) {
      out[0] = value;
      return [out, 1];
    }
    if (value > LIST_BASE) return [out, 0];
    const id = LIST_BASE - value;
    const count = this.listCount[id];
    const buffer = out.length >= count ? out : new Int32Array(2 * count);
    let k = 0;
    for (let node = this.listHead[id]; node !== NIL; node = this.nodeNext[node]) buffer[k++] = this.nodeSlot[node];
    return [buffer, k];
  }

  /** Calls `fn` with every hash held by two or more documents and its slots (`slots[0, count)`). */
  forEachShared(fn: (hash: number, slots: Int32Array, count: number) => void): void {
    let buffer: Int32Array = new Int32Array(64);
    const table = this.table;
    for (let e = 0; e < table.length; e += STRIDE) {
      if (table[e + 1] > LIST_BASE) continue;
      const [filled, count] = this.copyList(table[e + 1], buffer);
      buffer = filled;
      fn(table[e], filled, count);
    }
  }
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Calls `fn` once per distinct hash of a hash-sorted fingerprint array. */
export function forEachDistinct(sortedHashes: Int32Array, fn: (hash: number) => void): void {
  for (let k = 0; k < sortedHashes.length; k++) {
    if (k > 0 && sortedHashes[k] === sortedHashes[k - 1]) continue;
    fn(sortedHashes[k]);
  }
}
