/**
 * The state of the source page (`#/source/<id>`) and its pure transitions. Everything the page
 * shows derives from this one object: the highlights in the text, the sidebar's cards and filters,
 * the form, the reused passages and suggestions, the inconsistency draft. `applyViewer` is pure (no
 * DOM, no API), so each rule is unit tested; the page (viewer-page.ts) renders a state and runs the
 * API calls that intent actions ask for.
 */
import type { Annotation, CreateAnnotation, Kind, Source } from '../../core/model';
import { DEFAULT_SET } from '../../core/model/vocabulary';
import type { Outcome, Problem } from '../annotations/annotation-actions';
import type { CarryMode, SetSummary, Suggestion, Vocabulary } from '../api/client';
import type { FormNotice } from '../live/form-notice';
import { addPassage, EMPTY_DRAFT, type DraftPassage, type InconsistencyDraft } from '../reuse/inconsistency-draft';
import { stepMark, type ReuseMark } from '../reuse/reuse-marks';
import type { TextSpan } from '../shared/trim-range';
import { cachedSuggestionMarks, firstMarkOf, stepSuggestionMark, suggestionOfMark, type SuggestionMark } from '../suggestions/suggestion-marks';
import { NO_FILTER, type AnnotationFilter } from '../sidebar/filter-annotations';
import type { FormValues } from '../sidebar/form-values';
import { isShown } from './shown-annotations';

/** Something loaded from the server: still coming, there, or failed with a message. */
export type Loadable<T> = { phase: 'loading' } | { phase: 'ready'; value: T } | { phase: 'failed'; message: string };

/** The annotation form: a new claim or note of a passage, or an edit of an annotation. */
export interface FormState {
  /** Counts the forms opened, so the view knows a new form from the same one changing. */
  seq: number;
  mode: 'create' | 'edit';
  kind: Kind;
  /** The passage: for a new annotation the selection, for an edit its passage in this source. */
  quote: string;
  /** create: the passage to annotate. */
  range: TextSpan | null;
  /** edit: the version the edit is based on (the current one after a conflict). */
  base: Annotation | null;
  saving: boolean;
  problem: Problem | null;
  /** Someone else changed or deleted the annotation being edited meanwhile (viewer-live.ts). */
  elsewhere?: FormNotice | null;
  /** What to fill the form with instead of the annotation's values (a form kept over a sign-in). */
  initial?: FormValues;
}

/**
 * Where a focus request came from: the text scrolls to a card's passage ('card'), the sidebar to a
 * highlight's card and takes keyboard focus ('text'), both ('route': a link), or the sidebar only
 * shows the card of an annotation being saved without taking focus from the form ('saving').
 */
export type FocusOrigin = 'card' | 'text' | 'route' | 'saving';

/** The state of one source page. */
export interface ViewerState {
  sourceId: string;
  page: Loadable<{ source: Source }>;
  /** Titles of the sources by id, to name other sources (they arrive after the page; ids serve until then). */
  titles: ReadonlyMap<string, string>;
  /** Every annotation with a target in this source, any set, by id; provisional ones included. */
  annotations: ReadonlyMap<string, Annotation>;
  /** Ids of provisional annotations: shown at once while the server stores them. */
  provisional: ReadonlySet<string>;
  /** Ids being deleted (their cards say so). */
  deleting: ReadonlySet<string>;
  sets: readonly SetSummary[];
  /** Where new annotations go; unless `allSets`, also what is shown. */
  activeSet: string;
  allSets: boolean;
  filter: AnnotationFilter;
  focus: { id: string | null; from: FocusOrigin; seq: number };
  form: FormState | null;
  formSeq: number;
  reuse: Loadable<ReuseMark[]>;
  showReuse: boolean;
  /** The reused passage stepped to with `r` or chosen in the list (an index into the marks). */
  activeReuse: number | null;
  /** Whether keyboard focus goes to the copies of the active passage (it was stepped to by key). */
  reuseByKey: boolean;
  /** Every open suggestion with a passage here: differences between copies (the sidebar) and the assistant's (margin marks). */
  suggestions: Loadable<Suggestion[]>;
  /** Whether the suggestions' margin marks show. */
  showMarks: boolean;
  /** The margin mark opened (clicked, stepped to with `m`), by key; its popover stays open. */
  activeMark: string | null;
  /** Whether keyboard focus goes to the active mark's popover (it was reached by key). */
  markByKey: boolean;
  draft: InconsistencyDraft;
  trayCollapsed: boolean;
  vocabulary: Vocabulary | null;
  /** A newer revision of the source came in since its text was loaded (viewer-live.ts). */
  revisedTo?: number;
}

