/**
 * Turning a suggestion the user confirmed into the body of `POST /api/annotations`: an `inconsistency`
 * annotation on the differing passages, with the summary as its note and the suggested tags.
 */
import type { CreateAnnotation } from '../model/schemas';
import type { InconsistencySuggestion } from './types';

/** Options for the created annotation. */
export interface SuggestionAnnotationOptions {
  /** Annotation set; the server default (`default`) when omitted. */
  set?: string;
  /** Tags added to the suggestion's own, e.g. a user's choice in the confirm dialog. */
  extraTags?: readonly string[];
}

/** The CreateAnnotation body that records a confirmed suggestion. */
export function suggestionToAnnotation(
  suggestion: InconsistencySuggestion,
  options: SuggestionAnnotationOptions = {},
): CreateAnnotation {
  const tags = [...new Set([...suggestion.tags, ...(options.extraTags ?? [])])];
  const body: CreateAnnotation = {
    kind: 'inconsistency',
    targets: suggestion.targets.map(({ source, start, end, exact }) => ({ source, start, end, exact })),
    tags,
    note: suggestion.summary,
  };
  if (options.set !== undefined) body.set = options.set;
  return body;
}
