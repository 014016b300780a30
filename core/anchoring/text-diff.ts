/**
 * The revision diff: one word-level diff between an old and a new text, turned into a position
 * mapping (text-mapping.ts). Words are aligned first (token-align.ts, anchored so that moved
 * paragraphs cost no more than edited words); then, inside each replaced stretch between kept text,
 * the characters both versions share at its start and end are kept as well, so a fixed typo or a
 * changed ending maps character by character instead of as a whole replaced word.
 */
import { TokenTable } from './diff-tokens';
import type { TokenStream } from './diff-tokens';
import { alignTokens } from './token-align';
import type { TokenRun } from './anchor-blocks';
import { TextMapping } from './text-mapping';
import type { Segment } from './text-mapping';
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';

/** The mapping from `oldText` to `newText`. Pure; about linear in the texts' length. */
export function diffTexts(oldText: string, newText: string): TextMapping {
  if (oldText === newText) {
    return new TextMapping(oldText, newText, oldText ? [{ oldStart: 0, newStart: 0, length: oldText.length, moved: false }] : []);
  }
  const table = new TokenTable();
  const a = table.tokenize(oldText);
  const b = table.tokenize(newText);
  const segments = characterSegments(a, b, alignTokens(a, b));
  return new TextMapping(oldText, newText, merged(withSharedEnds(oldText, newText, segments)));
}

/**
 * Token runs as character segments. Runs were aligned on loose ids (any whitespace equals any
 * other), so a run is cut wherever the actual token texts differ.
 */
function characterSegments(a: TokenStream, b: TokenStream, runs: readonly TokenRun[]): Segment[] {
  const out: Segment[] = [];
  for (const run of runs) {
    let from = -1;
    for (let k = 0; k <= run.len; k++) {
      const same = k < run.len && a.ids[run.o + k] === b.ids[run.n + k];
      if (same && from < 0) from = k;
      if (!same && from >= 0) {
        const oldStart = a.starts[run.o + from];
        out.push({ oldStart, newStart: b.starts[run.n + from], length: a.starts[run.o + k] - oldStart, moved: run.moved });
        from = -1;
      }
    }
  }
  return out;
}

/**
 * Adds, inside every replaced stretch between two segments that are neighbours in both texts, the
 * characters the old and new wording share at the start and at the end of the stretch (never cutting
 * a surrogate pair). `segments` is sorted by old offset; so is the result.
 */
function withSharedEnds(oldText: string, newText: string, segments: readonly Segment[]): Segment[] {
  const byNew = segments.map((_, k) => k).sort((x, y) => segments[x].newStart - segments[y].newStart);
  const rank = new Int32Array(segments.length);
  byNew.forEach((k, r) => (rank[k] = r));
  const out: Segment[] = [];
  for (let k = -1; k < segments.length; k++) {
    if (k >= 0) out.push(segments[k]);
    const left = segments[k];
    const right = segments[k + 1];
    if ((k + 1 < segments.length ? rank[k + 1] : segments.length) !== (k >= 0 ? rank[k] : -1) + 1) continue;
    const a0 = left ? left.oldStart + left.length : 0;
    const b0 = left ? left.newStart + left.length : 0;
    const a1 = right ? right.oldStart : oldText.length;
    const b1 = right ? right.newStart : newText.length;
    const room = Math.min(a1 - a0, b1 - b0);
    if (room <= 0) continue;
    const moved = !!left?.moved && !!right?.moved;
    let p = 0;
    while (p < room && oldText.charCodeAt(a0 + p) === newText.charCodeAt(b0 + p)) p++;
    if (p > 0 && isHighSurrogate(oldText.charCodeAt(a0 + p - 1))) p--;
    let s = 0;
    while (s < room - p && oldText.charCodeAt(a1 - 1 - s) === newText.charCodeAt(b1 - 1 - s)) s++;
    if (s > 0 && isLowSurrogate(oldText.charCodeAt(a1 - s))) s--;
    if (p > 0) out.push({ oldStart: a0, newStart: b0, length: p, moved });
    if (s > 0) out.push({ oldStart: a1 - s, newStart: b1 - s, length: s, moved });
  }
  return out;
}

/** Joins segments that continue each other in both texts. */
function merged(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.moved === s.moved && last.oldStart + last.length === s.oldStart && last.newStart + last.length === s.newStart) {
      out[out.length - 1] = { ...last, length: last.length + s.length };
    } else out.push({ ...s });
  }
  return out;
}
