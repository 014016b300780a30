/**
 * Bringing the source page in line with its state: each part is redrawn only when the state it
 * derives from changed (compared by identity, the state being immutable). Highlights change
 * incrementally: the annotations that appeared, changed or went are handed to the highlights plugin,
 * so one new claim among ten thousand redraws one line of text and one card.
 */
import type { Annotation } from '../../core/model';
import { KIND_LABELS } from '../../core/model/vocabulary';
import { copyEntries } from '../reuse/copies-popover';
import { annotationSpans, type AnnotationSpan } from '../shared/annotation-spans';
import { annotationForm } from '../sidebar/annotation-form';
import { collectTags } from '../sidebar/filter-annotations';
import { emptyValues, toCreateBody, valuesOf } from '../sidebar/form-values';
import { currentUserName } from '../account/session';
import { noticeText } from '../live/form-notice';
import type { ViewerParts } from './viewer-parts';
import { isDifference } from '../api/client';
import { inScope, isInScope, isShown, patchShown, shownAnnotations } from './shown-annotations';
import { renderMarks } from './viewer-marks';
import type { ViewerAction, ViewerState } from './viewer-state';

/** What the last render derived, kept so the next one can tell what changed. */
export interface RenderMemo {
  /** The state fields `shown` derives from, and `shown` itself. */
  key: unknown[];
  shown: Annotation[];
  /** How many annotations are in scope before the filter (the sidebar's "of N"). */
  scopeCount: number;
  tags: string[];
  /** The annotations that changed in the last derivation, or null when all may have. */
  changed: ReadonlySet<string> | null;
  /** The annotations drawn as highlights, by id (the objects drawn). */
  drawn: Map<string, Annotation>;
}

/** A memo before the first render. */
export function emptyMemo(): RenderMemo {
  return { key: [], shown: [], scopeCount: 0, tags: [], changed: null, drawn: new Map() };
}

/** Beyond this many changed annotations, redrawing all highlights at once is cheaper. */
const RESET_ABOVE = 500;

const keyOf = (s: ViewerState): unknown[] => [s.annotations, s.activeSet, s.allSets, s.filter, s.provisional];
const sameKey = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/** The tags in scope, as a new list only when they differ (the tag filter's options are rebuilt for a new list). */
function deriveTags(memo: RenderMemo, scope: readonly Annotation[]): void {
  const tags = collectTags(scope);
  if (tags.length !== memo.tags.length || tags.some((t, i) => t !== memo.tags[i])) memo.tags = tags;
}

/**
 * Bring the memo in line with `s`; false when nothing it derives from changed. After a small change
 * (a save, a delete) the list, the count and the tags are patched, not computed over every
 * annotation again.
 */
function derive(memo: RenderMemo, prev: ViewerState, s: ViewerState): boolean {
  const key = keyOf(s);
  if (sameKey(key, memo.key)) return false;
  // The memo holds the list of `prev` when the last render saw it: then patch it.
  const patch = sameKey(keyOf(prev), memo.key) ? patchShown(memo.shown, prev, s) : null;
  memo.key = key;
  memo.changed = patch?.changed ?? null;
  if (!patch) {
    memo.shown = shownAnnotations(s);
    const scope = inScope(s);
    memo.scopeCount = scope.length;
    deriveTags(memo, scope);
    return true;
  }
  memo.shown = patch.list;
  const known = new Set(memo.tags.map((t) => t.toLowerCase()));
  let newTag = false;
  for (const id of patch.changed) {
    const before = prev.annotations.get(id);
    const after = s.annotations.get(id);
    memo.scopeCount += (after && isInScope(after, s) ? 1 : 0) - (before && isInScope(before, prev) ? 1 : 0);
    if (after && isInScope(after, s) && after.tags.some((t) => !known.has(t.toLowerCase()))) newTag = true;
    if (before && before.tags.length > 0) newTag = true;
  }
  // A tag appeared, or one may have gone with an annotation that carried it.
  if (newTag) deriveTags(memo, inScope(s));
  return true;
}

