/**
 * The home page (`#/`): every source, grouped by outlet, with its date, length, annotation counts
 * by kind and open suggestions (a link to the inbox narrowed to it), marked when its text changed
 * since it was annotated (a link to what changed), and a way to add sources. Each title is a plain
 * link, so the list is navigable with Tab and Enter. The list is the
 * page's one state, reloaded (not the whole page) after an import, whose summary stays on screen.
 */
import type { Kind } from '../../core/model';
import { KINDS, KIND_LABELS } from '../../core/model/vocabulary';
import { errorMessage } from '../api/api-error';
import { listSources, type SourceSummary } from '../api/client';
import { renderComparePicker } from '../compare';
import { guard } from '../account/denied-control';
import { subscribeLive } from '../live/live-connection';
import { createPageStore, type Page } from '../shared/page-store';
import { changesHref, inboxHref, sourceHref } from '../shared/routes';
import { transferButtons } from '../transfer';
import { h, replaceChildren } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';

/** Sources grouped by outlet: outlets and titles sorted alphabetically. */
export function groupByOutlet(sources: readonly SourceSummary[]): [string, SourceSummary[]][] {
  const groups = new Map<string, SourceSummary[]>();
  for (const s of sources) {
    const outlet = s.outlet || 'Unknown outlet';
    const list = groups.get(outlet) ?? [];
    list.push(s);
    groups.set(outlet, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([outlet, list]) => [outlet, list.sort((x, y) => x.title.localeCompare(y.title))]);
}

/** The home page's state: the sources, while loading, loaded, or failed. */
export type HomeState = { phase: 'loading' } | { phase: 'ready'; sources: readonly SourceSummary[] } | { phase: 'failed'; message: string };

export type HomeAction = { type: 'loaded'; sources: readonly SourceSummary[] } | { type: 'failed'; message: string } | { type: 'reload' };

/** The next state after `action`. Pure: a reload keeps the list shown until the new one arrives. */
export function applyHome(state: HomeState, action: HomeAction): HomeState {
  switch (action.type) {
    case 'loaded':
      return { phase: 'ready', sources: action.sources };
    case 'failed':
      return { phase: 'failed', message: action.message };
    case 'reload':
      return state;
  }
}

function plural(n: number, word: string): string {
  const lower = word.toLowerCase();
  return `${n} ${n === 1 ? lower : lower === 'inconsistency' ? 'inconsistencies' : lower + 's'}`;
}

function countsView(counts: Partial<Record<Kind, number>>): HTMLElement {
  const present = KINDS.filter((k) => (counts[k] ?? 0) > 0);
  if (present.length === 0) return h('span', { class: 'counts counts-none' }, 'No annotations');
  return h('ul', { class: 'counts', 'aria-label': 'Annotations' },
    present.map((k) => h('li', { class: `count kind-${k}` }, plural(counts[k] ?? 0, KIND_LABELS[k]))));
}

/** Said of a source whose text changed since it was annotated (on hover, and to screen readers). */
const CHANGED_EXPLANATION = 'The article changed since it was annotated: some annotations point at an older revision, or were re-attached to new wording or orphaned. See what changed.';

/** The source's open suggestions, as a link to the inbox narrowed to it; nothing when it has none. */
function suggestionsLink(s: SourceSummary): HTMLElement | null {
  const n = s.suggestions ?? 0;
  if (n === 0) return null;
  return h('a', { class: 'count-suggestions', href: inboxHref({ source: s.id }), title: `Triage the suggestions on “${s.title}”` }, `${n} ${n === 1 ? 'suggestion' : 'suggestions'}`);
}

function sourceItem(s: SourceSummary): HTMLElement {
  const details = [s.published ?? null, s.author ? `by ${s.author}` : null, `${s.length.toLocaleString('en')} characters`];
  return h('li', { class: 'source-item', 'data-source-id': s.id },
    h('a', { class: 'source-link', href: sourceHref(s.id) }, s.title),
    s.changed
      ? [' ', h('a', { class: 'badge badge-changed', 'data-action': 'what-changed', href: changesHref(s.id), title: CHANGED_EXPLANATION },
          'Changed', h('span', { class: 'visually-hidden' }, `: ${CHANGED_EXPLANATION}`))]
      : null,
    h('div', { class: 'source-details' },
      h('span', {}, details.filter((d): d is string => d !== null).join(' · ')),
      countsView(s.counts),
      suggestionsLink(s),
    ),
  );
}

/** Mount the home page into `root`. */
export function homePage(root: HTMLElement): Page {
  const { help, destroy: destroyHelp } = pageHelp('home');
  document.title = 'Sources · Collate';
  const list = h('div', { class: 'home-list' });
  const lead = h('p', { class: 'lead' });
  const picker = h('div', { class: 'home-compare' });

  const render = (prev: HomeState, next: HomeState) => {
    if (prev === next) return;
    if (next.phase === 'failed') {
      root.replaceChildren(h('div', { class: 'page-error', role: 'alert' }, h('h1', {}, 'Could not load the sources'), h('p', {}, next.message)));
      return;
    }
    if (next.phase !== 'ready') return;
    const { sources } = next;
    const groups = groupByOutlet(sources);
    lead.textContent = `${sources.length} articles from ${groups.length} outlets. Open one to read and annotate it.`;
    if (prev.phase !== 'ready') {
      renderComparePicker(picker, sources);
      picker.hidden = sources.length < 2;
    }
    replaceChildren(list,
      sources.length === 0 ? h('p', { class: 'empty' }, 'No sources yet.') : null,
      groups.map(([outlet, items]) =>
        h('section', { class: 'outlet-group', 'aria-label': outlet },
          h('h2', { class: 'outlet-name' }, outlet, h('span', { class: 'outlet-count' }, ` ${items.length}`)),
          h('ul', { class: 'source-list' }, items.map(sourceItem)),
        ),
      ),
    );
  };
  const load = () =>
    listSources().then(
      (sources) => store.dispatch({ type: 'loaded', sources }),
      (err: unknown) => store.dispatch({ type: 'failed', message: errorMessage(err) }),
    );
  const store = createPageStore<HomeState, HomeAction>({ phase: 'loading' }, applyHome, {
    render,
    effect: (action) => {
      if (action.type === 'reload') void load();
    },
  });

  root.replaceChildren(
    h('section', { class: 'home' },
      h('div', { class: 'home-head' },
        h('h1', {}, 'Sources'),
        h('div', { class: 'home-actions' },
          guard(h('a', { class: 'btn btn-small btn-primary', href: '#/add', 'data-action': 'add-sources' }, 'Add sources…'), 'source.import'),
          h('a', { class: 'btn btn-small', href: inboxHref(), 'data-action': 'inbox' }, 'Suggestions inbox'),
          transferButtons({ onImported: () => store.dispatch({ type: 'reload' }) }),
          helpButton(help),
        ),
      ),
      lead,
      picker,
      list,
    ),
  );
  list.replaceChildren(h('p', { class: 'loading' }, 'Loading sources…'));
  void load();
  // Sources added or revised elsewhere, and annotation counts changing: the list is loaded again,
  // once per burst of changes (an import or a re-anchoring changes many annotations at once).
  let soon: ReturnType<typeof setTimeout> | undefined;
  const stopLive = subscribeLive((e) => {
    // Sets do not show here; decisions change the open-suggestion counts.
    if (e.type === 'sets') return;
    clearTimeout(soon);
    soon = setTimeout(() => store.dispatch({ type: 'reload' }), e.type === 'source' ? 0 : 1000);
  });
  return {
    destroy() {
      clearTimeout(soon);
      stopLive();
      store.close();
      destroyHelp();
    },
  };
}
