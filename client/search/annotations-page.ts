/**
 * The annotations page (`#/annotations`): every annotation across all sources, searched by words
 * (quotes, notes, claimants, tags) and filtered by kind, verdict, tag and set, through
 * `GET /api/annotations` without a source. Each result names its source and links to its passage
 * in the viewer, which opens on it. The search is kept in the address, so it can be bookmarked and
 * the back button returns to it. One state (search-state.ts), changed through dispatch.
 */
import type { Annotation } from '../../core/model';
import { KINDS, KIND_LABELS, VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { errorMessage } from '../api/api-error';
import * as api from '../api/client';
import { createPageStore, type Page } from '../shared/page-store';
import { annotationsHref, sourceHref, type AnnotationSearch } from '../shared/routes';
import { lastEditLine } from '../history/last-edit';
import { excerpt } from '../shared/text-excerpt';
import { needsRecheck } from '../shared/target-changes';
import { h } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { recheckFlag } from '../ui/recheck-flag';
import { initialSearchState, isBlankSearch, type SearchState } from './search-state';
import { subscribeLive } from '../live/live-connection';
import { applySearchPage, type SearchPageAction } from './search-live';

/** Typing settles this long before the search is sent. */
const TYPING_PAUSE_MS = 250;

function resultItem(a: Annotation, titles: ReadonlyMap<string, string>): HTMLElement {
  const verdict = a.kind === 'claim' ? a.claim?.verdict ?? 'unverified' : undefined;
  return h('li', { class: `result card-${a.kind}`, 'data-annotation-id': a.id },
    h('div', { class: 'card-head' },
      h('span', { class: `badge badge-kind kind-${a.kind}` }, KIND_LABELS[a.kind]),
      verdict ? h('span', { class: `badge badge-verdict verdict-${verdict}` }, VERDICT_LABELS[verdict]) : null,
      a.claim?.claimant ? h('span', { class: 'card-claimant' }, a.claim.claimant) : null,
      h('span', { class: 'card-set', title: 'Annotation set' }, a.set),
      needsRecheck(a) ? recheckFlag() : null,
    ),
    h('ul', { class: 'result-passages' },
      a.targets.map((t) =>
        h('li', {},
          h('a', { class: 'result-source', href: sourceHref(t.source, a.id) }, titles.get(t.source) ?? t.source),
          t.orphaned ? h('span', { class: 'badge badge-orphaned' }, 'Orphaned') : null,
          ' ',
          h('q', { class: 'result-quote' }, excerpt(t.exact, 160)),
        ),
      ),
    ),
    a.note ? h('p', { class: 'result-note' }, excerpt(a.note, 240)) : null,
    a.tags.length ? h('ul', { class: 'card-tags', 'aria-label': 'Tags' }, a.tags.map((t) => h('li', { class: 'tag' }, t))) : null,
    lastEditLine(a),
  );
}

/** Mount the annotations page into `root`, opened on `search`. */
export function annotationsPage(root: HTMLElement, search: AnnotationSearch): Page {
  const { help, destroy: destroyHelp } = pageHelp('annotations');
  document.title = 'Annotations · Collate';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const select = (name: keyof AnnotationSearch, label: string, any: string, options: readonly (readonly [string, string])[]) =>
    h('select', { name, 'aria-label': label }, h('option', { value: '' }, any), options.map(([v, l]) => h('option', { value: v }, l)));
  const q = h('input', { type: 'search', name: 'q', placeholder: 'Search quotes, notes, claimants and tags', 'aria-label': 'Search annotations' });
  const kind = select('kind', 'Kind', 'All kinds', KINDS.map((k) => [k, KIND_LABELS[k]] as const));
  const verdict = select('verdict', 'Verdict', 'All verdicts', VERDICTS.map((v) => [v, VERDICT_LABELS[v]] as const));
  const tag = select('tag', 'Tag', 'All tags', []);
  const set = select('set', 'Set', 'All sets', []);
  const count = h('p', { class: 'search-count', role: 'status', 'aria-live': 'polite' });
  const list = h('ol', { class: 'result-list', 'aria-label': 'Annotations found' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => store.dispatch({ type: 'more' }) }, 'Show more');

  const current = (): AnnotationSearch => ({ q: q.value, kind: kind.value, verdict: verdict.value, tag: tag.value, set: set.value });
  const fill = (el: HTMLSelectElement, any: string, names: readonly string[], value: string | undefined) => {
    const offered = value && !names.includes(value) ? [...names, value] : names;
    el.replaceChildren(h('option', { value: '' }, any), ...offered.map((n) => h('option', { value: n }, n)));
    el.value = value ?? '';
  };

  const render = (prev: SearchState, next: SearchState) => {
    if (prev.tags !== next.tags || prev.sets !== next.sets) {
      fill(tag, 'All tags', next.tags, next.search.tag);
      fill(set, 'All sets', next.sets, next.search.set);
    }
    const r = next.results;
    if (r.phase === 'loading') {
      count.textContent = 'Searching…';
      return;
    }
    if (r.phase === 'failed') {
      count.textContent = `Could not search the annotations: ${r.message}`;
      list.replaceChildren();
      more.hidden = true;
      return;
    }
    if (prev.results === r && prev.shown === next.shown && prev.titles === next.titles) return;
    const n = r.list.length;
    count.textContent = n === 0
      ? isBlankSearch(next.search) ? 'No annotations yet: open a source and select a passage to make one.' : 'No annotation matches this search.'
      : `${n.toLocaleString('en')} annotation${n === 1 ? '' : 's'}${n > next.shown ? `, the first ${next.shown.toLocaleString('en')} shown` : ''}`;
    list.replaceChildren(...r.list.slice(0, next.shown).map((a) => resultItem(a, next.titles)));
    more.hidden = n <= next.shown;
  };

  const effect = (action: SearchPageAction, state: SearchState) => {
    if (action.type !== 'search') return;
    // The address follows the search without reloading the page.
    history.replaceState(null, '', annotationsHref(state.search));
    const seq = state.seq;
    void api.listAnnotations({ ...state.search }).then(
      (found) => store.dispatch({ type: 'results', seq, list: found }),
      (err: unknown) => store.dispatch({ type: 'failed', seq, message: errorMessage(err) }),
    );
  };

  const store = createPageStore<SearchState, SearchPageAction>(initialSearchState(search), applySearchPage, { render, effect });
  const stopLive = subscribeLive((e) => {
    if (e.type === 'annotation') store.dispatch({ type: 'remote-annotation', annotation: e.annotation });
    else if (e.type === 'annotation-deleted') store.dispatch({ type: 'remote-deleted', id: e.id });
    else if (e.type === 'sets') void api.listSets().then((sets) => store.dispatch({ type: 'sets-reloaded', sets: sets.map((x) => x.name) }), () => {});
    // Updates may have been missed while offline: search again.
    else if (e.type === 'reconnected') store.dispatch({ type: 'search', search: store.state.search });
  });

  const changed = (now: boolean) => {
    clearTimeout(timer);
    if (now) store.dispatch({ type: 'search', search: current() });
    else timer = setTimeout(() => store.dispatch({ type: 'search', search: current() }), TYPING_PAUSE_MS);
  };
  q.addEventListener('input', () => changed(false));
  for (const el of [kind, verdict, tag, set]) el.addEventListener('change', () => changed(true));
  q.value = search.q ?? '';
  kind.value = search.kind ?? '';
  verdict.value = search.verdict ?? '';

  root.replaceChildren(
    h('section', { class: 'home search-page', 'aria-labelledby': 'search-title' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
      h('div', { class: 'home-head' }, h('h1', { id: 'search-title' }, 'Annotations'), h('div', { class: 'home-actions' }, h('a', { class: 'btn btn-small', href: '#/tags' }, 'Tags…'), helpButton(help))),
      h('p', { class: 'lead' }, 'Every annotation in every source. Open one to see its passage in the text.'),
      h('form', { class: 'search-form', role: 'search', onsubmit: (e: Event) => { e.preventDefault(); changed(true); } },
        q, h('div', { class: 'search-filters' }, kind, verdict, tag, set)),
      count,
      list,
      more,
    ),
  );

  // The first search, and what the filters offer.
  store.dispatch({ type: 'search', search });
  void Promise.all([api.listSources(), api.listSets(), api.getVocabulary()]).then(
    ([sources, sets, vocabulary]) =>
      store.dispatch({ type: 'context-loaded', titles: new Map(sources.map((x) => [x.id, x.title])), sets: sets.map((x) => x.name), tags: vocabulary.tags.map((t) => t.name) }),
    () => {
      // Without them results name sources by id and the filters offer no choices; the search works.
    },
  );

  return {
    destroy() {
      clearTimeout(timer);
      stopLive();
      store.close();
      destroyHelp();
    },
  };
}
