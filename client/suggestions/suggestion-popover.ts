/**
 * The popover of a margin mark in the viewer: the suggestion as suggestion-view.ts draws it, with
 * Accept and Dismiss, and a link to the inbox narrowed to the source. Resting the pointer on a
 * mark, or moving keyboard focus to it, shows the popover for as long as pointer or focus stay on the
 * mark or the popover; a click, Enter on the mark, or stepping to it with the key pins it open until
 * Escape, a click elsewhere or the next mark. A failed action leaves the buttons usable again (the
 * page says why in the status line).
 */
import type { Suggestion } from '../../core/inconsistency/types';
import { inboxHref } from '../shared/routes';
import { h } from '../ui/dom';
import { suggestionBody, suggestionHead } from './suggestion-view';

/** What the popover asks of the page; each promise tells whether the server took the decision. */
export interface SuggestionPopoverHandlers {
  onAccept(s: Suggestion): Promise<boolean>;
  onDismiss(s: Suggestion): Promise<boolean>;
}

/** Delays that keep the popover from flickering as the pointer crosses the text. */
const SHOW_AFTER_MS = 200;
const HIDE_AFTER_MS = 300;

/** The margin marks' popover, appended to the body once per page. */
export class SuggestionPopover {
  readonly el: HTMLElement;
  private anchor: HTMLElement | null = null;
  /** The mark shown (its key), and whether it is pinned open. */
  private key: string | null = null;
  private pinned = false;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;

  constructor(
    private readonly sourceId: string,
    private readonly titles: ReadonlyMap<string, string>,
    private readonly handlers: SuggestionPopoverHandlers,
  ) {
    this.el = h('div', { class: 'sg-popover', role: 'dialog', 'aria-labelledby': 'sg-popover-category sg-popover-summary', hidden: true });
    this.el.addEventListener('mouseenter', () => clearTimeout(this.hideTimer));
    this.el.addEventListener('mouseleave', () => this.leave());
    this.el.addEventListener('focusout', (e) => {
      if (!(e.relatedTarget instanceof Node && (this.el.contains(e.relatedTarget) || this.anchor?.contains(e.relatedTarget)))) this.leave();
    });
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

  /** The key of the mark shown, when pinned open. */
  get pinnedKey(): string | null {
    return this.open && this.pinned ? this.key : null;
  }

  /** Whether keyboard focus is inside the popover. */
  get hasFocus(): boolean {
    return this.el.contains(document.activeElement);
  }

  /** Show suggestion `s` of mark `key` next to `anchor`; `pinned` keeps it open when pointer and focus leave. */
  show(anchor: HTMLElement, s: Suggestion, key: string, pinned: boolean): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    const same = this.open && this.key === key;
    this.anchor = anchor;
    this.pinned = pinned || (same && this.pinned);
    if (!same) {
      this.key = key;
      this.el.dataset.mark = key;
      this.el.replaceChildren(...this.content(s));
    }
    this.el.hidden = false;
    this.place();
  }

  /** Show after a short rest (pointer or focus on a mark), unless another mark is pinned open. */
  hover(anchor: HTMLElement, s: Suggestion, key: string): void {
    clearTimeout(this.hideTimer);
    if (this.pinned && this.open) return;
    clearTimeout(this.showTimer);
    this.showTimer = setTimeout(() => this.show(anchor, s, key, false), SHOW_AFTER_MS);
  }

  /** Pointer or focus left the mark or the popover: hide soon, unless pinned or coming back. */
  leave(): void {
    clearTimeout(this.showTimer);
    if (this.pinned) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => {
      if (!this.hasFocus && !this.el.matches(':hover') && !(this.anchor && this.anchor === document.activeElement)) this.hide();
    }, HIDE_AFTER_MS);
  }

  /** Move keyboard focus to the first button. */
  focusFirst(): void {
    this.el.querySelector<HTMLElement>('button, a')?.focus();
  }

  hide(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    cancelAnimationFrame(this.frame);
    this.el.hidden = true;
    this.pinned = false;
    this.anchor = null;
    this.key = null;
  }

  destroy(): void {
    this.hide();
    document.removeEventListener('mousedown', this.onOutside);
    this.el.remove();
  }

  private content(s: Suggestion): HTMLElement[] {
    const accept = h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'accept' }, 'Accept');
    const dismiss = h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'dismiss' }, 'Dismiss');
    const act = async (run: () => Promise<boolean>, busy: HTMLButtonElement, label: string) => {
      accept.disabled = dismiss.disabled = true;
      const before = busy.textContent;
      busy.textContent = label;
      // Done: the page hides the popover with the mark. Refused: the buttons work again.
      if (await run()) return;
      accept.disabled = dismiss.disabled = false;
      busy.textContent = before;
    };
    accept.addEventListener('click', () => void act(() => this.handlers.onAccept(s), accept, 'Accepting…'));
    dismiss.addEventListener('click', () => void act(() => this.handlers.onDismiss(s), dismiss, 'Dismissing…'));
    return [
      suggestionHead(s, 'sg-popover'),
      h('div', { class: 'sg-popover-body' }, suggestionBody(s, { titles: this.titles, here: this.sourceId, idBase: 'sg-popover', quoteLength: 180 })),
      h('div', { class: 'card-actions' }, accept, dismiss, h('a', { class: 'sg-inbox-link', href: inboxHref({ source: this.sourceId }) }, 'All suggestions on this source')),
    ];
  }

  /** Place it below the mark (above when there is no room), within the window; again once the page settled after a scroll. */
  private place(): void {
    const put = () => {
      if (!this.anchor || this.el.hidden) return;
      const rect = this.anchor.getBoundingClientRect();
      const width = this.el.offsetWidth;
      const left = Math.max(8, Math.min(rect.right - width, document.documentElement.clientWidth - width - 8));
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
