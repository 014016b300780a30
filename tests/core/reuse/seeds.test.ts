/**
 * Reuse detection on the five seed articles: the reuses a reader finds by hand must come out, as whole
 * passages, with the site chrome flagged as boilerplate and the reused reporting not.
 */
import { describe, expect, it } from 'vitest';
import type { ReusePassage } from '../../../core/model/schemas';
import { findReuse } from '../../../core/reuse';
import { seedDocuments } from './fixtures';

const docs = seedDocuments();
const text = (id: string): string => docs.find((d) => d.id === id)?.text ?? '';
const passages = findReuse(docs);

const PURSUES = 'newsblaze-us-pursues-cooperation';
const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
const RENEWS = 'gsn-us-renews-call-for-russia';
const PLEDGE = 'gsn-russia-could-receive-pledge';

/** Raw span of the text from `first` through `last` (both inclusive), which must occur once. */
function locate(id: string, first: string, last: string = first): [number, number] {
  const t = text(id);
  const start = t.indexOf(first);
  expect(start, `"${first}" in ${id}`).toBeGreaterThanOrEqual(0);
  expect(t.indexOf(first, start + 1), `"${first}" once in ${id}`).toBe(-1);
  const lastAt = t.indexOf(last, start);
  expect(lastAt, `"${last}" in ${id}`).toBeGreaterThanOrEqual(0);
  return [start, lastAt + last.length];
}

function side(p: ReusePassage, id: string): { start: number; end: number } | undefined {
  return p.a.source === id ? p.a : p.b.source === id ? p.b : undefined;
}

/** Passages between x and y whose spans contain the word-trimmed spans [sx] and [sy]. */
function covering(x: string, sx: [number, number], y: string, sy: [number, number]): ReusePassage[] {
  const inside = (s: { start: number; end: number } | undefined, r: [number, number]): boolean =>
    s !== undefined && s.start <= r[0] && s.end >= r[1];
  return passages.filter((p) => p.a.source !== p.b.source && inside(side(p, x), sx) && inside(side(p, y), sy));
}

/** Trims punctuation and quotes off a located span: passages start and end on words. */
function words(id: string, span: [number, number]): [number, number] {
  const t = text(id);
  let [s, e] = span;
  while (s < e && !/[\p{L}\p{N}]/u.test(t[s])) s++;
  while (e > s && !/[\p{L}\p{N}]/u.test(t[e - 1])) e--;
  return [s, e];
}

describe('seed corpus reuse', () => {
  it('orients every passage with a.source < b.source and spans within the texts', () => {
    expect(passages.length).toBeGreaterThan(0);
    for (const p of passages) {
      expect(p.a.source < p.b.source).toBe(true);
      expect(p.a.end).toBeLessThanOrEqual(text(p.a.source).length);
      expect(p.b.end).toBeLessThanOrEqual(text(p.b.source).length);
      expect(p.similarity).toBeGreaterThan(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
      expect(p.words).toBeGreaterThanOrEqual(8);
    }
  });

  it('finds the Joint Threat Assessment closing block as one passage, not boilerplate', () => {
    const first = 'Both governments are continuing to discuss a mutually acceptable approach';
    const sa = words(PURSUES, locate(PURSUES, first, 'launch notifications between two countries.'));
    const sb = words(UNDERCUT, locate(UNDERCUT, first, 'launch notifications between our two countries.'));
    const found = covering(PURSUES, sa, UNDERCUT, sb);
    expect(found).toHaveLength(1);
    expect(found[0].boilerplate).toBe(false);
    expect(found[0].words).toBeGreaterThanOrEqual(210);
    expect(found[0].similarity).toBeGreaterThan(0.98);
    expect(found[0].similarity).toBeLessThan(1); // the inserted "our"
    // The passage stops at the block, before the author's biography.
    const bio = text(PURSUES).indexOf('Mina Fabulous follows the news');
    expect(side(found[0], PURSUES)?.end).toBeLessThan(bio);
  });

  it('finds the shared author biography and flags it as an author footer (boilerplate)', () => {
    const first = 'Mina Fabulous follows the news';
    const last = 'the name given by her family and friends';
    const found = covering(
      PURSUES,
      words(PURSUES, locate(PURSUES, first, last)),
      UNDERCUT,
      words(UNDERCUT, locate(UNDERCUT, first, last)),
    );
    expect(found).toHaveLength(1);
    expect(found[0].boilerplate).toBe(true);
  });

  it("finds Frank Rose's quotes shared by the GSN (RIA-based) and NewsBlaze reports", () => {
    const quotes: [string, string][] = [
      ['lose cooperation between Russia and the United States and NATO', 'cannot and will not undermine its strategic deterrent'],
      ['Russia is not being asked to blindly trust us', 'trust us'],
      ['through cooperation, Russia would see firsthand', 'strategic nuclear deterrent capabilities'],
    ];
    for (const [first, last] of quotes) {
      const found = covering(
        RENEWS,
        words(RENEWS, locate(RENEWS, first.replace('through', 'Through'), last)),
        PURSUES,
        words(PURSUES, locate(PURSUES, first, last)),
      );
      expect(found.length, first).toBeGreaterThanOrEqual(1);
      expect(found.every((p) => !p.boilerplate)).toBe(true);
    }
  });

  it('flags the GSN site chrome shared by the two GSN articles as boilerplate', () => {
    const chrome: [string, string][] = [
      ['Jump to search', 'NationalJournal logo'],
      ['Note to our Readers', 'NTI Analysis'],
      ['This page contains interactive 3D missile models for North Korea', 'left mouse button'],
      ['historical and current policies relating to nuclear', 'Learn More'],
    ];
    for (const [first, last] of chrome) {
      const found = covering(PLEDGE, words(PLEDGE, locate(PLEDGE, first, last)), RENEWS, words(RENEWS, locate(RENEWS, first, last)));
      expect(found.length, first).toBeGreaterThanOrEqual(1);
      expect(found.every((p) => p.boilerplate)).toBe(true);
    }
    // Nothing between the two GSN articles is left unflagged: they share chrome only.
    const gsn = passages.filter((p) => p.a.source === PLEDGE && p.b.source === RENEWS);
    expect(gsn.length).toBeGreaterThanOrEqual(4);
    expect(gsn.every((p) => p.boilerplate)).toBe(true);
  });

  it('never flags reuse across outlets as boilerplate', () => {
    const outletOf = (id: string): string | undefined => docs.find((d) => d.id === id)?.outlet;
    const cross = passages.filter((p) => outletOf(p.a.source) !== outletOf(p.b.source));
    expect(cross.length).toBeGreaterThan(0);
    expect(cross.every((p) => !p.boilerplate)).toBe(true);
  });

  it('finds the "sectoral" missile defense passage attributed to different speakers', () => {
    const phrase = 'cannot agree to Russia’s proposal for “sectoral” missile defense';
    const found = covering(
      PURSUES,
      words(PURSUES, locate(PURSUES, phrase)),
      UNDERCUT,
      words(UNDERCUT, locate(UNDERCUT, phrase)),
    );
    expect(found).toHaveLength(1);
    expect(found[0].boilerplate).toBe(false);
  });
});
