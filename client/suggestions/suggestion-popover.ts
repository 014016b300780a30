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
import { decisionButtons } from '../ui/decision-buttons';
import { HoverPopover } from '../ui/hover-popover';
import { suggestionBody, suggestionHead } from './suggestion-view';
import { guard } from '../account/denied-control';

/** What the popover asks of the page; each promise tells whether the server took the decision. */
export interface SuggestionPopoverHandlers {
  onAccept(s: Suggestion): Promise<boolean>;
  onDismiss(s: Suggestion): Promise<boolean>;
}

/** The margin marks' popover, appended to the body once per page. */
export class SuggestionPopover extends HoverPopover {
  /** The mark shown (its key). */
  private key: string | null = null;

  constructor(
    private readonly sourceId: string,
    private readonly titles: ReadonlyMap<string, string>,
    private readonly handlers: SuggestionPopoverHandlers,
  ) {
    // Delays keep it from flickering as the pointer crosses the text.
    super({ class: 'sg-popover', role: 'dialog', 'aria-labelledby': 'sg-popover-category sg-popover-summary' }, { showAfterMs: 200, hideAfterMs: 300, align: 'end' });
    this.el.addEventListener('focusout', (e) => {
      if (!(e.relatedTarget instanceof Node && (this.el.contains(e.relatedTarget) || this.anchor?.contains(e.relatedTarget)))) this.leave();
    });
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
    const same = this.open && this.key === key;
    if (!same) {
      this.key = key;
      this.el.dataset.mark = key;
      this.el.replaceChildren(...this.content(s));
    }
    this.reveal(anchor, pinned || (same && this.pinned));
  }

  /** Show after a short rest (pointer or focus on a mark), unless another mark is pinned open. */
  hover(anchor: HTMLElement, s: Suggestion, key: string): void {
    this.later(anchor, () => this.show(anchor, s, key, false));
  }

  /** Pointer and focus both gone, or it stays. */
  protected staysOpen(): boolean {
    return this.hasFocus || this.el.matches(':hover') || (this.anchor !== null && this.anchor === document.activeElement);
  }

  hide(): void {
    super.hide();
    this.key = null;
  }

  private content(s: Suggestion): HTMLElement[] {
    const buttons = decisionButtons([
      { label: 'Accept', busyLabel: 'Accepting…', action: 'accept', primary: true, run: () => this.handlers.onAccept(s) },
      { label: 'Dismiss', busyLabel: 'Dismissing…', action: 'dismiss', run: () => this.handlers.onDismiss(s) },
    ]);
    for (const b of buttons) guard(b, 'suggestion.decide');
    return [
      suggestionHead(s, 'sg-popover'),
      h('div', { class: 'sg-popover-body' }, suggestionBody(s, { titles: this.titles, here: this.sourceId, idBase: 'sg-popover', quoteLength: 180 })),
      h('div', { class: 'card-actions' }, buttons, h('a', { class: 'sg-inbox-link', href: inboxHref({ source: this.sourceId }) }, 'All suggestions on this source')),
    ];
  }
}
