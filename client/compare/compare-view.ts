/**
 * The compare view (`#/compare/<a>/<b>`): two sources side by side, their aligned passages joined
 * and numbered, word differences marked inside each passage, boilerplate greyed, the columns
 * scrolled in step, a passage list to jump through (j/k or n/p), and two selections (one per
 * column, by mouse or keyboard) linked as an inconsistency. The user's annotations of both sources
 * (of the active set, or of all sets) are highlighted as in the viewer; clicking one that also has a
 * passage in the other column brings that passage level and flashes both. One state
 * (compare-state.ts), changed through dispatch; compare-columns.ts draws the columns.
 */
import './compare.css';
import { denied } from '../account/session';
import { ApiError, errorMessage } from '../api/api-error';
import { getSource, listAnnotations, listReuse, listSets } from '../api/client';
import { openInconsistencyDialog } from '../annotations/inconsistency-dialog';
import { loadActiveSet, loadShowAllSets, saveShowAllSets } from '../sets/active-set';
import { createPageStore } from '../shared/page-store';
import { type CompareFocus, compareHref, sourceHref } from '../shared/routes';
import { h } from '../ui/dom';
import { fitToWindow } from '../ui/fit-to-window';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { legend as annotationLegend } from '../ui/legend';
import { clearStatus, showStatus } from '../ui/status';
import { compareLayout } from './alignment-layout';
import { mergeAnnotations } from './annotation-layers';
import { CompareColumns } from './compare-columns';
import { compareKeys } from './compare-keys';
import { marksLegend } from './marks-legend';
import { initialCompareState, shownInCompare, type CompareAction, type CompareData, type CompareState } from './compare-state';
import { applyComparePage, isNewerText, type ComparePageAction } from './compare-live';
import { keepDrafts } from '../account/kept-drafts';
import { subscribeLive } from '../live/live-connection';
import { redrawRoute, revisionBanner } from '../live/revision-banner';
import { SelectionPicks } from './selection-picks';
import { wordDiff } from './word-diff';

/** Options of the compare view. */
export interface CompareViewOptions {
  /** A span to bring into view (and mark) once the texts show. */
  focus?: CompareFocus;
}

function errorPage(title: string, message: string): HTMLElement {
  return h('div', { class: 'page-error compare-error', role: 'alert' }, h('h1', {}, title), h('p', {}, message), h('p', {}, h('a', { href: '#/' }, '← All sources')));
}

function paneHead(title: string, id: string, meta: string, side: 'a' | 'b'): HTMLElement {
  return h('header', { class: 'pane-head' },
    h('span', { class: 'pane-side' }, side === 'a' ? 'Left' : 'Right'),
    h('a', { class: 'pane-title', href: sourceHref(id), title: `${title} (open in the viewer)` }, title),
    h('span', { class: 'pane-meta' }, meta),
  );
}

/** The compare view's own marks: aligned passages, boilerplate and the three kinds of difference. */
function diffLegend(): HTMLElement {
  return marksLegend('Marks of the comparison', [
    ['sample-passage', 'aligned'],
    ['sample-boilerplate', 'boilerplate'],
    ['diff diff-removed', 'only left'],
    ['diff diff-inserted', 'only right'],
    ['diff diff-changed', 'reworded'],
  ]);
}

async function loadData(a: string, b: string): Promise<Extract<CompareAction, { type: 'loaded' }>> {
  const source = (id: string) =>
    getSource(id).catch((err: unknown) => {
      throw err instanceof ApiError && err.status === 404 ? new ApiError(404, 'not_found', `There is no source with id “${id}”.`) : err;
    });
  // The comparison still shows when the annotations cannot be loaded; it says so.
  const annotationsOf = (id: string) => listAnnotations({ source: id }).catch(() => null);
  const [sa, sb, passages, setList, listA, listB] = await Promise.all([source(a), source(b), listReuse(a), listSets().catch(() => []), annotationsOf(a), annotationsOf(b)]);
  const layout = compareLayout(passages, a, b, sa.text, sb.text);
  const diffs = layout.passages.map((p) => wordDiff(sa.text.slice(p.a.start, p.a.end), sb.text.slice(p.b.start, p.b.end), p.a.start, p.b.start));
  const sets = setList.length ? setList.map((s) => s.name) : ['default'];
  const data: CompareData = { sa, sb, layout, diffs };
  return { type: 'loaded', data, annotations: listA && listB ? mergeAnnotations(listA, listB) : null, sets, activeSet: loadActiveSet(sets) };
}

