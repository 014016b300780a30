/**
 * The "What changed" view (`#/source/<id>/changes`, optionally `?from=N&to=M`): two revisions of a
 * source side by side in the compare view's columns (older left, newer right), each change a
 * numbered passage with its words outlined, listed beside them and stepped through with j / k; a
 * revision picker (revision, when, from where); what re-anchoring did when each revision came; the
 * annotations whose passages were reworded or are gone, each with its old and new words and a link
 * to it in the viewer; and "Fetch again" for a source from a web address. One state
 * (changes-state.ts), changed through dispatch.
 */
import '../compare/compare.css';
import './changes.css';
import type { Source } from '../../core/model';
import { ApiError, errorMessage } from '../api/api-error';
import { getSource, listAnnotations } from '../api/client';
import { getRevision, listRevisions, type SourceRevision } from '../api/source-api';
import { CompareColumns } from '../compare/compare-columns';
import { passageStep, stepPassage } from '../compare/compare-keys';
import { marksLegend } from '../compare/marks-legend';
import { createPageStore, type Page } from '../shared/page-store';
import { changesHref, sourceHref } from '../shared/routes';
import { excerpt } from '../shared/text-excerpt';
import { changedPassages } from '../shared/target-changes';
import { h, isTyping } from '../ui/dom';
import { fitToWindow } from '../ui/fit-to-window';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { changedPassageView } from './changed-passages-section';
import { applyChanges, changeCountText, pickRevisions, type ChangesAction, type ChangesData, type ChangesState } from './changes-state';
import { redrawRoute } from '../live/revision-banner';
import { refetchControl } from './refetch-control';
import { revisionDiff } from './revision-diff';
import { changeStats, reanchorText, revisionLabel } from './revision-words';

function errorPage(title: string, message: string, id: string): HTMLElement {
  return h('div', { class: 'page-error', role: 'alert' }, h('h1', {}, title), h('p', {}, message),
    h('p', {}, h('a', { href: sourceHref(id) }, '← Back to the source'), ' · ', h('a', { href: '#/' }, 'All sources')));
}

/** The revision picker: two lists of revisions and a button that opens the pair chosen. */
function revisionPicker(id: string, revisions: readonly SourceRevision[], from: number, to: number): HTMLElement {
  const list = (name: string, chosen: number) =>
    h('select', { id: `changes-${name}`, name }, [...revisions].reverse().map((r) => h('option', { value: String(r.revision), selected: r.revision === chosen }, revisionLabel(r))));
  const older = list('from', from);
  const newer = list('to', to);
  return h('form', { class: 'revision-picker', 'aria-label': 'Revisions to compare', onsubmit: (e: Event) => {
    e.preventDefault();
    location.hash = changesHref(id, Number(older.value), Number(newer.value));
  } },
    h('label', { for: older.id }, 'Older'), older,
    h('label', { for: newer.id }, 'Newer'), newer,
    h('button', { type: 'submit', class: 'btn btn-small' }, 'Compare'),
  );
}

/** What re-anchoring did as each revision after `from` up to `to` came. */
function reanchorLines(revisions: readonly SourceRevision[], from: number, to: number): HTMLElement {
  const steps = revisions.filter((r) => r.revision > from && r.revision <= to);
  return h('ul', { class: 'reanchor-lines', 'aria-label': 'What happened to the annotations' },
    steps.map((r) => h('li', {}, `When revision ${r.revision} came, ${reanchorText(r.reanchored)}.`)));
}

