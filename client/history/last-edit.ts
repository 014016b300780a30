/**
 * Who did what, on a card: "edited by ana, 3 min ago" (or "created by …" for an annotation never
 * changed since), with a History button opening every change. Records from before the last editor
 * was kept name no `modifiedBy`: their creator stands in.
 */
import type { Annotation } from '../../core/model';
import { h } from '../ui/dom';
import { openHistoryDialog } from './history-dialog';
import { fullTime, relativeTime } from './relative-time';
import './history.css';

/** The last change to `a`: made or edited, by whom, when; null for one not stored yet (no creator). Pure. */
export function lastEdit(a: Pick<Annotation, 'revision' | 'creator' | 'modifiedBy' | 'modified'>): { verb: 'created' | 'edited'; by: string; at: string } | null {
  if (!a.creator) return null;
  return a.revision > 1 ? { verb: 'edited', by: a.modifiedBy ?? a.creator, at: a.modified } : { verb: 'created', by: a.creator, at: a.modified };
}

const TICK_MS = 60_000;
let ticking: ReturnType<typeof setInterval> | undefined;

/** Keep the "3 min ago" of every byline shown true while the page stays open (cards are drawn once). */
function keepTimesFresh(): void {
  ticking ??= setInterval(() => {
    const now = Date.now();
    for (const t of document.querySelectorAll<HTMLTimeElement>('time.relative-time')) t.textContent = relativeTime(t.dateTime, now);
  }, TICK_MS);
}

/** The byline of a card or result: the last change and a History button; null when there is none yet. */
export function lastEditLine(a: Annotation, now: number = Date.now()): HTMLElement | null {
  const last = lastEdit(a);
  if (!last) return null;
  keepTimesFresh();
  const button = h('button', { type: 'button', class: 'btn-link card-history', 'data-action': 'history', 'aria-haspopup': 'dialog' }, 'History');
  button.addEventListener('click', (e) => {
    // A card shows its passage when clicked: the history opens instead.
    e.stopPropagation();
    openHistoryDialog(a);
  });
  return h('p', { class: 'card-byline' },
    `${last.verb} by `,
    h('span', { class: 'card-by' }, last.by),
    ', ',
    h('time', { class: 'relative-time', datetime: last.at, title: fullTime(last.at) }, relativeTime(last.at, now)),
    ' · ',
    button,
  );
}
