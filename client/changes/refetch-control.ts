/**
 * "Fetch again", for a source that came from a web address (`POST /api/sources/:id/refetch`): the
 * button, its progress, and the outcome in words ("Unchanged since revision 2.", "Revision 3: 12
 * passages moved, 2 changed, 1 orphaned."). A new revision changes the text the page shows, so the
 * page is drawn again (`onRevised`); the outcome is handed to the control the new page builds for
 * the same source, which shows it, so it stays on screen until the user moves on.
 */
import { guard } from '../account/denied-control';
import { addErrorText } from '../add/add-errors';
import { refetchSource } from '../api/source-api';
import { changesHref } from '../shared/routes';
import { h, replaceChildren } from '../ui/dom';
import { refetchMessage } from './revision-words';

/** The last outcome, waiting for the page drawn after a new revision. */
let handedOver: { source: string; message: string; revised: boolean } | null = null;

/** What the control needs. */
export interface RefetchOptions {
  sourceId: string;
  /** The revision the page shows now. */
  revision: number | undefined;
  /** A new revision came: draw the page again. */
  onRevised(): void;
}

/** Build the control (a button and a live region for its outcome). */
export function refetchControl(opts: RefetchOptions): HTMLElement {
  const button = guard(h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'refetch', title: 'Fetch the page again from its web address; a changed text becomes a new revision' }, 'Fetch again'), 'source.import');
  const outcome = h('span', { class: 'refetch-outcome', role: 'status', 'aria-live': 'polite' });
  const show = (message: string, revised: boolean, tone: 'ok' | 'error' = 'ok') => {
    outcome.dataset.tone = tone;
    replaceChildren(outcome, message, revised ? [' ', h('a', { href: changesHref(opts.sourceId), 'data-action': 'what-changed' }, 'See what changed')] : null);
  };
  if (handedOver?.source === opts.sourceId) {
    show(handedOver.message, handedOver.revised);
    handedOver = null;
  }
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Fetching…';
    show('Fetching the page again…', false);
    refetchSource(opts.sourceId).then(
      (result) => {
        const message = refetchMessage(result, opts.revision);
        const revised = result.status === 'revised' && result.source.revision !== opts.revision;
        if (revised) {
          handedOver = { source: opts.sourceId, message, revised };
          opts.onRevised();
          return;
        }
        button.disabled = false;
        button.textContent = 'Fetch again';
        show(message, false);
      },
      (err: unknown) => {
        button.disabled = false;
        button.textContent = 'Fetch again';
        show(`Could not fetch the page again. ${addErrorText(err)}`, false, 'error');
      },
    );
  });
  return h('span', { class: 'refetch' }, button, ' ', outcome);
}

