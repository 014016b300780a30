/**
 * The state of the suggestions inbox (`#/inbox`) and its pure transitions: every open suggestion of
 * every source (or the dismissed ones), narrowed by category and source, in reading order (source
 * title, then position); the selected row, which keyboard triage moves and acts on; each row's
 * request under way or its failure; this session's dismissals, which `u` undoes last first; and the
 * line said to screen readers after each step. Accepting or dismissing moves the selection on at
 * once, so triage never waits for the server; the row goes when the server agrees, and stays,
 * saying why, when it does not.
 */
import type { Suggestion, SuggestionCategory } from '../../core/inconsistency/types';
import type { Annotation, Decision } from '../../core/model';
import { KIND_LABELS } from '../../core/model/vocabulary';
import type { Problem } from '../annotations/annotation-actions';
import type { ListedSuggestion, SetSummary } from '../api/client';
import { correctionOf } from '../../core/inconsistency/to-annotation';
import { categoryLabel } from '../suggestions/suggestion-details';

/** How many rows are drawn at first, and added by "Show more" (or by moving past the last one). */
export const PAGE_SIZE = 100;

/** Which suggestions the inbox lists. */
export type InboxView = 'open' | 'dismissed';

/** The filters: one category or all, one source or all, and the view. */
export interface InboxFilter {
  category: SuggestionCategory | null;
  source: string | null;
  view: InboxView;
}

/** Something loaded from the server. */
export type Loadable<T> = { phase: 'loading' } | { phase: 'ready'; value: T } | { phase: 'failed'; message: string };

/** A row's request under way, or why the last one did not go through. */
export interface RowStatus {
  busy?: 'accepting' | 'dismissing' | 'undoing';
  problem?: string;
  /** Someone else decided it first: it can no longer be acted on here. */
  handled?: boolean;
}

/** The state of the inbox page. */
export interface InboxState {
  filter: InboxFilter;
  open: Loadable<readonly ListedSuggestion[]>;
  /** null until the dismissed view is first asked for (and again after a dismissal here). */
  dismissed: Loadable<readonly ListedSuggestion[]> | null;
  titles: ReadonlyMap<string, string>;
  /** Derived: the view's suggestions passing the filter, in reading order. */
  visible: readonly ListedSuggestion[];
  selected: string | null;
  rows: ReadonlyMap<string, RowStatus>;
  /** This session's dismissals still dismissed, the latest last. */
  undoStack: readonly ListedSuggestion[];
  shown: number;
  /** Source texts loaded so far, for the words around short passages. */
  texts: ReadonlyMap<string, string>;
  sets: readonly SetSummary[];
  /** Where accepted suggestions go. */
  activeSet: string;
  /** The last line said (to screen readers and on the page); `seq` makes a repeat say it again. */
  message: { seq: number; text: string; tone: 'info' | 'error' };
}

export type InboxAction =
  | { type: 'loaded'; suggestions: readonly ListedSuggestion[]; titles: ReadonlyMap<string, string> }
  | { type: 'load-failed'; view: InboxView; message: string }
  | { type: 'dismissed-loaded'; suggestions: readonly ListedSuggestion[] }
  | { type: 'sets-loaded'; sets: readonly SetSummary[]; active: string }
  | { type: 'active-set'; name: string; sets?: readonly SetSummary[] }
  | { type: 'filter'; filter: Partial<InboxFilter> }
  | { type: 'select'; id: string }
  | { type: 'move'; dir: 1 | -1 }
  | { type: 'more' }
  | { type: 'accept'; id: string }
  | { type: 'dismiss'; id: string }
  | { type: 'undo'; id: string | null }
  | { type: 'accepted'; id: string; annotation: Annotation }
  | { type: 'dismissed'; id: string }
  | { type: 'undone'; id: string }
  | { type: 'failed'; id: string; problem: Problem }
  | { type: 'decided-elsewhere'; id: string; decision: Decision }
  | { type: 'text-loaded'; source: string; text: string }
  | { type: 'say'; text: string };

