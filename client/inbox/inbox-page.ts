/**
 * The suggestions inbox (`#/inbox?category=&source=&view=dismissed`): every open suggestion of every
 * source — claims worth checking, typos, names spelled two ways, context shifts and differences
 * between copies — filtered by category (with counts) and source, for fast triage by keyboard: `j` /
 * `k` move, `a` accepts (a claim candidate becomes a claim with its claimant in one key press), `d`
 * dismisses, `u` undoes the last dismissal, Enter opens the passage in the viewer. The dismissed view
 * lists what was dismissed, each with Undo. Keyboard focus and screen readers follow the selected
 * row; what each step did is said in a live region. One state (inbox-state.ts), changed by dispatch.
 */
import { SUGGESTION_CATEGORIES, type SuggestionCategory } from '../../core/inconsistency/types';
import { setPicker } from '../sets/set-picker';
import { createPageStore, type Page } from '../shared/page-store';
import type { InboxQuery } from '../shared/routes';
import { CATEGORY_ORDER, categoryLabel } from '../suggestions/suggestion-details';
import { h, isTyping, replaceChildren } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { inboxEffects, loadInbox, loadOpen } from './inbox-effects';
import { subscribeLive } from '../live/live-connection';
import { inboxRow, openingHref } from './inbox-row';
import {
  applyInbox,
  categoryCounts,
  initialInboxState,
  nextUndo,
  selectedSuggestion,
  sourceCounts,
  viewList,
  type InboxAction,
  type InboxFilter,
  type InboxState,
} from './inbox-state';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The filter a query asks for; a category this client does not know is ignored. */
export function filterOf(query: InboxQuery): Partial<InboxFilter> {
  const category = (SUGGESTION_CATEGORIES as readonly string[]).includes(query.category ?? '') ? (query.category as SuggestionCategory) : null;
  return { category, source: query.source ?? null, view: query.view === 'dismissed' ? 'dismissed' : 'open' };
}

