/**
 * The source page's side of live updates and sign-ins: it hears the tab's live updates while shown
 * and turns them into actions (viewer-live.ts applies them), reloads what the page shows of sets,
 * suggestions, reused passages and other sources' titles when those change, offers a reload when the
 * source itself gets a new revision, keeps the open form if the session ends, and brings a kept
 * form back once the page has loaded again.
 */
import { keepDrafts, registerKeeper, takeDraft } from '../account/kept-drafts';
import * as api from '../api/client';
import { subscribeLive } from '../live/live-connection';
import { redrawRoute, revisionBanner, type RevisionBanner } from '../live/revision-banner';
import { reuseMarks } from '../reuse/reuse-marks';
import { showStatus } from '../ui/status';
import type { ViewerParts } from './viewer-parts';
import { keptFormKey, keptFormOf, type ViewerLiveAction, type ViewerPageAction } from './viewer-live';
import type { ViewerState } from './viewer-state';

/** What the wiring needs of the page. */
export interface LivePage {
  parts: ViewerParts;
  state(): ViewerState;
  dispatch(action: ViewerPageAction): void;
}

/** The banner offering the new revision of the source; it keeps the open form across the reload. */
export function sourceRevisionBanner(): RevisionBanner {
  return revisionBanner(() => {
    keepDrafts();
    redrawRoute();
  });
}

/** The banner's words for revision `n`. */
export function revisedMessage(n: number): string {
  return `This source has a new revision (${n}) since you opened it. Reload the text to read it; its annotations move with it.`;
}

/** Load again what the sidebar shows beside the annotations: suggestions, reused passages, titles. */
function reloadExtras(page: LivePage, reuse: boolean): void {
  const s = page.state();
  const { sourceId } = s;
  void api.listAllSuggestions({ source: sourceId }).then((suggestions) => page.dispatch({ type: 'suggestions-loaded', suggestions }), () => {});
  if (!reuse || s.page.phase !== 'ready') return;
  const length = s.page.value.source.text.length;
  void api.listReuse(sourceId).then((passages) => page.dispatch({ type: 'reuse-loaded', marks: reuseMarks(passages, sourceId, length) }), () => {});
  void api.listSources().then((list) => page.dispatch({ type: 'titles-loaded', titles: new Map(list.map((x) => [x.id, x.title])) }), () => {});
}

/** Start hearing live updates and keeping the open form; returns the cleanup. */
export function connectViewerLive(page: LivePage): () => void {
  const { sourceId } = page.state();
  const stopLive = subscribeLive((e) => {
    switch (e.type) {
      case 'annotation':
        return page.dispatch({ type: 'remote-annotation', annotation: e.annotation });
      case 'annotation-deleted':
        return page.dispatch({ type: 'remote-deleted', id: e.id });
      case 'source':
        // This text: offered, not swapped. Another source: it may share passages with this one.
        if (e.id === sourceId) return page.dispatch({ type: 'source-revised', revision: e.revision });
        return reloadExtras(page, true);
      case 'sets':
        void api.listSets().then((sets) => page.dispatch({ type: 'sets-reloaded', sets }), () => {});
        return;
      case 'suggestions':
        return reloadExtras(page, false);
      case 'reconnected':
        // Updates may have been missed while offline: load the annotations again (unless the text
        // is out of date, when only a reload of the page can place them).
        if (!page.state().revisedTo) page.dispatch({ type: 'reload-annotations' });
        void api.listSets().then((sets) => page.dispatch({ type: 'sets-reloaded', sets }), () => {});
        return reloadExtras(page, true);
    }
  });
  const stopKeeping = registerKeeper(() => {
    const s = page.state();
    const open = page.parts.form;
    if (!s.form || !open || open.seq !== s.form.seq) return null;
    const values = open.form.values();
    if (s.form.mode === 'create' && s.form.range && (s.form.kind === 'claim' || s.form.kind === 'note')) {
      return { key: keptFormKey(sourceId), value: { mode: 'create', kind: s.form.kind, range: s.form.range, values } };
    }
    if (s.form.mode === 'edit' && s.form.base) return { key: keptFormKey(sourceId), value: { mode: 'edit', base: s.form.base, values } };
    return null;
  });
  return () => {
    stopLive();
    stopKeeping();
  };
}

/** Once the source has loaded: bring back a form kept over a sign-in (or a reload), if any. */
export function restoreKeptForm(page: LivePage): void {
  const kept = takeDraft(keptFormKey(page.state().sourceId));
  const form = kept && keptFormOf(kept.value);
  if (form) page.dispatch({ type: 'restore-form', form });
}

/** What the live actions ask of the outside world: saying whether a kept form came back. */
export function viewerLiveEffect(action: ViewerLiveAction, state: ViewerState): void {
  if (action.type !== 'restore-form') return;
  if (state.form?.initial === action.form.values) showStatus('The form you had open is back, with what you typed. Save it when ready.', 'info');
  else showStatus('The passage you were annotating is no longer at its place in this text, so the form could not be reopened.', 'error');
}
