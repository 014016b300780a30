/**
 * A virtual list of annotation cards: of thousands of annotations only the cards near the visible
 * part of the list exist as elements, between two spacers standing for the others. Heights are
 * estimated from an annotation's content until its card has been drawn once, then measured; all
 * measuring happens in one read pass after drawing, so a scroll step costs one layout, not one per
 * card. Cards of unchanged annotations are reused as they are. Whichever scrolls (the sidebar on a
 * wide window, the page on a narrow one), the list draws what shows through the sidebar's box.
 */
import type { Annotation } from '../../core/model';
import { h } from '../ui/dom';

/** How the list makes, names and sizes its cards. */
export interface CardListOptions {
  /** Build the card of `a` (the list adds the list-item role and position). */
  render(a: Annotation): HTMLElement;
  /** A key that changes whenever the card of `a` must be built again. */
  keyOf(a: Annotation): string;
  /** A height in pixels to assume before the card is measured. */
  estimate(a: Annotation): number;
  /** The element whose box clips the list (the sidebar). */
  clip(): HTMLElement;
}

/** Pixels drawn beyond each edge of the visible part, so Tab and small scrolls find cards ready. */
const OVERSCAN = 900;
/** The gap below each card (its CSS margin). */
const GAP = 8;

/** The virtual card list. */
export class CardList {
  readonly el = h('div', { class: 'card-list', role: 'list', 'aria-labelledby': 'annotations-heading' });
  private readonly before = h('div', { class: 'card-spacer', 'aria-hidden': 'true' });
  private readonly after = h('div', { class: 'card-spacer', 'aria-hidden': 'true' });
  private items: readonly Annotation[] = [];
  private index = new Map<string, number>();
  /** offsets[i]: the top of item i in the list; offsets[n] the list's height. */
  private offsets = new Float64Array(1);
  private readonly heights = new Map<string, number>();
  /** Estimates by annotation object: an edit makes a new object, and a new estimate. */
  private readonly estimates = new WeakMap<Annotation, number>();
  private readonly cards = new Map<string, { key: string; el: HTMLElement }>();
  private frame = 0;
  private readonly onScroll = () => this.schedule();

  constructor(private readonly opts: CardListOptions) {
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
  }

  /** Start following the scrolling of the clip element (once it exists). */
  attach(): void {
    this.opts.clip().addEventListener('scroll', this.onScroll, { passive: true });
  }

  /** Show `items` (in order), drawing at once what is visible; `reveal` scrolls that card into view first. */
  setItems(items: readonly Annotation[], reveal?: string | null): void {
    this.items = items;
    this.index = new Map(items.map((a, i) => [a.id, i]));
    for (const id of this.cards.keys()) if (!this.index.has(id)) this.cards.delete(id);
    this.layout();
    // Scrolling before drawing draws once, at the place the card will be seen.
    if (reveal) this.scrollTo(reveal);
    this.draw();
  }

  /** The drawn card of annotation `id`, if it is drawn. */
  cardOf(id: string): HTMLElement | null {
    const card = this.cards.get(id)?.el;
    return card?.isConnected ? card : null;
  }

  /** Scroll the card of `id` into view (nearest edge), draw it and return it; null when not listed. */
  reveal(id: string): HTMLElement | null {
    if (this.index.get(id) === undefined) return null;
    if (this.scrollTo(id) || !this.cardOf(id)) this.draw();
    return this.cardOf(id);
  }

  /** Scroll so that item `id` shows (nearest edge); false when it showed already. */
  private scrollTo(id: string): boolean {
    const i = this.index.get(id);
    if (i === undefined) return false;
    const box = this.opts.clip().getBoundingClientRect();
    const top = this.el.getBoundingClientRect().top + this.offsets[i];
    const bottom = top + this.offsets[i + 1] - this.offsets[i];
    const visibleTop = Math.max(box.top, 0);
    const visibleBottom = Math.min(box.bottom, window.innerHeight);
    let by = 0;
    if (top < visibleTop + 8) by = top - visibleTop - 8;
    else if (bottom > visibleBottom - 8) by = Math.min(bottom - visibleBottom + 8, top - visibleTop - 8);
    if (by === 0) return false;
    this.scroller().scrollBy({ top: by });
    return true;
  }

  /** Measure the drawn cards again (a note was unfolded) and redraw around them. */
  remeasure(): void {
    this.draw();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    this.opts.clip().removeEventListener('scroll', this.onScroll);
  }

