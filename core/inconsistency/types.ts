/**
 * The shapes of suggested inconsistencies between two outlets' copies of a reused passage. A suggestion
 * is only a proposal: the user confirms it (it becomes an `inconsistency` annotation, see
 * `to-annotation.ts`) or dismisses it, and the dismissal is remembered by `id`.
 */
import type { SourceRange } from '../text/text-range';

/** What differs between the two copies. */
export type InconsistencyCategory = 'attribution' | 'number' | 'date' | 'name' | 'quote';

/**
 * Every kind of suggestion: the inconsistencies between copies above, plus the fact-checker's
 * assistant (issue 11, `core/assistant`): checkable claims, typos, names spelled two ways, and reused
 * blocks whose surrounding attribution differs.
 */
export const SUGGESTION_CATEGORIES = ['attribution', 'number', 'date', 'name', 'quote', 'claim', 'typo', 'name-variant', 'context'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

/** One of the differing passages, as an annotation target without the server-filled context. */
export interface SuggestionTarget extends SourceRange {
  /** Always `text.slice(start, end)` of that source. */
  exact: string;
}

/** What one side says: the speaker a statement is given to, or the number, date or name it gives. */
export interface SuggestionEvidence {
  source: string;
  value: string;
  /** Where the source says it, when that is not one of the targets (a speaker cue, a correct spelling). */
  start?: number;
  end?: number;
}

/** A proposal for the user to accept or dismiss, of any category. */
export interface Suggestion {
  /**
   * Deterministic from the content (category, source ids and the normalised words involved), not from
   * offsets, and independent of which source a passage names first: a dismissal stays valid when the
   * suggestions are recomputed after text elsewhere in a source moved.
   */
  id: string;
  category: SuggestionCategory;
  /** One plain-text sentence for the user, naming the sources involved. */
  summary: string;
  /** Two or more passages, ordered by source id. */
  targets: SuggestionTarget[];
  /** What each side says, in the same order as `targets`. */
  evidence: SuggestionEvidence[];
  /** Suggested tags for the annotation the user may create. */
  tags: string[];
  /** How likely the suggestion is worth the user's time, 0..1 (claim candidates). */
  score?: number;
  /** For claim candidates: the claim to pre-fill, `claimant` empty when the source does not say who. */
  claim?: { claimant: string };
}

/** A proposed inconsistency between two sources. */
export interface InconsistencySuggestion extends Suggestion {
  category: InconsistencyCategory;
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
