/**
 * The annotations page's transitions for what happens elsewhere: another person's new or changed
 * annotation joins the results in its place when it matches the search (or leaves them when it no
 * longer does), a deleted one leaves them, all without searching again. Sets made elsewhere join
 * the set filter. The rest goes to applySearch. Pure code.
 */
import type { Annotation } from '../../core/model';
import { compareAnnotations, matchesFilter } from '../../core/annotations/annotation-filter';
import { applyRemoteToList, removeFromList } from '../live/remote-records';
import { applySearch, type SearchAction, type SearchState } from './search-state';

export type SearchLiveAction =
  | { type: 'remote-annotation'; annotation: Annotation }
  | { type: 'remote-deleted'; id: string }
  | { type: 'sets-reloaded'; sets: readonly string[] };

/** Every action of the annotations page. */
export type SearchPageAction = SearchAction | SearchLiveAction;

const ORDER = compareAnnotations();

/** The next state after `action`. Pure. */
export function applySearchPage(state: SearchState, action: SearchPageAction): SearchState {
  switch (action.type) {
    case 'remote-annotation': {
      // While a search is under way its answer will be current; a failed one shows no list.
      if (state.results.phase !== 'ready') return state;
      const matches = matchesFilter(action.annotation, { ...state.search });
      const list = applyRemoteToList(state.results.list, action.annotation, matches, ORDER);
      return list === state.results.list ? state : { ...state, results: { phase: 'ready', list } };
    }
    case 'remote-deleted': {
      if (state.results.phase !== 'ready') return state;
      const list = removeFromList(state.results.list, action.id);
      return list === state.results.list ? state : { ...state, results: { phase: 'ready', list } };
    }
    case 'sets-reloaded':
      return { ...state, sets: action.sets };
    default:
      return applySearch(state, action);
  }
}
