/** Reuse (duplicate coverage) detection: public surface of core/reuse. Re-exports only. */
export { findReuse, ReuseIndex, DEFAULT_DF_CAP, DEFAULT_MIN_WORDS } from './reuse-index';
export { passageSimilarity, similarityPercent } from './similarity';
export type { FindReuseOptions, ReuseDocument, ReuseOptions, ReuseProgress } from './reuse-index';
export { tokenize, normalizedWords } from './tokenize';
export type { TokenizedText } from './tokenize';
