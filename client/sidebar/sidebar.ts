/**
 * The viewer's sidebar: the annotation form's slot, a docked slot above (the inconsistency draft),
 * the user's own annotations (heading, filters, cards in text order), then the sections below
 * (suggestions, duplicate coverage), which a link in the heading reaches at once however long the
 * list is. It draws what the page gives it and reports what the user asks for; the cards are a
 * virtual list, so a source with thousands of annotations draws as fast as one with ten.
 */
import type { Annotation } from '../../core/model';
import { h } from '../ui/dom';
import { annotationCard } from './annotation-card';
import { CardList } from './card-list';
import { isEmptyFilter, type AnnotationFilter } from './filter-annotations';
import { filterBar, type FilterBar } from './filter-bar';

/** What the sidebar reports to the page. */
export interface SidebarHandlers {
  onShow(id: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  onFilter(filter: AnnotationFilter): void;
  /** Extra controls at the foot of a card (carrying it to copies), or null. */
  cardExtra?(a: Annotation): HTMLElement | null;
  /** Titles of other sources, to name them on linked passages (ids serve without it). */
  titles?: ReadonlyMap<string, string>;
}

/** What the sidebar shows. */
export interface SidebarView {
  /** The annotations passing scope and filter, in text order. */
  shown: readonly Annotation[];
  /** How many are in scope before the filter. */
  total: number;
  filter: AnnotationFilter;
  /** Tags in use in scope, for the tag filter. */
  tags: readonly string[];
  provisional: ReadonlySet<string>;
  deleting: ReadonlySet<string>;
  focused: string | null;
  /** Changes when the cards' extras (carry buttons) may change. */
  extrasVersion: number;
}

/** Rough card heights before a card was measured: enough for the scrollbar to be about right. */
function estimateHeight(a: Annotation): number {
  const quote = Math.min(a.targets[0]?.exact.length ?? 0, 220);
  const noteLines = a.note ? Math.min(4, Math.ceil(a.note.length / 50) + (a.note.match(/\n/g)?.length ?? 0)) : 0;
  return 98 + Math.ceil(quote / 48) * 20 + noteLines * 20 + (a.tags.length ? 24 : 0) + (a.claim?.evidence.length ?? 0) * 19 + (a.targets.length - 1) * 22;
}

/** The sidebar of one source. */
export class Sidebar {
  readonly el: HTMLElement;
  readonly formSlot = h('div', { class: 'form-slot' });
  /** Docked above the annotations (the inconsistency draft). */
  readonly before = h('div', { class: 'sidebar-before' });
  /** Sections below the annotations. */
  readonly after = h('div', { class: 'sidebar-after', id: 'sidebar-more' });
  private readonly heading = h('h2', { class: 'sidebar-title', id: 'annotations-heading' }, 'Annotations');
  private readonly jump = h('a', { class: 'sidebar-jump', href: '#sidebar-more', hidden: true });
  private readonly empty = h('div', { class: 'card-list-empty' });
  private readonly filters: FilterBar;
  private readonly list: CardList;
  private view: SidebarView | null = null;
  private readonly expanded = new Set<string>();

  constructor(
    private readonly sourceId: string,
    private readonly handlers: SidebarHandlers,
  ) {
    this.filters = filterBar((f) => handlers.onFilter(f));
    // A hash link would navigate away from the source: the jump scrolls instead.
    this.jump.addEventListener('click', (e) => {
      e.preventDefault();
      this.after.scrollIntoView({ block: 'start' });
      this.after.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
    });
    this.list = new CardList({
      render: (a) => this.card(a),
      keyOf: (a) => `${a.revision}:${this.view?.provisional.has(a.id) ? 'p' : ''}:${this.view?.deleting.has(a.id) ? 'd' : ''}:${this.view?.extrasVersion ?? 0}`,
      estimate: estimateHeight,
      clip: () => this.el,
    });
    this.el = h('aside', { class: 'sidebar', 'aria-label': 'Annotations of this source' },
      this.formSlot,
      this.before,
      h('div', { class: 'sidebar-head' }, this.heading, this.jump),
      this.filters.el,
      this.empty,
      this.list.el,
      this.after,
    );
    this.empty.replaceChildren(h('p', { class: 'loading' }, 'Loading annotations…'));
  }

