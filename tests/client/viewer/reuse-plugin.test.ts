/**
 * The reuse decorations built from marks and text offsets: one inline span per mark at the right
 * document positions, and margin bars on exactly the lines a mark touches, muted for boilerplate.
 */
import { describe, expect, it } from 'vitest';
import type { Decoration } from 'prosemirror-view';
import { reuseMarks } from '../../../client/reuse/reuse-marks';
import { reuseClass, reuseDecorations } from '../../../client/viewer/reuse-plugin';
import { TextDocument } from '../../../client/viewer/text-document';

const text = 'First line here\n\nSecond line\nThird line';
const doc = new TextDocument(text);
const at = (phrase: string) => text.indexOf(phrase);

function split(decos: Decoration[]) {
  const inline = decos.filter((d) => (d.spec as { reuseIndex?: number }).reuseIndex !== undefined);
  const lines = decos.filter((d) => (d.spec as { reuseIndex?: number }).reuseIndex === undefined);
  return { inline, lines };
}

describe('reuseDecorations', () => {
  it('places one inline span per mark over exactly its text', () => {
    const marks = reuseMarks([
      { a: { source: 'me', start: at('line here'), end: at('Second') + 6 }, b: { source: 'x', start: 0, end: 20 }, words: 3, similarity: 1, boilerplate: false },
      { a: { source: 'y', start: 0, end: 5 }, b: { source: 'me', start: at('Third'), end: text.length }, words: 2, similarity: 1, boilerplate: true },
    ], 'me', text.length);
    const { inline } = split(reuseDecorations(doc.doc, doc, marks, 1));
    const shown = inline.map((d) => doc.doc.textBetween(d.from, d.to, '\n'));
    expect(shown).toEqual(['line here\n\nSecond', 'Third line']);
    expect(inline.map((d) => d.from)).toEqual([doc.toPos(at('line here')), doc.toPos(at('Third'))]);
  });

  it('bars every non-blank line a mark touches, muted where only boilerplate does', () => {
    const marks = reuseMarks([
      { a: { source: 'me', start: at('here'), end: at('Second') + 3 }, b: { source: 'x', start: 0, end: 9 }, words: 2, similarity: 1, boilerplate: false },
      { a: { source: 'me', start: at('Third'), end: at('Third') + 5 }, b: { source: 'x', start: 9, end: 14 }, words: 1, similarity: 1, boilerplate: true },
      { a: { source: 'me', start: at('line here'), end: at('line here') + 4 }, b: { source: 'y', start: 0, end: 4 }, words: 1, similarity: 1, boilerplate: true },
    ], 'me', text.length);
    const { lines } = split(reuseDecorations(doc.doc, doc, marks, null));
    const byLine = lines.map((d) => [doc.doc.resolve(d.from).index(0), (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class]);
    expect(byLine.sort()).toEqual([[0, 'reuse-line'], [2, 'reuse-line'], [3, 'reuse-line reuse-line-boilerplate']]);
  });

  it('classes boilerplate and the active mark', () => {
    expect(reuseClass({ boilerplate: true }, true)).toBe('reuse reuse-boilerplate reuse-active');
    expect(reuseClass({ boilerplate: false })).toBe('reuse');
  });
});
