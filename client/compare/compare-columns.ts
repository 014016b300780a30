/**
 * The two text columns of the compare view with what moves them: the passage list beside them, the
 * scroll sync keeping corresponding passages level, jumps to a passage, bringing an annotation's
 * counterpart level with the clicked highlight, the focus span of a `?focus=` link, and keyboard
 * selection in a column (as a SelectableText). The page tells it what to draw; it tells the page
 * which passage is at the reading line and which highlight was clicked.
 */
import type { Annotation } from '../../core/model';
import type { OffsetRange } from '../shared/trim-range';
import { h } from '../ui/dom';
import type { SelectableText } from '../ui/keyboard-selection';
import { passageAt, type CompareLayout } from './alignment-layout';
import { columnLayers, counterpartIn } from './annotation-layers';
import { fillColumnText, flashAnnotation, passageElement, setActiveAnnotation, type ColumnContent } from './compare-column';
import type { CompareData } from './compare-state';
import type { CompareFocus } from '../shared/routes';
import { passageList, type PassageList, type PassageListText } from './passage-list';
import { boxIn, ScrollSync, type PassageBoxes } from './scroll-sync';
import { offsetAt, rangeOf, spanOfRange } from './selection-offsets';
import { setHighlight } from './text-highlights';

const FOCUS_HIGHLIGHT = 'collate-compare-focus';

/** What the columns report to the page. */
export interface ColumnEvents {
  /** The passage at the reading line changed (scrolling), or was jumped to. */
  onCurrent(index: number | null): void;
  /** A highlight of annotation `id` was clicked in column `side`. */
  onHighlight(id: string, side: 'a' | 'b'): void;
}

/** Both columns of one comparison. */
export class CompareColumns {
  readonly text: Record<'a' | 'b', HTMLElement>;
  readonly panes: Record<'a' | 'b', HTMLElement>;
  readonly list: PassageList;
  private readonly layout: CompareLayout;
  private readonly sync: ScrollSync;
  private boxes: PassageBoxes = [];
  private annotations: readonly Annotation[] = [];
  private current: number | null = null;
  private active: string | null = null;
  private focus: { side: 'a' | 'b'; start: number; end: number } | null = null;
  private readonly resize: ResizeObserver;

  /** `listText` words the passage list for another use of the columns (the changes of a revision). */
  constructor(private readonly data: CompareData, private readonly events: ColumnEvents, listText?: PassageListText) {
    const { sa, sb, layout } = data;
    this.layout = layout;
    this.text = { a: h('div', { class: 'compare-text compare-text-a', 'data-side': 'a' }), b: h('div', { class: 'compare-text compare-text-b', 'data-side': 'b' }) };
    this.panes = {
      a: h('div', { class: 'pane-scroll', tabindex: 0, 'aria-label': `Text of ${sa.title} (press s to select a sentence)` }, this.text.a),
      b: h('div', { class: 'pane-scroll', tabindex: 0, 'aria-label': `Text of ${sb.title} (press s to select a sentence)` }, this.text.b),
    };
    this.draw();
    this.list = passageList(layout.passages, sa.text, (i) => this.jump(i), listText);
    this.sync = new ScrollSync(this.panes.a, this.panes.b, () => this.measure(), (side, line) => this.scrolled(side, line));
    this.resize = new ResizeObserver(() => this.sync.refresh());
    for (const side of ['a', 'b'] as const) {
      this.resize.observe(this.text[side]);
      this.text[side].addEventListener('click', (e) => this.clicked(side, e));
    }
  }

  /** Draw `annotations` as highlights in both columns (the text and its offsets stay the same). */
  setAnnotations(annotations: readonly Annotation[]): void {
    this.annotations = annotations;
    this.draw();
    // Ranges over the old text nodes are gone: draw the focus span again.
    this.drawFocus();
    this.sync.refresh();
  }

  /** Mark passage `index` current in both columns and the list. */
  setCurrent(index: number | null): void {
    if (index === this.current) return;
    for (const col of [this.text.a, this.text.b]) col.querySelector('.passage.is-current')?.classList.remove('is-current');
    this.current = index;
    if (index !== null) for (const col of [this.text.a, this.text.b]) passageElement(col, index)?.classList.add('is-current');
    this.list.setCurrent(index);
  }

  /** Scroll both columns to passage `index` at the reading line. */
  jump(index: number): void {
    const box = this.boxes[index];
    if (!box) return;
    this.sync.scrollBothTo(box.a.top, box.b.top);
    this.events.onCurrent(index);
  }

