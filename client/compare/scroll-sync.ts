/**
 * Keeps the two scrolling columns of the compare view in step: scrolling one scrolls the other so
 * that the text level with a reading line (near a third down the panes) corresponds on both sides, using
 * the anchors of scroll-map.ts measured from the passage elements. Programmatic scrolls it makes
 * are recognised and not echoed back.
 */
import { mapPosition, monotoneAnchors, type Anchor } from './scroll-map';

/** Where, as a fraction of the pane height, corresponding text is kept level. */
export const READING_LINE = 0.3;

/** Pixel positions of passage i's top and bottom in each pane's content; null where it does not show. */
export type PassageBoxes = ({ a: { top: number; bottom: number }; b: { top: number; bottom: number } } | null)[];

/** Measure the box of `el` in the content coordinates of its scrolling `pane`. */
export function boxIn(pane: HTMLElement, el: HTMLElement): { top: number; bottom: number } {
  const paneTop = pane.getBoundingClientRect().top - pane.scrollTop;
  const r = el.getBoundingClientRect();
  return { top: r.top - paneTop, bottom: r.bottom - paneTop };
}

/** Two panes scrolled together. */
export class ScrollSync {
  private anchors: Anchor[] = [];
  private expected: Record<'a' | 'b', number> = { a: NaN, b: NaN };
  private readonly onA = () => this.follow('a');
  private readonly onB = () => this.follow('b');

  constructor(
    private readonly paneA: HTMLElement,
    private readonly paneB: HTMLElement,
    private readonly measure: () => PassageBoxes,
    private readonly onScrolled: (side: 'a' | 'b', line: number) => void = () => {},
  ) {
    paneA.addEventListener('scroll', this.onA, { passive: true });
    paneB.addEventListener('scroll', this.onB, { passive: true });
    this.refresh();
  }

  /** Re-measure the anchors (after a resize or a re-render). */
  refresh(): void {
    const pairs: Anchor[] = [];
    for (const box of this.measure()) {
      if (!box) continue;
      pairs.push({ a: box.a.top, b: box.b.top }, { a: box.a.bottom, b: box.b.bottom });
    }
    this.anchors = monotoneAnchors(pairs, this.paneA.scrollHeight, this.paneB.scrollHeight);
  }

  /** Scroll both panes so their content positions `yA` and `yB` sit on the reading line. */
  scrollBothTo(yA: number, yB: number): void {
    this.set('a', yA - this.lineOffset('a'));
    this.set('b', yB - this.lineOffset('b'));
  }

  /** Scroll pane `side` alone to `top` (clamped) without the other pane following. */
  scrollPane(side: 'a' | 'b', top: number): void {
    this.set(side, top);
  }

  /**
   * Distance from the top of pane `side`'s viewport to the reading line. The line is one height
   * on screen for both panes, so panes whose headers differ in height still show matches level.
   */
  lineOffset(side: 'a' | 'b'): number {
    const ra = this.paneA.getBoundingClientRect();
    const rb = this.paneB.getBoundingClientRect();
    const line = Math.max(ra.top, rb.top) + Math.min(this.paneA.clientHeight, this.paneB.clientHeight) * READING_LINE;
    return line - (side === 'a' ? ra.top : rb.top);
  }

  destroy(): void {
    this.paneA.removeEventListener('scroll', this.onA);
    this.paneB.removeEventListener('scroll', this.onB);
  }

  private pane(side: 'a' | 'b'): HTMLElement {
    return side === 'a' ? this.paneA : this.paneB;
  }

  private set(side: 'a' | 'b', top: number): void {
    const pane = this.pane(side);
    const max = pane.scrollHeight - pane.clientHeight;
    const value = Math.round(Math.max(0, Math.min(max, top)));
    if (Math.abs(pane.scrollTop - value) < 1) return;
    this.expected[side] = value;
    pane.scrollTop = value;
  }

  private follow(from: 'a' | 'b'): void {
    const pane = this.pane(from);
    // Our own scroll arriving: do not bounce it back to the other pane.
    const line = pane.scrollTop + this.lineOffset(from);
    if (Math.abs(pane.scrollTop - this.expected[from]) < 1.5) {
      this.expected[from] = NaN;
      this.onScrolled(from, line);
      return;
    }
    this.expected[from] = NaN;
    const to = from === 'a' ? 'b' : 'a';
    this.set(to, mapPosition(this.anchors, line, from) - this.lineOffset(to));
    this.onScrolled(from, line);
  }
}
