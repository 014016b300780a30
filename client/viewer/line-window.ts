/**
 * Which lines of the viewer are near the part of the page the user sees, so only their highlights
 * are drawn: the lines on screen plus a margin of a few screens on each side. Scrolling moves the
 * window once the visible lines come within half a margin of its edge, so small scrolls change
 * nothing and a jump redraws once. Lines are the view's child elements, found by their boxes.
 */

/** Lines kept drawn beyond each edge of the visible ones (at least). */
const MARGIN_LINES = 80;

/** The window of lines near the visible part of a view, reported as it moves. */
export class LineWindow {
  /** Lines drawn before the first layout (the top of the text). */
  static readonly FIRST_LINES = 2 * MARGIN_LINES;
  private first = 0;
  private last = LineWindow.FIRST_LINES;
  private frame = 0;
  private readonly onScroll = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.measure());
  };

  constructor(
    private readonly dom: HTMLElement,
    private readonly lineCount: number,
    private readonly onMove: (first: number, last: number) => void,
  ) {
    // A short text is drawn whole from the start: nothing to follow.
    if (lineCount <= LineWindow.FIRST_LINES) return;
    window.addEventListener('scroll', this.onScroll, { passive: true });
    window.addEventListener('resize', this.onScroll, { passive: true });
    this.onScroll();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    window.removeEventListener('scroll', this.onScroll);
    window.removeEventListener('resize', this.onScroll);
  }

  /** The index of the first line whose bottom is below `y` (viewport coordinates). */
  private lineAt(y: number): number {
    const lines = this.dom.children;
    let lo = 0;
    let hi = Math.min(lines.length, this.lineCount) - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid].getBoundingClientRect().bottom <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private measure(): void {
    this.frame = 0;
    if (!this.dom.isConnected) return;
    const top = this.lineAt(0);
    const bottom = this.lineAt(window.innerHeight);
    const margin = Math.max(MARGIN_LINES, 2 * (bottom - top));
    const nearStart = top < this.first + margin / 2 && this.first > 0;
    const nearEnd = bottom > this.last - margin / 2 && this.last < this.lineCount - 1;
    if (!nearStart && !nearEnd) return;
    this.first = Math.max(0, top - margin);
    this.last = Math.min(this.lineCount - 1, bottom + margin);
    this.onMove(this.first, this.last);
  }
}
