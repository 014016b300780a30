/**
 * A popover anchored to an element of the text (a reused passage, a margin mark), appended to the
 * body: shown after the pointer rests on its anchor, or at once and pinned (a click, a key); hidden
 * soon after pointer and focus left anchor and popover, unless pinned, and by a press anywhere else.
 * It sits below the anchor (above when there is no room below), aligned on the anchor's start or
 * end, inside the window, and is placed again over the next frames, as lines drawn after a scroll
 * move the anchor. Subclasses fill it.
 */
import { h, type Props } from './dom';

/** How a popover behaves: its delays, and which edge of the anchor it lines up with. */
export interface HoverPopoverOptions {
  showAfterMs: number;
  hideAfterMs: number;
  align: 'start' | 'end';
}

/** The shared behaviour of the viewer's popovers. */
export class HoverPopover {
  readonly el: HTMLElement;
  protected anchor: HTMLElement | null = null;
  protected pinned = false;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(props: Props, private readonly options: HoverPopoverOptions) {
    this.el = h('div', { ...props, hidden: true });
    this.el.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.el.addEventListener('mouseleave', () => this.leave());
    document.body.appendChild(this.el);
    document.addEventListener('mousedown', this.onOutside);
  }

  private readonly onOutside = (e: MouseEvent): void => {
    if (this.el.hidden || !(e.target instanceof Node)) return;
    if (this.el.contains(e.target) || this.anchor?.contains(e.target)) return;
    this.hide();
  };

  /** True while it shows. */
  get open(): boolean {
    return !this.el.hidden;
  }

  /** Show it next to `anchor` now (its content already filled); `pinned` keeps it open when pointer and focus leave. */
  protected reveal(anchor: HTMLElement, pinned: boolean): void {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    this.anchor = anchor;
    this.pinned = pinned;
    this.el.hidden = false;
    this.place();
  }

  /** Run `show` after the pointer rested a moment on `anchor`, unless it shows for it already or is pinned open. */
  protected later(anchor: HTMLElement, show: () => void): void {
    clearTimeout(this.hideTimer);
    if (this.open && (this.pinned || this.anchor === anchor)) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(show, this.options.showAfterMs);
  }

  /** Whether it stays when its hide delay is up (a subclass may keep it for focus inside). */
  protected staysOpen(): boolean {
    return false;
  }

  /** The pointer left the anchor or the popover: hide soon, unless pinned or coming back. */
  leave(): void {
    clearTimeout(this.showTimer);
    if (this.pinned) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.staysOpen()) this.hide();
    }, this.options.hideAfterMs);
  }

  /** Move keyboard focus to its first link or button. */
  focusFirst(): void {
    this.el.querySelector<HTMLElement>('a, button')?.focus();
  }

  hide(): void {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    cancelAnimationFrame(this.frame);
    this.el.hidden = true;
    this.pinned = false;
    this.anchor = null;
  }

  destroy(): void {
    this.hide();
    document.removeEventListener('mousedown', this.onOutside);
    this.el.remove();
  }

  private place(): void {
    const put = () => {
      if (!this.anchor || this.el.hidden) return;
      // The first box of a passage that wraps: the popover sits by where it starts.
      const rect = this.anchor.getClientRects()[0] ?? this.anchor.getBoundingClientRect();
      const width = this.el.offsetWidth;
      const edge = this.options.align === 'start' ? rect.left : rect.right - width;
      const left = Math.max(8, Math.min(edge, document.documentElement.clientWidth - width - 8));
      const below = rect.bottom + 6;
      const top = below + this.el.offsetHeight > window.innerHeight && rect.top > this.el.offsetHeight + 12 ? rect.top - this.el.offsetHeight - 6 : below;
      this.el.style.left = `${left + window.scrollX}px`;
      this.el.style.top = `${top + window.scrollY}px`;
    };
    put();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      put();
      this.frame = requestAnimationFrame(put);
    });
  }
}
