/**
 * The compare view's transitions for what happens elsewhere: another person's new, changed or
 * deleted annotation on either source shows in the columns at once (applied to the state, nothing
 * loaded again), and sets made elsewhere are offered in the link dialog. A new revision of either
 * source is offered as a reload by the page, not swapped in; annotations already re-anchored to it
 * wait for that reload. The rest goes to applyCompare. Pure code.
 */
import type { Annotation } from '../../core/model';
import { applyRemote, belongingTo, removeRemote } from '../live/remote-records';
import { applyCompare, type CompareAction, type CompareState } from './compare-state';

export type CompareLiveAction =
  | { type: 'remote-annotation'; annotation: Annotation }
  | { type: 'remote-deleted'; id: string }
  | { type: 'sets-reloaded'; sets: readonly string[] }
  /** Loaded again after the live updates were cut off (some may have been missed). */
  | { type: 'annotations-reloaded'; annotations: readonly Annotation[] };

/** Every action of the compare view. */
export type ComparePageAction = CompareAction | CompareLiveAction;

/** Whether a new revision `revision` of source `id` is newer than the text `state` shows of it. */
export function isNewerText(state: CompareState, id: string, revision: number): boolean {
  if (state.data.phase !== 'ready') return false;
  const { sa, sb } = state.data.value;
  const shown = id === sa.id ? sa : id === sb.id ? sb : null;
  return shown !== null && revision > (shown.revision ?? 0);
}

/** The next state after `action`. Pure. */
export function applyComparePage(state: CompareState, action: ComparePageAction): CompareState {
  switch (action.type) {
    case 'remote-annotation': {
      // Not loaded (still loading, or the annotations failed to load): nothing to keep current.
      if (state.data.phase !== 'ready' || !state.annotations) return state;
      const { sa, sb } = state.data.value;
      const shown = new Map([[sa.id, sa.revision], [sb.id, sb.revision]]);
      const annotations = applyRemote(state.annotations, action.annotation, belongingTo(action.annotation, shown));
      return annotations === state.annotations ? state : { ...state, annotations };
    }
    case 'remote-deleted': {
      if (!state.annotations) return state;
      const annotations = removeRemote(state.annotations, action.id);
      if (annotations === state.annotations) return state;
      return { ...state, annotations, active: state.active === action.id ? null : state.active };
    }
    case 'annotations-reloaded':
      return state.data.phase === 'ready' ? { ...state, annotations: new Map(action.annotations.map((x) => [x.id, x])) } : state;
    case 'sets-reloaded':
      return action.sets.length ? { ...state, sets: action.sets } : state;
    default:
      return applyCompare(state, action);
  }
}
