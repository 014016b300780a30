/**
 * Paired converters between DOM positions in a compare column and raw-text offsets. A column holds
 * the raw text exactly, split into segment elements that carry their start offset in `data-start`
 * (and may wrap diff marks in nested spans); nothing else in a column has text. An offset is the
 * segment's start plus the length of the text nodes before the position inside that segment.
 */
import { trimQuote, type TextSpan } from '../shared/trim-range';

export type { TextSpan };

const SEGMENT = '[data-start]';

function textNodesOf(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Characters of `root`'s text nodes that come before the DOM point (node, offset). */
function textBefore(root: Node, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    let count = 0;
    for (const t of textNodesOf(root)) {
      if (t === node) return count + offset;
      count += t.length;
    }
    throw new RangeError('Text node is not inside the given segment');
  }
  // An element point sits between children: count the text nodes that start before it.
  const point = document.createRange();
  point.setStart(node, offset);
  let count = 0;
  for (const t of textNodesOf(root)) {
    if (point.comparePoint(t, 0) >= 0) break;
    count += t.length;
  }
  return count;
}

/**
 * The raw-text offset of the DOM point (node, offset) in `column`, or null when the point is not
 * inside the column.
 */
export function offsetAt(column: HTMLElement, node: Node, offset: number): number | null {
  if (!column.contains(node)) return null;
  const el = node instanceof Element ? node : node.parentElement;
  const segment = el?.closest<HTMLElement>(SEGMENT);
  if (segment && column.contains(segment) && segment !== column) {
    return Number(segment.dataset.start) + textBefore(segment, node, offset);
  }
  // A point between segments (on the column itself): the whole column's text precedes it.
  return textBefore(column, node, offset);
}

/**
 * The span of `text` selected by `range` when both ends lie in `column`, or null (a selection
 * reaching out of the column, or one selecting only whitespace). Surrounding whitespace is trimmed.
 */
export function spanOfRange(column: HTMLElement, range: Range, text: string): TextSpan | null {
  if (range.collapsed) return null;
  const start = offsetAt(column, range.startContainer, range.startOffset);
  const end = offsetAt(column, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // A drag from past the end of a line takes its line break along: quote only what shows.
  return trimQuote(text, { start, end });
}

/** The text node holding the character at raw-text offset `offset` in `column`, or null past the end. */
export function pointAt(column: HTMLElement, offset: number): { node: Text; offset: number } | null {
  for (const segment of column.querySelectorAll<HTMLElement>(SEGMENT)) {
    let pos = Number(segment.dataset.start);
    for (const t of textNodesOf(segment)) {
      if (offset >= pos && offset < pos + t.length) return { node: t, offset: offset - pos };
      pos += t.length;
    }
  }
  return null;
}

/** A DOM Range over raw-text offsets [start, end) of `column`, or null when out of range. */
export function rangeOf(column: HTMLElement, start: number, end: number): Range | null {
  const from = pointAt(column, start);
  const to = end === start ? from : pointAt(column, end - 1);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, end === start ? to.offset : to.offset + 1);
  return range;
}