/** Mount the comparison of sources `a` (left) and `b` (right) into `root`; returns the cleanup. */
export function renderCompareView(root: HTMLElement, a: string, b: string, opts: CompareViewOptions = {}): () => void {
  const cleanups: (() => void)[] = [];
  const { help, destroy: destroyHelp } = pageHelp('compare');
  cleanups.push(destroyHelp);
  document.title = 'Compare · Collate';
  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading the comparison…'));
  let columns: CompareColumns | null = null;
  let picks: SelectionPicks | null = null;
  const allSets = h('input', { type: 'checkbox', id: 'compare-all-sets', checked: loadShowAllSets() });
  const banner = revisionBanner(() => {
    keepDrafts();
    redrawRoute();
  });
  const scope = h('span', { class: 'compare-scope' });

  const mount = (s: CompareState) => {
    if (s.data.phase !== 'ready') return;
    const data = s.data.value;
    const { sa, sb } = data;
    document.title = `Compare: ${sa.title} / ${sb.title} · Collate`;
    const cols = new CompareColumns(data, {
      onCurrent: (index) => store.dispatch({ type: 'current', index }),
      onHighlight: (id, side) => store.dispatch({ type: 'activate', id, side }),
    });
    columns = cols;
    picks = new SelectionPicks({ a: { el: cols.text.a, text: sa.text }, b: { el: cols.text.b, text: sb.text } }, {
      onPick: (side, span) => store.dispatch({ type: 'pick', side, span }),
      onClear: (side) => store.dispatch({ type: 'clear-picks', side }),
      onLink: () => store.dispatch({ type: 'link' }),
    });
    const { passages } = data.layout;
    const words = passages.reduce((n, p) => n + (p.boilerplate ? 0 : p.words), 0);
    const boilerplate = passages.filter((p) => p.boilerplate).length;
    const summary = passages.length === 0
      ? 'No aligned passages: these two texts share no reused wording.'
      : `${passages.length} aligned passage${passages.length === 1 ? '' : 's'} · ${words.toLocaleString('en')} words in common${boilerplate ? ` · ${boilerplate} boilerplate` : ''}`;
    allSets.addEventListener('change', () => store.dispatch({ type: 'all-sets', all: allSets.checked }));
    const body = h('div', { class: 'compare-body' },
      cols.list.el,
      h('section', { class: 'compare-pane', 'data-side': 'a', 'aria-label': `Left: ${sa.title}` }, paneHead(sa.title, sa.id, [sa.outlet, sa.published].filter(Boolean).join(' · '), 'a'), cols.panes.a),
      h('section', { class: 'compare-pane', 'data-side': 'b', 'aria-label': `Right: ${sb.title}` }, paneHead(sb.title, sb.id, [sb.outlet, sb.published].filter(Boolean).join(' · '), 'b'), cols.panes.b),
    );
    root.replaceChildren(
      h('section', { class: 'compare', 'aria-labelledby': 'compare-title' },
        h('div', { class: 'compare-top' },
          h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources'), ' · ', h('a', { href: compareHref(b, a) }, 'Swap sides')),
          h('h1', { id: 'compare-title', class: 'compare-title' }, 'Compare sources'),
          h('p', { class: 'compare-summary' }, summary),
          banner.el,
          h('div', { class: 'compare-toolbar' }, diffLegend(), picks.bar, helpButton(help)),
          h('div', { class: 'compare-annotations-bar' },
            annotationLegend({ reuse: false }),
            h('span', { class: 'compare-scope-line' }, scope, h('label', { class: 'toolbar-check', for: allSets.id }, allSets, ' Show all sets')),
          ),
        ),
        body,
      ),
    );
    cleanups.push(fitToWindow(body), () => cols.destroy(), () => picks?.destroy());
    const onKey = compareKeys({ columns: cols, dispatch: (action) => store.dispatch(action), state: () => store.state });
    document.addEventListener('keydown', onKey);
    cleanups.push(() => document.removeEventListener('keydown', onKey));
  };

  const render = (prev: CompareState, next: CompareState) => {
    if (next.data.phase === 'failed' && prev.data.phase !== 'failed') {
      root.replaceChildren(errorPage(next.data.notFound ? 'Source not found' : 'Could not load the comparison', next.data.message));
      return;
    }
    if (next.data.phase !== 'ready') return;
    if (prev.data.phase !== 'ready') mount(next);
    if (!columns || !picks) return;
    if (prev.annotations !== next.annotations || prev.allSets !== next.allSets || prev.activeSet !== next.activeSet || prev.data !== next.data) {
      columns.setAnnotations(shownInCompare(next));
      allSets.checked = next.allSets;
      scope.textContent = next.allSets ? 'Showing the annotations of every set.' : `Showing the annotations of set “${next.activeSet}”.`;
    }
    if (prev.current !== next.current || prev.data !== next.data) columns.setCurrent(next.current);
    if (prev.picks !== next.picks || prev.data !== next.data) picks.render(next.picks);
    if (prev.activeSeq !== next.activeSeq) columns.setActive(next.active, next.activeSide);
  };

  const effect = (action: ComparePageAction, s: CompareState) => {
    if (action.type === 'loaded') {
      if (!action.annotations) showStatus('Could not load the annotations of these sources: the comparison shows without them.', 'error');
      if (opts.focus) columns?.showFocus(opts.focus);
    }
    if (action.type === 'all-sets') saveShowAllSets(action.all);
    if (action.type !== 'link' || s.data.phase !== 'ready' || !s.picks.a || !s.picks.b) return;
    const refused = denied('annotation.create');
    if (refused) return showStatus(refused, 'info');
    const { sa, sb } = s.data.value;
    openInconsistencyDialog({
      left: { source: sa.id, title: sa.title, span: s.picks.a },
      right: { source: sb.id, title: sb.title, span: s.picks.b },
      sets: s.sets,
      set: s.activeSet,
      onSaved: (created) => {
        document.getSelection()?.removeAllRanges();
        store.dispatch({ type: 'created', annotation: created });
        showStatus(`Inconsistency saved to set “${created.set}”: highlighted in both columns.`, 'success');
      },
    });
  };

  const store = createPageStore<CompareState, ComparePageAction>(initialCompareState({ allSets: allSets.checked }), applyComparePage, { render, effect });
  cleanups.push(() => store.close());
  const reloadSets = () => void listSets().then((list) => store.dispatch({ type: 'sets-reloaded', sets: list.map((x) => x.name) }), () => {});
  cleanups.push(subscribeLive((e) => {
    if (e.type === 'annotation') store.dispatch({ type: 'remote-annotation', annotation: e.annotation });
    else if (e.type === 'annotation-deleted') store.dispatch({ type: 'remote-deleted', id: e.id });
    else if (e.type === 'sets') reloadSets();
    else if (e.type === 'source' && isNewerText(store.state, e.id, e.revision)) {
      const title = store.state.data.phase === 'ready' && e.id === store.state.data.value.sa.id ? store.state.data.value.sa.title : store.state.data.phase === 'ready' ? store.state.data.value.sb.title : e.id;
      banner.show(`“${title}” has a new revision (${e.revision}) since this comparison was opened. Reload it to compare the new text.`);
    } else if (e.type === 'reconnected') {
      // Updates may have been missed while offline: what the columns show is loaded again.
      reloadSets();
      void Promise.all([listAnnotations({ source: a }), listAnnotations({ source: b })]).then(
        ([x, y]) => store.dispatch({ type: 'annotations-reloaded', annotations: mergeAnnotations(x, y) }),
        () => {},
      );
    }
  }));

  if (a === b) {
    root.replaceChildren(errorPage('Nothing to compare', 'Pick two different sources to compare.'));
  } else {
    void loadData(a, b).then(
      (loaded) => store.dispatch(loaded),
      (err: unknown) => store.dispatch({ type: 'load-failed', notFound: err instanceof ApiError && err.status === 404, message: errorMessage(err) }),
    );
  }

  return () => {
    for (const fn of cleanups.splice(0)) fn();
    clearStatus();
  };
}
