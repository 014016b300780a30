/**
 * The source page's transitions for what happens elsewhere: another person's new, changed or
 * deleted annotation (live updates, applied to the state as they come, without loading the page
 * again), a new revision of the source (the reader is offered a reload instead of having the text
 * swapped under them), the sets changing, and a form kept over a sign-in coming back. The rest goes
 * to applyViewer (viewer-state.ts). Pure code.
 */
import type { Annotation, Kind } from '../../core/model';
import type { SetSummary } from '../api/client';
import { changedNotice } from '../live/form-notice';
import { applyRemote, belongingTo, provisionalOf, removeRemote } from '../live/remote-records';
import type { TextSpan } from '../shared/trim-range';
import type { FormValues } from '../sidebar/form-values';
import { applyViewer, without, withVocabulary, type FormState, type ViewerAction, type ViewerState } from './viewer-state';
import { isRecord } from '../../core/export/json-path';

/** An open form as kept over a sign-in: what it was for, and what was typed. */
export type KeptForm =
  | { mode: 'create'; kind: 'claim' | 'note'; range: TextSpan; values: FormValues }
  | { mode: 'edit'; base: Annotation; values: FormValues };

export type ViewerLiveAction =
  | { type: 'remote-annotation'; annotation: Annotation }
  | { type: 'remote-deleted'; id: string }
  | { type: 'source-revised'; revision: number }
  | { type: 'sets-reloaded'; sets: readonly SetSummary[] }
  | { type: 'restore-form'; form: KeptForm };

/** Every action of the source page. */
export type ViewerPageAction = ViewerAction | ViewerLiveAction;

/** The key a kept form of source `id` is stored under. */
export const keptFormKey = (id: string) => `viewer-form:${id}`;


function formValuesOf(x: unknown): FormValues | null {
  if (!isRecord(x)) return null;
  const keys = ['set', 'tags', 'note', 'claimant', 'verdict', 'evidence'] as const;
  return keys.every((k) => typeof x[k] === 'string') ? (x as unknown as FormValues) : null;
}

/** A kept form read back from storage, or null when it is not one. */
export function keptFormOf(x: unknown): KeptForm | null {
  if (!isRecord(x)) return null;
  const values = formValuesOf(x.values);
  if (!values) return null;
  if (x.mode === 'create' && (x.kind === 'claim' || x.kind === 'note') && isRecord(x.range)) {
    const { start, end, exact } = x.range;
    if (typeof start === 'number' && typeof end === 'number' && typeof exact === 'string') return { mode: 'create', kind: x.kind, range: { start, end, exact }, values };
  }
  if (x.mode === 'edit' && isRecord(x.base) && typeof x.base.id === 'string' && typeof x.base.revision === 'number' && Array.isArray(x.base.targets)) {
    return { mode: 'edit', base: x.base as unknown as Annotation, values };
  }
  return null;
}

/** The revisions of the texts the page shows, for `belongingTo`. */
function shownTexts(state: ViewerState): Map<string, number | undefined> {
  return new Map([[state.sourceId, state.page.phase === 'ready' ? state.page.value.source.revision : undefined]]);
}


function remoteAnnotation(state: ViewerState, a: Annotation): ViewerState {
  if (state.page.phase !== 'ready') return state;
  const belongs = belongingTo(a, shownTexts(state));
  let { annotations, provisional } = state;
  // The stored version of the user's own new annotation, heard before the answer to the save.
  const temp = !annotations.has(a.id) && belongs === 'here' ? provisionalOf(annotations, provisional, a) : null;
  if (temp) {
    annotations = removeRemote(annotations, temp);
    provisional = without(provisional, temp);
  }
  annotations = applyRemote(annotations, a, belongs);
  let form = state.form;
  // Said at once, before the user saves; while a save is under way the answer (or its conflict) says it.
  if (form?.mode === 'edit' && form.base?.id === a.id && !form.saving) {
    const notice = changedNotice(form.base, a);
    if (notice) form = { ...form, elsewhere: notice };
  }
  if (annotations === state.annotations && form === state.form && provisional === state.provisional) return state;
  const vocabulary = state.vocabulary && annotations.get(a.id) === a ? withVocabulary(state.vocabulary, a) : state.vocabulary;
  return { ...state, annotations, provisional, form, vocabulary };
}

function remoteDeleted(state: ViewerState, id: string): ViewerState {
  const annotations = removeRemote(state.annotations, id);
  let form = state.form;
  if (form?.mode === 'edit' && form.base?.id === id && !form.saving && !state.deleting.has(id)) form = { ...form, elsewhere: { kind: 'deleted' } };
  if (annotations === state.annotations && form === state.form) return state;
  const focus = state.focus.id === id ? { ...state.focus, id: null } : state.focus;
  return { ...state, annotations, form, focus };
}

function restoreForm(state: ViewerState, kept: KeptForm): ViewerState {
  if (state.page.phase !== 'ready') return state;
  const seq = state.formSeq + 1;
  const blank = { seq, saving: false, problem: null, initial: kept.values };
  let form: FormState;
  if (kept.mode === 'create') {
    const { text } = state.page.value.source;
    const { range } = kept;
    if (text.slice(range.start, range.end) !== range.exact) return state;
    form = { ...blank, mode: 'create', kind: kept.kind as Kind, quote: range.exact, range, base: null };
  } else {
    const current = state.annotations.get(kept.base.id);
    const quote = kept.base.targets.find((t) => t.source === state.sourceId)?.exact ?? kept.base.targets[0]?.exact ?? '';
    // Based on the version the user was editing: a newer one meets the conflict handling on save.
    form = { ...blank, mode: 'edit', kind: kept.base.kind, quote, range: null, base: kept.base, elsewhere: current ? changedNotice(kept.base, current) : { kind: 'deleted' } };
  }
  return { ...state, formSeq: seq, form };
}

/** The next state after `action`. Pure. */
export function applyViewerPage(state: ViewerState, action: ViewerPageAction): ViewerState {
  switch (action.type) {
    case 'remote-annotation':
      return remoteAnnotation(state, action.annotation);
    case 'remote-deleted':
      return remoteDeleted(state, action.id);
    case 'source-revised': {
      if (state.page.phase !== 'ready') return state;
      const shown = state.page.value.source.revision ?? 0;
      return action.revision > shown && action.revision !== state.revisedTo ? { ...state, revisedTo: action.revision } : state;
    }
    case 'sets-reloaded':
      return { ...state, sets: action.sets };
    case 'restore-form':
      return restoreForm(state, action.form);
    case 'save-failed': {
      const next = applyViewer(state, action);
      // The conflict shows their version in the form now: the early notice has said its part.
      return action.problem.kind === 'conflict' && next.form?.elsewhere ? { ...next, form: { ...next.form, elsewhere: null } } : next;
    }
    default:
      return applyViewer(state, action);
  }
}
