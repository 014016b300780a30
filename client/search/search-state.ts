/**
 * The state of the annotations page (`#/annotations`): the search (words, kind, verdict, tag, set),
 * its results across every source, and how many of them are drawn. Pure transitions; answers to
 * an older search than the one shown are dropped, so fast typing never shows stale results.
 */
import type { Annotation } from '../../core/model';
import type { AnnotationSearch } from '../shared/routes';

/** How many results are drawn at first, and added by "Show more". */
export const PAGE_SIZE = 100;

/** The state of the annotations page. */
export interface SearchState {
  search: AnnotationSearch;
  /** Counts searches, so an answer can be matched to the search it answers. */
  seq: number;
  results: { phase: 'loading' } | { phase: 'ready'; list: readonly Annotation[] } | { phase: 'failed'; message: string };
  /** Titles of the sources by id, for the result lines. */
  titles: ReadonlyMap<string, string>;
  sets: readonly string[];
  tags: readonly string[];
  shown: number;
}

export type SearchAction =
  | { type: 'context-loaded'; titles: ReadonlyMap<string, string>; sets: readonly string[]; tags: readonly string[] }
  | { type: 'search'; search: AnnotationSearch }
  | { type: 'results'; seq: number; list: readonly Annotation[] }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'more' };

/** The state of a page opened on `search`. */
export function initialSearchState(search: AnnotationSearch): SearchState {
  return { search, seq: 1, results: { phase: 'loading' }, titles: new Map(), sets: [], tags: [], shown: PAGE_SIZE };
}

/** The next state after `action`. Pure. */
export function applySearch(state: SearchState, action: SearchAction): SearchState {
  switch (action.type) {
    case 'context-loaded':
      return { ...state, titles: action.titles, sets: action.sets, tags: action.tags };
    case 'search':
      return { ...state, search: action.search, seq: state.seq + 1, results: { phase: 'loading' }, shown: PAGE_SIZE };
    case 'results':
      return action.seq === state.seq ? { ...state, results: { phase: 'ready', list: action.list } } : state;
    case 'failed':
      return action.seq === state.seq ? { ...state, results: { phase: 'failed', message: action.message } } : state;
    case 'more':
      return { ...state, shown: state.shown + PAGE_SIZE };
  }
}

/** Whether the search narrows anything (else the page lists every annotation). */
export function isBlankSearch(search: AnnotationSearch): boolean {
  return !Object.values(search).some((v) => typeof v === 'string' && v.trim() !== '');
}
