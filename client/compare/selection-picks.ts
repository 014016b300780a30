/**
 * The two selections the compare view links as an inconsistency. The browser keeps one selection at
 * a time, so each selection made inside a column (by mouse or keyboard) is reported as that
 * column's pick; the page keeps the picks in its state, and this bar shows them (and highlights
 * them in the text) until replaced or cleared. A selection across both columns or outside them is
 * ignored.
 */
import { guard } from '../account/denied-control';
import { excerpt } from '../shared/text-excerpt';
import type { TextSpan } from '../shared/trim-range';
import { h } from '../ui/dom';
import { rangeOf, spanOfRange } from './selection-offsets';
import { setHighlight } from './text-highlights';

/** A column the picks are read from. */
export interface PickColumn {
  el: HTMLElement;
  text: string;
}

/** What the bar reports to the page. */
export interface PickHandlers {
  onPick(side: 'a' | 'b', span: TextSpan): void;
  onClear(side: 'a' | 'b'): void;
  onLink(): void;
}

const HIGHLIGHT = 'collate-compare-pick';

/** The pick bar and the selection listener feeding it. */
export class SelectionPicks {
  readonly bar: HTMLElement;
  private readonly slots: Record<'a' | 'b', HTMLElement>;
  private readonly link: HTMLButtonElement;
  private readonly onSelection = () => this.capture();

  constructor(
    private readonly columns: Record<'a' | 'b', PickColumn>,
    private readonly handlers: PickHandlers,
  ) {
    this.slots = { a: h('span', { class: 'pick-slot', 'data-side': 'a' }), b: h('span', { class: 'pick-slot', 'data-side': 'b' }) };
    this.link = guard(h('button', { type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'link-inconsistency', 'aria-keyshortcuts': 'l', disabled: true, onclick: () => handlers.onLink() }, 'Link as inconsistency'), 'annotation.create');
    this.bar = h('div', { class: 'pick-bar', 'aria-live': 'polite' },
      h('span', { class: 'pick-label' }, 'Inconsistency:'),
      this.slots.a,
      this.slots.b,
      this.link,
    );
    document.addEventListener('selectionchange', this.onSelection);
    this.render({ a: null, b: null });
  }

  destroy(): void {
    document.removeEventListener('selectionchange', this.onSelection);
    setHighlight(HIGHLIGHT, []);
  }

  /** Show these picks (and mark them in the text). */
  render(picks: Record<'a' | 'b', TextSpan | null>): void {
    for (const side of ['a', 'b'] as const) {
      const pick = picks[side];
      const label = side === 'a' ? 'left' : 'right';
      this.slots[side].replaceChildren(
        ...[pick
          ? h('span', { class: 'pick-quote', title: pick.exact }, `${side === 'a' ? 'Left' : 'Right'}: “${excerpt(pick.exact, 48)}”`)
          : h('span', { class: 'pick-empty' }, `select text on the ${label}`),
        pick ? h('button', { type: 'button', class: 'pick-clear', 'aria-label': `Clear the ${label} selection`, onclick: () => this.handlers.onClear(side) }, '×') : null,
        ].filter((n): n is HTMLElement => n !== null),
      );
    }
    this.link.disabled = !(picks.a && picks.b);
    const ranges: Range[] = [];
    for (const side of ['a', 'b'] as const) {
      const pick = picks[side];
      const r = pick ? rangeOf(this.columns[side].el, pick.start, pick.end) : null;
      if (r) ranges.push(r);
    }
    setHighlight(HIGHLIGHT, ranges);
  }

  private capture(): void {
    const sel = document.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const range = sel.getRangeAt(0);
    for (const side of ['a', 'b'] as const) {
      const span = spanOfRange(this.columns[side].el, range, this.columns[side].text);
      if (!span || !span.exact.trim()) continue;
      this.handlers.onPick(side, span);
      return;
    }
  }
}
