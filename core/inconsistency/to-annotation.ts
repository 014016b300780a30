/**
 * Turning a suggestion the user accepted into the body of `POST /api/annotations`, by category:
 * differences between copies and context shifts become an `inconsistency` on the passages with the
 * summary as its note; a claim candidate becomes an unverified `claim` with the claimant filled; a
 * typo or a name spelled two ways becomes a `note` tagged `typo` that gives the correction.
 */
import type { CreateAnnotation } from '../model/schemas';
import type { Suggestion } from './types';

/** Options for the created annotation. */
export interface SuggestionAnnotationOptions {
  /** Annotation set; the server default (`default`) when omitted. */
  set?: string;
  /** Tags added to the suggestion's own, e.g. a user's choice in the confirm dialog. */
  extraTags?: readonly string[];
}

/** The spelling a typo or name-variant suggestion proposes, and the one it replaces. */
export function correctionOf(s: Suggestion): { wrong: string; right: string } | undefined {
  if (s.category !== 'typo' && s.category !== 'name-variant') return undefined;
  const [wrong, right] = s.evidence;
  return wrong && right ? { wrong: wrong.value, right: right.value } : undefined;
}

/** The CreateAnnotation body that records an accepted suggestion. */
export function suggestionToAnnotation(suggestion: Suggestion, options: SuggestionAnnotationOptions = {}): CreateAnnotation {
  const tags = [...new Set([...suggestion.tags, ...(options.extraTags ?? [])])];
  const target = ({ source, start, end, exact }: Suggestion['targets'][number]) => ({ source, start, end, exact });
  let body: CreateAnnotation;
  const fix = correctionOf(suggestion);
  if (suggestion.category === 'claim') {
    body = {
      kind: 'claim',
      targets: suggestion.targets.map(target),
      tags,
      note: '',
      claim: { claimant: suggestion.claim?.claimant ?? '', verdict: 'unverified', evidence: [] },
    };
  } else if (fix) {
    // The note sits on the misspelt passages, not on the correct spelling quoted for comparison.
    const wrong = suggestion.targets.filter((t) => t.exact.includes(fix.wrong));
    body = {
      kind: 'note',
      targets: (wrong.length ? wrong : suggestion.targets.slice(0, 1)).map(target),
      tags: [...new Set(['typo', ...tags])],
      note: `Correction: “${fix.wrong}” → “${fix.right}”. ${suggestion.summary}`,
    };
  } else {
    body = { kind: 'inconsistency', targets: suggestion.targets.map(target), tags, note: suggestion.summary };
  }
  if (options.set !== undefined) body.set = options.set;
  return body;
}
