/**
 * Suggestions as the viewer marks them in the margin: one mark per passage a suggestion has in the
 * open source (a claim candidate's sentence, a typo's word, each copy of a name spelled two ways,
 * each side of a difference that lies here), in text order, with stepping from mark to mark (from
 * where the reader is, found by binary search). Pure code: no DOM, no ProseMirror.
 */
import type { Suggestion, SuggestionCategory } from '../../core/inconsistency/types';
import { partitionPoint } from '../../core/text/binary-search';

/** One marked passage of the open source. */
export interface SuggestionMark {
  /** `<suggestion id>#<target index>`: unique among the marks of a page. */
  key: string;
  /** The suggestion's id. */
  id: string;
  category: SuggestionCategory;
  start: number;
  end: number;
}

/** The key of the mark on target `index` of suggestion `id`. */
export function markKey(id: string, index: number): string {
  return `${id}#${index}`;
}

/** The suggestion id a mark key belongs to. */
export function suggestionOfMark(key: string): string {
  const at = key.lastIndexOf('#');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * The marks of source `sourceId` (text of length `textLength`), sorted by start (then by key, so the
 * order is the same on every load). Targets in other sources, or that do not fit the text, are left out.
 */
export function suggestionMarks(suggestions: readonly Suggestion[], sourceId: string, textLength: number): SuggestionMark[] {
  const marks: SuggestionMark[] = [];
  for (const s of suggestions) {
    s.targets.forEach((t, i) => {
      if (t.source !== sourceId || !Number.isInteger(t.start) || !Number.isInteger(t.end) || t.start < 0 || t.end > textLength || t.end <= t.start) return;
      marks.push({ key: markKey(s.id, i), id: s.id, category: s.category, start: t.start, end: t.end });
    });
  }
  return marks.sort((a, b) => a.start - b.start || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const cache = new WeakMap<readonly Suggestion[], { sourceId: string; textLength: number; marks: SuggestionMark[] }>();

/** `suggestionMarks`, computed once per list: a list is never changed, a decision makes a new one. */
export function cachedSuggestionMarks(suggestions: readonly Suggestion[], sourceId: string, textLength: number): SuggestionMark[] {
  const hit = cache.get(suggestions);
  if (hit && hit.sourceId === sourceId && hit.textLength === textLength) return hit.marks;
  const marks = suggestionMarks(suggestions, sourceId, textLength);
  cache.set(suggestions, { sourceId, textLength, marks });
  return marks;
}

/** The index of the first mark starting at or after `offset` (marks.length when none). */
function firstMarkFrom(marks: readonly SuggestionMark[], offset: number): number {
  return partitionPoint(marks.length, (i) => marks[i].start < offset);
}

/**
 * The mark to go to from mark `current` in direction `dir`, wrapping at either end. With no current
 * mark (or one that is gone), the first mark at or after `from` going forward, or the last one
 * before it going back (`from`: where the reader is; the start of the text when not given). Null
 * when there are no marks.
 */
export function stepSuggestionMark(marks: readonly SuggestionMark[], current: string | null, dir: 1 | -1, from = 0): string | null {
  if (marks.length === 0) return null;
  const at = current === null ? -1 : marks.findIndex((m) => m.key === current);
  if (at >= 0) return marks[(at + dir + marks.length) % marks.length].key;
  const next = firstMarkFrom(marks, from);
  if (dir > 0) return marks[next % marks.length].key;
  return marks[(next - 1 + marks.length) % marks.length].key;
}

/** The first mark of suggestion `id`, or null when it has none here. */
export function firstMarkOf(marks: readonly SuggestionMark[], id: string): string | null {
  return marks.find((m) => m.id === id)?.key ?? null;
}