/** The annotations on reworded or removed passages, with their words then and now. */
function annotationsSection(d: ChangesData): HTMLElement {
  const id = d.source.id;
  if (d.annotations === null) return h('section', { class: 'changes-annotations' }, h('p', { class: 'form-error' }, 'Could not load the annotations of this source.'));
  const passages = changedPassages(d.annotations, id);
  return h('section', { class: 'changes-annotations', 'aria-labelledby': 'changes-annotations-title' },
    h('h2', { id: 'changes-annotations-title' }, `Annotations on changed passages (${passages.length})`),
    passages.length === 0
      ? h('p', { class: 'empty' }, 'No annotation is on a passage that was reworded or removed.')
      : h('ol', { class: 'changes-annotation-list' },
          passages.map((p) =>
            h('li', { class: `changed-item is-${p.change}`, 'data-annotation-id': p.annotation.id, 'data-change': p.change },
              changedPassageView(p, 200),
              h('a', { href: sourceHref(id, p.annotation.id), class: 'changes-open' }, 'Open in the viewer to accept, re-attach or dismiss'),
            ),
          ),
        ),
  );
}

function paneHead(side: 'a' | 'b', r: SourceRevision | undefined, n: number): HTMLElement {
  return h('header', { class: 'pane-head' },
    h('span', { class: 'pane-side' }, side === 'a' ? 'Older' : 'Newer'),
    h('span', { class: 'pane-title' }, `Revision ${n}`),
    h('span', { class: 'pane-meta' }, r ? revisionLabel(r).replace(/^Revision \d+ · /, '') : ''),
  );
}

async function load(id: string, want: { from?: number; to?: number }): Promise<ChangesAction> {
  const [source, revisions] = await Promise.all([getSource(id), listRevisions(id)]);
  const pair = pickRevisions(revisions.map((r) => r.revision), want);
  if (!pair) return { type: 'single', source, revisions };
  const current = source.revision ?? revisions[revisions.length - 1].revision;
  const text = (n: number) => (n === current ? Promise.resolve(source) : getRevision(id, n));
  const [older, newer, annotations] = await Promise.all([text(pair.from), text(pair.to), listAnnotations({ source: id }).catch(() => null)]);
  const a = { ...older, id: `${id}@${pair.from}`, title: `Revision ${pair.from}` };
  const b = { ...newer, id: pair.to === current ? id : `${id}@${pair.to}`, title: `Revision ${pair.to}` };
  const diff = revisionDiff(a.text, b.text, a.id, b.id);
  return { type: 'loaded', data: { source, revisions, ...pair, older: a, newer: b, diff, annotations } };
}

