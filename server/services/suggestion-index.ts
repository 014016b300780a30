/**
 * Every suggestion over the loaded sources (core/assistant's `allSuggestions`: differences between
 * copies of reused passages, claims, typos, names spelled two ways, context shifts), computed when
 * first asked for and kept until a source changes. The spelling dictionary loads once, in the
 * background; until it has, typos are simply not among the suggestions.
 */
import { allSuggestions, type SpellChecker, type Suggestion } from '../../core/assistant';
import type { SourceLibrary } from '../sources/source-library';
import type { ReuseService } from './reuse-service';

export class SuggestionIndex {
  private cache: Suggestion[] | null = null;
  private spelling: SpellChecker | undefined;
  /** Settles once the dictionary loaded (or failed to). */
  readonly ready: Promise<void>;

  constructor(
    private readonly sources: SourceLibrary,
    private readonly reuse: ReuseService,
    loadSpelling: (() => Promise<SpellChecker>) | undefined,
    log: (line: string) => void = () => {},
  ) {
    this.ready = loadSpelling
      ? loadSpelling().then(
          (checker) => {
            this.spelling = checker;
            this.cache = null;
          },
          (e: unknown) => log(`collate: typo suggestions are off (${e instanceof Error ? e.message : String(e)})`),
        )
      : Promise.resolve();
    sources.onChange(() => {
      this.cache = null;
    });
  }

  all(): Suggestion[] {
    if (!this.cache) {
      const sources = this.sources.list().map((s) => ({ id: s.id, text: s.text, title: s.title }));
      this.cache = allSuggestions({ sources, passages: this.reuse.passages(), spelling: this.spelling });
    }
    return this.cache;
  }
}
