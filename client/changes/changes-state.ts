/**
 * The state of the "What changed" view (`#/source/<id>/changes?from=N&to=M`) and its pure rules:
 * which two revisions to show when the address names none (or names ones that do not exist), what
 * loaded (both texts, their diff, the annotations), and the change at the reading line. The view
 * (changes-page.ts) draws it with the compare view's columns.
 */
import type { Annotation, Source } from '../../core/model';
import type { RevisionText, SourceRevision } from '../api/source-api';
import type { ChangeKind, RevisionDiff } from './revision-diff';

/** Everything the columns and the lists need. */
export interface ChangesData {
  /** The source as it is now (its current revision). */
  source: Source;
  revisions: readonly SourceRevision[];
  from: number;
  to: number;
  /**
   * The revisions' texts, under the ids the columns know them by: the newer one carries the source's
   * own id only when it is the current text (where the annotations' offsets point), the older never.
   */
  older: RevisionText;
  newer: RevisionText;
  diff: RevisionDiff;
  /** The source's annotations (every set), or null when they could not be loaded. */
  annotations: readonly Annotation[] | null;
}

export type ChangesState =
  | { phase: 'loading' }
  /** Only one revision: nothing to compare. */
  | { phase: 'single'; source: Source; revisions: readonly SourceRevision[] }
  | { phase: 'ready'; data: ChangesData; current: number | null }
  | { phase: 'failed'; notFound: boolean; message: string };

export type ChangesAction =
  | { type: 'loaded'; data: ChangesData }
  | { type: 'single'; source: Source; revisions: readonly SourceRevision[] }
  | { type: 'failed'; notFound: boolean; message: string }
  | { type: 'current'; index: number | null };

/** The next state after `action`. Pure. */
export function applyChanges(state: ChangesState, action: ChangesAction): ChangesState {
  switch (action.type) {
    case 'loaded':
      return { phase: 'ready', data: action.data, current: null };
    case 'single':
      return { phase: 'single', source: action.source, revisions: action.revisions };
    case 'failed':
      return { phase: 'failed', notFound: action.notFound, message: action.message };
    case 'current':
      return state.phase === 'ready' && state.current !== action.index ? { ...state, current: action.index } : state;
  }
}

/**
 * The two revisions to compare, from the revision numbers a source has and the ones asked for:
 * `to` defaults to the newest, `from` to the one before `to`; numbers that do not exist fall back to
 * those defaults and a reversed pair is put in order. Null when there are fewer than two revisions.
 */
export function pickRevisions(numbers: readonly number[], want: { from?: number; to?: number } = {}): { from: number; to: number } | null {
  const all = [...new Set(numbers)].sort((x, y) => x - y);
  if (all.length < 2) return null;
  const has = (n: number | undefined): n is number => n !== undefined && all.includes(n);
  let from = has(want.from) ? want.from : undefined;
  let to = has(want.to) ? want.to : undefined;
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  if (to === undefined) to = from !== undefined && from === all[all.length - 1] ? all[all.length - 2] : all[all.length - 1];
  if (from !== undefined && from > to) [from, to] = [to, from];
  if (from === undefined || from === to) {
    const before = all.filter((n) => n < to!);
    if (before.length > 0) from = before[before.length - 1];
    else [from, to] = [all[0], all[1]];
  }
  return { from, to };
}

/** The changes counted by kind, in words: "3 changes: 2 reworded, 1 added", "2 changes, all added". */
export function changeCountText(kinds: readonly ChangeKind[]): string {
  if (kinds.length === 0) return 'No change in the wording (only spacing or line breaks, if anything).';
  const parts = (['reworded', 'added', 'removed'] as const).flatMap((k) => {
    const n = kinds.filter((x) => x === k).length;
    return n ? [`${n} ${k}`] : [];
  });
  const n = kinds.length;
  if (parts.length === 1) return `${n} change${n === 1 ? '' : 's'}, ${n === 1 ? '' : 'all '}${parts[0].replace(/^\d+ /, '')}.`;
  return `${n} changes: ${parts.join(', ')}.`;
}
