/**
 * The "Suggestions" section of the viewer's sidebar, below the user's own annotations and
 * foldable: inconsistencies the server suggests between this source and the copies of its
 * passages elsewhere (a statement given to another speaker, a changed number, date, name or
 * quote). Each shows its summary and the two passages with their sources; the user confirms it (it
 * becomes an inconsistency annotation in the active set) or dismisses it (remembered by the
 * server). A failed action keeps the suggestion and says why in the status line.
 */
import type { InconsistencySuggestion, SuggestionTarget } from '../../core/inconsistency/types';
import { guard } from '../account/denied-control';
import { compareHref, sourceHref } from '../shared/routes';
import { excerpt } from '../shared/text-excerpt';
import { h } from '../ui/dom';
import { decisionButtons } from '../ui/decision-buttons';

/** What the section reports to the page; the promises settle when the server answered. */
export interface SuggestionsHandlers {
  onConfirm(s: InconsistencySuggestion): Promise<void>;
  onDismiss(s: InconsistencySuggestion): Promise<void>;
  /** Show (select) a passage of this source in the text. */
  onShow(target: SuggestionTarget): void;
}

/** The section element and a way to fill it. */
export interface SuggestionsSection {
  el: HTMLElement;
  update(suggestions: readonly InconsistencySuggestion[] | null, error?: string): void;
}

const CATEGORY_LABELS: Record<InconsistencySuggestion['category'], string> = {
  attribution: 'Attribution',
  number: 'Number',
  date: 'Date',
  name: 'Name',
  quote: 'Quote',
};

/** The server's summary with source ids named as the reader knows them: "this source", titles. */
export function readableSummary(summary: string, sourceId: string, titles: ReadonlyMap<string, string>): string {
  let out = summary.split(sourceId).join('this source');
  for (const [id, title] of titles) if (id !== sourceId) out = out.split(id).join(`“${title}”`);
  return out;
}

/** Build the section; it shows "Loading…" until the first update. */
export function suggestionsSection(sourceId: string, titles: ReadonlyMap<string, string>, handlers: SuggestionsHandlers): SuggestionsSection {
  const title = h('span', {}, 'Suggestions');
  const body = h('div', { class: 'section-body' }, h('p', { class: 'loading' }, 'Looking for inconsistencies…'));
  const details = h('details', { open: true }, h('summary', { class: 'section-title' }, title), body);
  const el = h('section', { class: 'sidebar-section suggestions-section', 'aria-label': 'Suggested inconsistencies' }, details);
  let list: InconsistencySuggestion[] | null = null;

  const passage = (s: InconsistencySuggestion, t: SuggestionTarget, i: number) => {
    const here = t.source === sourceId;
    const evidence = s.evidence[i]?.value;
    const mine = s.targets.find((x) => x.source === sourceId);
    return h('li', { class: `suggestion-passage${here ? ' is-here' : ''}`, 'data-source': t.source },
      h('span', { class: 'suggestion-source' },
        here
          ? h('button', { type: 'button', class: 'btn-link', 'data-action': 'show-passage', onclick: () => handlers.onShow(t), title: 'Show in the text' }, 'This source')
          : h('a', { href: sourceHref(t.source) }, titles.get(t.source) ?? t.source),
        evidence ? h('span', { class: 'suggestion-value' }, ` · ${evidence}`) : null,
        !here && mine
          ? [' · ', h('a', { href: compareHref(sourceId, t.source, { source: sourceId, start: mine.start, end: mine.end }), 'data-action': 'compare' }, 'compare')]
          : null,
      ),
      h('span', { class: 'suggestion-quote' }, excerpt(t.exact, 130)),
    );
  };

  const item = (s: InconsistencySuggestion): HTMLElement => {
    // The page reports a failure in the status line; the suggestion stays so the user can try again.
    const settled = (p: Promise<void>) => p.then(() => true, () => false);
    const actions = decisionButtons([
      { label: 'Confirm', busyLabel: 'Confirming…', action: 'confirm', primary: true, run: () => settled(handlers.onConfirm(s)) },
      { label: 'Dismiss', busyLabel: 'Dismissing…', action: 'dismiss', run: () => settled(handlers.onDismiss(s)) },
    ]);
    // What the role may not do is dimmed with the reason, as everywhere.
    for (const b of actions) guard(b, 'suggestion.decide');
    return h('li', { class: 'suggestion', 'data-suggestion-id': s.id, 'data-category': s.category },
      h('header', { class: 'card-head' },
        h('span', { class: 'badge badge-kind kind-inconsistency' }, CATEGORY_LABELS[s.category] ?? s.category),
        h('span', { class: 'suggestion-summary' }, readableSummary(s.summary, sourceId, titles)),
      ),
      h('ul', { class: 'suggestion-passages' }, s.targets.map((t, i) => passage(s, t, i))),
      h('div', { class: 'card-actions' }, actions),
    );
  };

  const render = () => {
    const shown = list ?? [];
    title.textContent = `Suggestions (${shown.length})`;
    body.replaceChildren(
      shown.length === 0
        ? h('p', { class: 'empty' }, 'No suggested inconsistencies for this source.')
        : h('ul', { class: 'suggestion-list' }, shown.map(item)),
    );
  };

  return {
    el,
    update(suggestions, error) {
      if (!suggestions) {
        title.textContent = 'Suggestions';
        body.replaceChildren(h('p', { class: 'form-error' }, error ?? 'Could not load the suggestions.'));
        return;
      }
      // Open when there is something to decide; an empty list stays folded, its count saying so.
      if (list === null) details.open = suggestions.length > 0;
      list = [...suggestions];
      render();
    },
  };
}
