/**
 * The source page (`#/source/<id>`): the text in the viewer, the sidebar of annotations, the set
 * picker and the keyboard shortcuts. It owns the page state (annotations, sets, active set) and does
 * the annotation API calls, so the viewer and sidebar stay presentational; duplicate coverage and
 * suggestions (ReuseFeatures) and the inconsistency draft (DraftTray) hand it what they create.
 */
import type { Annotation, Source } from '../../core/model';
import { DEFAULT_SET, KIND_LABELS } from '../../core/model/vocabulary';
import { ApiError, errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { DraftTray } from '../reuse/draft-tray';
import { ReuseFeatures } from '../reuse/reuse-features';
import { transferButtons } from '../transfer';
import { loadActiveSet } from '../sets/active-set';
import { setPicker } from '../sets/set-picker';
import { annotationForm } from '../sidebar/annotation-form';
import { emptyValues, toCreateBody, toPatchBody, valuesOf, type FormValues } from '../sidebar/form-values';
import { Sidebar } from '../sidebar/sidebar';
import type { Page } from '../shared/page';
import { h, isTyping } from '../ui/dom';
import { helpButton, helpDialog } from '../ui/help-dialog';
import { clearStatus, showStatus } from '../ui/status';
import { annotationSpans } from '../shared/annotation-spans';
import { legend } from '../ui/legend';
import type { SelectionAction } from './selection-popover-plugin';
import { KeyboardSelection } from './keyboard-selection';
import { SourceView, type TextRange } from './source-view';
import { trimQuote } from '../shared/trim-range';

/** Shown when a save or delete was refused because someone else changed the annotation first. */
export const CONFLICT_MESSAGE = 'This annotation was changed elsewhere; the current version is shown; your edit was not saved.';


function sourceMetaLine(s: Source): HTMLElement {
  const words = s.text.split(/\s+/).filter(Boolean).length;
  const parts: (string | null)[] = [
    s.outlet,
    s.author ? `by ${s.author}` : null,
    s.published ?? null,
    `${words.toLocaleString('en')} words`,
  ];
  return h('p', { class: 'source-meta' },
    parts.filter((p): p is string => p !== null).join(' · '),
    s.url ? [' · ', h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, 'original')] : null,
    s.guessed.length > 0 ? h('span', { class: 'guessed', title: `Guessed from the text: ${s.guessed.join(', ')}` }, ' (some details guessed)') : null,
  );
}

