/**
 * The history of one annotation, in a dialog: every change newest first, each with who, when
 * (relative, and the full time on hover) and what changed, field by field, before → after
 * (change-lines.ts); a creation, a deletion (what it was) and an import (who brought it in) too.
 * A native <dialog> opened with showModal: focus moves into it, Escape or Close shuts it, and focus
 * returns to the button that opened it.
 */
import type { Annotation, HistoryEntry } from '../../core/model';
import { KIND_LABELS } from '../../core/model/vocabulary';
import { errorMessage } from '../api/api-error';
import { getHistory } from '../api/account-api';
import { excerpt } from '../shared/text-excerpt';
import { h } from '../ui/dom';
import { changeLines, deletedSummary } from './change-lines';
import { fullTime, relativeTime } from './relative-time';
import './history.css';

const ACTION_WORDS: Record<HistoryEntry['action'], string> = {
  created: 'Created',
  updated: 'Changed',
  deleted: 'Deleted',
  imported: 'Imported',
};

/** One entry of the list. */
function entryItem(e: HistoryEntry, now: number): HTMLElement {
  const lines = e.action === 'updated' ? changeLines(e.changes) : [];
  return h('li', { class: `history-entry history-${e.action}`, 'data-action': e.action, 'data-revision': e.revision },
    h('p', { class: 'history-head' },
      h('strong', {}, ACTION_WORDS[e.action] ?? e.action),
      ' by ',
      h('span', { class: 'history-by' }, e.by),
      ' · ',
      h('time', { datetime: e.at, title: fullTime(e.at) }, `${fullTime(e.at)} (${relativeTime(e.at, now)})`),
      h('span', { class: 'history-revision' }, ` · revision ${e.revision}`),
    ),
    lines.length > 0 ? h('ul', { class: 'history-changes' }, lines.map((l) => h('li', { 'data-field': l.field }, l.text))) : null,
    e.action === 'updated' && lines.length === 0 ? h('p', { class: 'history-note' }, 'No field changed.') : null,
    e.action === 'deleted' ? h('p', { class: 'history-note' }, `It was: ${deletedSummary(e.changes)}`) : null,
    e.action === 'imported' ? h('p', { class: 'history-note' }, 'Brought in by an import; the entries before this one came with the imported file.') : null,
  );
}

/** The list of `entries`, newest first. */
export function historyList(entries: readonly HistoryEntry[], now: number = Date.now()): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty' }, 'No change recorded yet.');
  return h('ol', { class: 'history-list', reversed: true }, [...entries].reverse().map((e) => entryItem(e, now)));
}

let counter = 0;

/** Open the history of `a` (loaded now), over the page. */
export function openHistoryDialog(a: Pick<Annotation, 'id' | 'kind' | 'targets'>): HTMLDialogElement {
  const uid = `history${++counter}`;
  const body = h('div', { class: 'history-body', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading the history…'));
  const close = h('button', { type: 'button', class: 'btn', 'data-action': 'close-history' }, 'Close');
  const dialog = h('dialog', { class: 'modal history-dialog', 'aria-labelledby': `${uid}-title`, 'data-annotation-id': a.id },
    h('h2', { id: `${uid}-title`, class: 'modal-title' }, `History of this ${KIND_LABELS[a.kind].toLowerCase()}`),
    h('p', { class: 'history-quote' }, h('q', {}, excerpt(a.targets[0]?.exact ?? '', 140))),
    body,
    h('div', { class: 'modal-actions' }, close),
  );
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener?.isConnected && !document.querySelector('dialog[open]')) opener.focus({ preventScroll: true });
  });
  document.body.appendChild(dialog);
  dialog.showModal();
  close.focus();
  void getHistory(a.id).then(
    (entries) => {
      body.replaceChildren(historyList(entries));
      body.removeAttribute('aria-busy');
    },
    (err: unknown) => {
      body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, `Could not load the history: ${errorMessage(err)}`));
      body.removeAttribute('aria-busy');
    },
  );
  return dialog;
}