/** Mount the inbox into `root`, opened on `query`. */
export function inboxPage(root: HTMLElement, query: InboxQuery): Page {
  const { help, destroy: destroyHelp } = pageHelp('inbox');
  document.title = 'Suggestions · Collate';
  const title = h('h1', { id: 'inbox-title', tabindex: '-1' }, 'Suggestions');
  const views = h('div', { class: 'inbox-views', role: 'group', 'aria-label': 'Which suggestions' });
  const categories = h('div', { class: 'inbox-categories', role: 'group', 'aria-label': 'Category' });
  const source = h('select', { id: 'inbox-source', name: 'source' });
  const setSlot = h('div', { class: 'inbox-set' });
  const message = h('p', { class: 'inbox-message', role: 'status', 'aria-live': 'polite' });
  const count = h('p', { class: 'inbox-count' });
  const list = h('ol', { class: 'inbox-list', 'aria-label': 'Suggestions' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true, onclick: () => store.dispatch({ type: 'more' }) }, 'Show more');
  /** Rows drawn, by suggestion id, with what each was drawn from. */
  const drawn = new Map<string, { el: HTMLLIElement; key: unknown[] }>();
  let serial = 0;
  /** Set while a key or a row's button acts, so focus follows the selection it moves. */
  let byUser = false;

  const dispatch = (action: InboxAction, fromUser = false) => {
    byUser = fromUser;
    store.dispatch(action);
    byUser = false;
  };
  const handlers = {
    onSelect: (id: string) => dispatch({ type: 'select', id }),
    onAccept: (id: string) => dispatch({ type: 'accept', id }, true),
    onDismiss: (id: string) => dispatch({ type: 'dismiss', id }, true),
    onUndo: (id: string) => dispatch({ type: 'undo', id }, true),
  };

  const pressed = (label: string, on: boolean, onclick: () => void, data: Record<string, string>) =>
    h('button', { type: 'button', class: 'btn btn-small inbox-toggle', 'aria-pressed': on ? 'true' : 'false', onclick, ...data }, label);

  const renderFilters = (s: InboxState) => {
    // The buttons are drawn afresh: the one that had keyboard focus gets it back.
    const focused = document.activeElement instanceof HTMLElement && document.activeElement.closest('.inbox-views, .inbox-categories') ? document.activeElement : null;
    const refocus = focused && (focused.dataset.view !== undefined ? `[data-view="${focused.dataset.view}"]` : `[data-category="${focused.dataset.category ?? ''}"]`);
    drawFilters(s);
    if (refocus) (views.querySelector<HTMLElement>(refocus) ?? categories.querySelector<HTMLElement>(refocus) ?? categories.querySelector<HTMLElement>('[data-category=""]'))?.focus();
  };

  const drawFilters = (s: InboxState) => {
    const open = s.open.phase === 'ready' ? s.open.value.length : null;
    const dismissed = s.dismissed?.phase === 'ready' ? s.dismissed.value.length : null;
    views.replaceChildren(
      pressed(open === null ? 'Open' : `Open (${open})`, s.filter.view === 'open', () => dispatch({ type: 'filter', filter: { view: 'open' } }), { 'data-view': 'open' }),
      pressed(dismissed === null ? 'Dismissed' : `Dismissed (${dismissed})`, s.filter.view === 'dismissed', () => dispatch({ type: 'filter', filter: { view: 'dismissed' } }), { 'data-view': 'dismissed' }),
    );
    const counts = categoryCounts(s);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    replaceChildren(categories,
      pressed(`All ${total}`, s.filter.category === null, () => dispatch({ type: 'filter', filter: { category: null } }), { 'data-category': '' }),
      CATEGORY_ORDER.filter((c) => (counts.get(c) ?? 0) > 0 || s.filter.category === c).map((c) =>
        pressed(`${categoryLabel(c)} ${counts.get(c) ?? 0}`, s.filter.category === c, () => dispatch({ type: 'filter', filter: { category: c } }), { 'data-category': c })),
    );
    const bySource = sourceCounts(s);
    const ids = [...bySource.keys()];
    if (s.filter.source && !bySource.has(s.filter.source)) ids.push(s.filter.source);
    ids.sort((a, b) => (s.titles.get(a) ?? a).localeCompare(s.titles.get(b) ?? b));
    const all = viewList(s)?.filter((x) => !s.filter.category || x.category === s.filter.category).length ?? 0;
    replaceChildren(source,
      h('option', { value: '' }, `All sources (${all})`),
      ids.map((id) => h('option', { value: id }, `${s.titles.get(id) ?? id} (${bySource.get(id) ?? 0})`)),
    );
    source.value = s.filter.source ?? '';
    setSlot.hidden = s.filter.view !== 'open';
  };

  const renderCount = (s: InboxState) => {
    const loading = s.filter.view === 'open' ? s.open : s.dismissed;
    if (!loading || loading.phase === 'loading') {
      count.textContent = s.filter.view === 'open' ? 'Looking for suggestions…' : 'Loading the dismissed suggestions…';
      return;
    }
    if (loading.phase === 'failed') {
      count.textContent = `Could not load the suggestions: ${loading.message}`;
      return;
    }
    const n = s.visible.length;
    const what = s.filter.view === 'open' ? 'open suggestion' : 'dismissed suggestion';
    if (n === 0) {
      const narrowed = s.filter.category !== null || s.filter.source !== null;
      count.textContent = narrowed
        ? `No ${what} matches these filters.`
        : s.filter.view === 'open' ? 'No open suggestions: every one has been accepted or dismissed.' : 'Nothing has been dismissed.';
      return;
    }
    count.textContent = `${plural(n, what, `${what}s`)}${n > s.shown ? `, the first ${s.shown.toLocaleString('en')} shown` : ''}. Press j and k to move, ${s.filter.view === 'open' ? 'a to accept, d to dismiss, ' : ''}u to undo, Enter to open, ? for help.`;
  };

  const renderRows = (s: InboxState, focusWasInList: boolean) => {
    const rows = s.visible.slice(0, s.shown);
    const keep = new Set(rows.map((r) => r.id));
    for (const id of [...drawn.keys()]) if (!keep.has(id)) drawn.delete(id);
    const els = rows.map((suggestion, i) => {
      const status = s.rows.get(suggestion.id);
      const contextKnown = suggestion.targets.map((t) => s.texts.has(t.source));
      const key = [suggestion, status, s.filter.view, s.titles, ...contextKnown];
      let row = drawn.get(suggestion.id);
      if (!row || row.key.length !== key.length || row.key.some((k, j) => k !== key[j])) {
        row = { el: inboxRow({ suggestion, view: s.filter.view, status, titles: s.titles, texts: s.texts, serial: ++serial }, s.filter.source, handlers), key };
        drawn.set(suggestion.id, row);
      }
      row.el.setAttribute('aria-posinset', String(i + 1));
      row.el.setAttribute('aria-setsize', String(s.visible.length));
      return row.el;
    });
    // Keep the rows in place where nothing moved, so focus stays on them.
    const same = els.length === list.children.length && els.every((el, i) => list.children[i] === el);
    if (!same) list.replaceChildren(...els);
    more.hidden = s.visible.length <= s.shown;
    if (!same && focusWasInList) focusSelected(s);
  };

  const renderSelection = (prev: InboxState, s: InboxState) => {
    if (prev.selected && prev.selected !== s.selected) {
      const old = drawn.get(prev.selected)?.el;
      old?.classList.remove('is-selected');
      old?.removeAttribute('aria-current');
      old?.setAttribute('tabindex', '-1');
    }
    const el = s.selected ? drawn.get(s.selected)?.el : undefined;
    el?.classList.add('is-selected');
    el?.setAttribute('aria-current', 'true');
    el?.setAttribute('tabindex', '0');
  };

  /** Focus the selected row (or, with none left, the heading) and bring it into view. */
  const focusSelected = (s: InboxState) => {
    const el = s.selected ? drawn.get(s.selected)?.el : undefined;
    if (el) {
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
    } else title.focus({ preventScroll: true });
  };

  const render = (prev: InboxState, next: InboxState) => {
    const focusWasInList = list.contains(document.activeElement);
    if (prev.open !== next.open || prev.dismissed !== next.dismissed || prev.filter !== next.filter || prev.titles !== next.titles) renderFilters(next);
    if (prev.visible !== next.visible || prev.shown !== next.shown || prev.rows !== next.rows || prev.texts !== next.texts || prev.filter !== next.filter) renderRows(next, focusWasInList);
    renderSelection(prev, next);
    renderCount(next);
    if (prev.selected !== next.selected && (byUser || focusWasInList)) focusSelected(next);
    if (prev.message.seq !== next.message.seq) {
      message.textContent = next.message.text;
      message.dataset.tone = next.message.tone;
    }
    if (prev.sets !== next.sets && next.sets.length > 0) {
      setSlot.replaceChildren(setPicker({ sets: next.sets, active: next.activeSet, onChange: (name, sets) => dispatch({ type: 'active-set', name, sets }) }));
      setSlot.append(h('p', { class: 'inbox-set-hint' }, 'Accepted suggestions are saved to the active set.'));
    }
  };

  const store = createPageStore(initialInboxState(filterOf(query)), applyInbox, { render, effect: inboxEffects() });

  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e) || document.querySelector('dialog[open]')) return;
    const s = store.state;
    const selected = s.selected;
    const act = (action: InboxAction) => {
      e.preventDefault();
      dispatch(action, true);
    };
    switch (e.key) {
      case 'j':
        return act({ type: 'move', dir: 1 });
      case 'k':
        return act({ type: 'move', dir: -1 });
      case 'a':
      case 'd':
        if (!selected) return;
        if (s.filter.view !== 'open') return act({ type: 'say', text: 'These suggestions are dismissed: press u to offer the selected one again.' });
        return act(e.key === 'a' ? { type: 'accept', id: selected } : { type: 'dismiss', id: selected });
      case 'u':
        return act({ type: 'undo', id: nextUndo(s) });
      case 'Enter': {
        // Enter on a row's own button or link does what that does.
        const focus = document.activeElement;
        const onRow = focus instanceof HTMLElement && focus.classList.contains('inbox-row');
        const suggestion = selectedSuggestion(s);
        if (!suggestion || !(onRow || focus === document.body || focus === root)) return;
        e.preventDefault();
        location.hash = openingHref(suggestion, s.filter.source);
        return;
      }
      default:
        return;
    }
  };
  document.addEventListener('keydown', onKey);
  source.addEventListener('change', () => dispatch({ type: 'filter', filter: { source: source.value || null } }));

  root.replaceChildren(
    h('section', { class: 'home inbox-page', 'aria-labelledby': 'inbox-title' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
      h('div', { class: 'home-head' }, title, h('div', { class: 'home-actions' }, helpButton(help))),
      h('p', { class: 'lead' }, 'What the assistant and the comparison of copies suggest checking, in every source: accept one to make its annotation, or dismiss it.'),
      views,
      h('div', { class: 'inbox-filters' },
        categories,
        h('div', { class: 'inbox-source' }, h('label', { for: 'inbox-source' }, 'Source'), source),
        setSlot,
      ),
      message,
      count,
      list,
      more,
    ),
  );
  renderFilters(store.state);
  renderCount(store.state);
  loadInbox(store.state, store.dispatch);
  // Sources added or revised elsewhere bring new suggestions: loaded again once per burst. A
  // decision made elsewhere is not: its row would vanish under the key the user is about to press
  // (acting on the row after it); acting on it says who decided it first instead.
  let soon: ReturnType<typeof setTimeout> | undefined;
  const stopLive = subscribeLive((e) => {
    if (e.type !== 'source') return;
    clearTimeout(soon);
    soon = setTimeout(() => loadOpen(store.dispatch), 300);
  });

  return {
    destroy() {
      clearTimeout(soon);
      stopLive();
      document.removeEventListener('keydown', onKey);
      store.close();
      destroyHelp();
    },
  };
}
