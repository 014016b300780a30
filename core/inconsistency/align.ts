/**
 * Word alignment of two copies of a passage: which tokens are the same (by normalised key) and where
 * the copies differ. A difference is a hunk with the length of the identical runs around it, which the
 * rules use to tell a substitution inside shared text from unrelated text at a passage's edge.
 */
import { diffArrays } from 'diff';
import type { Token } from './tokens';

/** A place where the copies differ: token index ranges [start, end) into each side's token list. */
export interface Hunk {
  a: [number, number];
  b: [number, number];
  /** Identical tokens right before and right after the hunk (0 at an edge of the compared text). */
  before: number;
  after: number;
}

/** The alignment of two token lists. */
export interface Alignment {
  /** Index pairs of identical tokens, ascending on both sides. */
  pairs: [number, number][];
  hunks: Hunk[];
}

/** Aligns two token lists by their keys (a minimal word diff). */
export function alignTokens(a: readonly Token[], b: readonly Token[]): Alignment {
  const changes = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  const pairs: [number, number][] = [];
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  let lastEqual = 0;
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (!change.added && !change.removed) {
      if (open) {
        open.after = n;
        hunks.push(open);
        open = undefined;
      }
      for (let k = 0; k < n; k++) pairs.push([i + k, j + k]);
      i += n;
      j += n;
      lastEqual = n;
      continue;
    }
    open ??= { a: [i, i], b: [j, j], before: lastEqual, after: 0 };
    if (change.removed) {
      i += n;
      open.a[1] = i;
    } else {
      j += n;
      open.b[1] = j;
    }
    lastEqual = 0;
  }
  if (open) hunks.push(open);
  return { pairs, hunks };
}
