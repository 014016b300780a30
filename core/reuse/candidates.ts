/**
 * Candidate document pairs from shared fingerprints, so alignment runs on a near-linear number of
 * pairs instead of all of them. A fingerprint held by at most `dfCap` documents is rare: it counts for
 * every pair of its holders. A more frequent one (an outlet's header or footer, a stock phrase, a story
 * syndicated widely) would make that quadratic, so it only votes for each holder paired with one
 * representative, the holder with the smallest id: its copies are reported as a star around that
 * document rather than as every pair, and output stays linear in the corpus. The price: a passage of
 * fewer than about 12 words held by more than `dfCap` documents may be missed.
 *
 * A pair qualifies with two rare shared fingerprints, or three frequent votes (a couple of stock
 * phrases with the same representative should not cost an alignment each), or one rare fingerprint
 * that the caller confirms aligns into a reuse on its own. The last rule matters at scale: a five-word
 * stock phrase with common words around it recurs by chance in a handful of documents, and the number
 * of pairs sharing such a chance n-gram grows with the square of the corpus. Without the check, each
 * of those pairs cost a full alignment and, within an outlet, reported the pair's shared chrome.
 *
 * The choice of pairs depends only on the set of documents and their ids, never on insertion order, so
 * an incrementally maintained index and a one-shot run agree.
 */
import { PairVotes } from './pair-votes';
import type { Postings } from './postings';

const SLOT_RANGE = 2 ** 26;
/** Rare shared fingerprints that qualify a pair without confirmation. */
const RARE_QUALIFY = 2;
/** Frequent-fingerprint votes that qualify a pair. */
const FREQUENT_QUALIFY = 3;

/** What candidate selection needs from the index. */
export interface CandidateContext {
  readonly postings: Postings;
  readonly dfCap: number;
  /** Id of the document in `slot`: representatives are chosen by id, not slot, for order independence. */
  idOf(slot: number): string;
  /** Whether documents x and y align into a reuse around their shared fingerprint `hash` alone. */
  confirm(x: number, y: number, hash: number): boolean;
}

/** Key of an unordered slot pair. */
export function pairKey(x: number, y: number): number {
  return x < y ? x * SLOT_RANGE + y : y * SLOT_RANGE + x;
}

/** The two slots of a pair key, smaller first. */
export function pairSlots(key: number): [number, number] {
  const lo = Math.floor(key / SLOT_RANGE);
  return [lo, key - lo * SLOT_RANGE];
}

/** Slot of the holder with the smallest id among `slots[0, count)`. */
function representative(slots: Int32Array, count: number, idOf: (slot: number) => string): number {
  let best = slots[0];
  let bestId = idOf(best);
  for (let k = 1; k < count; k++) {
    const id = idOf(slots[k]);
    if (id < bestId) {
      best = slots[k];
      bestId = id;
    }
  }
  return best;
}

function qualifying(votes: PairVotes, context: CandidateContext): number[] {
  const keys: number[] = [];
  votes.forEach((x, y, rareCount, rareHash, frequentCount) => {
    if (
      rareCount >= RARE_QUALIFY ||
      frequentCount >= FREQUENT_QUALIFY ||
      (rareCount === 1 && context.confirm(x, y, rareHash))
    ) {
      keys.push(pairKey(x, y));
    }
  });
  return keys.sort((x, y) => x - y);
}

/** Every qualifying pair in the index, as sorted pair keys. */
export function allCandidatePairs(context: CandidateContext): number[] {
  const { dfCap, idOf } = context;
  const votes = new PairVotes();
  context.postings.forEachShared((hash, slots, count) => {
    if (count <= dfCap) {
      for (let x = 0; x < count; x++) for (let y = x + 1; y < count; y++) votes.rare(slots[x], slots[y], hash);
    } else {
      const rep = representative(slots, count, idOf);
      for (let k = 0; k < count; k++) if (slots[k] !== rep) votes.frequent(slots[k], rep);
    }
  });
  return qualifying(votes, context);
}

/**
 * The qualifying pairs that involve `slot`: exactly the pairs of {@link allCandidatePairs} containing it.
 * `distinctHashes` are the document's fingerprint hashes, each once.
 */
export function candidatePairsOf(slot: number, distinctHashes: Iterable<number>, context: CandidateContext): number[] {
  const { dfCap, idOf } = context;
  const votes = new PairVotes();
  let buffer: Int32Array = new Int32Array(64);
  for (const hash of distinctHashes) {
    const [slots, count] = context.postings.slots(hash, buffer);
    buffer = slots;
    if (count < 2) continue;
    if (count <= dfCap) {
      for (let k = 0; k < count; k++) if (slots[k] !== slot) votes.rare(slot, slots[k], hash);
    } else {
      const rep = representative(slots, count, idOf);
      if (rep !== slot) votes.frequent(slot, rep);
      else for (let k = 0; k < count; k++) if (slots[k] !== slot) votes.frequent(slots[k], slot);
    }
  }
  return qualifying(votes, context);
}