/** Everything that can happen on the page. Intents (save, delete, …) also start API calls. */
export type ViewerAction =
  | {
      type: 'loaded';
      source: Source;
      annotations: readonly Annotation[];
      sets: readonly SetSummary[];
      activeSet: string;
    }
  | { type: 'annotations-reloaded'; annotations: readonly Annotation[] }
  | { type: 'vocabulary-loaded'; vocabulary: Vocabulary }
  | { type: 'titles-loaded'; titles: ReadonlyMap<string, string> }
  | { type: 'reuse-loaded'; marks: ReuseMark[] }
  | { type: 'reuse-failed'; message: string }
  | { type: 'suggestions-loaded'; suggestions: Suggestion[] }
  | { type: 'suggestions-failed'; message: string }
  | { type: 'filter'; filter: AnnotationFilter }
  | { type: 'active-set'; name: string; sets?: readonly SetSummary[] }
  | { type: 'all-sets'; all: boolean }
  | { type: 'focus'; id: string | null; from: FocusOrigin }
  | { type: 'open-create'; kind: 'claim' | 'note'; range: TextSpan }
  | { type: 'open-edit'; id: string }
  | { type: 'close-form' }
  | { type: 'save'; values: FormValues; body: CreateAnnotation | null }
  | { type: 'created'; tempId: string; annotation: Annotation }
  | { type: 'edited'; annotation: Annotation }
  | { type: 'save-failed'; problem: Problem; tempId?: string }
  | { type: 'delete'; id: string }
  | { type: 'deleted'; id: string }
  | { type: 'delete-failed'; id: string; problem: Problem }
  | { type: 'made-elsewhere'; annotations: readonly Annotation[]; focus: boolean }
  | { type: 'suggestion-handled'; id: string }
  | { type: 'confirm-suggestion'; suggestion: Suggestion; done(ok: boolean): void }
  | { type: 'dismiss-suggestion'; id: string; done(ok: boolean): void }
  | { type: 'carry'; id: string; mode: CarryMode; done(outcome: Outcome<Annotation[]>): void }
  | { type: 'reload-annotations' }
  | { type: 'show-reuse'; visible: boolean }
  | { type: 'step-reuse'; dir: 1 | -1 }
  | { type: 'activate-reuse'; index: number | null; byKey: boolean }
  | { type: 'add-to-draft'; passage: DraftPassage }
  | { type: 'draft'; draft: InconsistencyDraft; fromElsewhere?: boolean }
  | { type: 'save-draft' }
  | { type: 'tray-collapsed'; collapsed: boolean }
  | { type: 'show-marks'; visible: boolean }
  | { type: 'step-mark'; dir: 1 | -1; from?: number }
  | { type: 'activate-mark'; key: string | null; byKey: boolean }
  | { type: 'open-suggestion'; id: string };