  /** Start following scrolling (once the sidebar is in the page). */
  attach(): void {
    this.list.attach();
  }

  /** Say what the sections below hold ("Suggestions (3)"), as the heading's jump link; null hides it. */
  setJump(label: string | null): void {
    this.jump.hidden = label === null;
    this.jump.textContent = label === null ? '' : `${label} ↓`;
  }

  /** Draw `view`: heading counts, filters, cards; `reveal` scrolls to that card (before drawing, so once). */
  render(view: SidebarView, reveal?: string | null): void {
    const prev = this.view;
    this.view = view;
    const { shown, total } = view;
    this.heading.textContent = shown.length === total ? `Annotations (${total})` : `Annotations (${shown.length} of ${total})`;
    if (!prev || prev.tags !== view.tags) this.filters.setOptions(view.tags);
    this.filters.set(view.filter);
    if (total === 0) this.empty.replaceChildren(h('p', { class: 'empty' }, 'No annotations yet. Select a passage in the text to make a claim or a note.'));
    else if (shown.length === 0) {
      this.empty.replaceChildren(
        h('p', { class: 'empty' }, 'No annotation matches the filter. ', h('button', { type: 'button', class: 'btn-link', onclick: () => this.filters.reset() }, 'Clear filters')),
      );
    } else this.empty.replaceChildren();
    if (!prev || prev.shown !== view.shown || prev.provisional !== view.provisional || prev.deleting !== view.deleting || prev.extrasVersion !== view.extrasVersion) {
      this.list.setItems(shown, reveal);
    }
    if (!prev || prev.focused !== view.focused) this.markFocused(view.focused);
  }

  /** Scroll the card of `id` into view and (unless `focus` is false) move keyboard focus to it; false when it is not listed. */
  reveal(id: string, focus = true): boolean {
    const card = this.list.reveal(id);
    if (focus) card?.focus({ preventScroll: true });
    return !!card;
  }

  /** Whether the filter narrows the list now. */
  get filtered(): boolean {
    return !!this.view && !isEmptyFilter(this.view.filter);
  }

  /** Put a form in the form slot (replacing any other) and focus its first field. */
  openForm(form: { el: HTMLElement; focusFirst(): void }): void {
    this.formSlot.replaceChildren(form.el);
    this.formSlot.scrollIntoView({ block: 'nearest' });
    form.focusFirst();
  }

  /** Remove the form. */
  closeForm(): void {
    this.formSlot.replaceChildren();
  }

  destroy(): void {
    this.list.destroy();
  }

  private markFocused(id: string | null): void {
    for (const card of this.list.el.querySelectorAll<HTMLElement>('.card.focused')) card.classList.remove('focused');
    if (id) this.list.cardOf(id)?.classList.add('focused');
  }

  private card(a: Annotation): HTMLElement {
    const view = this.view;
    return annotationCard({
      annotation: a,
      sourceId: this.sourceId,
      focused: view?.focused === a.id,
      provisional: view?.provisional.has(a.id),
      deleting: view?.deleting.has(a.id),
      noteExpanded: this.expanded.has(a.id),
      onShow: (id) => this.handlers.onShow(id),
      onEdit: (id) => this.handlers.onEdit(id),
      onDelete: (id) => this.handlers.onDelete(id),
      onToggleNote: (id, expanded) => {
        if (expanded) this.expanded.add(id);
        else this.expanded.delete(id);
        this.list.remeasure();
      },
      extra: this.handlers.cardExtra?.(a) ?? null,
      titles: this.handlers.titles,
    });
  }
}