  /** The sidebar when it scrolls on its own, else the page. */
  private scroller(): Element {
    const clip = this.opts.clip();
    return clip.scrollHeight > clip.clientHeight + 1 && getComputedStyle(clip).overflowY !== 'visible' ? clip : (document.scrollingElement ?? document.documentElement);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private heightOf(a: Annotation): number {
    const measured = this.heights.get(a.id);
    if (measured !== undefined) return measured;
    let e = this.estimates.get(a);
    if (e === undefined) this.estimates.set(a, (e = this.opts.estimate(a)));
    return e;
  }

  private layout(): void {
    const n = this.items.length;
    const offsets = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + this.heightOf(this.items[i]) + GAP;
    this.offsets = offsets;
  }

  /** The first item whose bottom is below `y` (list coordinates). */
  private itemAt(y: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private draw(): void {
    const n = this.items.length;
    if (n === 0) {
      this.el.replaceChildren();
      return;
    }
    const box = this.opts.clip().getBoundingClientRect();
    const listTop = this.el.getBoundingClientRect().top;
    const viewTop = Math.max(box.top, 0) - listTop;
    const viewBottom = Math.min(box.bottom, window.innerHeight) - listTop;
    const first = Math.min(n - 1, this.itemAt(Math.max(0, viewTop - OVERSCAN)));
    const last = Math.max(first, Math.min(n - 1, this.itemAt(viewBottom + OVERSCAN)));
    // A card rebuilt under keyboard focus (its annotation changed) hands focus to its new element.
    const active = document.activeElement;
    const focusedCard = active instanceof HTMLElement && active.matches('.card') && this.el.contains(active) ? active : null;
    const shown: HTMLElement[] = [];
    for (let i = first; i <= last; i++) {
      const a = this.items[i];
      const key = this.opts.keyOf(a);
      let entry = this.cards.get(a.id);
      if (!entry || entry.key !== key) {
        entry = { key, el: this.opts.render(a) };
        entry.el.setAttribute('role', 'listitem');
        this.cards.set(a.id, entry);
      }
      entry.el.setAttribute('aria-posinset', String(i + 1));
      entry.el.setAttribute('aria-setsize', String(n));
      shown.push(entry.el);
    }
    this.before.style.height = `${this.offsets[first]}px`;
    this.after.style.height = `${this.offsets[n] - this.offsets[last + 1]}px`;
    this.place([this.before, ...shown, this.after]);
    if (focusedCard && !focusedCard.isConnected) this.cardOf(focusedCard.dataset.annotationId ?? '')?.focus({ preventScroll: true });
    this.measure(first, last, viewTop);
  }

  /**
   * Make the list's children `want`, leaving in place the elements that stay: a card that is moved
   * or taken out loses keyboard focus, and focus must stay on the card the user tabbed to.
   */
  private place(want: readonly HTMLElement[]): void {
    const wanted = new Set<Node>(want);
    let cursor = this.el.firstChild;
    for (const node of want) {
      while (cursor && !wanted.has(cursor)) {
        const next = cursor.nextSibling;
        cursor.remove();
        cursor = next;
      }
      if (cursor === node) cursor = cursor.nextSibling;
      else this.el.insertBefore(node, cursor);
    }
    while (cursor) {
      const next = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
  }

  /** Read the drawn cards' heights (one layout) and fold them into the offsets. */
  private measure(first: number, last: number, viewTop: number): void {
    const reads: [string, number][] = [];
    for (let i = first; i <= last; i++) {
      const el = this.cards.get(this.items[i].id)?.el;
      if (el) reads.push([this.items[i].id, el.offsetHeight]);
    }
    // Notes clamped to a few lines get their "more" button once layout shows the clamp hides text.
    const clamps = [...this.el.querySelectorAll<HTMLElement>('p.card-note.is-clamped:not([data-measured])')].map((p) => [p, p.scrollHeight > p.clientHeight + 1] as const);
    for (const [p, hides] of clamps) {
      p.dataset.measured = '';
      const toggle = p.parentElement?.querySelector<HTMLElement>('[data-action="toggle-note"]');
      if (toggle && toggle.hidden === hides) toggle.hidden = !hides;
    }
    let changed = false;
    let shiftAbove = 0;
    const anchor = this.itemAt(Math.max(0, viewTop));
    for (const [id, height] of reads) {
      if (height === 0 || this.heights.get(id) === height) continue;
      const i = this.index.get(id) ?? 0;
      if (i < anchor) shiftAbove += height - this.heightOf(this.items[i]);
      this.heights.set(id, height);
      changed = true;
    }
    if (!changed) return;
    this.layout();
    const last1 = last + 1;
    this.before.style.height = `${this.offsets[first]}px`;
    this.after.style.height = `${this.offsets[this.items.length] - this.offsets[last1]}px`;
    // Cards above the visible ones grew or shrank: keep what the user reads where it was.
    if (shiftAbove !== 0 && viewTop > 0) this.scroller().scrollBy({ top: shiftAbove });
  }
}
