/**
 * Incremental reuse detection over a changing set of documents, and the one-shot `findReuse` built on
 * it. Per-document work (tokens, fingerprints, postings) is done once per upsert; per-pair alignments
 * are cached and recomputed only when one of the two documents changed. Everything that depends on the
 * whole corpus (which pairs are candidates, how frequent a passage is in its outlet, which outlet a
 * document without one belongs to) is recomputed on each query or cached until the next change, so the
 * result depends only on the current documents, never on the order in which they were added or removed.
 */
import type { ReusePassage } from '../model/schemas';
import { alignOnHash, alignPair, matchedWords } from './align';
import type { Segment } from './align';
import { decide, outletFrequency, pairSignals, proseBefore, sampleFingerprints } from './boilerplate';
import type { BoilerplateDoc, PairSignals } from './boilerplate';
import { allCandidatePairs, candidatePairsOf, pairSlots } from './candidates';
import type { CandidateContext } from './candidates';
import { fingerprint, fingerprintParams } from './fingerprint';
import type { FingerprintParams, Fingerprints } from './fingerprint';
import { inferOutlets, isChromeLink } from './outlet-inference';
import { cutAtBlocks, pieceRange, spanOf } from './pieces';
import type { PiecedChain } from './pieces';
import { forEachDistinct, Postings } from './postings';
import { passageSimilarity } from './similarity';
import { tokenize } from './tokenize';
import type { TokenizedText } from './tokenize';
import { lowerBound } from '../text/binary-search';

/**
 * A document to compare. `outlet` enables boilerplate detection; a document without one is given an
 * inferred outlet when its chrome matches other documents' (see outlet-inference.ts). `author` enables
 * the author-footer signal.
 */
export interface ReuseDocument {
  id: string;
  text: string;
  outlet?: string;
  author?: string;
}

/** Settings of an index; fixed for its lifetime because cached fingerprints depend on them. */
export interface ReuseOptions {
  /** Shortest reuse reported, in matching words (default 8, at least 2). */
  minWords?: number;
  /** Fingerprints held by more documents than this pair each holder with one representative (default 24). */
  dfCap?: number;
  /** Infer outlets for documents without one (default true); false leaves them out of boilerplate detection. */
  inferOutlets?: boolean;
}

/** Progress callback: `done` of `total` steps. `total` may grow once, when the candidate pairs are known. */
export type ReuseProgress = (done: number, total: number) => void;

/** Options of {@link findReuse}. */
export interface FindReuseOptions extends ReuseOptions {
  onProgress?: ReuseProgress;
}

export const DEFAULT_MIN_WORDS = 8;
export const DEFAULT_DF_CAP = 24;
/**
 * Distinct fingerprints per character of news prose: about one word per 6 to 7 characters and
 * 2 / (w + 1) = 0.4 kept fingerprints per word. An under-estimate costs one rehash; an over-estimate
 * a table twice as big, with more cache misses on every insertion.
 */
const FINGERPRINTS_PER_CHAR = 0.06;

interface Entry {
  readonly slot: number;
  readonly version: number;
  readonly doc: ReuseDocument;
  readonly tokens: TokenizedText;
  readonly fingerprints: Fingerprints;
  readonly boilerplate: BoilerplateDoc;
}

/** Cached alignment of one pair, oriented so that `a` has the smaller id. */
interface PairResult {
  readonly versionA: number;
  readonly versionB: number;
  readonly chains: readonly PiecedChain[];
  /** Pair-level boilerplate signals, whatever the outlets (they may be inferred later). */
  readonly signals: PairSignals;
  /** Whether some chain is chrome-shaped at an edge of both documents: links them for outlet inference. */
  readonly chromeLink: boolean;
  /** Fingerprint samples of each piece's A span, for the corpus-level frequency signal. */
  readonly samples: readonly number[][][];
}

/** The outlets as one query sees them: the pair's common outlet and size, every slot's, and counts. */
interface OutletContext {
  /** The common outlet of the pair being emitted, undefined when the two differ or either has none. */
  readonly outlet: string | undefined;
  /** Documents in that outlet. */
  readonly size: number;
  /** Outlet of every slot, given or inferred. */
  readonly of: readonly (string | undefined)[];
  /** Per outlet, per fingerprint hash: documents of the outlet holding it (filled lazily). */
  readonly counts: Map<string, Map<number, number>>;
}

