/**
 * The shapes of suggested inconsistencies between two outlets' copies of a reused passage. A suggestion
 * is only a proposal: the user confirms it (it becomes an `inconsistency` annotation, see
 * `to-annotation.ts`) or dismisses it, and the dismissal is remembered by `id`.
 */
import type { SourceRange } from '../text/text-range';

/** What differs between the two copies. */
export type InconsistencyCategory = 'attribution' | 'number' | 'date' | 'name' | 'quote';

/** One of the differing passages, as an annotation target without the server-filled context. */
export interface SuggestionTarget extends SourceRange {
  /** Always `text.slice(start, end)` of that source. */
  exact: string;
}

/** What one side says: the speaker a statement is given to, or the number, date or name it gives. */
export interface SuggestionEvidence {
  source: string;
  value: string;
}

/** A proposed inconsistency between two sources. */
export interface InconsistencySuggestion {
  /**
   * Deterministic from the content (category, source ids and the normalised words on each side), not
   * from offsets, and independent of which source the passage names first: a dismissal stays valid when
   * the suggestions are recomputed after text elsewhere in a source moved.
   */
  id: string;
  category: InconsistencyCategory;
  /** One plain-text sentence for the user, naming both sources. */
  summary: string;
  /** Two or more passages, ordered by source id. */
  targets: SuggestionTarget[];
  /** What each side says, in the same order as `targets`. */
  evidence: SuggestionEvidence[];
  /** Suggested tags for the annotation the user may create. */
  tags: string[];
}

/** A source as this module needs it: its id and raw text (a `Source` fits). */
export interface SourceText {
  id: string;
  text: string;
}

/**
 * The sources passages refer to: a map from id (to a source or to its raw text) or a list of sources.
 */
export type SourceTexts =
  | ReadonlyMap<string, SourceText | string>
  | readonly SourceText[];
