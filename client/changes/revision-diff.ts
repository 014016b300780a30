/**
 * What changed between two revisions of a source, in the shape the compare view draws: the server's
 * own revision diff (core/anchoring/text-diff.ts, the one that re-anchors annotations) says which
 * text both revisions keep; every stretch between kept text is a change, widened to whole lines on
 * both sides (by the same kept text, so the two sides still correspond) and merged with its
 * neighbours where they meet. Each change becomes one "passage" of the compare layout, whose words
 * the compare view's word diff marks; unchanged text stays plain. Pure code.
 */
import { diffTexts } from '../../core/anchoring/text-diff';
import type { Segment as Kept } from '../../core/anchoring/text-mapping';
import { segmentsOf, type CompareLayout, type OrientedPassage } from '../compare/alignment-layout';
import { wordDiff, type PassageDiff } from '../compare/word-diff';
import { wordCount } from '../../core/text/word-count';

/** One change: old `[a0, a1)` became new `[b0, b1)`. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** How a change reads: words only in the newer text, only in the older one, or both. */
export type ChangeKind = 'added' | 'removed' | 'reworded';

/** The two revisions as the compare columns draw them, with what each change is. */
export interface RevisionDiff {
  layout: CompareLayout;
  diffs: PassageDiff[];
  kinds: ChangeKind[];
  /** Changes too long to compare word by word, marked whole instead. */
  whole: boolean[];
}

/**
 * Longest side of a change compared word by word. The word diff's cost grows with the length times
 * the differences, so a rewritten stretch of a whole article (or a text whose words repeat so much
 * that the revision diff finds no anchor) would hold the page for seconds: such a change is marked
 * whole.
 */
export const MAX_WORD_DIFF_CHARS = 20_000;

/**
 * The kept segments that stay in place, in order in both texts: moved text (and whatever the diff
 * kept out of order) counts as removed at its old place and added at its new one.
 */
export function keptInPlace(segments: readonly Kept[]): Kept[] {
  const chain: Kept[] = [];
  let newEnd = 0;
  for (const s of segments) {
    if (s.moved || s.newStart < newEnd) continue;
    chain.push(s);
    newEnd = s.newStart + s.length;
  }
  return chain;
}

const lineStart = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (text: string, pos: number) => {
  const i = text.indexOf('\n', pos);
  return i < 0 ? text.length : i;
};
const sameWords = (x: string, y: string) => x.replace(/\s+/g, ' ').trim() === y.replace(/\s+/g, ' ').trim();

/**
 * The changes between `oldText` and `newText` given the text they keep in place (`chain`, ordered in
 * both), each widened to whole lines and merged where they meet; changes of whitespace alone are left
 * out. Sorted, not overlapping, in both texts.
 */
export function changeHunks(oldText: string, newText: string, chain: readonly Kept[]): Hunk[] {
  const gaps: Hunk[] = [];
  for (let i = 0; i <= chain.length; i++) {
    const before = chain[i - 1];
    const after = chain[i];
    const gap = {
      a0: before ? before.oldStart + before.length : 0,
      b0: before ? before.newStart + before.length : 0,
      a1: after ? after.oldStart : oldText.length,
      b1: after ? after.newStart : newText.length,
    };
    if (gap.a0 < gap.a1 || gap.b0 < gap.b1) gaps.push(gap);
  }
  // Between two gaps the texts are equal, so a widening by n characters is the same on both sides.
  const widened = gaps.map((g, k) => {
    const roomLeft = k > 0 ? g.a0 - gaps[k - 1].a1 : g.a0;
    const roomRight = k + 1 < gaps.length ? gaps[k + 1].a0 - g.a1 : oldText.length - g.a1;
    let left = Math.min(roomLeft, Math.max(g.a0 - lineStart(oldText, g.a0), g.b0 - lineStart(newText, g.b0)));
    const right = Math.min(roomRight, Math.max(lineEnd(oldText, g.a1) - g.a1, lineEnd(newText, g.b1) - g.b1));
    // Whole lines added or removed between two others: the line before shows where.
    if ((g.a0 - left === g.a1 + right || g.b0 - left === g.b1 + right) && g.a0 - left > 0) {
      left = Math.min(roomLeft, g.a0 - lineStart(oldText, g.a0 - left - 1));
    }
    return { a0: g.a0 - left, b0: g.b0 - left, a1: g.a1 + right, b1: g.b1 + right };
  });
  const merged: Hunk[] = [];
  for (const h of widened) {
    const last = merged[merged.length - 1];
    if (last && h.a0 <= last.a1) {
      last.a1 = Math.max(last.a1, h.a1);
      last.b1 = Math.max(last.b1, h.b1);
    } else merged.push({ ...h });
  }
  return merged.filter((h) => !sameWords(oldText.slice(h.a0, h.a1), newText.slice(h.b0, h.b1)));
}


/**
 * The compare layout of revision `oldText` (source id `a`) against `newText` (source id `b`): one
 * passage per change, with its word diff and what kind of change it is.
 */
export function revisionDiff(oldText: string, newText: string, a: string, b: string): RevisionDiff {
  const hunks = changeHunks(oldText, newText, keptInPlace(diffTexts(oldText, newText).segments));
  const passages: OrientedPassage[] = [];
  const diffs: PassageDiff[] = [];
  const kinds: ChangeKind[] = [];
  const whole: boolean[] = [];
  for (const h of hunks) {
    const before = oldText.slice(h.a0, h.a1);
    const after = newText.slice(h.b0, h.b1);
    const long = before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS;
    const diff: PassageDiff = long
      ? { a: h.a1 > h.a0 ? [{ start: h.a0, end: h.a1, mark: h.b1 > h.b0 ? 'changed' : 'removed' }] : [], b: h.b1 > h.b0 ? [{ start: h.b0, end: h.b1, mark: h.a1 > h.a0 ? 'changed' : 'inserted' }] : [] }
      : wordDiff(before, after, h.a0, h.b0);
    whole.push(long);
    const words = wordCount(after) || wordCount(before);
    const kept = Math.max(0, words - diff.b.reduce((n, r) => n + wordCount(newText.slice(r.start, r.end)), 0));
    passages.push({ a: { source: a, start: h.a0, end: h.a1 }, b: { source: b, start: h.b0, end: h.b1 }, words, similarity: words ? kept / words : 0, boilerplate: false });
    diffs.push(diff);
    kinds.push(diff.a.length === 0 ? 'added' : diff.b.length === 0 ? 'removed' : 'reworded');
  }
  return {
    layout: {
      passages,
      a: segmentsOf(oldText.length, passages.map((p, i) => ({ start: p.a.start, end: p.a.end, passage: i }))),
      b: segmentsOf(newText.length, passages.map((p, i) => ({ start: p.b.start, end: p.b.end, passage: i }))),
    },
    diffs,
    kinds,
    whole,
  };
}
