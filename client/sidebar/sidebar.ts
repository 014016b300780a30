/**
 * The viewer's sidebar: a slot for the annotation form, the filter bar, and the annotation cards of
 * the open source in text order, with slots above and below the cards for other sections
 * (suggestions, duplicate coverage). It renders what the page gives it and reports user intent back.
 */
import type { Annotation } from '../../core/model';
import { sortInTextOrder } from '../shared/annotation-spans';
import { h } from '../ui/dom';
import { annotationCard } from './annotation-card';
import type { AnnotationForm } from './annotation-form';
import { collectTags, filterAnnotations, isEmptyFilter, NO_FILTER, type AnnotationFilter } from './filter-annotations';
import { filterBar, type FilterBar } from './filter-bar';

/** What the sidebar reports to the page. */
export interface SidebarHandlers {
  onShow(id: string): void;
  onEdit(a: Annotation): void;
  onDelete(a: Annotation): Promise<void>;
  /** Extra controls at the foot of a card (e.g. carrying it to copies), or null. */
  cardExtra?(a: Annotation): HTMLElement | null;
  /** Titles of other sources, to name them on linked passages (ids serve without it). */
  titles?: ReadonlyMap<string, string>;
}

/** The sidebar of one source. */
export class Sidebar {
  readonly el: HTMLElement;
  private readonly formSlot = h('div', { class: 'form-slot' });
  /** Sections shown above the annotations. */
  readonly before = h('div', { class: 'sidebar-before' });
  /** Sections shown below the annotations. */
  readonly after = h('div', { class: 'sidebar-after' });
  private readonly heading = h('h2', { class: 'sidebar-title', id: 'annotations-heading' }, 'Annotations');
  private readonly list = h('div', { class: 'card-list', role: 'list', 'aria-labelledby': 'annotations-heading' });
  private readonly filters: FilterBar;
  private filter: AnnotationFilter = NO_FILTER;
  private annotations: readonly Annotation[] = [];
  private focused: string | null = null;
  private form: AnnotationForm | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly handlers: SidebarHandlers,
  ) {
    this.filters = filterBar((f) => {
      this.filter = f;
      this.renderList();
    });
    this.el = h('aside', { class: 'sidebar', 'aria-label': 'Annotations of this source' },
      this.formSlot,
      this.before,
      h('div', { class: 'sidebar-head' }, this.heading),
      this.filters.el,
      this.list,
      this.after,
    );
    this.list.replaceChildren(h('p', { class: 'loading' }, 'Loading annotations…'));
  }

  /** Show these annotations (any order: sorted here) and the sets known for the set filter. */
  update(annotations: readonly Annotation[], sets: readonly string[]): void {
    this.annotations = sortInTextOrder(annotations, this.sourceId);
    this.filters.setOptions(collectTags(annotations), sets);
    this.filter = this.filters.value();
    this.renderList();
  }

  /** Mark a card as focused; with `reveal`, scroll it into view and move keyboard focus to it. */
  setFocused(id: string | null, reveal = false): void {
    this.focused = id;
    for (const card of this.list.querySelectorAll<HTMLElement>('.card')) {
      card.classList.toggle('focused', card.dataset.annotationId === id);
    }
    if (reveal && id) {
      let card = this.cardOf(id);
      if (!card && !isEmptyFilter(this.filter)) {
        // The clicked highlight is filtered out of the list: clear the filter rather than hide it.
        this.filters.reset();
        card = this.cardOf(id);
      }
      card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      card?.focus({ preventScroll: true });
    }
  }

  private cardOf(id: string): HTMLElement | null {
    return this.list.querySelector<HTMLElement>(`.card[data-annotation-id="${CSS.escape(id)}"]`);
  }

  /** Put a form in the form slot (replacing any other) and focus its first field. */
  openForm(form: AnnotationForm): void {
    this.form = form;
    this.formSlot.replaceChildren(form.el);
    this.formSlot.scrollIntoView({ block: 'nearest' });
    form.focusFirst();
  }

  /** The open form, if any. */
  get openedForm(): AnnotationForm | null {
    return this.form;
  }

  /** Remove the form. */
  closeForm(): void {
    this.form = null;
    this.formSlot.replaceChildren();
  }

  private renderList(): void {
    const shown = filterAnnotations(this.annotations, this.filter);
    const total = this.annotations.length;
    this.heading.textContent = shown.length === total ? `Annotations (${total})` : `Annotations (${shown.length} of ${total})`;
    if (total === 0) {
      this.list.replaceChildren(h('p', { class: 'empty' }, 'No annotations yet. Select a passage in the text to make a claim or a note.'));
      return;
    }
    if (shown.length === 0) {
      this.list.replaceChildren(
        h('p', { class: 'empty' }, 'No annotation matches the filter. ',
          h('button', { type: 'button', class: 'btn-link', onclick: () => this.filters.reset() }, 'Clear filters')),
      );
      return;
    }
    this.list.replaceChildren(
      ...shown.map((a) => {
        const card = annotationCard({
          annotation: a,
          sourceId: this.sourceId,
          focused: a.id === this.focused,
          onShow: (id) => this.handlers.onShow(id),
          onEdit: (x) => this.handlers.onEdit(x),
          onDelete: (x) => this.handlers.onDelete(x),
          extra: this.handlers.cardExtra?.(a) ?? null,
          titles: this.handlers.titles,
        });
        card.setAttribute('role', 'listitem');
        return card;
      }),
    );
  }
}