/** Hand the highlights plugin what changed between the annotations drawn and `shown`. */
function drawHighlights(parts: ViewerParts, memo: RenderMemo, s: ViewerState, textLength: number): void {
  const view = parts.view;
  if (!view) return;
  const spans = (list: readonly Annotation[]): AnnotationSpan[] => annotationSpans(list, parts.sourceId, textLength);
  if (memo.changed && memo.drawn.size > 0) {
    // Only the annotations that changed can have appeared or gone.
    const remove: string[] = [];
    const added: Annotation[] = [];
    for (const id of memo.changed) {
      const a = s.annotations.get(id);
      const shown = a && isShown(a, s) ? a : undefined;
      if (memo.drawn.get(id) === shown) continue;
      if (memo.drawn.has(id)) remove.push(id);
      if (shown) added.push(shown);
      if (shown) memo.drawn.set(id, shown);
      else memo.drawn.delete(id);
    }
    if (remove.length > 0 || added.length > 0) view.changeHighlights({ remove, add: spans(added) });
    return;
  }
  const next = new Map(memo.shown.map((a) => [a.id, a]));
  const remove: string[] = [];
  const added: Annotation[] = [];
  for (const [id, a] of memo.drawn) if (next.get(id) !== a) remove.push(id);
  for (const [id, a] of next) if (memo.drawn.get(id) !== a) added.push(a);
  memo.drawn = next;
  if (remove.length === 0 && added.length === 0) return;
  if (remove.length + added.length > RESET_ABOVE || remove.length === 0 && added.length === next.size) view.changeHighlights({ reset: spans(memo.shown) });
  else view.changeHighlights({ remove, add: spans(added) });
}

function renderForm(parts: ViewerParts, prev: ViewerState, next: ViewerState, action: { type: string }): void {
  const form = next.form;
  const view = parts.view;
  if (!form) {
    if (parts.form) {
      parts.form = null;
      parts.sidebar.closeForm();
      if (action.type === 'close-form') {
        // Back to where the passage was chosen (not <body>): the card of an edit, else the text.
        const base = prev.form?.base;
        if (!(base && parts.sidebar.reveal(base.id))) {
          // A fresh selection of the same words must bring the popover back.
          view?.clearSelection();
          view?.focusText();
        }
      }
    }
    return;
  }
  if (!parts.form || parts.form.seq !== form.seq) {
    const f = annotationForm({
      mode: form.mode,
      kind: form.kind,
      quote: form.quote,
      values: form.initial ?? (form.base ? valuesOf(form.base) : emptyValues(next.activeSet)),
      sets: next.sets.map((s) => s.name),
      vocabulary: () => parts.getState().vocabulary,
      onCancel: () => parts.dispatch({ type: 'close-form' }),
      onSubmit: (values) => {
        const current = form.range;
        const body = form.mode === 'create' && current && (form.kind === 'claim' || form.kind === 'note')
          ? toCreateBody(form.kind, { source: parts.sourceId, start: current.start, end: current.end, exact: current.exact }, values)
          : null;
        parts.dispatch({ type: 'save', values, body });
      },
    });
    parts.form = { seq: form.seq, form: f };
    parts.sidebar.openForm(f);
    if (form.elsewhere) f.showNotice(noticeText(form.elsewhere, currentUserName()));
    return;
  }
  const f = parts.form.form;
  const was = prev.form;
  if (was?.elsewhere !== form.elsewhere) f.showNotice(form.elsewhere ? noticeText(form.elsewhere, currentUserName()) : null);
  if (was?.saving !== form.saving) f.setSaving(form.saving);
  if (was?.problem !== form.problem) f.showProblem(form.problem, form.problem?.kind === 'conflict' ? valuesOf(form.problem.current) : undefined);
}

function renderFocus(parts: ViewerParts, next: ViewerState): void {
  const { id, from } = next.focus;
  const a = id === null ? undefined : next.annotations.get(id);
  const text = next.page.phase === 'ready' ? next.page.value.source.text : '';
  parts.view?.focus(a ? a.id : null, a ? annotationSpans([a], parts.sourceId, text.length) : [], from === 'card' || from === 'route');
}

function revealCard(parts: ViewerParts, next: ViewerState): void {
  const { id, from } = next.focus;
  if (id && from !== 'card') parts.sidebar.reveal(id, from !== 'saving');
}