/** The state of an inbox opened on `filter`. */
export function initialInboxState(filter: Partial<InboxFilter> = {}): InboxState {
  const view = filter.view ?? 'open';
  return {
    filter: { category: filter.category ?? null, source: filter.source ?? null, view },
    open: { phase: 'loading' },
    dismissed: view === 'dismissed' ? { phase: 'loading' } : null,
    titles: new Map(),
    visible: [],
    selected: null,
    rows: new Map(),
    undoStack: [],
    shown: PAGE_SIZE,
    texts: new Map(),
    sets: [],
    activeSet: 'default',
    message: { seq: 0, text: '', tone: 'info' },
  };
}

/** The list of the current view, when loaded. */
export function viewList(state: InboxState): readonly ListedSuggestion[] | null {
  const list = state.filter.view === 'open' ? state.open : state.dismissed;
  return list?.phase === 'ready' ? list.value : null;
}

const sourcesOf = (s: Suggestion) => new Set(s.targets.map((t) => t.source));

/** Reading order: by the title of the first passage's source, then by where it starts. */
function byReadingOrder(titles: ReadonlyMap<string, string>) {
  const key = (s: Suggestion) => titles.get(s.targets[0]?.source ?? '') ?? s.targets[0]?.source ?? '';
  return (a: Suggestion, b: Suggestion) => key(a).localeCompare(key(b)) || (a.targets[0]?.start ?? 0) - (b.targets[0]?.start ?? 0) || (a.id < b.id ? -1 : 1);
}

/** The view's suggestions passing the filter, in reading order. */
export function visibleSuggestions(state: InboxState): ListedSuggestion[] {
  const { category, source } = state.filter;
  return (viewList(state) ?? [])
    .filter((s) => (!category || s.category === category) && (!source || sourcesOf(s).has(source)))
    .sort(byReadingOrder(state.titles));
}

/** How many of the view's suggestions (of the chosen source) fall in each category. */
export function categoryCounts(state: InboxState): Map<SuggestionCategory, number> {
  const counts = new Map<SuggestionCategory, number>();
  for (const s of viewList(state) ?? []) {
    if (state.filter.source && !sourcesOf(s).has(state.filter.source)) continue;
    counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
  }
  return counts;
}

