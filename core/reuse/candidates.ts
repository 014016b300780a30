/**
 * Candidate document pairs from shared fingerprints, so alignment runs on a near-linear number of
 * pairs instead of all of them. A fingerprint held by at most `dfCap` documents votes for every pair of
 * them. A more frequent one (an outlet's header or footer, a stock phrase, a story syndicated widely)
 * would make that quadratic, so it votes only for each holder paired with one representative: the
 * holder with the smallest id. Its copies are then reported as a star around that document rather than
 * as every pair, and output stays linear in the corpus. A pair qualifies with one rare shared fingerprint
 * or three frequent ones: a couple of stock phrases with the same representative should not cost an
 * alignment each. The price: a passage of fewer than about 12 words held by more than `dfCap`
 * documents may be missed.
 *
 * The choice of pairs depends only on the set of documents and their ids, never on insertion order, so
 * an incrementally maintained index and a one-shot run agree.
 */
import { Postings } from './postings';

const SLOT_RANGE = 2 ** 26;
const RARE_VOTE = 3;
const FREQUENT_VOTE = 1;
const QUALIFY = 3;

/** Key of an unordered slot pair. */
export function pairKey(x: number, y: number): number {
  return x < y ? x * SLOT_RANGE + y : y * SLOT_RANGE + x;
}

/** The two slots of a pair key, smaller first. */
export function pairSlots(key: number): [number, number] {
  const lo = Math.floor(key / SLOT_RANGE);
  return [lo, key - lo * SLOT_RANGE];
}

/** Slot of the holder with the smallest id. */
function representative(list: readonly number[], idOf: (slot: number) => string): number {
  let best = list[0];
  let bestId = idOf(best);
  for (let k = 1; k < list.length; k++) {
    const id = idOf(list[k]);
    if (id < bestId) {
      best = list[k];
      bestId = id;
    }
  }
  return best;
}

function vote(votes: Map<number, number>, x: number, y: number, weight: number): void {
  const key = pairKey(x, y);
  votes.set(key, (votes.get(key) ?? 0) + weight);
}

function qualifying(votes: Map<number, number>): number[] {
  const out: number[] = [];
  for (const [key, v] of votes) if (v >= QUALIFY) out.push(key);
  return out.sort((x, y) => x - y);
}

/** Every qualifying pair in the index, as sorted pair keys. */
export function allCandidatePairs(postings: Postings, dfCap: number, idOf: (slot: number) => string): number[] {
  const votes = new Map<number, number>();
  for (const [, list] of postings.shared()) {
    if (list.length <= dfCap) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) vote(votes, list[x], list[y], RARE_VOTE);
      }
    } else {
      const rep = representative(list, idOf);
      for (const slot of list) if (slot !== rep) vote(votes, slot, rep, FREQUENT_VOTE);
    }
  }
  return qualifying(votes);
}

/**
 * The qualifying pairs that involve `slot`: exactly the pairs of {@link allCandidatePairs} containing it.
 * `distinctHashes` are the document's fingerprint hashes, each once.
 */
export function candidatePairsOf(
  slot: number,
  distinctHashes: Iterable<number>,
  postings: Postings,
  dfCap: number,
  idOf: (slot: number) => string,
): number[] {
  const votes = new Map<number, number>();
  for (const hash of distinctHashes) {
    const list = postings.get(hash);
    if (list === undefined || typeof list === 'number') continue;
    if (list.length <= dfCap) {
      for (const other of list) if (other !== slot) vote(votes, slot, other, RARE_VOTE);
    } else {
      const rep = representative(list, idOf);
      if (rep !== slot) vote(votes, slot, rep, FREQUENT_VOTE);
      else for (const other of list) if (other !== slot) vote(votes, other, slot, FREQUENT_VOTE);
    }
  }
  return qualifying(votes);
}
