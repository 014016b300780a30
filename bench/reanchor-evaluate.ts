/**
 * Scores re-anchoring results against the edit script's ground truth (reanchor-corpus.ts): unchanged
 * quotes must land on exactly their new range; edited quotes count as re-attached when they land on
 * exactly the range from their first to their last surviving word, and are also counted when they
 * overlap it by at least 80 % (character Jaccard), since where an edited edge word begins is partly a
 * matter of taste; quotes whose words are all gone should be orphaned.
 */
import type { QuoteTruth } from './reanchor-corpus';

/** Where a method put a quote in the new text; null: orphaned. */
export type Placement = { start: number; end: number } | null;

export interface Accuracy {
  unchanged: { total: number; exact: number; orphaned: number; misplaced: number };
  edited: { total: number; exact: number; overlapping: number; orphaned: number; misplaced: number };
  gone: { total: number; orphaned: number; attached: number };
  /** Unchanged quotes whose paragraph was moved: placed exactly. */
  moved: { total: number; exact: number };
  orphans: number;
}

const MIN_OVERLAP = 0.8;

function jaccard(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union > 0 ? inter / union : 0;
}

export function evaluate(truths: readonly QuoteTruth[], placements: readonly Placement[]): Accuracy {
  const acc: Accuracy = {
    unchanged: { total: 0, exact: 0, orphaned: 0, misplaced: 0 },
    edited: { total: 0, exact: 0, overlapping: 0, orphaned: 0, misplaced: 0 },
    gone: { total: 0, orphaned: 0, attached: 0 },
    moved: { total: 0, exact: 0 },
    orphans: 0,
  };
  truths.forEach((truth, k) => {
    const got = placements[k];
    if (!got) acc.orphans++;
    const exact = !!got && got.start === truth.start && got.end === truth.end;
    if (truth.kind === 'gone') {
      acc.gone.total++;
      if (got) acc.gone.attached++;
      else acc.gone.orphaned++;
    } else if (truth.kind === 'unchanged') {
      acc.unchanged.total++;
      if (!got) acc.unchanged.orphaned++;
      else if (exact) acc.unchanged.exact++;
      else acc.unchanged.misplaced++;
      if (truth.moved) {
        acc.moved.total++;
        if (exact) acc.moved.exact++;
      }
    } else {
      acc.edited.total++;
      if (!got) acc.edited.orphaned++;
      else if (jaccard(got, truth) >= MIN_OVERLAP) {
        acc.edited.overlapping++;
        if (exact) acc.edited.exact++;
      } else acc.edited.misplaced++;
    }
  });
  return acc;
}

/** `part / whole` as a percentage with two decimals ("-" for an empty whole). */
export function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(2)} %` : '-';
}
