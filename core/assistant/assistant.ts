/**
 * The fact-checker's assistant (issue 11) in one call: claim candidates, typos, names spelled two
 * ways and context shifts over a set of sources, each detector pure (text in, suggestions out) and run
 * when its input is there (typos need a spelling checker, context shifts reuse passages). The sources
 * are analysed once and shared by all detectors.
 */
import type { Suggestion, SuggestionCategory } from '../inconsistency/types';
import { findClaimCandidates } from './claims';
import { findContextShifts } from './context-shifts';
import { buildCorpus, storyGroups } from './corpus';
import { findNameVariants } from './name-variants';
import { findTypos } from './typos';
import type { AssistantInput } from './types';
import { buildVocabulary } from './vocabulary';

/** The assistant's categories, in the order its results are listed. */
export const ASSISTANT_CATEGORIES = ['claim', 'typo', 'name-variant', 'context'] as const satisfies readonly SuggestionCategory[];
export type AssistantCategory = (typeof ASSISTANT_CATEGORIES)[number];

export interface AssistantOptions {
  /** Only these categories (default: all four). */
  categories?: readonly AssistantCategory[];
  /** Lowest claim score proposed (default 0.5). */
  minClaimScore?: number;
}

/**
 * Every suggestion of the assistant, grouped by category in the order of `ASSISTANT_CATEGORIES`, then
 * by source order and offset. Ids are deterministic from the content.
 *
 * @throws RangeError when two sources share an id or a passage lies outside its source.
 */
export function suggestAssistant(input: AssistantInput, options: AssistantOptions = {}): Suggestion[] {
  const wanted = new Set<AssistantCategory>(options.categories ?? ASSISTANT_CATEGORIES);
  const corpus = buildCorpus(input.sources);
  const vocabulary = buildVocabulary(corpus);
  const out: Suggestion[] = [];
  if (wanted.has('claim')) {
    out.push(...findClaimCandidates(corpus, { passages: input.passages, minScore: options.minClaimScore }));
  }
  if (wanted.has('typo') && input.spelling) out.push(...findTypos(corpus, input.spelling, vocabulary));
  if (wanted.has('name-variant')) {
    const stories = storyGroups(corpus, input.passages, input.stories);
    out.push(...findNameVariants(corpus, { stories, spelling: input.spelling, vocabulary }));
  }
  if (wanted.has('context') && input.passages) out.push(...findContextShifts(corpus, input.passages));
  return out;
}
