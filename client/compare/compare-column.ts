/**
 * One column of the compare view: the raw text of a source in pre-wrap, as segment spans carrying
 * their start offset (`data-start`) and, for aligned passages, their passage index. Diff marks are
 * nested spans inside passage segments. Text enters only as text nodes; the passage numbers are CSS
 * generated content, so the column's text stays exactly the raw text and offsets stay exact.
 */
import { h } from '../ui/dom';
import type { OrientedPassage, Segment } from './alignment-layout';
import { piecesOf, type DiffMark, type DiffRange } from './word-diff';

const MARK_TITLES: Record<'a' | 'b', Record<DiffMark, string>> = {
  a: { removed: 'Not in the right text', inserted: 'Not in the right text', changed: 'Worded differently on the right' },
  b: { removed: 'Not in the left text', inserted: 'Not in the left text', changed: 'Worded differently on the left' },
};

/** Build the text element of side `side` (`a` left, `b` right). `diffs[i]` are passage i's ranges on this side. */
export function renderColumnText(
  side: 'a' | 'b',
  text: string,
  segments: readonly Segment[],
  passages: readonly OrientedPassage[],
  diffs: readonly (readonly DiffRange[])[],
): HTMLElement {
  const column = h('div', { class: `compare-text compare-text-${side}`, 'data-side': side });
  for (const seg of segments) {
    if (seg.passage === null) {
      column.append(h('span', { class: 'seg', 'data-start': seg.start }, text.slice(seg.start, seg.end)));
      continue;
    }
    const p = passages[seg.passage];
    const el = h('span', {
      class: `seg passage${p.boilerplate ? ' passage-boilerplate' : ''}`,
      'data-start': seg.start,
      'data-passage': seg.passage,
      'data-label': String(seg.passage + 1),
    });
    for (const piece of piecesOf(seg.start, seg.end, diffs[seg.passage] ?? [])) {
      const value = text.slice(piece.start, piece.end);
      el.append(piece.mark === null ? document.createTextNode(value) : h('span', { class: `diff diff-${piece.mark}`, title: MARK_TITLES[side][piece.mark] }, value));
    }
    column.append(el);
  }
  return column;
}

/** The segment element of passage `index` in a column, if the passage shows there. */
export function passageElement(column: HTMLElement, index: number): HTMLElement | null {
  return column.querySelector<HTMLElement>(`.passage[data-passage="${index}"]`);
}
