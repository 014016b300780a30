/**
 * "Carry to copies…" on an annotation card whose passage other sources repeat: one click fetches the
 * copies of the passage (GET /api/annotations/:id/copies) and offers to repeat the claim or note on
 * each copy, or to link the passage and all its copies as one reuse record. The page carries it
 * (through its state, which takes in what was created); the result is said in the card and in the
 * status line.
 */
import type { Annotation } from '../../core/model';
import { KIND_LABELS } from '../../core/model/vocabulary';
import { guard } from '../account/denied-control';
import type { Outcome } from '../annotations/annotation-actions';
import { errorMessage } from '../api/api-error';
import { listCopies, type CarryMode, type PassageCopy } from '../api/client';
import { excerpt } from '../shared/text-excerpt';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import { sourceHref } from '../shared/routes';

/** What the control needs from the page. */
export interface CarryOptions {
  annotation: Annotation;
  /** The open source: results name the other sources. */
  sourceId: string;
  titles: ReadonlyMap<string, string>;
  /** Carry it; resolves with what the server created, or why not. */
  carry(mode: CarryMode): Promise<Outcome<Annotation[]>>;
}

/** Kinds that can be repeated one per copy (a linking kind needs two passages, a copy is one). */
export function canCopyEach(a: Pick<Annotation, 'kind'>): boolean {
  return a.kind === 'claim' || a.kind === 'note';
}

/** The sentence reporting a carry: "Created 1 annotation on <title>" or "… on 3 sources". */
export function carriedMessage(created: readonly Annotation[], fromSource: string, titles: ReadonlyMap<string, string>): string {
  const sources = [...new Set(created.flatMap((a) => a.targets.map((t) => t.source)).filter((s) => s !== fromSource))];
  const where = sources.length === 1 ? titles.get(sources[0]) ?? sources[0] : `${sources.length} sources`;
  const what = created.length === 1 ? '1 annotation' : `${created.length} annotations`;
  return created.length === 1 && created[0].kind === 'reuse' ? `Created a reuse record linking ${where}` : `Created ${what} on ${where}`;
}

/** Build the control (a button that becomes a small menu). */
export function carryControl(opts: CarryOptions): HTMLElement {
  const a = opts.annotation;
  const el = h('div', { class: 'carry' });
  const title = (id: string) => opts.titles.get(id) ?? id;

  const closed = () => {
    el.replaceChildren(
      guard(h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'carry', 'aria-haspopup': 'true', onclick: () => void open() }, 'Carry to copies…'), 'annotation.carry', a.creator),
    );
  };

  const run = async (mode: CarryMode, buttons: HTMLButtonElement[]) => {
    for (const b of buttons) b.disabled = true;
    const outcome = await opts.carry(mode);
    if (!outcome.ok) {
      for (const b of buttons) b.disabled = false;
      showStatus(outcome.problem.message, 'error');
      return;
    }
    const message = carriedMessage(outcome.value, opts.sourceId, opts.titles);
    const line = /[.?!]$/.test(message) ? message : `${message}.`;
    el.replaceChildren(h('p', { class: 'carry-result', role: 'status' }, line));
    showStatus(line, 'success');
  };

  const menu = (copies: readonly PassageCopy[]) => {
    if (copies.length === 0) {
      el.replaceChildren(h('p', { class: 'carry-result' }, 'This passage has no copy in another source.'));
      return;
    }
    const each = canCopyEach(a)
      ? h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'carry-copy' }, `Same ${KIND_LABELS[a.kind].toLowerCase()} on each copy (${copies.length})`)
      : null;
    const link = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'carry-reuse' }, 'Link all copies as a reuse record');
    const cancel = h('button', { type: 'button', class: 'btn btn-small btn-link', 'data-action': 'carry-cancel', onclick: () => closed() }, 'Cancel');
    const buttons = [each, link].filter((b): b is HTMLButtonElement => b !== null);
    each?.addEventListener('click', () => void run('copy', buttons));
    link.addEventListener('click', () => void run('reuse', buttons));
    el.replaceChildren(
      h('div', { class: 'carry-menu', role: 'group', 'aria-label': 'Carry to copies' },
        h('p', { class: 'carry-head' }, copies.length === 1 ? 'This passage has 1 copy:' : `This passage has ${copies.length} copies:`),
        h('ul', { class: 'carry-copies' },
          copies.map((c) => h('li', {}, h('a', { href: sourceHref(c.source) }, title(c.source)), ': ', h('q', {}, excerpt(c.exact, 90)),
            c.boilerplate ? h('span', { class: 'reuse-flag' }, 'boilerplate') : null))),
        h('div', { class: 'carry-actions' }, each, link, cancel),
      ),
    );
    (each ?? link).focus();
  };

  const open = async () => {
    el.replaceChildren(h('p', { class: 'loading' }, 'Finding copies…'));
    try {
      menu(await listCopies(a.id));
    } catch (err) {
      closed();
      showStatus(`Could not find the copies: ${errorMessage(err)}`, 'error');
    }
  };

  closed();
  return el;
}
