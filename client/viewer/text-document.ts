/**
 * Building the viewer document from a source's raw text, and the exact mapping between text offsets
 * (UTF-16 code units into the raw text, the unit of every stored target) and ProseMirror positions.
 *
 * The document has one `line` node per line of the text, split at `\n`. Line i starts at text offset
 * lineStarts[i] and its content starts at position lineStarts[i] + i + 1 (one opening token per line
 * before it plus its own, minus the newline characters that are not in the document). Offsets at a
 * newline sit at the end of the line the newline ends. Pure code: no DOM, so it is unit tested in Node.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { viewerSchema } from './schema';

/** A source text as a ProseMirror document, with conversions between offsets and positions. */
export class TextDocument {
  /** The ProseMirror document: one `line` per line of `text`. */
  readonly doc: PMNode;
  /** Text offset of the first character of each line, ascending; lineStarts[0] is 0. */
  private readonly lineStarts: number[];

  /** Build the document for `text` (line endings already normalised to `\n`). */
  constructor(readonly text: string) {
    const lines = text.split('\n');
    this.lineStarts = [];
    let start = 0;
    for (const line of lines) {
      this.lineStarts.push(start);
      start += line.length + 1;
    }
    this.doc = viewerSchema.node(
      'doc',
      null,
      lines.map((line) => viewerSchema.node('line', null, line === '' ? [] : [viewerSchema.text(line)])),
    );
  }

  /** Number of lines (one more than the number of `\n` in the text). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The index of the line holding `offset` (an offset at a `\n` belongs to the line it ends). */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The document position of a text offset in 0..text.length. Throws RangeError outside that range. */
  toPos(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`Offset ${offset} outside text of length ${this.text.length}`);
    }
    return offset + this.lineOf(offset) + 1;
  }

  /**
   * The text offset of a document position. Positions inside a line map exactly; a position between
   * two lines (or at the document edges) maps to the start of the following line, or to the text's
   * end after the last line. Throws RangeError outside the document.
   */
  toOffset(pos: number): number {
    if (!Number.isInteger(pos) || pos < 0 || pos > this.doc.content.size) {
      throw new RangeError(`Position ${pos} outside document of size ${this.doc.content.size}`);
    }
    const $pos = this.doc.resolve(pos);
    if ($pos.depth >= 1) return this.lineStarts[$pos.index(0)] + $pos.parentOffset;
    const index = $pos.index(0);
    return index < this.lineStarts.length ? this.lineStarts[index] : this.text.length;
  }

  /** The document range from the start of line `first` to the end of line `last` (clamped to the lines there are). */
  linesRange(first: number, last: number): { from: number; to: number } {
    const a = Math.max(0, Math.min(first, this.lineStarts.length - 1));
    const b = Math.max(a, Math.min(last, this.lineStarts.length - 1));
    const end = b + 1 < this.lineStarts.length ? this.lineStarts[b + 1] - 1 : this.text.length;
    return { from: this.toPos(this.lineStarts[a]), to: this.toPos(end) };
  }

  /** Document range of the text range [start, end), or null when it does not fit the text. */
  rangeToPos(start: number, end: number): { from: number; to: number } | null {
    if (start < 0 || end > this.text.length || end < start) return null;
    return { from: this.toPos(start), to: this.toPos(end) };
  }
}