/** Mount the page of source `id` into `root`. */
export function viewerPage(root: HTMLElement, id: string): Page {
  let destroyed = false;
  let view: SourceView | null = null;
  let sidebar: Sidebar | null = null;
  let annotations: Annotation[] = [];
  let setNames: string[] = [DEFAULT_SET];
  let activeSet = DEFAULT_SET;
  let features: ReuseFeatures | null = null;
  let tray: DraftTray | null = null;
  let sourceTitle = id;
  const keys = new KeyboardSelection(() => view);
  const help = helpDialog('viewer');

  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading source…'));

  const refresh = () => {
    if (!view || !sidebar) return;
    view.setHighlights(annotationSpans(annotations, id, view.textDoc.text.length));
    sidebar.update(annotations, setNames);
  };

  const replace = (a: Annotation) => {
    annotations = annotations.some((x) => x.id === a.id) ? annotations.map((x) => (x.id === a.id ? a : x)) : [...annotations, a];
  };

  const focusAnnotation = (annotationId: string | null, from: 'card' | 'text') => {
    view?.focus(annotationId, from === 'card');
    sidebar?.setFocused(annotationId, from === 'text');
  };

  /** Take in annotations made elsewhere on the page (a confirmed suggestion, a carry, the tray). */
  const takeCreated = (created: readonly Annotation[], focus: boolean) => {
    const here = created.filter((a) => a.targets.some((t) => t.source === id));
    for (const a of here) replace(a);
    if (here.length > 0) refresh();
    if (focus && here[0]) focusAnnotation(here[0].id, 'text');
  };

  /**
   * The selection without the whitespace around it (a drag from past the end of a short line takes
   * the line break along); null when nothing else was selected, and then nothing is made of it.
   */
  const usable = (range: TextRange): TextRange | null => (view ? trimQuote(view.textDoc.text, range) : null);

  /** Put the selected passage into the inconsistency draft (starting one if needed). */
  const addToDraft = (selected: TextRange) => {
    const range = usable(selected);
    if (!tray || !view || !range) return;
    tray.add({ source: id, title: sourceTitle, start: range.start, end: range.end, exact: range.exact });
    view.clearSelection();
    keys.forget();
  };

  const closeForm = () => {
    sidebar?.closeForm();
    view?.setPending(null);
  };

  /** Focus the card of annotation `annotationId` (re-rendered lists make new elements); false if absent. */
  const focusCard = (annotationId: string): boolean => {
    const card = sidebar?.el.querySelector<HTMLElement>(`.card[data-annotation-id="${CSS.escape(annotationId)}"]`);
    card?.focus({ preventScroll: true });
    return !!card;
  };

  const openCreate = (kind: Exclude<SelectionAction, 'inconsistency'>, selected: TextRange) => {
    const range = usable(selected);
    if (!sidebar || !view || !range) return;
    view.dismissPopover();
    view.setPending({ start: range.start, end: range.end });
    const form = annotationForm({
      mode: 'create',
      kind,
      quote: range.exact,
      values: emptyValues(activeSet),
      sets: setNames,
      onCancel: () => {
        closeForm();
        // A fresh selection of the same words must bring the popover back.
        view?.clearSelection();
        clearStatus();
        // Back to the text the passage was chosen in, not to <body>.
        view?.focusText();
      },
      onSubmit: async (values: FormValues) => {
        try {
          const created = await api.createAnnotation(toCreateBody(kind, { source: id, start: range.start, end: range.end, exact: range.exact }, values));
          if (destroyed) return;
          replace(created);
          closeForm();
          view?.clearSelection();
          refresh();
          focusAnnotation(created.id, 'text');
          showStatus(`${KIND_LABELS[kind]} saved to set “${created.set}”.`, 'success');
        } catch (err) {
          const message = errorMessage(err);
          form.showError(`Not saved: ${message}`);
          showStatus(`Not saved: ${message}`, 'error');
          throw err;
        }
      },
    });
    sidebar.openForm(form);
  };

  const openEdit = (original: Annotation) => {
    if (!sidebar) return;
    view?.setPending(null);
    let base = original;
    const quote = original.targets.find((t) => t.source === id)?.exact ?? original.targets[0]?.exact ?? '';
    const form = annotationForm({
      mode: 'edit',
      kind: original.kind,
      quote,
      values: valuesOf(original),
      sets: setNames,
      onCancel: () => {
        closeForm();
        clearStatus();
        if (!focusCard(original.id)) view?.focusText();
      },
      onSubmit: async (values: FormValues) => {
        try {
          const saved = await api.patchAnnotation(base.id, toPatchBody(base.kind, base.revision, values));
          if (destroyed) return;
          replace(saved);
          closeForm();
          refresh();
          focusAnnotation(saved.id, 'text');
          showStatus('Changes saved.', 'success');
        } catch (err) {
          const current = err instanceof ApiError ? err.currentAnnotation : undefined;
          if (current) {
            // Show the server's version everywhere; the next save is based on it, never a silent overwrite.
            base = current;
            replace(current);
            refresh();
            form.showConflict(CONFLICT_MESSAGE, valuesOf(current));
            showStatus(CONFLICT_MESSAGE, 'error');
          } else {
            const message = err instanceof ApiError && err.status === 404 ? 'This annotation was deleted elsewhere.' : errorMessage(err);
            form.showError(`Not saved: ${message}`);
            showStatus(`Not saved: ${message}`, 'error');
          }
          throw err;
        }
      },
    });
    sidebar.openForm(form);
  };

  const remove = async (a: Annotation) => {
    try {
      await api.deleteAnnotation(a.id, a.revision);
      annotations = annotations.filter((x) => x.id !== a.id);
      if (sidebar?.openedForm) closeForm();
      refresh();
      showStatus(`${KIND_LABELS[a.kind]} deleted.`, 'success');
    } catch (err) {
      const current = err instanceof ApiError ? err.currentAnnotation : undefined;
      if (current) {
        replace(current);
        refresh();
        showStatus('This annotation was changed elsewhere; the current version is shown; it was not deleted.', 'error');
      } else if (err instanceof ApiError && err.status === 404) {
        annotations = annotations.filter((x) => x.id !== a.id);
        refresh();
        showStatus('This annotation had already been deleted elsewhere.', 'info');
      } else {
        showStatus(`Not deleted: ${errorMessage(err)}`, 'error');
      }
      throw err;
    }
  };

  /** Fetch this source's annotations again (after an import made elsewhere on the page). */
  const reloadAnnotations = async () => {
    try {
      const list = await api.listAnnotations({ source: id });
      if (destroyed) return;
      annotations = list;
      refresh();
    } catch (err) {
      showStatus(`Could not reload the annotations: ${errorMessage(err)}`, 'error');
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // A modal dialog (the help) handles its own keys, Escape included.
    if (!view || !sidebar || e.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (e.key === 'Escape') {
      const inPopover = document.activeElement instanceof HTMLElement && document.activeElement.closest('.selection-popover, .copies-popover');
      if (features?.closePopover()) {
        // The copies popover was open: closing it is all Escape does; focus goes back to the text.
        if (inPopover) view.focusText();
      } else if (sidebar.openedForm) {
        closeForm();
        view.clearSelection();
      } else if (view.selection()) {
        // A keyboard selection has no mouse to clear it: Escape does.
        if (!keys.clear()) view.dismissPopover();
        if (inPopover) view.focusText();
      } else {
        focusAnnotation(null, 'card');
      }
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && view.selection() && !(document.activeElement instanceof HTMLElement && document.activeElement.closest('.selection-popover'))) {
      // The popover sits at the end of the page: Tab from a selection goes to its buttons first.
      if (view.focusPopover()) e.preventDefault();
      return;
    }
    if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '?') {
      e.preventDefault();
      help.open();
      return;
    }
    const action = e.key === 'c' ? 'claim' : e.key === 'n' ? 'note' : null;
    const range = action || e.key === 'i' ? view.selection() : null;
    if (action && range) {
      e.preventDefault();
      openCreate(action, range);
      return;
    }
    if (e.key === 'i' && range) {
      e.preventDefault();
      addToDraft(range);
    } else if (e.key.toLowerCase() === 'r' && features) {
      e.preventDefault();
      features.step(e.shiftKey || e.key === 'R' ? -1 : 1);
    } else if (keys.handle(e)) {
      e.preventDefault();
    }
  };
  document.addEventListener('keydown', onKeyDown);

  void (async () => {
    try {
      const [source, list, sets, summaries] = await Promise.all([
        api.getSource(id),
        api.listAnnotations({ source: id }),
        api.listSets(),
        // Titles only name other sources in links: without them the ids serve.
        api.listSources().catch(() => []),
      ]);
      if (destroyed) return;
      sourceTitle = source.title;
      const titles = new Map(summaries.map((s) => [s.id, s.title]));
      setNames = sets.map((s) => s.name);
      activeSet = loadActiveSet(setNames);
      annotations = list;
      document.title = `${source.title} · Collate`;

      const mount = h('div', { class: 'source-mount' });
      const reuse = new ReuseFeatures({
        sourceId: id,
        text: source.text,
        titles,
        activeSet: () => activeSet,
        onCreated: (created, focus) => takeCreated(created, focus),
        onShowRange: (start, end) => view?.selectRange(start, end),
      });
      features = reuse;
      tray = new DraftTray({
        sourceId: id,
        sets: () => setNames,
        activeSet: () => activeSet,
        onSaved: (created) => takeCreated([created], true),
        onChange: () => view?.setDraftRanges(tray?.passagesHere ?? []),
      });
      sidebar = new Sidebar(id, {
        onShow: (annotationId) => focusAnnotation(annotationId, 'card'),
        onEdit: (a) => openEdit(a),
        onDelete: (a) => remove(a),
        cardExtra: (a) => reuse.cardExtra(a),
        titles,
      });
      // The draft tray docks at the top of the sidebar, so it never covers the text.
      sidebar.before.append(tray.el, reuse.suggestions.el);
      sidebar.after.append(reuse.coverage.el);
      const toolbar = h('div', { class: 'viewer-toolbar' },
        setPicker({
          sets,
          active: activeSet,
          onChange: (active, all) => {
            activeSet = active;
            setNames = all.map((s) => s.name);
            sidebar?.update(annotations, setNames);
          },
        }),
        reuse.toggle,
        transferButtons({ exportOptions: () => ({ set: activeSet, source: id }), onImported: () => void reloadAnnotations() }),
        helpButton(help),
      );
      root.replaceChildren(
        h('div', { class: 'viewer-layout' },
          h('section', { class: 'viewer-main', 'aria-labelledby': 'source-title' },
            h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
            h('h1', { id: 'source-title', class: 'source-title' }, source.title),
            sourceMetaLine(source),
            toolbar,
            legend(),
            h('p', { class: 'hint' }, 'Select a passage (or press s) to make a claim (c), a note (n) or an inconsistency across sources (i); r steps through reused passages.'),
            mount,
          ),
          sidebar.el,
        ),
      );
      const draft = tray;
      view = new SourceView(mount, source.text, {
        onAction: (action, range) => (action === 'inconsistency' ? addToDraft(range) : openCreate(action, range)),
        onHighlightClick: (annotationId) => focusAnnotation(annotationId, 'text'),
        reuse: reuse.events,
        showReuse: reuse.visible,
        actionLabels: (action) => (action === 'claim' ? 'Claim' : action === 'note' ? 'Note' : draft.started ? 'Add to inconsistency' : 'Start inconsistency'),
      });
      view.setDraftRanges(draft.passagesHere);
      refresh();
      // Cards get their carry button once the reused passages are known.
      void reuse.attach(view).then(() => {
        if (!destroyed) refresh();
      });
    } catch (err) {
      if (destroyed) return;
      const notFound = err instanceof ApiError && err.status === 404;
      root.replaceChildren(
        h('div', { class: 'page-error', role: 'alert' },
          h('h1', {}, notFound ? 'Source not found' : 'Could not load this source'),
          h('p', {}, notFound ? `There is no source with id “${id}”.` : errorMessage(err)),
          h('p', {}, h('a', { href: '#/' }, '← All sources')),
        ),
      );
    }
  })();

  return {
    destroy() {
      destroyed = true;
      document.removeEventListener('keydown', onKeyDown);
      view?.destroy();
      features?.destroy();
      tray?.destroy();
      help.destroy();
      clearStatus();
    },
  };
}