/** Mount the view of source `id` into `root`. */
export function changesPage(root: HTMLElement, id: string, want: { from?: number; to?: number }): Page {
  const { help, destroy: destroyHelp } = pageHelp('changes');
  document.title = 'What changed · Collate';
  const cleanups: (() => void)[] = [destroyHelp];
  let columns: CompareColumns | null = null;

  const head = (source: Source, extra: (HTMLElement | null)[]) =>
    h('div', { class: 'compare-top' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: sourceHref(id) }, `← ${source.title}`), ' · ', h('a', { href: '#/' }, 'All sources')),
      h('h1', { id: 'changes-title', class: 'compare-title' }, 'What changed'),
      h('p', { class: 'compare-summary' }, source.title, source.outlet ? ` · ${source.outlet}` : ''),
      extra,
    );
  const refetch = (source: Source) =>
    source.url ? refetchControl({ sourceId: id, revision: source.revision, onRevised: () => (location.hash === changesHref(id) ? redrawRoute() : (location.hash = changesHref(id))) }) : null;

  const mount = (s: Extract<ChangesState, { phase: 'ready' }>) => {
    const d = s.data;
    document.title = `What changed: ${d.source.title} · Collate`;
    const cols = new CompareColumns({ sa: d.older, sb: d.newer, layout: d.diff.layout, diffs: d.diff.diffs }, {
      onCurrent: (index) => store.dispatch({ type: 'current', index }),
      onHighlight: () => {},
    }, {
      title: 'Changes',
      describe: (p, i) => ({ stats: changeStats(d.diff.kinds[i], p.words) + (d.diff.whole[i] ? ' · too long to compare word by word' : ''), snippet: excerpt(d.diff.kinds[i] === 'removed' ? d.older.text.slice(p.a.start, p.a.end) : d.newer.text.slice(p.b.start, p.b.end), 70) }),
    });
    columns = cols;
    cleanups.push(() => cols.destroy());
    if (d.annotations && d.newer.id === id) cols.setAnnotations(d.annotations);
    const byNumber = new Map(d.revisions.map((r) => [r.revision, r]));
    const body = h('div', { class: 'compare-body' },
      cols.list.el,
      h('section', { class: 'compare-pane', 'data-side': 'a', 'aria-label': `Older: revision ${d.from}` }, paneHead('a', byNumber.get(d.from), d.from), cols.panes.a),
      h('section', { class: 'compare-pane', 'data-side': 'b', 'aria-label': `Newer: revision ${d.to}` }, paneHead('b', byNumber.get(d.to), d.to), cols.panes.b),
    );
    root.replaceChildren(
      h('section', { class: 'compare changes-view', 'aria-labelledby': 'changes-title' },
        head(d.source, [
          revisionPicker(id, d.revisions, d.from, d.to),
          h('p', { class: 'compare-summary changes-count' }, `From revision ${d.from} to ${d.to}: ${changeCountText(d.diff.kinds)}`),
          reanchorLines(d.revisions, d.from, d.to),
          h('div', { class: 'compare-toolbar' }, changesLegend(), h('span', { class: 'changes-actions' }, refetch(d.source), helpButton(help))),
        ]),
        annotationsSection(d),
        body,
      ),
    );
    cleanups.push(fitToWindow(body));
  };

  const render = (prev: ChangesState, next: ChangesState) => {
    if (next.phase === 'failed') {
      root.replaceChildren(errorPage(next.notFound ? 'Source not found' : 'Could not load what changed', next.message, id));
    } else if (next.phase === 'single' && prev.phase !== 'single') {
      const r = next.revisions[0];
      root.replaceChildren(h('section', { class: 'compare changes-view', 'aria-labelledby': 'changes-title' },
        head(next.source, [
          h('p', { class: 'empty changes-single' }, `This source has one revision so far${r ? ` (${revisionLabel(r)})` : ''}: nothing has changed.`),
          h('div', { class: 'compare-toolbar' }, h('span', {}), h('span', { class: 'changes-actions' }, refetch(next.source), helpButton(help))),
        ])));
    } else if (next.phase === 'ready') {
      if (prev.phase !== 'ready') mount(next);
      if (prev.phase !== 'ready' || prev.current !== next.current) columns?.setCurrent(next.current);
    }
  };

  const store = createPageStore<ChangesState, ChangesAction>({ phase: 'loading' }, applyChanges, { render });
  cleanups.push(() => store.close());

  // j / k step through the changes as through the compare view's passages.
  const onKey = (e: KeyboardEvent) => {
    if (!columns || store.state.phase !== 'ready' || e.defaultPrevented || isTyping(e) || e.ctrlKey || e.metaKey || e.altKey || document.querySelector('dialog[open]')) return;
    const step = passageStep(e);
    if (step !== 0 && stepPassage(columns, store.state.current, step)) e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  cleanups.push(() => document.removeEventListener('keydown', onKey));

  root.replaceChildren(h('p', { class: 'loading page-loading' }, 'Loading what changed…'));
  void load(id, want).then(
    (action) => store.dispatch(action),
    (err: unknown) => store.dispatch({ type: 'failed', notFound: err instanceof ApiError && err.status === 404, message: err instanceof ApiError && err.status === 404 ? `There is no source with id “${id}”.` : errorMessage(err) }),
  );

  return {
    destroy() {
      for (const fn of cleanups.splice(0)) fn();
    },
  };
}

/** The marks of the view: words only in the older revision, only in the newer, or reworded. */
function changesLegend(): HTMLElement {
  return marksLegend('Marks of the changes', [
    ['sample-passage', 'changed passage'],
    ['diff diff-removed', 'only in the older'],
    ['diff diff-inserted', 'only in the newer'],
    ['diff diff-changed', 'reworded'],
  ]);
}