/** The state of a page that is still loading source `sourceId`. */
export function initialViewerState(sourceId: string, opts: { allSets?: boolean; showReuse?: boolean; showMarks?: boolean; draft?: InconsistencyDraft; trayCollapsed?: boolean } = {}): ViewerState {
  return {
    sourceId,
    page: { phase: 'loading' },
    titles: new Map(),
    annotations: new Map(),
    provisional: new Set(),
    deleting: new Set(),
    sets: [],
    activeSet: DEFAULT_SET,
    allSets: opts.allSets ?? false,
    filter: NO_FILTER,
    focus: { id: null, from: 'text', seq: 0 },
    form: null,
    formSeq: 0,
    reuse: { phase: 'loading' },
    showReuse: opts.showReuse ?? true,
    activeReuse: null,
    reuseByKey: false,
    suggestions: { phase: 'loading' },
    showMarks: opts.showMarks ?? true,
    activeMark: null,
    markByKey: false,
    draft: opts.draft ?? { passages: [] },
    trayCollapsed: opts.trayCollapsed ?? false,
    vocabulary: null,
  };
}

/** The prefix of provisional annotation ids: never an id the server gives. */
export const PROVISIONAL_PREFIX = 'pending:';

/** The annotation a create body will become, shown until the server answers. */
export function provisionalAnnotation(id: string, body: CreateAnnotation, now: string): Annotation {
  const a: Annotation = {
    id,
    revision: 0,
    created: now,
    modified: now,
    creator: '',
    set: body.set ?? DEFAULT_SET,
    kind: body.kind,
    targets: body.targets.map((t) => ({ ...t, prefix: '', suffix: '' })),
    tags: body.tags ?? [],
    note: body.note ?? '',
  };
  if (body.kind === 'claim') a.claim = { claimant: body.claim?.claimant ?? '', verdict: body.claim?.verdict ?? 'unverified', evidence: body.claim?.evidence ?? [] };
  return a;
}

function withAnnotations(map: ReadonlyMap<string, Annotation>, add: readonly Annotation[], remove: readonly string[] = []): Map<string, Annotation> {
  const next = new Map(map);
  for (const id of remove) next.delete(id);
  for (const a of add) next.set(a.id, a);
  return next;
}

export function without<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set);
  next.delete(item);
  return next;
}

/** Annotations that touch `sourceId`: the page keeps no others. */
function touching(annotations: readonly Annotation[], sourceId: string): Annotation[] {
  return annotations.filter((a) => a.targets.some((t) => t.source === sourceId));
}

