/** The fact-checker's assistant (issue 11): public surface of core/assistant. Re-exports only. */
export { suggestAssistant, ASSISTANT_CATEGORIES } from './assistant';
export type { AssistantCategory, AssistantOptions } from './assistant';
export { findClaimCandidates, DEFAULT_MIN_CLAIM_SCORE } from './claims';
export type { ClaimOptions } from './claims';
export { findTypos } from './typos';
export { findNameVariants } from './name-variants';
export type { NameVariantOptions } from './name-variants';
export { findContextShifts, DEFAULT_CONTEXT_MIN_WORDS } from './context-shifts';
export type { ContextShiftOptions } from './context-shifts';
export { buildCorpus, storyGroups } from './corpus';
export type { Corpus, CorpusDoc } from './corpus';
export { buildVocabulary } from './vocabulary';
export type { AssistantInput, AssistantSource, SpellChecker, Stories } from './types';
export type { Suggestion, SuggestionCategory } from '../inconsistency/types';
export { allSuggestions } from './all-suggestions';
