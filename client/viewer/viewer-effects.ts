/**
 * What the source page's actions ask of the outside world: the API calls of saving, deleting,
 * confirming, dismissing and carrying (through the shared use cases, annotations/annotation-actions),
 * loading what the page shows, remembering the user's choices, and the status line. Each call
 * reports back by dispatching an action; nothing here changes the state directly.
 */
import { DEFAULT_SET, KIND_LABELS } from '../../core/model/vocabulary';
import * as actions from '../annotations/annotation-actions';
import { openInconsistencyDialog } from '../annotations/inconsistency-dialog';
import { errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { EMPTY_DRAFT, MIN_PASSAGES, saveDraft, saveTrayCollapsed } from '../reuse/inconsistency-draft';
import { reuseMarks } from '../reuse/reuse-marks';
import { saveShowAllSets } from '../sets/active-set';
import { toPatchBody } from '../sidebar/form-values';
import { PREF_KEYS, writeFlag } from '../ui/preferences';
import { showStatus } from '../ui/status';
import type { ViewerParts } from './viewer-parts';
import { marksEffect } from './viewer-marks';
import { savedMessage } from './viewer-render';
import { PROVISIONAL_PREFIX, type ViewerAction, type ViewerState } from './viewer-state';

/** Load what shows beside the text once the source is there: reused passages, suggestions, names in use. */
async function loadExtras(parts: ViewerParts, s: ViewerState): Promise<void> {
  if (s.page.phase !== 'ready') return;
  const { sourceId } = s;
  const text = s.page.value.source.text;
  void api.getVocabulary().then(
    (vocabulary) => parts.dispatch({ type: 'vocabulary-loaded', vocabulary }),
    () => {
      // Autocomplete is a help, not a need: the form works without it.
    },
  );
  const [passages, suggestions] = await Promise.allSettled([api.listReuse(sourceId), api.listAllSuggestions({ source: sourceId })]);
  if (passages.status === 'fulfilled') parts.dispatch({ type: 'reuse-loaded', marks: reuseMarks(passages.value, sourceId, text.length) });
  else {
    const message = errorMessage(passages.reason);
    parts.dispatch({ type: 'reuse-failed', message });
    showStatus(`Could not load the reused passages: ${message}`, 'error');
  }
  if (suggestions.status === 'fulfilled') parts.dispatch({ type: 'suggestions-loaded', suggestions: suggestions.value });
  else parts.dispatch({ type: 'suggestions-failed', message: errorMessage(suggestions.reason) });
}

async function save(parts: ViewerParts, s: ViewerState, action: Extract<ViewerAction, { type: 'save' }>): Promise<void> {
  const form = s.form;
  if (!form) return;
  if (form.mode === 'create' && action.body) {
    const tempId = `${PROVISIONAL_PREFIX}${form.seq}`;
    // The passage is in the form now; a selection made while the server answers is the user's next
    // one. Cleared after the frame showing the new annotation, which is drawn first.
    parts.keys.forget();
    const selected = parts.view?.selection();
    setTimeout(() => {
      const now = parts.view?.selection();
      if (now && selected && now.start === selected.start && now.end === selected.end) parts.view?.clearSelection();
    }, 0);
    const outcome = await actions.createAnnotation(action.body);
    if (outcome.ok) {
      parts.dispatch({ type: 'created', tempId, annotation: outcome.value });
      showStatus(savedMessage(outcome.value, true), 'success');
    } else {
      parts.dispatch({ type: 'save-failed', problem: outcome.problem, tempId });
      showStatus(outcome.problem.message, 'error');
    }
    return;
  }
  const base = form.base;
  if (!base) return;
  const outcome = await actions.editAnnotation(base.id, toPatchBody(base.kind, base.revision, action.values));
  if (outcome.ok) {
    parts.dispatch({ type: 'edited', annotation: outcome.value });
    showStatus(savedMessage(outcome.value, false), 'success');
  } else {
    parts.dispatch({ type: 'save-failed', problem: outcome.problem });
    showStatus(outcome.problem.message, 'error');
  }
}

/** Start what `action` asks of the outside world. */
export function viewerEffect(parts: ViewerParts, action: ViewerAction, s: ViewerState): void {
  switch (action.type) {
    case 'loaded':
      void loadExtras(parts, s);
      return;
    case 'save':
      void save(parts, s, action);
      return;
    case 'delete': {
      const a = s.annotations.get(action.id);
      if (!a) return;
      void actions.deleteAnnotation(a).then((outcome) => {
        if (outcome.ok) {
          parts.dispatch({ type: 'deleted', id: a.id });
          showStatus(`${KIND_LABELS[a.kind]} deleted.`, 'success');
        } else {
          parts.dispatch({ type: 'delete-failed', id: a.id, problem: outcome.problem });
          showStatus(outcome.problem.message, outcome.problem.kind === 'gone' ? 'info' : 'error');
        }
      });
      return;
    }
    case 'confirm-suggestion':
      void actions.confirmSuggestion(action.suggestion.id, s.activeSet).then((outcome) => {
        action.done(outcome.ok);
        // Decided by someone else first: it is no longer offered here either.
        if (!outcome.ok && outcome.problem.kind === 'handled') parts.dispatch({ type: 'suggestion-handled', id: action.suggestion.id });
        if (!outcome.ok) return showStatus(outcome.problem.message, 'error');
        parts.dispatch({ type: 'suggestion-handled', id: action.suggestion.id });
        parts.dispatch({ type: 'made-elsewhere', annotations: [outcome.value], focus: true });
        showStatus(savedMessage(outcome.value, true), 'success');
      });
      return;
    case 'dismiss-suggestion':
      void actions.dismissSuggestion(action.id).then((outcome) => {
        action.done(outcome.ok);
        if (!outcome.ok && outcome.problem.kind === 'handled') parts.dispatch({ type: 'suggestion-handled', id: action.id });
        if (!outcome.ok) return showStatus(outcome.problem.message, 'error');
        parts.dispatch({ type: 'suggestion-handled', id: action.id });
        showStatus('Suggestion dismissed; the inbox’s Dismissed view can offer it again.', 'success');
      });
      return;
    case 'carry':
      void actions.carryAnnotation(action.id, action.mode).then((outcome) => {
        if (outcome.ok) parts.dispatch({ type: 'made-elsewhere', annotations: outcome.value, focus: false });
        action.done(outcome);
      });
      return;
    case 'reload-annotations':
      void api.listAnnotations({ source: s.sourceId }).then(
        (annotations) => parts.dispatch({ type: 'annotations-reloaded', annotations }),
        (err: unknown) => showStatus(`Could not reload the annotations: ${errorMessage(err)}`, 'error'),
      );
      return;
    case 'all-sets':
      saveShowAllSets(action.all);
      return;
    case 'show-reuse':
      writeFlag(PREF_KEYS.showReuse, action.visible);
      return;
    case 'step-reuse':
      if (s.reuse.phase === 'loading') showStatus('Reused passages are still loading; try again in a moment.', 'info');
      else if (s.reuse.phase === 'failed') showStatus(`Could not load reused passages: ${s.reuse.message}`, 'error');
      else if (s.reuse.value.length === 0) showStatus('No passage of this source appears in another source.', 'info');
      return;
    case 'add-to-draft': {
      saveDraft(s.draft);
      const n = s.draft.passages.length;
      const added = s.draft.passages.some((p) => p === action.passage);
      if (!added) showStatus('This passage is already in the inconsistency.', 'info');
      else if (n < MIN_PASSAGES) showStatus('Inconsistency started: now select the passage that disagrees (here or in another source) and press i.', 'info');
      else showStatus(`Added to the inconsistency (${n} passages). Save it from the tray when ready.`, 'success');
      parts.view?.clearSelection();
      parts.keys.forget();
      return;
    }
    case 'draft':
      if (!action.fromElsewhere) saveDraft(s.draft);
      return;
    case 'tray-collapsed':
      saveTrayCollapsed(action.collapsed);
      return;
    case 'show-marks':
    case 'step-mark':
    case 'suggestions-loaded':
      marksEffect(parts, action, s);
      return;
    case 'save-draft':
      if (s.draft.passages.length < MIN_PASSAGES) return;
      openInconsistencyDialog({
        passages: s.draft.passages.map((p, i) => ({ label: `Passage ${i + 1}`, source: p.source, title: p.title, span: { start: p.start, end: p.end, exact: p.exact } })),
        sets: s.sets.map((x) => x.name).concat(s.sets.length ? [] : [DEFAULT_SET]),
        set: s.activeSet,
        onSaved: (created) => {
          parts.dispatch({ type: 'draft', draft: EMPTY_DRAFT });
          parts.dispatch({ type: 'made-elsewhere', annotations: [created], focus: true });
          showStatus(`Inconsistency saved to set “${created.set}”, linking ${created.targets.length} passages.`, 'success');
        },
      });
      return;
    default:
      return;
  }
}