/** The next state after `action`. Pure. */
export function applyViewer(state: ViewerState, action: ViewerAction): ViewerState {
  switch (action.type) {
    case 'loaded':
      return {
        ...state,
        page: { phase: 'ready', value: { source: action.source } },
        annotations: withAnnotations(new Map(), action.annotations),
        sets: action.sets,
        activeSet: action.activeSet,
      };
    case 'annotations-reloaded':
      return { ...state, annotations: withAnnotations(new Map(), [...state.annotations.values()].filter((a) => state.provisional.has(a.id)).concat(action.annotations)) };
    case 'vocabulary-loaded':
      return { ...state, vocabulary: action.vocabulary };
    case 'titles-loaded':
      return { ...state, titles: action.titles };
    case 'reuse-loaded':
      return { ...state, reuse: { phase: 'ready', value: action.marks }, activeReuse: null };
    case 'reuse-failed':
      return { ...state, reuse: { phase: 'failed', message: action.message } };
    case 'suggestions-loaded':
      return { ...state, suggestions: { phase: 'ready', value: action.suggestions } };
    case 'suggestions-failed':
      return { ...state, suggestions: { phase: 'failed', message: action.message } };
    case 'filter':
      return { ...state, filter: action.filter };
    case 'active-set':
      return { ...state, activeSet: action.name, sets: action.sets ?? state.sets };
    case 'all-sets':
      return { ...state, allSets: action.all };
    case 'focus':
      return focusOn(state, action.id, action.from);
    case 'open-create':
      return {
        ...state,
        formSeq: state.formSeq + 1,
        form: { seq: state.formSeq + 1, mode: 'create', kind: action.kind, quote: action.range.exact, range: action.range, base: null, saving: false, problem: null },
      };
    case 'open-edit': {
      const a = state.annotations.get(action.id);
      if (!a || state.provisional.has(a.id)) return state;
      const quote = a.targets.find((t) => t.source === state.sourceId)?.exact ?? a.targets[0]?.exact ?? '';
      return { ...state, formSeq: state.formSeq + 1, form: { seq: state.formSeq + 1, mode: 'edit', kind: a.kind, quote, range: null, base: a, saving: false, problem: null } };
    }
    case 'close-form':
      return { ...state, form: null };
    case 'save': {
      if (!state.form || state.form.saving) return state;
      const form = { ...state.form, saving: true, problem: null };
      if (form.mode !== 'create' || !action.body) return { ...state, form };
      // The new highlight and card show at once; the server's answer replaces them.
      const id = `${PROVISIONAL_PREFIX}${form.seq}`;
      const provisional = provisionalAnnotation(id, action.body, new Date(0).toISOString());
      const next = { ...state, form, annotations: withAnnotations(state.annotations, [provisional]), provisional: new Set([...state.provisional, id]) };
      return { ...next, focus: { id, from: 'saving', seq: state.focus.seq + 1 } };
    }
    case 'created': {
      const annotations = withAnnotations(state.annotations, touching([action.annotation], state.sourceId), [action.tempId]);
      const next = {
        ...state,
        annotations,
        provisional: without(state.provisional, action.tempId),
        form: state.form?.saving && state.form.mode === 'create' ? null : state.form,
        vocabulary: state.vocabulary && withVocabulary(state.vocabulary, action.annotation),
      };
      return focusOn(next, action.annotation.id, 'text');
    }
    case 'edited': {
      const next = {
        ...state,
        annotations: withAnnotations(state.annotations, [action.annotation]),
        form: state.form?.mode === 'edit' && state.form.base?.id === action.annotation.id ? null : state.form,
        vocabulary: state.vocabulary && withVocabulary(state.vocabulary, action.annotation),
      };
      return focusOn(next, action.annotation.id, 'text');
    }
    case 'save-failed': {
      const { problem } = action;
      let { annotations, provisional } = state;
      if (action.tempId) {
        annotations = withAnnotations(annotations, [], [action.tempId]);
        provisional = without(provisional, action.tempId);
      }
      const form = state.form && { ...state.form, saving: false, problem };
      if (form && problem.kind === 'conflict') {
        // Show the server's version everywhere; the next save is based on it, never a silent overwrite.
        form.base = problem.current;
        annotations = withAnnotations(annotations, [problem.current]);
      }
      if (form && problem.kind === 'gone' && form.base) annotations = withAnnotations(annotations, [], [form.base.id]);
      return { ...state, annotations, provisional, form };
    }
    case 'delete':
      return { ...state, deleting: new Set([...state.deleting, action.id]) };
    case 'deleted':
      return {
        ...state,
        annotations: withAnnotations(state.annotations, [], [action.id]),
        deleting: without(state.deleting, action.id),
        form: state.form?.base?.id === action.id ? null : state.form,
        focus: state.focus.id === action.id ? { ...state.focus, id: null } : state.focus,
      };
    case 'delete-failed': {
      const { problem } = action;
      let annotations = state.annotations;
      if (problem.kind === 'conflict') annotations = withAnnotations(annotations, [problem.current]);
      if (problem.kind === 'gone') annotations = withAnnotations(annotations, [], [action.id]);
      return { ...state, annotations, deleting: without(state.deleting, action.id) };
    }
    case 'made-elsewhere': {
      const here = touching(action.annotations, state.sourceId);
      if (here.length === 0) return state;
      const next = { ...state, annotations: withAnnotations(state.annotations, here) };
      return action.focus ? focusOn(next, here[0].id, 'text') : next;
    }
    case 'suggestion-handled': {
      if (state.suggestions.phase !== 'ready') return state;
      const activeMark = state.activeMark !== null && suggestionOfMark(state.activeMark) === action.id ? null : state.activeMark;
      return { ...state, activeMark, suggestions: { phase: 'ready', value: state.suggestions.value.filter((s) => s.id !== action.id) } };
    }
    case 'confirm-suggestion':
    case 'dismiss-suggestion':
    case 'carry':
    case 'reload-annotations':
    case 'save-draft':
      return state;
    case 'show-reuse':
      return { ...state, showReuse: action.visible, activeReuse: action.visible ? state.activeReuse : null };
    case 'step-reuse': {
      if (state.reuse.phase !== 'ready') return state;
      const index = stepMark(state.reuse.value, state.activeReuse, action.dir);
      return index === null ? state : { ...state, activeReuse: index, reuseByKey: true, showReuse: true };
    }
    case 'activate-reuse':
      // Showing a passage that is not drawn would show nothing: the marks show again.
      return { ...state, activeReuse: action.index, reuseByKey: action.byKey, showReuse: action.index === null ? state.showReuse : true };
    case 'add-to-draft': {
      const draft = addPassage(state.draft, action.passage);
      // A passage added while folded would go unseen: the tray unfolds.
      return draft === state.draft ? state : { ...state, draft, trayCollapsed: false };
    }
    case 'draft':
      return { ...state, draft: action.draft.passages.length === 0 ? EMPTY_DRAFT : action.draft };
    case 'tray-collapsed':
      return { ...state, trayCollapsed: action.collapsed };
    case 'show-marks':
      return { ...state, showMarks: action.visible, activeMark: action.visible ? state.activeMark : null };
    case 'step-mark': {
      const key = stepSuggestionMark(marksOf(state), state.activeMark, action.dir, action.from);
      return key === null ? state : { ...state, activeMark: key, markByKey: true, showMarks: true };
    }
    case 'activate-mark':
      // Opening a mark that is not drawn would show nothing: the marks show again.
      return { ...state, activeMark: action.key, markByKey: action.byKey, showMarks: action.key === null ? state.showMarks : true };
    case 'open-suggestion': {
      const key = firstMarkOf(marksOf(state), action.id);
      return key === null ? state : { ...state, activeMark: key, markByKey: true, showMarks: true };
    }
  }
}

