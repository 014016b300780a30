/**
 * What autocomplete offers for a claimant or a tag: the names in use that fit what was typed, most
 * used first, so "Frank A. Rose" is offered to whoever starts typing "Fra" or "Rose" and the two
 * spellings stop drifting apart. For a comma separated tag list, the tag being typed is the one at
 * the caret; `parseTags` is the one reading of such a list for the annotation form, the link dialog
 * and the autocomplete, so "a, b,, a" means the same everywhere. Pure code.
 */

import type { VocabularyEntry } from '../../core/annotations/vocabulary';

/** A name in use and how many annotations carry it. */
export type NameCount = VocabularyEntry;

/** The part of a comma separated list the caret is in: where it starts and ends, and its text. */
export interface ListToken {
  start: number;
  end: number;
  text: string;
}

/**
 * The names of `entries` that fit `typed`, at most `limit`: names starting with it first, then names
 * with a word starting with it, then names holding it; within each, the most used first. Case is
 * ignored; names in `exclude` (already chosen) are left out. Nothing typed: the most used names.
 */
export function completions(entries: readonly NameCount[], typed: string, exclude: readonly string[] = [], limit = 8): NameCount[] {
  const want = typed.trim().toLowerCase();
  const skip = new Set(exclude.map((e) => e.trim().toLowerCase()));
  const ranked: { e: NameCount; rank: number }[] = [];
  for (const e of entries) {
    const name = e.name.toLowerCase();
    if (skip.has(name)) continue;
    let rank: number;
    if (want === '' || name.startsWith(want)) rank = 0;
    else if (name.split(/[\s\-_.]+/).some((w) => w.startsWith(want))) rank = 1;
    else if (name.includes(want)) rank = 2;
    else continue;
    ranked.push({ e, rank });
  }
  ranked.sort((x, y) => x.rank - y.rank || y.e.count - x.e.count || x.e.name.localeCompare(y.e.name));
  return ranked.slice(0, limit).map((r) => r.e);
}

/** The comma separated entry of `value` holding the caret at `caret`, trimmed of its spaces. */
export function tokenAt(value: string, caret: number): ListToken {
  const at = Math.max(0, Math.min(caret, value.length));
  const start = value.lastIndexOf(',', at - 1) + 1;
  const comma = value.indexOf(',', at);
  const end = comma < 0 ? value.length : comma;
  const raw = value.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { start: start + lead, end: start + lead + text.length, text };
}

/** `value` with `token` replaced by `name`, followed by ", " when it was the last entry; and the caret after it. */
export function replaceToken(value: string, token: ListToken, name: string): { value: string; caret: number } {
  const before = value.slice(0, token.start);
  const after = value.slice(token.end);
  const last = after.trim() === '';
  const next = before + name + (last ? ', ' : after);
  return { value: next, caret: before.length + name.length + (last ? 2 : 0) };
}

/** The entries of a comma separated list other than the one at `token` (the tags chosen already). */
export function otherTokens(value: string, token: ListToken): string[] {
  return (value.slice(0, token.start) + value.slice(token.end)).split(',').map((t) => t.trim()).filter(Boolean);
}

/** Tags from comma separated input: trimmed, empty ones dropped, duplicates removed (first kept, any case). */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}
