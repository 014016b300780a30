/**
 * Duplicate coverage as the viewer draws it: the aligned passages the server found (`ReusePassage`,
 * either side possibly the open source) turned into marks on the open source's text, each listing the
 * other copies of its words. Pure code (no DOM, no ProseMirror), shared by the reuse plugin, the
 * copies popover, the sidebar section and the carry button, and unit tested in Node.
 */
import type { ReusePassage, ReuseSpan } from '../../core/model';

/** Another copy of a marked passage: where it is in the other source, and how alike the two are. */
export interface ReuseCopy {
  source: string;
  start: number;
  end: number;
  words: number;
  similarity: number;
  boilerplate: boolean;
}

/** One reused passage of the open source, in text offsets, with every other copy of it. */
export interface ReuseMark {
  start: number;
  end: number;
  /** True when every copy is site boilerplate (navigation, footers): drawn muted. */
  boilerplate: boolean;
  /** The largest word count among the copies (the passage's size as the detector measured it). */
  words: number;
  copies: ReuseCopy[];
}

function fits(span: ReuseSpan, textLength: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= textLength && span.end > span.start;
}

/**
 * The marks of source `sourceId` (text of length `textLength`) from `passages`. Passages whose side
 * in this source is the same span become one mark listing all their copies, so three outlets sharing
 * one paragraph show one mark with two copies. Spans that do not fit the text are left out. Sorted by
 * start, longer first at equal starts (the outer element when drawn).
 */
export function reuseMarks(passages: readonly ReusePassage[], sourceId: string, textLength: number): ReuseMark[] {
  const byspan = new Map<string, ReuseMark>();
  const add = (here: ReuseSpan, other: ReuseSpan, p: ReusePassage) => {
    if (!fits(here, textLength)) return;
    const key = `${here.start}:${here.end}`;
    let mark = byspan.get(key);
    if (!mark) {
      mark = { start: here.start, end: here.end, boilerplate: true, words: 0, copies: [] };
      byspan.set(key, mark);
    }
    if (mark.copies.some((c) => c.source === other.source && c.start === other.start && c.end === other.end)) return;
    mark.copies.push({ source: other.source, start: other.start, end: other.end, words: p.words, similarity: p.similarity, boilerplate: p.boilerplate });
    mark.boilerplate &&= p.boilerplate;
    mark.words = Math.max(mark.words, p.words);
  };
  for (const p of passages) {
    // A passage repeated inside one source has both sides here: each side is a copy of the other.
    if (p.a.source === sourceId) add(p.a, p.b, p);
    if (p.b.source === sourceId) add(p.b, p.a, p);
  }
  const marks = [...byspan.values()];
  for (const m of marks) m.copies.sort((x, y) => y.similarity - x.similarity || x.source.localeCompare(y.source) || x.start - y.start);
  return marks.sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Similarity as a whole percentage, never rounding a near-copy up to a claimed 100%. */
export function similarityPercent(similarity: number): string {
  const pct = Math.max(0, Math.min(100, similarity * 100));
  return `${pct >= 99.5 && similarity < 1 ? 99 : Math.round(pct)}%`;
}

/** Indices of the marks covering text offset `offset` (start inclusive, end exclusive), innermost first. */
export function marksAt(marks: readonly ReuseMark[], offset: number): number[] {
  const found: number[] = [];
  marks.forEach((m, i) => {
    if (m.start <= offset && offset < m.end) found.push(i);
  });
  return found.sort((a, b) => marks[a].end - marks[a].start - (marks[b].end - marks[b].start));
}

/** Indices of the marks overlapping the text range [start, end). */
export function marksOverlapping(marks: readonly ReuseMark[], start: number, end: number): number[] {
  const found: number[] = [];
  marks.forEach((m, i) => {
    if (m.start < end && start < m.end) found.push(i);
  });
  return found;
}

/**
 * The mark to move to from mark `current` (null: none yet) in direction `dir`, wrapping around at
 * either end; null when there are no marks. Marks are in text order, so this steps through the text.
 */
export function stepMark(marks: readonly ReuseMark[], current: number | null, dir: 1 | -1): number | null {
  if (marks.length === 0) return null;
  if (current === null || current < 0 || current >= marks.length) return dir > 0 ? 0 : marks.length - 1;
  return (current + dir + marks.length) % marks.length;
}

/** Every copy of the marks at `indices`, without repeats, most similar first. */
export function copiesOf(marks: readonly ReuseMark[], indices: readonly number[]): ReuseCopy[] {
  const out: ReuseCopy[] = [];
  for (const i of indices) {
    for (const c of marks[i]?.copies ?? []) {
      if (!out.some((o) => o.source === c.source && o.start === c.start && o.end === c.end)) out.push(c);
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || x.source.localeCompare(y.source));
}