/**
 * Focus annotation `id`. Focusing one the scope or the filter hides (one just saved to another set,
 * a link from the search page) widens them rather than hide it.
 */
function focusOn(state: ViewerState, id: string | null, from: FocusOrigin): ViewerState {
  let { filter, allSets } = state;
  const a = id === null ? undefined : state.annotations.get(id);
  if (a && from !== 'card' && !isShown(a, state)) {
    filter = NO_FILTER;
    if (a.set !== state.activeSet) allSets = true;
  }
  return { ...state, filter, allSets, focus: { id, from, seq: state.focus.seq + 1 } };
}

/** `vocabulary` counting the tags and claimant of `a` too (so autocomplete offers what was just typed). */
export function withVocabulary(vocabulary: Vocabulary, a: Annotation): Vocabulary {
  const bump = (entries: Vocabulary['tags'], name: string) => {
    const i = entries.findIndex((e) => e.name.toLowerCase() === name.toLowerCase());
    return i < 0 ? [...entries, { name, count: 1 }] : entries;
  };
  let { tags, claimants } = vocabulary;
  for (const t of a.tags) tags = bump(tags, t);
  const claimant = a.claim?.claimant.trim();
  if (claimant) claimants = bump(claimants, claimant);
  return { tags, claimants };
}

/** The margin marks of the state's suggestions on its source, in text order. */
export function marksOf(state: ViewerState): SuggestionMark[] {
  if (state.suggestions.phase !== 'ready' || state.page.phase !== 'ready') return [];
  return cachedSuggestionMarks(state.suggestions.value, state.sourceId, state.page.value.source.text.length);
}
