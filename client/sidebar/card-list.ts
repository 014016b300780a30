/**
 * A virtual list of annotation cards: of thousands of annotations only the cards near the visible
 * part of the list exist as elements, between two spacers standing for the others. Heights are
 * estimated from an annotation's content until its card has been drawn once, then measured; all
 * measuring happens in one read pass in the next animation frame (where the browser lays the page
 * out anyway), so neither a scroll step nor a change of the list forces a layout of its own. Cards
 * of unchanged annotations are reused as they are. Whichever scrolls (the sidebar on a wide window,
 * the page on a narrow one), the list draws what shows through the sidebar's box.
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
  /** Item positions by id, made when first needed after the items changed. */
  private indexCache: Map<string, number> | null = null;
  /** offsets[i]: the top of item i in the list; offsets[n] the list's height. */
  private offsets = new Float64Array(1);
  private readonly heights = new Map<string, number>();
  /** Estimates by annotation object: an edit makes a new object, and a new estimate. */
  private readonly estimates = new WeakMap<Annotation, number>();
  private readonly cards = new Map<string, { key: string; el: HTMLElement }>();
  private frame = 0;
  private afterPaint = 0;
  /** Where the clip and the list were on screen when last read (viewport pixels), and what scrolls. */
  private geom: { clipTop: number; clipBottom: number; listTop: number; scroller: Element } | null = null;
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
    this.indexCache = null;
    // Cards of annotations no longer listed are dropped, so the cache stays the size of the window.
    if (this.cards.size > 4 * 64) for (const id of this.cards.keys()) if (!this.index.has(id)) this.cards.delete(id);
    this.layout();
    // Scrolling before drawing draws once, at the place the card will be seen.
    if (reveal) this.scrollTo(reveal);
    this.draw();
    this.measureAfterPaint();
  }

  private get index(): Map<string, number> {
    return (this.indexCache ??= new Map(this.items.map((a, i) => [a.id, i])));
  }

  /** The position of item `id`, or -1; without building the index for one look-up. */
  private indexOf(id: string): number {
    return this.indexCache ? this.indexCache.get(id) ?? -1 : this.items.findIndex((a) => a.id === id);
  }

  /** The drawn card of annotation `id`, if it is drawn. */
  cardOf(id: string): HTMLElement | null {
    const card = this.cards.get(id)?.el;
    return card?.isConnected ? card : null;
  }

  /** Scroll the card of `id` into view (nearest edge), draw it and return it; null when not listed. */
  reveal(id: string): HTMLElement | null {
    if (this.indexOf(id) < 0) return null;
    if (this.scrollTo(id) || !this.cardOf(id)) {
      this.draw();
      this.measureAfterPaint();
    }
    return this.cardOf(id);
  }

  /** Scroll so that item `id` shows (nearest edge); false when it showed already. */
  private scrollTo(id: string): boolean {
    const i = this.indexOf(id);
    if (i < 0) return false;
    const g = this.geometry();
    const top = g.listTop + this.offsets[i];
    const bottom = top + this.offsets[i + 1] - this.offsets[i];
    const visibleTop = Math.max(g.clipTop, 0);
    const visibleBottom = Math.min(g.clipBottom, window.innerHeight);
    let by = 0;
    if (top < visibleTop + 8) by = top - visibleTop - 8;
    else if (bottom > visibleBottom - 8) by = Math.min(bottom - visibleBottom + 8, top - visibleTop - 8);
    if (by === 0) return false;
    g.scroller.scrollBy({ top: by });
    // Known without reading the layout again: the list moved up by what was scrolled (and the
    // sidebar's box with it when the page scrolls).
    g.listTop -= by;
    if (g.scroller !== this.opts.clip()) {
      g.clipTop -= by;
      g.clipBottom -= by;
    }
    return true;
  }

  /** Measure the drawn cards again (a note was unfolded) and redraw around them. */
  remeasure(): void {
    this.geom = null;
    this.draw();
    this.measure();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.afterPaint);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
    this.opts.clip().removeEventListener('scroll', this.onScroll);
  }

  /** The sidebar when it scrolls on its own, else the page. */
  private scroller(): Element {
    const clip = this.opts.clip();
    return clip.scrollHeight > clip.clientHeight + 1 && getComputedStyle(clip).overflowY !== 'visible' ? clip : (document.scrollingElement ?? document.documentElement);
  }

  /** The geometry last read, read now when there is none. */
  private geometry(): NonNullable<CardList['geom']> {
    if (!this.geom) {
      const box = this.opts.clip().getBoundingClientRect();
      this.geom = { clipTop: box.top, clipBottom: box.bottom, listTop: this.el.getBoundingClientRect().top, scroller: this.scroller() };
    }
    return this.geom;
  }

  /**
   * Once the frame showing a change is painted: measure what was drawn (heights, clamped notes) and
   * draw again if that moves anything. Kept out of that frame, so a new card shows without waiting
   * for its siblings to be measured.
   */
  private measureAfterPaint(): void {
    if (this.frame || this.afterPaint) return;
    this.afterPaint = requestAnimationFrame(() => {
      this.afterPaint = 0;
      setTimeout(() => {
        if (this.frame) return;
        this.geom = null;
        this.draw();
        this.measure();
      }, 0);
    });
  }

  /** In the next frame: read where things are, draw what shows there, and measure it. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.geom = null;
      this.draw();
      this.measure();
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
    const g = this.geometry();
    const viewTop = Math.max(g.clipTop, 0) - g.listTop;
    const viewBottom = Math.min(g.clipBottom, window.innerHeight) - g.listTop;
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
    this.drawn = { first, last, viewTop };
  }

  /** The items drawn last, and the top of the visible part then (list pixels). */
  private drawn = { first: 0, last: -1, viewTop: 0 };

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
  private measure(): void {
    const { first, last, viewTop } = this.drawn;
    const reads: [number, number][] = [];
    for (let i = first; i <= last && i < this.items.length; i++) {
      const el = this.cards.get(this.items[i].id)?.el;
      if (el) reads.push([i, el.offsetHeight]);
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
    for (const [i, height] of reads) {
      const { id } = this.items[i];
      if (height === 0 || this.heights.get(id) === height) continue;
      if (i < anchor) shiftAbove += height - this.heightOf(this.items[i]);
      this.heights.set(id, height);
      changed = true;
    }
    if (!changed) return;
    this.layout();
    this.before.style.height = `${this.offsets[first]}px`;
    this.after.style.height = `${this.offsets[this.items.length] - this.offsets[last + 1]}px`;
    // Cards above the visible ones grew or shrank: keep what the user reads where it was.
    if (shiftAbove !== 0 && viewTop > 0) this.geometry().scroller.scrollBy({ top: shiftAbove });
    // Measured heights may show more (or fewer) cards: draw again, now with the real heights, and
    // measure the cards that drawing added in the next frame.
    this.geom = null;
    this.draw();
    const { first: f, last: l } = this.drawn;
    for (let i = f; i <= l; i++) {
      if (!this.heights.has(this.items[i].id)) {
        this.schedule();
        break;
      }
    }
  }
}
