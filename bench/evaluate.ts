/**
 * Scores reuse passages against a generated corpus's ground truth. A planted pair (two copies of one
 * planted passage) is found when one reported passage between those documents covers at least 80% of
 * both copies. A reported passage is classified by what it overlaps: a planted pair (correct reuse),
 * the outlet chrome of both documents (boilerplate), or nothing planted (a false positive).
 */
import type { ReusePassage } from '../core/model/schemas';
import type { Corpus } from './corpus-generator';

export interface Score {
  plantedPairs: number;
  foundPairs: number;
  recall: number;
  reported: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  /** Passages on chrome, and how many of them are flagged boilerplate. */
  chromePassages: number;
  chromeFlagged: number;
  /** Passages on planted text, and how many of them are (wrongly) flagged boilerplate. */
  plantedFlagged: number;
  /** Share of passages whose boilerplate flag matches the truth. */
  flagAccuracy: number;
  /** Share of documents whose header and footer are covered by flagged passages. */
  chromeCoverage: number;
}

type Span = { start: number; end: number };

const overlap = (x: Span, y: Span): number => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));

export function evaluate(corpus: Corpus, passages: readonly ReusePassage[]): Score {
  const byPair = new Map<string, ReusePassage[]>();
  for (const p of passages) {
    const key = `${p.a.source}|${p.b.source}`;
    const list = byPair.get(key);
    if (list) list.push(p);
    else byPair.set(key, [p]);
  }
  // Planted copies per document pair, oriented like the passages (a < b).
  const truth = new Map<string, [Span, Span][]>();
  let plantedPairs = 0;
  let foundPairs = 0;
  for (const planted of corpus.planted) {
    for (let x = 0; x < planted.copies.length; x++) {
      for (let y = x + 1; y < planted.copies.length; y++) {
        let [ca, cb] = [planted.copies[x], planted.copies[y]];
        if (ca.doc === cb.doc) continue;
        if (ca.doc > cb.doc) [ca, cb] = [cb, ca];
        const key = `${ca.doc}|${cb.doc}`;
        const list = truth.get(key) ?? [];
        list.push([ca, cb]);
        truth.set(key, list);
        plantedPairs++;
        const found = (byPair.get(key) ?? []).some(
          (p) => overlap(p.a, ca) >= 0.8 * (ca.end - ca.start) && overlap(p.b, cb) >= 0.8 * (cb.end - cb.start),
        );
        if (found) foundPairs++;
      }
    }
  }
  let truePositives = 0;
  let falsePositives = 0;
  let chromePassages = 0;
  let chromeFlagged = 0;
  let plantedFlagged = 0;
  const flaggedCover = new Map<string, Span[]>();
  for (const p of passages) {
    const onPlanted = (truth.get(`${p.a.source}|${p.b.source}`) ?? []).some(
      ([ca, cb]) => overlap(p.a, ca) * 2 >= p.a.end - p.a.start && overlap(p.b, cb) * 2 >= p.b.end - p.b.start,
    );
    const chromeA = corpus.chrome.get(p.a.source);
    const chromeB = corpus.chrome.get(p.b.source);
    const inChrome = (s: Span, c: typeof chromeA): boolean =>
      !!c && (overlap(s, { start: c.header[0], end: c.header[1] }) + overlap(s, { start: c.footer[0], end: c.footer[1] })) * 2 >= s.end - s.start;
    const onChrome = inChrome(p.a, chromeA) && inChrome(p.b, chromeB);
    if (onPlanted) {
      truePositives++;
      if (p.boilerplate) plantedFlagged++;
    } else if (onChrome) {
      chromePassages++;
      if (p.boilerplate) chromeFlagged++;
    } else falsePositives++;
    if (p.boilerplate) {
      for (const s of [p.a, p.b]) {
        const list = flaggedCover.get(s.source) ?? [];
        list.push(s);
        flaggedCover.set(s.source, list);
      }
    }
  }
  let covered = 0;
  for (const [doc, c] of corpus.chrome) {
    const spans = flaggedCover.get(doc) ?? [];
    const part = (r: [number, number]): number => {
      const marks = new Uint8Array(r[1] - r[0]);
      for (const s of spans) marks.fill(1, Math.max(0, s.start - r[0]), Math.max(0, Math.min(r[1], s.end) - r[0]));
      return marks.reduce((sum, m) => sum + m, 0) / Math.max(1, r[1] - r[0]);
    };
    if (part(c.header) >= 0.8 && part(c.footer) >= 0.8) covered++;
  }
  const reported = passages.length;
  const judged = truePositives + falsePositives;
  return {
    plantedPairs,
    foundPairs,
    recall: plantedPairs ? foundPairs / plantedPairs : 1,
    reported,
    truePositives,
    falsePositives,
    precision: judged ? truePositives / judged : 1,
    chromePassages,
    chromeFlagged,
    plantedFlagged,
    flagAccuracy: reported ? (chromeFlagged + truePositives - plantedFlagged) / (chromePassages + truePositives) : 1,
    chromeCoverage: corpus.chrome.size ? covered / corpus.chrome.size : 1,
  };
}
