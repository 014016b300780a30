/**
 * One column of the compare view: the raw text of a source in pre-wrap, as segment spans carrying
 * their start offset (`data-start`) and, for aligned passages, their passage index. Diff marks are
 * nested spans inside passage segments. Text enters only as text nodes; the passage numbers are CSS
 * generated content, so the column's text stays exactly the raw text and offsets stay exact.
 * The user's annotations are nested spans too (`hl …` as in the viewer, with `data-annotation-id`,
 * `data-depth`, a tooltip and the legend's description of their kind), wrapping the diff marks; none of these carries `data-start`, so the
 * offset mapping of selection-offsets.ts, which counts text nodes per segment, is unaffected.
 */
import { h } from '../ui/dom';
import { highlightClass, highlightDescriptionId } from '../shared/highlight-look';
import type { OrientedPassage, Segment } from './alignment-layout';
import { layeredPieces, type ColumnLayer } from './annotation-layers';
import type { DiffMark, DiffRange } from './word-diff';

const MARK_TITLES: Record<'a' | 'b', Record<DiffMark, string>> = {
  a: { removed: 'Not in the right text', inserted: 'Not in the right text', changed: 'Worded differently on the right' },
  b: { removed: 'Not in the left text', inserted: 'Not in the left text', changed: 'Worded differently on the left' },
};

/** What one column shows: its raw text cut into segments, the passages, their diffs and the annotations. */
export interface ColumnContent {
  text: string;
  segments: readonly Segment[];
  passages: readonly OrientedPassage[];
  /** `diffs[i]`: passage i's marked ranges on this side. */
  diffs: readonly (readonly DiffRange[])[];
  layers: readonly ColumnLayer[];
}

/**
 * (Re)fill `column` with `content`: used when the annotations change, so the column element, its
 * scroll position and its observers stay. The text and its offsets are the same every time.
 */
export function fillColumnText(column: HTMLElement, side: 'a' | 'b', content: ColumnContent): void {
  const { text, segments, passages, diffs, layers } = content;
  const children: HTMLElement[] = [];
  for (const seg of segments) {
    const p = seg.passage === null ? null : passages[seg.passage];
    const el = p === null
      ? h('span', { class: 'seg', 'data-start': seg.start })
      : h('span', {
        class: `seg passage${p.boilerplate ? ' passage-boilerplate' : ''}`,
        'data-start': seg.start,
        'data-passage': seg.passage,
        'data-label': String((seg.passage ?? 0) + 1),
      });
    const ranges = seg.passage === null ? [] : diffs[seg.passage] ?? [];
    for (const piece of layeredPieces(seg.start, seg.end, ranges, layers)) {
      const value = text.slice(piece.start, piece.end);
      let node: Node = piece.mark === null ? document.createTextNode(value) : h('span', { class: `diff diff-${piece.mark}`, title: MARK_TITLES[side][piece.mark] }, value);
      // Innermost first: the deepest layer wraps the text, the shallowest is the outer span. Each
      // span's tooltip lists the layers down to it, so the innermost one names them all.
      const titles = piece.layers.map((i) => layers[i].title);
      for (let k = piece.layers.length - 1; k >= 0; k--) {
        const layer = layers[piece.layers[k]];
        const title = titles.slice(0, k + 1).concat(k === piece.layers.length - 1 && piece.mark !== null ? [MARK_TITLES[side][piece.mark]] : []).join('\n');
        node = h('span', { class: highlightClass(layer), 'data-annotation-id': layer.id, 'data-depth': layer.depth, title, 'aria-describedby': highlightDescriptionId(layer) }, node);
      }
      el.append(node);
    }
    children.push(el);
  }
  column.replaceChildren(...children);
}

/** The segment element of passage `index` in a column, if the passage shows there. */
export function passageElement(column: HTMLElement, index: number): HTMLElement | null {
  return column.querySelector<HTMLElement>(`.passage[data-passage="${index}"]`);
}

/** The highlight elements of annotation `id` in a column (one per piece it covers). */
export function annotationElements(column: HTMLElement, id: string): HTMLElement[] {
  return [...column.querySelectorAll<HTMLElement>('[data-annotation-id]')].filter((el) => el.dataset.annotationId === id);
}

/** Mark annotation `id`'s highlights as the active one in `columns` (null clears). */
export function setActiveAnnotation(columns: readonly HTMLElement[], id: string | null): void {
  for (const column of columns) {
    for (const el of column.querySelectorAll('.hl-active')) el.classList.remove('hl-active');
    if (id !== null) for (const el of annotationElements(column, id)) el.classList.add('hl-active');
  }
}

/** Play the flash animation on annotation `id`'s highlights in `column`, restarting it if running. */
export function flashAnnotation(column: HTMLElement, id: string): void {
  const els = annotationElements(column, id);
  for (const el of els) el.classList.remove('hl-pair-flash');
  // Reading the layout between removing and adding the class restarts the animation.
  void column.offsetWidth;
  for (const el of els) el.classList.add('hl-pair-flash');
}
