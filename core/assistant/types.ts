/**
 * The inputs of the fact-checker's assistant (issue 11): sources with their titles, the spelling
 * checker the typo pass consults, and the reuse passages the context pass reads. The suggestions it
 * returns have the shape every suggestion has (`Suggestion` in core/inconsistency/types.ts).
 */
import type { ReusePassage } from '../model/schemas';

/**
 * A spelling dictionary as the typo pass needs it. The server builds one from a Hunspell dictionary
 * (server/assistant/spelling-dictionary.ts); tests may pass any object with these two methods.
 */
export interface SpellChecker {
  /** Whether the word is spelled correctly ("Russia", "don't" and "colour" are). */
  correct(word: string): boolean;
  /** Likely intended words for a misspelled one, best first; may be slow. */
  suggest(word: string): string[];
}

/** A source as the assistant reads it. `title` names it in summaries (the id is used without one). */
export interface AssistantSource {
  id: string;
  text: string;
  title?: string;
}

/** Which sources belong to one story: name variants are also looked for across the sources of one. */
export type Stories = readonly (readonly string[])[];

/** Everything the assistant can use; detectors whose input is missing are skipped. */
export interface AssistantInput {
  sources: readonly AssistantSource[];
  /** Reuse passages (from core/reuse): context shifts, and boilerplate to leave out of the claim pass. */
  passages?: readonly ReusePassage[];
  /** Without a checker, no typos are suggested and name variants rely on the corpus alone. */
  spelling?: SpellChecker;
  /**
   * Groups of source ids telling one story. Default: the sources linked by reuse passages that are not
   * boilerplate, each other source being a story of its own.
   */
  stories?: Stories;
}