/** Incrementally maintained reuse index: upsert and remove documents, ask for passages at any time. */
export class ReuseIndex {
  readonly minWords: number;
  readonly dfCap: number;
  readonly inferOutlets: boolean;
  private readonly params: FingerprintParams;
  private readonly byId = new Map<string, Entry>();
  private readonly slots: (Entry | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly postings = new Postings();
  private readonly pairs = new Map<number, PairResult>();
  /** Outlet of each slot, inferred where none was given; valid while `inferredAt` equals `changes`. */
  private outletBySlot: (string | undefined)[] = [];
  private inferredAt = -1;
  private changes = 0;
  private nextVersion = 1;
  private slotBuffer: Int32Array = new Int32Array(64);

  constructor(options: ReuseOptions = {}) {
    this.minWords = options.minWords ?? DEFAULT_MIN_WORDS;
    this.dfCap = options.dfCap ?? DEFAULT_DF_CAP;
    this.inferOutlets = options.inferOutlets ?? true;
    if (!Number.isInteger(this.dfCap) || this.dfCap < 2) throw new RangeError('dfCap must be an integer >= 2');
    this.params = fingerprintParams(this.minWords);
  }

  /** Number of documents in the index. */
  get size(): number {
    return this.byId.size;
  }

  /** Whether a document with this id is indexed. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * Prepares the index for documents totalling about `characters` characters, so that its tables need
   * not grow (and rehash) while they are added. Only a hint: the index grows as needed anyway.
   */
  reserve(characters: number): void {
    this.postings.reserve(Math.ceil(characters * FINGERPRINTS_PER_CHAR));
  }

  /** Adds or replaces a document. Returns false when an identical document was already indexed. */
  upsert(doc: ReuseDocument): boolean {
    const old = this.byId.get(doc.id);
    if (old && old.doc.text === doc.text && old.doc.outlet === doc.outlet && old.doc.author === doc.author) return false;
    if (old) this.remove(doc.id);
    const tokens = tokenize(doc.text);
    const fingerprints = fingerprint(tokens, this.params);
    const author = doc.author ? tokenize(doc.author).hashes : undefined;
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const entry: Entry = {
      slot,
      version: this.nextVersion++,
      doc: { id: doc.id, text: doc.text, outlet: doc.outlet, author: doc.author },
      tokens,
      fingerprints,
      boilerplate: { tokens, fingerprints, author, prose: proseBefore(tokens) },
    };
    this.slots[slot] = entry;
    this.byId.set(doc.id, entry);
    forEachDistinct(fingerprints.sortedHashes, (h) => this.postings.add(h, slot));
    this.changes++;
    return true;
  }

  /** Removes a document. Returns false when it was not indexed. */
  remove(id: string): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    forEachDistinct(entry.fingerprints.sortedHashes, (h) => this.postings.remove(h, entry.slot));
    this.changes++;
    this.byId.delete(id);
    this.slots[entry.slot] = undefined;
    this.freeSlots.push(entry.slot);
    return true;
  }

  /**
   * Reused passages touching `sourceId`, or between all documents when it is omitted. Sorted by
   * (a.source, b.source, a.start, b.start), with `a.source < b.source`.
   */
  passages(sourceId?: string, onProgress?: ReuseProgress): ReusePassage[] {
    const context = this.candidateContext();
    let keys: number[];
    if (sourceId === undefined) {
      keys = allCandidatePairs(context);
    } else {
      const entry = this.byId.get(sourceId);
      if (!entry) return [];
      const distinct: number[] = [];
      forEachDistinct(entry.fingerprints.sortedHashes, (h) => distinct.push(h));
      keys = candidatePairsOf(entry.slot, distinct, context);
    }
    const step = Math.max(1, Math.ceil(keys.length / 200));
    const results = keys.map((key, done) => {
      const result = this.pairResult(key);
      if (onProgress && ((done + 1) % step === 0 || done + 1 === keys.length)) onProgress(done + 1, keys.length);
      return result;
    });
    if (sourceId === undefined) {
      const live = new Set(keys);
      for (const key of this.pairs.keys()) if (!live.has(key)) this.pairs.delete(key);
    }
    const outlets = this.outlets(context, sourceId === undefined ? keys : undefined);
    const outletSizes = new Map<string, number>();
    for (const outlet of outlets) if (outlet !== undefined) outletSizes.set(outlet, (outletSizes.get(outlet) ?? 0) + 1);
    const outletCounts = new Map<string, Map<number, number>>();
    const out: ReusePassage[] = [];
    keys.forEach((key, k) => {
      const [x, y] = pairSlots(key);
      const ox = outlets[x];
      const outlet = ox !== undefined && ox === outlets[y] ? ox : undefined;
      const size = outlet === undefined ? 0 : (outletSizes.get(outlet) ?? 0);
      this.emit(key, results[k], { outlet, size, of: outlets, counts: outletCounts }, out);
    });
    return out.sort(
      (p, q) =>
        (p.a.source < q.a.source ? -1 : p.a.source > q.a.source ? 1 : 0) ||
        (p.b.source < q.b.source ? -1 : p.b.source > q.b.source ? 1 : 0) ||
        p.a.start - q.a.start ||
        p.b.start - q.b.start,
    );
  }