  /**
   * Outline annotation `id` in both columns; `flashFrom` (the column clicked) flashes it, and the
   * other column scrolls to its counterpart there, level with the clicked highlight.
   */
  setActive(id: string | null, flashFrom: 'a' | 'b' | null): void {
    this.active = id;
    setActiveAnnotation([this.text.a, this.text.b], id);
    if (!id || !flashFrom) return;
    const annotation = this.annotations.find((x) => x.id === id);
    const clicked = this.text[flashFrom].querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(id)}"]`);
    const other = flashFrom === 'a' ? 'b' : 'a';
    const otherSource = other === 'a' ? this.data.sa : this.data.sb;
    const target = annotation && counterpartIn(annotation, otherSource.id, otherSource.text.length);
    const range = target && rangeOf(this.text[other], target.start, target.end);
    if (range && clicked) {
      this.sync.scrollPane(other, this.panes[other].scrollTop + range.getBoundingClientRect().top - clicked.getBoundingClientRect().top);
      flashAnnotation(this.text[other], id);
    }
    flashAnnotation(this.text[flashFrom], id);
  }

  /** Mark the span of a `?focus=` link and bring it (or its passage) to the reading line. */
  showFocus(focus: CompareFocus): void {
    const side = focus.source === this.data.sa.id ? 'a' : focus.source === this.data.sb.id ? 'b' : null;
    if (!side) return;
    this.focus = { side, start: focus.start, end: Math.max(focus.start + 1, focus.end) };
    this.drawFocus();
    const { passages } = this.layout;
    const i = passageAt(passages, side, focus.start, focus.end);
    const span = i === null ? null : passages[i][side];
    if (i !== null && span && span.start < this.focus.end && focus.start < span.end) {
      this.jump(i);
      return;
    }
    // Not in a passage: bring the span itself to the reading line; the other column follows.
    const range = rangeOf(this.text[side], this.focus.start, this.focus.end);
    if (!range) return;
    const pane = this.panes[side];
    const y = range.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTop = Math.max(0, y - this.sync.lineOffset(side));
  }

  /** Column `side` as a text the keyboard can select in. */
  selectable(side: 'a' | 'b'): SelectableText {
    const column = this.text[side];
    const source = side === 'a' ? this.data.sa : this.data.sb;
    const pane = this.panes[side];
    return {
      text: source.text,
      selection: () => {
        const sel = document.getSelection();
        return sel && sel.rangeCount > 0 && !sel.isCollapsed ? spanOfRange(column, sel.getRangeAt(0), source.text) : null;
      },
      select: (r: OffsetRange) => {
        const range = rangeOf(column, r.start, r.end);
        if (!range) return;
        const sel = document.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        const box = range.getBoundingClientRect();
        const view = pane.getBoundingClientRect();
        if (box.top < view.top + 20 || box.bottom > view.bottom - 20) pane.scrollTop += box.top - view.top - this.sync.lineOffset(side);
      },
      readingOffset: () => {
        const view = pane.getBoundingClientRect();
        const hit = document.caretRangeFromPoint?.(column.getBoundingClientRect().left + 2, view.top + 8);
        return (hit && offsetAt(column, hit.startContainer, hit.startOffset)) ?? 0;
      },
      clear: () => document.getSelection()?.removeAllRanges(),
    };
  }

  destroy(): void {
    this.sync.destroy();
    this.resize.disconnect();
    setHighlight(FOCUS_HIGHLIGHT, []);
  }

  private content(side: 'a' | 'b'): ColumnContent {
    const s = side === 'a' ? this.data.sa : this.data.sb;
    return {
      text: s.text,
      segments: this.layout[side],
      passages: this.layout.passages,
      diffs: this.data.diffs.map((d) => d[side]),
      layers: columnLayers(this.annotations, s.id, s.text.length),
    };
  }

  private draw(): void {
    for (const side of ['a', 'b'] as const) fillColumnText(this.text[side], side, this.content(side));
    if (this.current !== null) for (const col of [this.text.a, this.text.b]) passageElement(col, this.current)?.classList.add('is-current');
    if (this.active !== null) setActiveAnnotation([this.text.a, this.text.b], this.active);
  }

  private drawFocus(): void {
    const range = this.focus && rangeOf(this.text[this.focus.side], this.focus.start, this.focus.end);
    setHighlight(FOCUS_HIGHLIGHT, range ? [range] : []);
  }

  private measure(): PassageBoxes {
    this.boxes = this.layout.passages.map((_, i) => {
      const ea = passageElement(this.text.a, i);
      const eb = passageElement(this.text.b, i);
      return ea && eb ? { a: boxIn(this.panes.a, ea), b: boxIn(this.panes.b, eb) } : null;
    });
    return this.boxes;
  }

  /** The current passage is the last one starting above the reading line on the scrolled side. */
  private scrolled(side: 'a' | 'b', line: number): void {
    let found: number | null = null;
    let foundTop = -Infinity;
    for (let i = 0; i < this.boxes.length; i++) {
      const top = this.boxes[i]?.[side].top;
      if (top !== undefined && top <= line + 4 && top >= foundTop) [found, foundTop] = [i, top];
    }
    this.events.onCurrent(found);
  }

  /** A click on a highlight (not the end of a drag, which is a pick). */
  private clicked(side: 'a' | 'b', e: MouseEvent): void {
    const sel = document.getSelection();
    if (sel && !sel.isCollapsed) return;
    const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-annotation-id]') : null;
    if (el?.dataset.annotationId) this.events.onHighlight(el.dataset.annotationId, side);
  }
}
