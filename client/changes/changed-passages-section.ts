/**
 * The "Changed passages" section of the viewer's sidebar: the annotations (of every set) with a
 * passage in this source that a later revision reworded or removed, each with the words as annotated
 * and the words now, and what can be done about it (passage-actions.ts says what each sends):
 *
 * - Accept: the new wording is right; the annotation keeps it and stops being listed.
 * - Re-attach: select the passage's wording in the text (it starts selected on the new wording),
 *   then "Re-attach here".
 * - Dismiss: remove the passage from the annotation after a confirmation (its old words stay in the
 *   annotation's history); where it is the annotation's last passage, that deletes the annotation,
 *   which the confirmation says.
 *
 * The section is hidden while nothing changed. It draws what the page gives it and hands writes to
 * the page, which reports them (status line) and feeds the new versions back through `update`.
 */
import './changes.css';
import type { Annotation, PatchAnnotation } from '../../core/model';
import { KIND_LABELS } from '../../core/model/vocabulary';
import { guard } from '../account/denied-control';
import { excerpt } from '../shared/text-excerpt';
import { changedPassages, needsRecheck, type ChangedPassage } from '../shared/target-changes';
import type { TextSpan } from '../shared/trim-range';
import { h } from '../ui/dom';
import { recheckFlag } from '../ui/recheck-flag';
import { showStatus } from '../ui/status';
import { acceptPlan, alsoAccepts, dismissPlan, reattachPlan, type PassagePlan } from './passage-actions';

/** What the section needs from the page. */
export interface ChangedPassagesHandlers {
  /** The passage selected in the text, trimmed, or null. */
  selection(): TextSpan | null;
  /** Select (and scroll to) a range of the text. */
  show(start: number, end: number): void;
  /** Send `body` as a PATCH of `a`; true once stored (the page shows the new version), false when refused. */
  patch(a: Annotation, body: PatchAnnotation, what: 'accept' | 'reattach' | 'dismiss'): Promise<boolean>;
  /** Delete `a`; true once deleted. */
  remove(a: Annotation): Promise<boolean>;
}

/** The section element and a way to fill it. */
export interface ChangedPassagesSection {
  el: HTMLElement;
  /** Show the changed passages among `annotations` (every annotation the page holds). */
  update(annotations: Iterable<Annotation>): void;
}

/** Which item is being re-attached or dismissed: by annotation, revision and target. */
type Mode = { key: string; step: 'reattach' | 'dismiss' } | null;

const keyOf = (p: ChangedPassage) => `${p.annotation.id}:${p.annotation.revision}:${p.index}`;