  private candidateContext(): CandidateContext {
    const align = { n: this.params.n, minWords: this.minWords };
    return {
      postings: this.postings,
      dfCap: this.dfCap,
      idOf: (slot) => this.slots[slot]?.doc.id ?? '',
      confirm: (x, y, hash) => {
        const ex = this.slots[x] as Entry;
        const ey = this.slots[y] as Entry;
        // Oriented by id like the full alignment, so the answer does not depend on slot numbers.
        const [a, b] = ex.doc.id < ey.doc.id ? [ex, ey] : [ey, ex];
        const chain = alignOnHash(a.tokens.hashes, a.fingerprints, b.tokens.hashes, b.fingerprints, hash, align);
        return chain !== undefined && !this.frequentText(a.fingerprints, chain[0].i, chain[chain.length - 1].i + chain[chain.length - 1].len);
      },
    };
  }

  /**
   * Whether most fingerprints of tokens [t0, t1) of a document are held by more than `dfCap`
   * documents. Winnowing keeps a different sample of the same text in different contexts, so the edge
   * of an outlet's header is kept in only some of its pages: rare by count, yet frequent text. A pair
   * held together by such a fingerprint is already covered by the star around the representative.
   */
  private frequentText(fp: Fingerprints, t0: number, t1: number): boolean {
    let frequent = 0;
    let total = 0;
    for (let k = lowerBound(fp.positions, t0); k < fp.positions.length && fp.positions[k] + this.params.n <= t1; k++) {
      total++;
      if (this.postings.df(fp.hashes[k]) > this.dfCap) frequent++;
    }
    return 2 * frequent > total;
  }

  /**
   * The outlet of every slot: the given one, or the inferred one for documents without (see
   * outlet-inference.ts). Inference links every candidate pair whose alignment is chrome-shaped at an
   * edge, so it needs all pairs aligned: `allKeys` when the caller has them, else computed (and then
   * cached, like the result, until a document changes).
   */
  private outlets(context: CandidateContext, allKeys: number[] | undefined): (string | undefined)[] {
    const given = this.slots.map((e) => e?.doc.outlet);
    if (!this.inferOutlets || this.slots.every((e) => !e || e.doc.outlet !== undefined)) return given;
    if (this.inferredAt === this.changes) return this.outletBySlot;
    const links: [number, number][] = [];
    for (const key of allKeys ?? allCandidatePairs(context)) {
      if (this.pairResult(key).chromeLink) links.push(pairSlots(key));
    }
    this.outletBySlot = inferOutlets(this.slots.map((e) => e && { id: e.doc.id, outlet: e.doc.outlet }), links);
    this.inferredAt = this.changes;
    return this.outletBySlot;
  }

  /** The alignment and pair signals of a candidate pair, cached until one of its documents changes. */
  private pairResult(key: number): PairResult {
    const [x, y] = pairSlots(key);
    const ex = this.slots[x] as Entry;
    const ey = this.slots[y] as Entry;
    const [a, b] = ex.doc.id < ey.doc.id ? [ex, ey] : [ey, ex];
    const cached = this.pairs.get(key);
    if (cached && cached.versionA === a.version && cached.versionB === b.version) return cached;
    const aligned = alignPair(a.tokens.hashes, a.fingerprints, b.tokens.hashes, b.fingerprints, {
      n: this.params.n,
      minWords: this.minWords,
    });
    const chains = aligned.map((c) => cutAtBlocks(c, a.tokens.blocks, b.tokens.blocks));
    const signals = pairSignals(a.boilerplate, b.boilerplate, chains);
    const samples = chains.map((chain) =>
      chain.starts.map((_, k) => {
        const [from, to] = pieceRange(chain, k);
        const s = spanOf(chain.segments, from, to);
        const whole = spanOf(chain.segments, 0, chain.segments.length);
        return sampleFingerprints(a.fingerprints, s.i0, s.i1, whole.i0, whole.i1, this.params.n);
      }),
    );
    const result: PairResult = {
      versionA: a.version,
      versionB: b.version,
      chains,
      signals,
      chromeLink: isChromeLink(a.boilerplate, b.boilerplate, chains, signals.chromeShape, this.minWords),
      samples,
    };
    this.pairs.set(key, result);
    return result;
  }

