/**
 * The source page (`#/source/<id>`, optionally `?annotation=<id>` to open on one annotation, or
 * `?suggestion=<id>` on one suggestion's margin mark): the text in the viewer with the suggestions'
 * margin marks, the sidebar of annotations, the set picker and the keyboard shortcuts. It holds
 * one state (viewer-state.ts), changed only by dispatching actions; viewer-render.ts draws each new
 * state, viewer-effects.ts runs the API calls that actions ask for, viewer-keys.ts turns keys into
 * actions. This module puts the page together and loads it.
 */
import type { Annotation, Source } from '../../core/model';
import { denied } from '../account/session';
import { ApiError, errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { CopiesPopover, copyEntries } from '../reuse/copies-popover';
import { coverageSection } from '../reuse/coverage-section';
import { carryControl } from '../reuse/carry-control';
import { DraftTray } from '../reuse/draft-tray';
import { isDraftStorageKey, loadDraft, loadTrayCollapsed } from '../reuse/inconsistency-draft';
import { marksOverlapping } from '../reuse/reuse-marks';
import { suggestionsSection } from '../reuse/suggestions-section';
import { loadActiveSet, loadShowAllSets } from '../sets/active-set';
import { setPicker } from '../sets/set-picker';
import { createPageStore, type Page } from '../shared/page-store';
import { Sidebar } from '../sidebar/sidebar';
import { transferButtons } from '../transfer';
import { h } from '../ui/dom';
import { helpButton, helpDialog } from '../ui/help-dialog';
import { KeyboardSelection } from '../ui/keyboard-selection';
import { legend } from '../ui/legend';
import { PREF_KEYS, readFlag } from '../ui/preferences';
import { clearStatus } from '../ui/status';
import { SourceView } from './source-view';
import { viewerEffect } from './viewer-effects';
import { changedSection, revisionTools } from './viewer-revisions';
import { markEvents, marksPopover, moreSuggestionsLine } from './viewer-marks';
import { addToDraft, openCreate, viewerKeys } from './viewer-keys';
import type { ViewerParts } from './viewer-parts';
import { emptyMemo, renderViewer } from './viewer-render';
import { initialViewerState, type ViewerState } from './viewer-state';
import { applyViewerPage, type ViewerPageAction } from './viewer-live';
import { connectViewerLive, restoreKeptForm, revisedMessage, sourceRevisionBanner, viewerLiveEffect, type LivePage } from './viewer-live-effects';
import { wordCount } from '../../core/text/word-count';

function sourceMetaLine(s: Source): HTMLElement {
  const words = wordCount(s.text);
  const parts: (string | null)[] = [s.outlet, s.author ? `by ${s.author}` : null, s.published ?? null, `${words.toLocaleString('en')} words`];
  return h('p', { class: 'source-meta' },
    parts.filter((p): p is string => p !== null).join(' · '),
    s.url ? [' · ', h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null,
    s.guessed.length > 0 ? h('span', { class: 'guessed', title: `Guessed from the text: ${s.guessed.join(', ')}` }, ' (some details guessed)') : null,
  );
}

function errorPage(id: string, err: unknown): HTMLElement {
  const notFound = err instanceof ApiError && err.status === 404;
  return h('div', { class: 'page-error', role: 'alert' },
    h('h1', {}, notFound ? 'Source not found' : 'Could not load this source'),
    h('p', {}, notFound ? `There is no source with id “${id}”.` : errorMessage(err)),
    h('p', {}, h('a', { href: '#/' }, '← All sources')),
  );
}

/** Mount the page of source `id` into `root`; `focusId` names an annotation to open on, `suggestionId` a suggestion. */
export function viewerPage(root: HTMLElement, id: string, focusId?: string, suggestionId?: string): Page {
  const initial = initialViewerState(id, {
    allSets: loadShowAllSets(),
    showReuse: readFlag(PREF_KEYS.showReuse, true),
    showMarks: readFlag(PREF_KEYS.showMarks, true),
    draft: loadDraft(),
    trayCollapsed: loadTrayCollapsed(),
  });
  const memo = emptyMemo();
  const titles = new Map<string, string>();
  const parts: ViewerParts = {
    root,
    sourceId: id,
    dispatch: (action) => store.dispatch(action),
    getState: () => store.state,
    view: null,
    sidebar: new Sidebar(id, {
      onShow: (annotationId) => parts.dispatch({ type: 'focus', id: annotationId, from: 'card' }),
      onEdit: (annotationId) => parts.dispatch({ type: 'open-edit', id: annotationId }),
      onDelete: (annotationId) => parts.dispatch({ type: 'delete', id: annotationId }),
      onFilter: (filter) => parts.dispatch({ type: 'filter', filter }),
      cardExtra: (a) => carryExtra(a),
      titles,
    }),
    tray: new DraftTray(id, {
      onRemove: (i) => parts.dispatch({ type: 'draft', draft: { passages: store.state.draft.passages.filter((_, k) => k !== i) } }),
      onDiscard: () => parts.dispatch({ type: 'draft', draft: { passages: [] } }),
      onSave: () => parts.dispatch({ type: 'save-draft' }),
      onToggle: (collapsed) => parts.dispatch({ type: 'tray-collapsed', collapsed }),
    }),
    coverage: coverageSection({ sourceId: id, text: () => (store.state.page.phase === 'ready' ? store.state.page.value.source.text : ''), titles, onShow: (i) => parts.dispatch({ type: 'activate-reuse', index: i, byKey: false }) }),
    suggestions: suggestionsSection(id, titles, {
      onConfirm: (suggestion) => new Promise<void>((ok, fail) => parts.dispatch({ type: 'confirm-suggestion', suggestion, done: (done) => (done ? ok() : fail()) })),
      onDismiss: (s) => new Promise<void>((ok, fail) => parts.dispatch({ type: 'dismiss-suggestion', id: s.id, done: (done) => (done ? ok() : fail()) })),
      onShow: (t) => parts.view?.selectRange(t.start, t.end),
    }),
    popover: new CopiesPopover(id, titles),
    keys: new KeyboardSelection(() => parts.view),
    help: helpDialog('viewer'),
    reuseToggle: h('input', { type: 'checkbox', id: 'show-reuse', checked: initial.showReuse }),
    allSetsToggle: h('input', { type: 'checkbox', id: 'show-all-sets', checked: initial.allSets }),
    marksPopover: marksPopover({ dispatch: (action) => store.dispatch(action) }, id, titles),
    marksToggle: h('input', { type: 'checkbox', id: 'show-marks', checked: initial.showMarks }),
    moreSuggestions: moreSuggestionsLine(id),
    openSuggestion: suggestionId ?? null,
    form: null,
  };

  /** The carry button of a card whose passage here has copies, or null. */
  const carryExtra = (a: Annotation): HTMLElement | null => {
    const reuse = store.state.reuse;
    if (a.kind === 'reuse' || reuse.phase !== 'ready') return null;
    const here = a.targets.filter((t) => t.source === id && !t.orphaned);
    if (!here.some((t) => marksOverlapping(reuse.value, t.start, t.end).length > 0)) return null;
    return carryControl({ annotation: a, sourceId: id, titles, carry: (mode) => new Promise((done) => parts.dispatch({ type: 'carry', id: a.id, mode, done })) });
  };

  const changes = changedSection(parts);
  const banner = sourceRevisionBanner();
  let picker: HTMLElement | null = null;
  const pickerOf = (s: ViewerState) => setPicker({ sets: s.sets, active: s.activeSet, onChange: (name, sets) => parts.dispatch({ type: 'active-set', name, sets }) });
  const store = createPageStore<ViewerState, ViewerPageAction>(initial, applyViewerPage, {
    render: (prev, next, action) => {
      // The components share one map of titles: fill it before anything draws with it.
      if (prev.titles !== next.titles) for (const [k, v] of next.titles) titles.set(k, v);
      if (prev.page.phase !== 'ready' && next.page.phase === 'ready') mountSource(next);
      renderViewer(parts, memo, prev, next, action);
      if (prev.annotations !== next.annotations && next.page.phase === 'ready') changes.update(next.annotations.values());
      if (next.revisedTo && prev.revisedTo !== next.revisedTo) banner.show(revisedMessage(next.revisedTo));
      // Sets someone else made: the picker offers them (not while the user is in it).
      if (action.type === 'sets-reloaded' && picker && !picker.contains(document.activeElement)) {
        const fresh = pickerOf(next);
        picker.replaceWith(fresh);
        picker = fresh;
      }
    },
    effect: (action, state) => {
      switch (action.type) {
        case 'remote-annotation':
        case 'remote-deleted':
        case 'source-revised':
        case 'sets-reloaded':
        case 'restore-form':
          return viewerLiveEffect(action, state);
        default:
          return viewerEffect(parts, action, state);
      }
    },
  });
  const live: LivePage = { parts, state: () => store.state, dispatch: (action) => store.dispatch(action) };
  const stopLive = connectViewerLive(live);

  /** Build the page around the loaded source (once). */
  function mountSource(s: ViewerState): void {
    if (s.page.phase !== 'ready') return;
    const { source } = s.page.value;
    document.title = `${source.title} · Collate`;
    const { sidebar } = parts;
    sidebar.before.append(parts.tray.el, changes.el);
    sidebar.after.append(parts.suggestions.el, parts.moreSuggestions.el, parts.coverage.el);
    parts.reuseToggle.addEventListener('change', () => parts.dispatch({ type: 'show-reuse', visible: parts.reuseToggle.checked }));
    parts.allSetsToggle.addEventListener('change', () => parts.dispatch({ type: 'all-sets', all: parts.allSetsToggle.checked }));
    parts.marksToggle.addEventListener('change', () => parts.dispatch({ type: 'show-marks', visible: parts.marksToggle.checked }));
    const mount = h('div', { class: 'source-mount' });
    root.replaceChildren(
      h('div', { class: 'viewer-layout' },
        h('section', { class: 'viewer-main', 'aria-labelledby': 'source-title' },
          h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
          h('h1', { id: 'source-title', class: 'source-title' }, source.title),
          sourceMetaLine(source),
          banner.el,
          h('div', { class: 'viewer-toolbar' },
            (picker = pickerOf(s)),
            h('label', { class: 'toolbar-check', for: 'show-all-sets', title: 'Show the annotations of every set, not only the active one' }, parts.allSetsToggle, ' Show all sets'),
            h('label', { class: 'toolbar-check', for: 'show-reuse', title: 'Mark passages other sources repeat' }, parts.reuseToggle, ' Show reuse'),
            h('label', { class: 'toolbar-check', for: 'show-marks', title: 'Mark in the margin what the assistant suggests checking' }, parts.marksToggle, ' Show suggestions'),
            transferButtons({ exportOptions: () => ({ set: store.state.activeSet, source: id }), onImported: () => parts.dispatch({ type: 'reload-annotations' }) }),
            revisionTools(source),
            helpButton(parts.help),
          ),
          legend(),
          h('p', { class: 'hint' }, 'Select a passage (or press s) to make a claim (c), a note (n) or an inconsistency across sources (i); r steps through reused passages, m through the suggestions in the margin.'),
          mount,
        ),
        sidebar.el,
      ),
    );
    sidebar.attach();
    parts.view = new SourceView(mount, source.text, {
      onAction: (action) => (action === 'inconsistency' ? addToDraft(parts) : openCreate(parts, action)),
      onHighlightClick: (annotationId) => parts.dispatch({ type: 'focus', id: annotationId, from: 'text' }),
      reuse: {
        onHover: (indices, target) => store.state.reuse.phase === 'ready' && parts.popover.hover(target, copyEntries(store.state.reuse.value, indices)),
        onLeave: () => parts.popover.leave(),
        onClick: (indices, target) => store.state.reuse.phase === 'ready' && parts.popover.show(target, copyEntries(store.state.reuse.value, indices), true),
      },
      showReuse: s.showReuse,
      marks: { ...markEvents(parts), visible: s.showMarks },
      actionDenied: () => denied('annotation.create'),
      actionLabels: (action) => (action === 'claim' ? 'Claim' : action === 'note' ? 'Note' : store.state.draft.passages.length > 0 ? 'Add to inconsistency' : 'Start inconsistency'),
    });
    parts.view.setDraftRanges(s.draft.passages.filter((p) => p.source === id));
    parts.tray.render(s.draft, s.trayCollapsed);
  }

  const onKeyDown = viewerKeys(parts);
  document.addEventListener('keydown', onKeyDown);
  // The draft is shared by every tab: follow changes made in another one.
  const onStorage = (e: StorageEvent) => {
    if (!isDraftStorageKey(e.key)) return;
    parts.dispatch({ type: 'draft', draft: loadDraft(), fromElsewhere: true });
    parts.dispatch({ type: 'tray-collapsed', collapsed: loadTrayCollapsed() });
  };
  window.addEventListener('storage', onStorage);

  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading source…'));
  void (async () => {
    try {
      // Titles only name other sources in links: the page does not wait for them (the ids serve).
      void api.listSources().then(
        (summaries) => store.dispatch({ type: 'titles-loaded', titles: new Map(summaries.map((x) => [x.id, x.title])) }),
        () => {},
      );
      const [source, annotations, sets] = await Promise.all([api.getSource(id), api.listAnnotations({ source: id }), api.listSets()]);
      store.dispatch({ type: 'loaded', source, annotations, sets, activeSet: loadActiveSet(sets.map((x) => x.name)) });
      if (focusId) store.dispatch({ type: 'focus', id: focusId, from: 'route' });
      restoreKeptForm(live);
    } catch (err) {
      root.replaceChildren(errorPage(id, err));
      store.close();
    }
  })();

  return {
    destroy() {
      store.close();
      stopLive();
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('storage', onStorage);
      parts.view?.destroy();
      parts.sidebar.destroy();
      parts.popover.destroy();
      parts.marksPopover.destroy();
      parts.help.destroy();
      clearStatus();
    },
  };
}