function renderReuse(parts: ViewerParts, prev: ViewerState, next: ViewerState): void {
  const view = parts.view;
  if (!view) return;
  if (prev.reuse !== next.reuse || (prev.titles !== next.titles && next.reuse.phase === 'ready')) {
    if (next.reuse.phase === 'ready') {
      if (prev.reuse !== next.reuse) view.setReuseMarks(next.reuse.value);
      parts.coverage.update(next.reuse.value);
    } else if (next.reuse.phase === 'failed') {
      parts.coverage.update(null, `Could not load the reused passages: ${next.reuse.message}`);
    }
  }
  if (prev.showReuse !== next.showReuse) {
    parts.reuseToggle.checked = next.showReuse;
    view.setReuseVisible(next.showReuse);
    if (!next.showReuse) parts.popover.hide();
  }
  if (prev.activeReuse !== next.activeReuse || (next.activeReuse !== null && prev.reuseByKey !== next.reuseByKey)) {
    const el = view.activateReuse(next.activeReuse);
    if (next.activeReuse === null || next.reuse.phase !== 'ready') parts.popover.hide();
    else if (el) {
      parts.popover.show(el, copyEntries(next.reuse.value, [next.activeReuse]), true);
      if (next.reuseByKey) parts.popover.focusFirst();
    }
  }
}

/** Bring the page in line with `next`. */
export function renderViewer(parts: ViewerParts, memo: RenderMemo, prev: ViewerState, next: ViewerState, action: { type: string }): void {
  const view = parts.view;
  if (next.page.phase !== 'ready' || !view) return;
  const text = next.page.value.source.text;
  const changed = derive(memo, prev, next);
  const listChanged = changed || prev.reuse !== next.reuse || prev.titles !== next.titles || prev.deleting !== next.deleting || prev.focus.id !== next.focus.id;
  const focusChanged = prev.focus.seq !== next.focus.seq;
  // The text first, in one transaction; then the sidebar, whose measuring lays the page out once.
  view.batch(() => {
    if (changed) drawHighlights(parts, memo, next, text.length);
    if (prev.draft !== next.draft) view.setDraftRanges(next.draft.passages.filter((p) => p.source === parts.sourceId));
    // The passage a form is open for stays marked; a new form hides the popover it came from.
    if ((prev.form?.range ?? null) !== (next.form?.range ?? null)) view.setPending(next.form?.range ?? null);
    if (next.form && next.form.seq !== prev.form?.seq) view.dismissPopover();
    if (focusChanged) renderFocus(parts, next);
  });
  if (listChanged) {
    parts.sidebar.render({
      shown: memo.shown,
      total: memo.scopeCount,
      filter: next.filter,
      tags: memo.tags,
      provisional: next.provisional,
      deleting: next.deleting,
      focused: next.focus.id,
      // Cards name other sources by title and carry a button once the reused passages are known.
      extrasVersion: (next.reuse.phase === 'ready' ? 1 : 0) + (next.titles.size > 0 ? 2 : 0),
    }, focusChanged && next.focus.from !== 'card' ? next.focus.id : null);
  }
  if (prev.allSets !== next.allSets) parts.allSetsToggle.checked = next.allSets;
  renderForm(parts, prev, next, action);
  if (focusChanged) revealCard(parts, next);
  renderReuse(parts, prev, next);
  renderMarks(parts, prev, next);
  if (prev.suggestions !== next.suggestions || (prev.titles !== next.titles && next.suggestions.phase === 'ready')) {
    // The sidebar lists the differences between copies; the margin marks show every suggestion.
    const differences = next.suggestions.phase === 'ready' ? next.suggestions.value.filter(isDifference) : [];
    if (next.suggestions.phase === 'ready') parts.suggestions.update(differences);
    else if (next.suggestions.phase === 'failed') parts.suggestions.update(null, `Could not load the suggestions: ${next.suggestions.message}`);
    const n = differences.length;
    parts.sidebar.setJump(n > 0 ? `Suggestions (${n})` : null);
  }
  if (prev.draft !== next.draft || prev.trayCollapsed !== next.trayCollapsed) parts.tray.render(next.draft, next.trayCollapsed);
}

/** The line said when a save went through. */
export function savedMessage(a: Annotation, created: boolean): string {
  return created ? `${KIND_LABELS[a.kind]} saved to set “${a.set}”.` : 'Changes saved.';
}
