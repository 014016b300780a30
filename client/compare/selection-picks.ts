/**
 * The two selections the compare view links as an inconsistency. The browser keeps one selection at
 * a time, so each selection made inside a column is remembered as that column's pick (and stays
 * highlighted) until replaced or cleared; a selection across both columns or outside them is ignored.
 */
import { h } from '../ui/dom';
import { excerpt } from '../shared/text-excerpt';
import { rangeOf, spanOfRange, type TextSpan } from './selection-offsets';
import { setHighlight } from './text-highlights';

/** A column the picks are read from. */
export interface PickColumn {
  el: HTMLElement;
  text: string;
}

const HIGHLIGHT = 'collate-compare-pick';

/** The picks of both columns and the bar that shows them. */
export class SelectionPicks {
  readonly picks: Record<'a' | 'b', TextSpan | null> = { a: null, b: null };
  readonly bar: HTMLElement;
  private readonly slots: Record<'a' | 'b', HTMLElement>;
  private readonly onSelection = () => this.capture();

  constructor(
    private readonly columns: Record<'a' | 'b', PickColumn>,
    private readonly linkButton: HTMLButtonElement,
  ) {
    this.slots = { a: h('span', { class: 'pick-slot', 'data-side': 'a' }), b: h('span', { class: 'pick-slot', 'data-side': 'b' }) };
    this.bar = h('div', { class: 'pick-bar', 'aria-live': 'polite' },
      h('span', { class: 'pick-label' }, 'Inconsistency:'),
      this.slots.a,
      this.slots.b,
      linkButton,
    );
    document.addEventListener('selectionchange', this.onSelection);
    this.render();
  }

  /** Forget the pick of `side`, or both. */
  clear(side?: 'a' | 'b'): void {
    if (side === undefined || side === 'a') this.picks.a = null;
    if (side === undefined || side === 'b') this.picks.b = null;
    this.render();
  }

  destroy(): void {
    document.removeEventListener('selectionchange', this.onSelection);
    setHighlight(HIGHLIGHT, []);
  }

  private capture(): void {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    for (const side of ['a', 'b'] as const) {
      const span = spanOfRange(this.columns[side].el, range, this.columns[side].text);
      if (!span || !span.exact.trim()) continue;
      const old = this.picks[side];
      if (old && old.start === span.start && old.end === span.end) return;
      this.picks[side] = span;
      this.render();
      return;
    }
  }

  private render(): void {
    for (const side of ['a', 'b'] as const) {
      const pick = this.picks[side];
      const label = side === 'a' ? 'left' : 'right';
      this.slots[side].replaceChildren(
        ...[pick
          ? h('span', { class: 'pick-quote', title: pick.exact }, `${side === 'a' ? 'Left' : 'Right'}: “${excerpt(pick.exact, 48)}”`)
          : h('span', { class: 'pick-empty' }, `select text on the ${label}`),
        pick ? h('button', { type: 'button', class: 'pick-clear', 'aria-label': `Clear the ${label} selection`, onclick: () => this.clear(side) }, '×') : null,
        ].filter((n): n is HTMLElement => n !== null),
      );
    }
    this.linkButton.disabled = !(this.picks.a && this.picks.b);
    const ranges: Range[] = [];
    for (const side of ['a', 'b'] as const) {
      const pick = this.picks[side];
      const r = pick ? rangeOf(this.columns[side].el, pick.start, pick.end) : null;
      if (r) ranges.push(r);
    }
    setHighlight(HIGHLIGHT, ranges);
  }
}
