/**
 * One annotation in the sidebar: kind, verdict, claimant, quoted passage, tags, note and set, all as
 * text. Clicking the card (or Enter on it) shows its passage; Edit opens the form; Delete asks first.
 * Targets in other sources and orphaned targets are listed so nothing is silently hidden; a passage
 * a revision reworded shows its old words, and a claim on it asks for its verdict to be re-checked. A card of
 * an annotation the server has not stored yet says "Saving…" and offers no actions. Each card says
 * who changed it last and when, and opens its history; Edit and Delete are dimmed, with the reason,
 * where the signed-in person's role does not allow them.
 */
import type { Annotation } from '../../core/model';
import { KIND_LABELS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { guard } from '../account/denied-control';
import { lastEditLine } from '../history/last-edit';
import { compareHref, sourceHref } from '../shared/routes';
import { excerpt } from '../shared/text-excerpt';
import { changeOf, needsRecheck } from '../shared/target-changes';
import { h } from '../ui/dom';
import { recheckFlag } from '../ui/recheck-flag';

/** What a card needs from the sidebar. */
export interface CardOptions {
  annotation: Annotation;
  sourceId: string;
  focused: boolean;
  /** Not stored yet: shown as saving, without actions. */
  provisional?: boolean;
  /** A delete of it is under way. */
  deleting?: boolean;
  /** Whether its note shows in full (else clamped to a few lines). */
  noteExpanded?: boolean;
  onShow(id: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  onToggleNote?(id: string, expanded: boolean): void;
  /** Extra controls below the card's actions (carrying it to copies). */
  extra?: HTMLElement | null;
  /** Titles of other sources by id. */
  titles?: ReadonlyMap<string, string>;
}

/**
 * The note, clamped to a few lines (CSS) so one long note does not fill the sidebar; a "more" /
 * "less" button appears once layout shows the clamp hides something (the card list measures that
 * with the card heights, in one pass). It is a real button, so Tab reaches it and Enter or Space
 * toggles it without showing the card's passage.
 */
function noteView(note: string, expanded: boolean, onToggle: (expanded: boolean) => void): HTMLElement {
  const text = h('p', { class: `card-note${expanded ? '' : ' is-clamped'}` }, note);
  const toggle = h('button', { type: 'button', class: 'btn-link card-note-toggle', 'data-action': 'toggle-note', 'aria-expanded': String(expanded), hidden: !expanded }, expanded ? 'less' : 'more');
  toggle.addEventListener('click', () => {
    const expand = text.classList.contains('is-clamped');
    text.classList.toggle('is-clamped', !expand);
    toggle.textContent = expand ? 'less' : 'more';
    toggle.setAttribute('aria-expanded', String(expand));
    onToggle(expand);
  });
  return h('div', { class: 'card-note-wrap' }, text, toggle);
}

function targetsView(a: Annotation, sourceId: string, titles?: ReadonlyMap<string, string>): HTMLElement[] {
  const here = a.targets.filter((t) => t.source === sourceId);
  const elsewhere = a.targets.filter((t) => t.source !== sourceId);
  const items: HTMLElement[] = here.flatMap((t): HTMLElement[] => {
    if (t.orphaned) return [h('blockquote', { class: 'card-quote orphaned' }, h('span', { class: 'badge badge-orphaned' }, 'Orphaned'), ' ', excerpt(t.exact))];
    const quote = h('blockquote', { class: 'card-quote' }, excerpt(t.exact));
    // Re-attached to new wording by a revision: the words it was made on stay in view.
    if (changeOf(t) !== 'changed') return [quote];
    return [quote, h('p', { class: 'card-was' }, h('span', { class: 'badge badge-changed' }, 'Reworded'), ' was ', h('q', {}, excerpt(t.changedFrom?.exact ?? '', 120)))];
  });
  if (elsewhere.length > 0) {
    items.push(
      h('ul', { class: 'card-elsewhere', 'aria-label': 'Passages in other sources' },
        elsewhere.map((t) =>
          h('li', {},
            h('a', { href: sourceHref(t.source), class: 'card-source-link' }, titles?.get(t.source) ?? t.source),
            t.orphaned ? h('span', { class: 'badge badge-orphaned' }, 'Orphaned') : null,
            ': ',
            h('q', {}, excerpt(t.exact, 100)),
            // Side by side with this source, on this annotation's passage here when it has one.
            here[0] && !here[0].orphaned && !t.orphaned
              ? [' ', h('a', { class: 'card-compare', 'data-action': 'compare', href: compareHref(sourceId, t.source, { source: sourceId, start: here[0].start, end: here[0].end }) }, 'compare')]
              : null,
          ),
        ),
      ),
    );
  }
  return items;
}

/** Build the card element (an `article` with `data-annotation-id`). */
export function annotationCard(opts: CardOptions): HTMLElement {
  const a = opts.annotation;
  const verdict = a.kind === 'claim' ? a.claim?.verdict ?? 'unverified' : undefined;
  const actions = h('div', { class: 'card-actions' });
  const card = h('article', {
    class: `card card-${a.kind}${verdict ? ' verdict-' + verdict : ''}${opts.focused ? ' focused' : ''}${opts.provisional ? ' card-provisional' : ''}`,
    'aria-busy': opts.provisional ? 'true' : null,
    'data-annotation-id': a.id,
    'data-revision': a.revision,
    tabindex: 0,
    'aria-label': `${KIND_LABELS[a.kind]}${verdict ? ', ' + VERDICT_LABELS[verdict] : ''}: ${excerpt(a.targets[0]?.exact ?? '', 60)}`,
  },
    h('header', { class: 'card-head' },
      h('span', { class: `badge badge-kind kind-${a.kind}` }, KIND_LABELS[a.kind]),
      verdict ? h('span', { class: `badge badge-verdict verdict-${verdict}` }, VERDICT_LABELS[verdict]) : null,
      a.claim?.claimant ? h('span', { class: 'card-claimant' }, a.claim.claimant) : null,
      h('span', { class: 'card-set', title: 'Annotation set' }, a.set),
      needsRecheck(a) ? recheckFlag() : null,
    ),
    targetsView(a, opts.sourceId, opts.titles),
    a.note ? noteView(a.note, opts.noteExpanded ?? false, (expanded) => opts.onToggleNote?.(a.id, expanded)) : null,
    a.claim && a.claim.evidence.length > 0
      ? h('ul', { class: 'card-evidence', 'aria-label': 'Evidence' },
          a.claim.evidence.map((e) => h('li', {}, /^https?:\/\//i.test(e) ? h('a', { href: e, target: '_blank', rel: 'noopener noreferrer' }, e) : e)))
      : null,
    a.tags.length > 0 ? h('ul', { class: 'card-tags', 'aria-label': 'Tags' }, a.tags.map((t) => h('li', { class: 'tag' }, t))) : null,
    opts.provisional ? null : lastEditLine(a),
    actions,
    opts.provisional ? null : opts.extra ?? null,
  );

  const showActions = () =>
    actions.replaceChildren(
      guard(h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'edit', onclick: () => opts.onEdit(a.id) }, 'Edit'), 'annotation.edit', a.creator),
      guard(h('button', { type: 'button', class: 'btn btn-small btn-danger-quiet', 'data-action': 'delete', onclick: () => confirmDelete() }, 'Delete'), 'annotation.delete', a.creator),
    );
  const confirmDelete = () => {
    const yes = h('button', { type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'confirm-delete', onclick: () => opts.onDelete(a.id) }, 'Delete');
    const no = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'cancel-delete', onclick: () => { showActions(); card.focus(); } }, 'Keep');
    actions.replaceChildren(h('span', { class: 'confirm-text', role: 'alert' }, 'Delete this annotation?'), yes, no);
    no.focus();
  };
  if (opts.provisional) actions.replaceChildren(h('span', { class: 'card-saving' }, 'Saving…'));
  else if (opts.deleting) actions.replaceChildren(h('span', { class: 'card-saving' }, 'Deleting…'));
  else showActions();

  card.addEventListener('click', (e) => {
    if (opts.provisional || (e.target instanceof Element && e.target.closest('button, a'))) return;
    opts.onShow(a.id);
  });
  card.addEventListener('keydown', (e) => {
    if (e.target !== card || opts.provisional) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      opts.onShow(a.id);
    } else if (e.key === 'Escape' && actions.querySelector('[data-action="confirm-delete"]')) {
      showActions();
    }
  });
  actions.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && actions.querySelector('[data-action="confirm-delete"]')) {
      e.stopPropagation();
      showActions();
      card.focus();
    }
  });
  return card;
}