/** Build the section for source `sourceId`; it stays hidden until an update lists something. */
export function changedPassagesSection(sourceId: string, handlers: ChangedPassagesHandlers): ChangedPassagesSection {
  const title = h('span', {}, 'Changed passages');
  const list = h('ol', { class: 'changed-list' });
  const details = h('details', { open: true },
    h('summary', { class: 'section-title' }, title),
    h('p', { class: 'section-hint' }, 'The source changed since these passages were annotated. Accept the new wording, re-attach the annotation to other words, or dismiss the passage.'),
    list,
  );
  const el = h('section', { class: 'sidebar-section changed-section', 'aria-label': 'Changed passages', hidden: true }, details);
  let passages: ChangedPassage[] = [];
  let shownKey = '';
  let mode: Mode = null;
  let busy: string | null = null;

  const run = async (p: ChangedPassage, plan: PassagePlan, what: 'accept' | 'reattach' | 'dismiss') => {
    if (plan.kind === 'blocked') {
      showStatus(plan.reason, 'error');
      return;
    }
    busy = keyOf(p);
    render();
    const ok = plan.kind === 'delete' ? await handlers.remove(p.annotation) : await handlers.patch(p.annotation, plan.body, what);
    busy = null;
    if (ok) mode = null;
    // A success arrives as an update without this passage; a refusal leaves it to try again.
    render();
  };

  const button = (label: string, action: string, onclick: () => void, primary = false) =>
    h('button', { type: 'button', class: `btn btn-small${primary ? ' btn-primary' : ''}`, 'data-action': action, onclick }, label);
  /** A button that changes `a`: dimmed, with the reason, where the signed-in person's role may not. */
  const change = (a: Annotation, label: string, action: string, onclick: () => void, primary = false) => guard(button(label, action, onclick, primary), 'annotation.edit', a.creator);

  const actionsOf = (p: ChangedPassage): HTMLElement => {
    const key = keyOf(p);
    const box = h('div', { class: 'card-actions' });
    if (busy === key) {
      box.append(h('span', { class: 'card-saving' }, 'Saving…'));
      return box;
    }
    if (mode?.key === key && mode.step === 'reattach') {
      box.append(
        h('p', { class: 'changed-instructions' }, 'Select the passage’s wording in the text, then:'),
        button('Re-attach here', 'reattach-here', () => void run(p, reattachPlan(p.annotation, p.index, sourceId, handlers.selection()), 'reattach'), true),
        button('Cancel', 'cancel', () => setMode(null, key)),
      );
      return box;
    }
    if (mode?.key === key && mode.step === 'dismiss') {
      const plan = dismissPlan(p.annotation, p.index);
      const kind = KIND_LABELS[p.annotation.kind].toLowerCase();
      const question = plan.kind === 'delete'
        ? p.annotation.targets.length === 1
          ? `This is the ${kind}’s only passage: dismissing it deletes the ${kind}.`
          : `${p.annotation.kind === 'inconsistency' ? 'An inconsistency' : 'A reuse record'} links at least two passages: dismissing this one deletes it.`
        : 'Remove this passage from the annotation? Its words stay in the annotation’s history.';
      box.append(
        h('p', { class: 'confirm-text', role: 'alert' }, question),
        button(plan.kind === 'delete' ? 'Delete annotation' : 'Remove passage', 'confirm-dismiss', () => void run(p, plan, 'dismiss'), true),
        button('Keep', 'cancel', () => setMode(null, key)),
      );
      return box;
    }
    const others = alsoAccepts(p.annotation, p.index);
    if (p.change === 'changed') {
      box.append(
        button('Show', 'show-passage', () => handlers.show(p.target.start, p.target.end)),
        change(p.annotation, others > 0 ? `Accept all ${others + 1} changes` : 'Accept', 'accept', () => void run(p, acceptPlan(p.annotation), 'accept'), true),
      );
    }
    box.append(
      change(p.annotation, 'Re-attach…', 'reattach', () => {
        setMode({ key, step: 'reattach' }, key);
        if (p.change === 'changed') handlers.show(p.target.start, p.target.end);
      }),
      change(p.annotation, 'Dismiss…', 'dismiss', () => setMode({ key, step: 'dismiss' }, key)),
    );
    return box;
  };

  const item = (p: ChangedPassage): HTMLElement => {
    const a = p.annotation;
    return h('li', { class: `changed-item is-${p.change}`, 'data-annotation-id': a.id, 'data-target-index': p.index, 'data-change': p.change },
      changedPassageView(p, 160),
      a.note ? h('p', { class: 'changed-note' }, excerpt(a.note, 100)) : null,
      p.change === 'changed' && alsoAccepts(a, p.index) > 0 ? h('p', { class: 'field-hint' }, 'Saving this passage also accepts the new wording of the annotation’s other changed passages.') : null,
      actionsOf(p),
    );
  };

  function render(): void {
    const focusedKey = (document.activeElement instanceof HTMLElement && list.contains(document.activeElement))
      ? document.activeElement.closest<HTMLElement>('.changed-item')
      : null;
    const focusWas = focusedKey ? { id: focusedKey.dataset.annotationId, index: focusedKey.dataset.targetIndex, action: document.activeElement?.getAttribute('data-action') } : null;
    el.hidden = passages.length === 0;
    title.textContent = `Changed passages (${passages.length})`;
    list.replaceChildren(...passages.map(item));
    if (!focusWas) return;
    // Keep keyboard focus in the section: on the same item's new controls, else on the next item.
    const same = list.querySelector<HTMLElement>(`.changed-item[data-annotation-id="${CSS.escape(focusWas.id ?? '')}"][data-target-index="${CSS.escape(focusWas.index ?? '')}"]`);
    const target = same ?? list.querySelector<HTMLElement>('.changed-item');
    const control = target?.querySelector<HTMLElement>(`[data-action="${CSS.escape(focusWas.action ?? '')}"]`) ?? target?.querySelector<HTMLElement>('button');
    (control ?? details.querySelector('summary'))?.focus({ preventScroll: true });
  }

  function setMode(next: Mode, key: string): void {
    mode = next;
    render();
    const first = list.querySelector<HTMLElement>(`.changed-item[data-annotation-id="${CSS.escape(key.split(':')[0])}"] .card-actions button`);
    first?.focus({ preventScroll: true });
  }

  return {
    el,
    update(annotations) {
      passages = changedPassages(annotations, sourceId);
      const next = passages.map(keyOf).join(' ');
      if (next === shownKey) return;
      shownKey = next;
      if (mode && !passages.some((p) => keyOf(p) === mode?.key)) mode = null;
      render();
    },
  };
}

/**
 * A changed passage's head (kind, reworded or gone, the re-check flag of a claim) and its words as
 * annotated and now, quotes cut at `chars` characters: what this section and the "What changed" view
 * both show of it.
 */
export function changedPassageView(p: ChangedPassage, chars: number): HTMLElement[] {
  const a = p.annotation;
  return [
    h('header', { class: 'card-head' },
      h('span', { class: `badge badge-kind kind-${a.kind}` }, KIND_LABELS[a.kind]),
      h('span', { class: `badge badge-${p.change === 'changed' ? 'changed' : 'orphaned'}` }, p.change === 'changed' ? 'Reworded' : 'Gone'),
      needsRecheck(a) ? recheckFlag() : null,
    ),
    h('p', { class: 'changed-quote' }, h('span', { class: 'changed-label' }, 'Annotated: '), h('q', { class: 'changed-before' }, excerpt(p.before, chars))),
    p.after === null
      ? h('p', { class: 'changed-quote changed-gone' }, 'No longer in the text.')
      : h('p', { class: 'changed-quote' }, h('span', { class: 'changed-label' }, 'Now: '), h('q', { class: 'changed-after' }, excerpt(p.after, chars))),
  ];
}
