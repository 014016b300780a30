/**
 * The state of the compare view (`#/compare/<a>/<b>`) and its pure transitions: the two sources and
 * their aligned passages, the user's annotations (those of the active set unless all sets show),
 * the current passage, the selection picked in each column, and the annotation whose counterpart was
 * brought level. The columns, the passage list and the pick bar derive from it (compare-view.ts).
 */
import type { Annotation, Source } from '../../core/model';
import type { TextSpan } from '../shared/trim-range';
import type { CompareLayout } from './alignment-layout';
import type { PassageDiff } from './word-diff';

/** What loads before the columns can be drawn. */
export interface CompareData {
  sa: Source;
  sb: Source;
  layout: CompareLayout;
  diffs: PassageDiff[];
}

/** The state of one comparison. */
export interface CompareState {
  data: { phase: 'loading' } | { phase: 'ready'; value: CompareData } | { phase: 'failed'; notFound: boolean; message: string };
  /** The annotations of either source, by id; null when they could not be loaded. */
  annotations: ReadonlyMap<string, Annotation> | null;
  sets: readonly string[];
  activeSet: string;
  allSets: boolean;
  /** The aligned passage at the reading line (or jumped to). */
  current: number | null;
  picks: Record<'a' | 'b', TextSpan | null>;
  /** The annotation clicked, outlined in both columns, and the column it was clicked in. */
  active: string | null;
  activeSide: 'a' | 'b' | null;
  /** Counts clicks on highlights, so a repeated click on the same one flashes again. */
  activeSeq: number;
}

export type CompareAction =
  | { type: 'loaded'; data: CompareData; annotations: readonly Annotation[] | null; sets: readonly string[]; activeSet: string }
  | { type: 'load-failed'; notFound: boolean; message: string }
  | { type: 'current'; index: number | null }
  | { type: 'pick'; side: 'a' | 'b'; span: TextSpan }
  | { type: 'clear-picks'; side?: 'a' | 'b' }
  | { type: 'activate'; id: string | null; side: 'a' | 'b' | null }
  | { type: 'created'; annotation: Annotation }
  | { type: 'all-sets'; all: boolean }
  /** Intent: open the link dialog for the two picks. */
  | { type: 'link' };

/** The state of a comparison still loading. */
export function initialCompareState(opts: { allSets: boolean }): CompareState {
  return { data: { phase: 'loading' }, annotations: new Map(), sets: [], activeSet: 'default', allSets: opts.allSets, current: null, picks: { a: null, b: null }, active: null, activeSide: null, activeSeq: 0 };
}

/** The next state after `action`. Pure. */
export function applyCompare(state: CompareState, action: CompareAction): CompareState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        data: { phase: 'ready', value: action.data },
        annotations: action.annotations && new Map(action.annotations.map((a) => [a.id, a])),
        sets: action.sets,
        activeSet: action.activeSet,
      };
    case 'load-failed':
      return { ...state, data: { phase: 'failed', notFound: action.notFound, message: action.message } };
    case 'current':
      return action.index === state.current ? state : { ...state, current: action.index };
    case 'pick': {
      const old = state.picks[action.side];
      if (old && old.start === action.span.start && old.end === action.span.end) return state;
      return { ...state, picks: { ...state.picks, [action.side]: action.span } };
    }
    case 'clear-picks':
      return { ...state, picks: action.side ? { ...state.picks, [action.side]: null } : { a: null, b: null } };
    case 'activate':
      return { ...state, active: action.id, activeSide: action.side, activeSeq: state.activeSeq + 1 };
    case 'created':
      return { ...state, annotations: new Map([...(state.annotations ?? []), [action.annotation.id, action.annotation]]), picks: { a: null, b: null } };
    case 'all-sets':
      return { ...state, allSets: action.all };
    case 'link':
      return state;
  }
}

/** The annotations drawn in the columns: those of the active set, or of all sets. */
export function shownInCompare(state: CompareState): Annotation[] {
  const all = [...(state.annotations?.values() ?? [])];
  return state.allSets ? all : all.filter((a) => a.set === state.activeSet);
}

/** Whether both columns have a pick, so the two can be linked. */
export function canLink(state: CompareState): boolean {
  return state.picks.a !== null && state.picks.b !== null;
}