/** How many of the view's suggestions (of the chosen category) touch each source. */
export function sourceCounts(state: InboxState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of viewList(state) ?? []) {
    if (state.filter.category && s.category !== state.filter.category) continue;
    for (const id of sourcesOf(s)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The selected suggestion, when it is listed. */
export function selectedSuggestion(state: InboxState): ListedSuggestion | undefined {
  return state.visible.find((s) => s.id === state.selected);
}

/** What `u` undoes: in the dismissed view the selected row, else this session's latest dismissal not being undone. */
export function nextUndo(state: InboxState): string | null {
  if (state.filter.view === 'dismissed') return state.selected;
  for (let i = state.undoStack.length - 1; i >= 0; i--) {
    const id = state.undoStack[i].id;
    if (!state.rows.get(id)?.busy) return id;
  }
  return null;
}

/** The line said when an accepted suggestion became `a`. */
export function acceptedMessage(s: Suggestion | undefined, a: Annotation): string {
  const made = `${KIND_LABELS[a.kind]} saved to set “${a.set}”`;
  if (a.kind === 'claim') return a.claim?.claimant ? `${made}, claimant ${a.claim.claimant}.` : `${made}, with no claimant named.`;
  const fix = s && correctionOf(s);
  return fix ? `${made}, correcting “${fix.wrong}” to “${fix.right}”.` : `${made}.`;
}

function say(state: InboxState, text: string, tone: 'info' | 'error' = 'info'): InboxState['message'] {
  return { seq: state.message.seq + 1, text, tone };
}

function withRow(rows: ReadonlyMap<string, RowStatus>, id: string, status: RowStatus | null): Map<string, RowStatus> {
  const next = new Map(rows);
  if (status) next.set(id, status);
  else next.delete(id);
  return next;
}

/**
 * `state` with the visible list derived again and the selection kept on its suggestion while that
 * is listed, else moved to the row now at the place it had (or the last row).
 */
function relist(state: InboxState, prevIndex = -1): InboxState {
  const visible = visibleSuggestions(state);
  let selected = state.selected;
  if (!visible.some((s) => s.id === selected)) {
    const at = prevIndex >= 0 ? Math.min(prevIndex, visible.length - 1) : 0;
    selected = visible[at]?.id ?? null;
  }
  return { ...state, visible, selected };
}

/** The neighbour that takes the selection when row `id` is acted on: the next row, else the previous. */
function neighbourOf(state: InboxState, id: string): string | null {
  const i = state.visible.findIndex((s) => s.id === id);
  if (i < 0) return state.selected;
  return state.visible[i + 1]?.id ?? state.visible[i - 1]?.id ?? id;
}

/** Drop suggestion `id` from a list (when loaded). */
function without(list: Loadable<readonly ListedSuggestion[]> | null, id: string): Loadable<readonly ListedSuggestion[]> | null {
  return list?.phase === 'ready' ? { phase: 'ready', value: list.value.filter((s) => s.id !== id) } : list;
}

/** Where the selected row stands in the visible list (-1: none). */
const selectedIndex = (state: InboxState) => state.visible.findIndex((s) => s.id === state.selected);

/** Grow the rows drawn so the selected one is among them. */
function reveal(state: InboxState): InboxState {
  const i = selectedIndex(state);
  return i >= state.shown ? { ...state, shown: Math.ceil((i + 1) / PAGE_SIZE) * PAGE_SIZE } : state;
}

/** The next state after `action`. Pure. */
export function applyInbox(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'loaded':
      return relist({ ...state, open: { phase: 'ready', value: action.suggestions }, titles: action.titles });
    case 'load-failed':
      return action.view === 'open'
        ? { ...state, open: { phase: 'failed', message: action.message } }
        : { ...state, dismissed: { phase: 'failed', message: action.message } };
    case 'dismissed-loaded':
      return state.filter.view === 'dismissed' || state.dismissed?.phase === 'loading'
        ? relist({ ...state, dismissed: { phase: 'ready', value: action.suggestions } })
        : state;
    case 'sets-loaded':
      return { ...state, sets: action.sets, activeSet: action.active };
    case 'active-set':
      return { ...state, activeSet: action.name, sets: action.sets ?? state.sets };
    case 'filter': {
      const filter = { ...state.filter, ...action.filter };
      const viewChanged = filter.view !== state.filter.view;
      // The dismissed view is loaded when first shown (and again after dismissals made here).
      const dismissed = filter.view === 'dismissed' && (state.dismissed === null || state.dismissed.phase === 'failed') ? { phase: 'loading' as const } : state.dismissed;
      return relist({ ...state, filter, dismissed, shown: PAGE_SIZE, selected: viewChanged ? null : state.selected });
    }
    case 'select':
      return state.visible.some((s) => s.id === action.id) ? reveal({ ...state, selected: action.id }) : state;
    case 'move': {
      if (state.visible.length === 0) return state;
      const i = selectedIndex(state);
      const next = i < 0 ? 0 : Math.max(0, Math.min(state.visible.length - 1, i + action.dir));
      if (next === i) return { ...state, message: say(state, action.dir > 0 ? 'This is the last suggestion.' : 'This is the first suggestion.') };
      return reveal({ ...state, selected: state.visible[next].id });
    }
    case 'more':
      return { ...state, shown: state.shown + PAGE_SIZE };
    case 'accept':
    case 'dismiss': {
      const row = state.rows.get(action.id);
      if (state.filter.view !== 'open' || row?.busy || row?.handled || !state.visible.some((s) => s.id === action.id)) return state;
      const busy = action.type === 'accept' ? 'accepting' : 'dismissing';
      const selected = state.selected === action.id ? neighbourOf(state, action.id) : state.selected;
      return reveal({ ...state, rows: withRow(state.rows, action.id, { busy }), selected });
    }
    case 'undo': {
      if (action.id === null) {
        return { ...state, message: say(state, 'Nothing to undo: no suggestion was dismissed here since the page opened. The Dismissed view lists earlier ones.') };
      }
      if (state.rows.get(action.id)?.busy) return state;
      return { ...state, rows: withRow(state.rows, action.id, { busy: 'undoing' }) };
    }
    case 'accepted': {
      const s = viewList(state)?.find((x) => x.id === action.id);
      const index = selectedIndex(state);
      const next = relist({ ...state, open: without(state.open, action.id) as InboxState['open'], rows: withRow(state.rows, action.id, null) }, index);
      return { ...next, message: say(state, acceptedMessage(s, action.annotation)) };
    }
    case 'dismissed': {
      const s = state.open.phase === 'ready' ? state.open.value.find((x) => x.id === action.id) : undefined;
      const index = selectedIndex(state);
      const next = relist({
        ...state,
        open: without(state.open, action.id) as InboxState['open'],
        // The dismissed list is read again when shown, with who dismissed and when.
        dismissed: null,
        rows: withRow(state.rows, action.id, null),
        undoStack: s ? [...state.undoStack.filter((x) => x.id !== s.id), s] : state.undoStack,
      }, index);
      return { ...next, message: say(state, `Dismissed: ${s ? categoryLabel(s.category).toLowerCase() : 'suggestion'}. Press u to undo.`) };
    }
    case 'undone': {
      const fromStack = state.undoStack.find((x) => x.id === action.id);
      const fromList = state.dismissed?.phase === 'ready' ? state.dismissed.value.find((x) => x.id === action.id) : undefined;
      const found = fromStack ?? fromList;
      let open = state.open;
      if (found && open.phase === 'ready' && !open.value.some((x) => x.id === found.id)) {
        const { decision: _decision, ...offered } = found;
        open = { phase: 'ready', value: [...open.value, offered] };
      }
      const index = selectedIndex(state);
      const next = relist({
        ...state,
        open,
        dismissed: without(state.dismissed, action.id),
        rows: withRow(state.rows, action.id, null),
        undoStack: state.undoStack.filter((x) => x.id !== action.id),
      }, index);
      // Back in the open list, the suggestion is selected again, where it was.
      const selected = next.filter.view === 'open' && next.visible.some((x) => x.id === action.id) ? action.id : next.selected;
      const what = found ? categoryLabel(found.category).toLowerCase() : 'suggestion';
      return reveal({ ...next, selected, message: say(state, `Offered again: ${what}.`) });
    }
    case 'failed': {
      const handled = action.problem.kind === 'handled';
      const undoStack = handled ? state.undoStack.filter((x) => x.id !== action.id) : state.undoStack;
      return { ...state, undoStack, rows: withRow(state.rows, action.id, { problem: action.problem.message, handled }), message: say(state, action.problem.message, 'error') };
    }
    case 'decided-elsewhere': {
      const row = state.rows.get(action.id);
      if (!row?.handled) return state;
      const { decision } = action;
      const what = decision.action === 'confirmed' ? 'Accepted' : 'Dismissed';
      return { ...state, rows: withRow(state.rows, action.id, { ...row, problem: `${what} by ${decision.by} meanwhile.` }) };
    }
    case 'say':
      return { ...state, message: say(state, action.text) };
    case 'text-loaded':
      return state.texts.has(action.source) ? state : { ...state, texts: new Map(state.texts).set(action.source, action.text) };
  }
}
