/**
 * One row of the suggestions inbox: the suggestion as suggestion-view.ts draws it, what is under
 * way or went wrong with it, who dismissed it (in the dismissed view), and its buttons (Accept and
 * Dismiss, or Undo), which do what the keys `a`, `d` and `u` do. The row is one stop for keyboard
 * focus (the selected row takes it), named by its category and summary and numbered for screen
 * readers ("3 of 20"); its links and buttons follow it in the Tab order.
 */
import type { Suggestion } from '../../core/inconsistency/types';
import type { ListedSuggestion } from '../api/client';
import { suggestionHref } from '../shared/routes';
import { suggestionBody, suggestionHead } from '../suggestions/suggestion-view';
import { h } from '../ui/dom';
import type { InboxView, RowStatus } from './inbox-state';

/** What a row reports to the page. */
export interface RowHandlers {
  onSelect(id: string): void;
  onAccept(id: string): void;
  onDismiss(id: string): void;
  onUndo(id: string): void;
}

/** What a row is drawn from. */
export interface RowInput {
  suggestion: ListedSuggestion;
  view: InboxView;
  status: RowStatus | undefined;
  titles: ReadonlyMap<string, string>;
  texts: ReadonlyMap<string, string>;
  /** A page-unique number for element ids. */
  serial: number;
}

const BUSY_WORDS: Record<NonNullable<RowStatus['busy']>, string> = {
  accepting: 'Accepting…',
  dismissing: 'Dismissing…',
  undoing: 'Offering again…',
};

/** The source a suggestion opens on: the filtered source when it has a passage there, else its first passage's. */
export function openingSource(s: Suggestion, preferred: string | null): string {
  return preferred && s.targets.some((t) => t.source === preferred) ? preferred : s.targets[0]?.source ?? '';
}

/** The hash that opens suggestion `s` in the viewer. */
export function openingHref(s: Suggestion, preferred: string | null): string {
  return suggestionHref(openingSource(s, preferred), s.id);
}

function decisionLine(s: ListedSuggestion): HTMLElement | null {
  const d = s.decision;
  if (!d) return null;
  const when = d.at.slice(0, 16).replace('T', ' ');
  return h('p', { class: 'sg-decision' }, `${d.action === 'dismissed' ? 'Dismissed' : 'Accepted'} by ${d.by} on ${when} UTC`);
}

/** Build the row of `input`; `preferredSource` is the source the inbox is narrowed to, if any. */
export function inboxRow(input: RowInput, preferredSource: string | null, handlers: RowHandlers): HTMLLIElement {
  const { suggestion: s, status, view } = input;
  const idBase = `sg-row-${input.serial}`;
  const blocked = !!status?.busy || !!status?.handled;
  const button = (label: string, key: string, action: string, run: (id: string) => void, primary = false) =>
    h('button', {
      type: 'button',
      class: `btn btn-small${primary ? ' btn-primary' : ''}`,
      'data-action': action,
      'aria-keyshortcuts': key,
      disabled: blocked,
      onclick: () => run(s.id),
    }, label);
  const actions = view === 'open'
    ? [button('Accept', 'a', 'accept', handlers.onAccept, true), button('Dismiss', 'd', 'dismiss', handlers.onDismiss)]
    : [button('Undo', 'u', 'undo', handlers.onUndo)];
  const statusText = status?.busy ? BUSY_WORDS[status.busy] : status?.problem ?? '';
  const row = h('li', {
    class: `inbox-row sg-${s.category}${status?.handled ? ' is-handled' : ''}${status?.busy ? ' is-busy' : ''}`,
    'data-suggestion-id': s.id,
    'data-category': s.category,
    tabindex: '-1',
    'aria-labelledby': `${idBase}-category ${idBase}-summary`,
  },
    suggestionHead(s, idBase),
    suggestionBody(s, { titles: input.titles, texts: input.texts, idBase }),
    decisionLine(s),
    statusText ? h('p', { class: `sg-status${status?.problem ? ' is-problem' : ''}` }, statusText) : null,
    h('div', { class: 'card-actions' },
      actions,
      h('a', { class: 'btn btn-small', href: openingHref(s, preferredSource), 'data-action': 'open', 'aria-keyshortcuts': 'Enter' }, 'Open in the text'),
    ),
  );
  // A click anywhere on the row selects it (the buttons and links also do their own thing).
  row.addEventListener('click', () => handlers.onSelect(s.id));
  return row;
}