  /** Documents of `outlet` holding fingerprint `hash`, counted once per query and outlet. */
  private outletDocs(outlet: string, hash: number, context: OutletContext): number {
    let perOutlet = context.counts.get(outlet);
    if (!perOutlet) context.counts.set(outlet, (perOutlet = new Map()));
    const cached = perOutlet.get(hash);
    if (cached !== undefined) return cached;
    const [slots, holders] = this.postings.slots(hash, this.slotBuffer);
    this.slotBuffer = slots;
    let count = 0;
    for (let k = 0; k < holders; k++) if (context.of[slots[k]] === outlet) count++;
    perOutlet.set(hash, count);
    return count;
  }

  /** Turns a pair's pieces into passages: pieces with the same decision are joined again. */
  private emit(key: number, pair: PairResult, context: OutletContext, out: ReusePassage[]): void {
    const [x, y] = pairSlots(key);
    const ex = this.slots[x] as Entry;
    const ey = this.slots[y] as Entry;
    const [a, b] = ex.doc.id < ey.doc.id ? [ex, ey] : [ey, ex];
    const { outlet } = context;
    pair.chains.forEach((chain, c) => {
      const decisions = chain.starts.map((_, k) => {
        if (outlet === undefined) return false;
        const frequency = outletFrequency(pair.samples[c][k], (h) => this.outletDocs(outlet, h, context));
        return decide(pair.signals.chromeShape[c], pair.signals.authorFooter[c][k], frequency, context.size);
      });
      let k = 0;
      while (k < decisions.length) {
        let end = k + 1;
        while (end < decisions.length && decisions[end] === decisions[k]) end++;
        const from = chain.starts[k];
        const to = end < chain.starts.length ? chain.starts[end] : chain.segments.length;
        const passage = this.toPassage(a, b, chain.segments, from, to, decisions[k]);
        if (passage) out.push(passage);
        k = end;
      }
    });
  }

  private toPassage(
    a: Entry,
    b: Entry,
    segments: readonly Segment[],
    from: number,
    to: number,
    boilerplate: boolean,
  ): ReusePassage | undefined {
    const words = matchedWords(segments, from, to);
    if (words < this.minWords) return undefined;
    const s = spanOf(segments, from, to);
    const lengthA = s.i1 - s.i0;
    const lengthB = s.j1 - s.j0;
    return {
      a: { source: a.doc.id, start: a.tokens.starts[s.i0], end: a.tokens.ends[s.i1 - 1] },
      b: { source: b.doc.id, start: b.tokens.starts[s.j0], end: b.tokens.ends[s.j1 - 1] },
      words,
      similarity: passageSimilarity(words, lengthA, lengthB),
      boilerplate,
    };
  }
}

/**
 * One-shot reuse detection over `docs` (ids must be distinct). Progress is reported while indexing the
 * documents and while aligning the candidate pairs.
 */
export function findReuse(docs: readonly ReuseDocument[], options: FindReuseOptions = {}): ReusePassage[] {
  const index = new ReuseIndex(options);
  index.reserve(docs.reduce((sum, doc) => sum + doc.text.length, 0));
  const { onProgress } = options;
  const n = docs.length;
  const step = Math.max(1, Math.ceil(n / 100));
  docs.forEach((doc, k) => {
    if (index.has(doc.id)) throw new RangeError(`duplicate source id: ${doc.id}`);
    index.upsert(doc);
    if (onProgress && ((k + 1) % step === 0 || k + 1 === n)) onProgress(k + 1, 2 * n);
  });
  return index.passages(undefined, onProgress ? (done, total) => onProgress(n + done, n + total) : undefined);
}

