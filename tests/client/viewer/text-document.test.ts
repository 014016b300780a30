/**
 * The offset <-> position mapping of the viewer document must be exact for every offset: a stored
 * target is drawn and created through it, so an off-by-one would shift every highlight.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from '../../../client/viewer/text-document';

const SOURCES_DIR = join(import.meta.dirname, '../../../sources');
const seedTexts = readdirSync(SOURCES_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(SOURCES_DIR, f), 'utf8').replace(/\r\n?/g, '\n') }));

/** Named fixtures for the awkward cases. */
const FIXTURES: Record<string, string> = {
  curlyQuotes: '\u201cClose cooperation,\u201d he said. It\u2019s \u2018fine\u2019.',
  nonBreakingSpaces: 'Learn More\u00a0\u2192 and\u00a0\u00a0two',
  lineBreaks: 'one\ntwo\nthree',
  blankLine: 'para one\n\npara two',
  leadingNewlines: '\n\nstarts late',
  trailingNewlines: 'ends early\n\n',
  multipleBlankLines: 'a\n\n\n\nb',
  onlyNewlines: '\n\n\n',
  empty: '',
  astral: 'emoji \u{1F600} here\nnext',
};

/** Every offset round-trips and every range reads back the same text. */
function checkText(text: string): void {
  const td = new TextDocument(text);
  expect(td.lineCount).toBe(text.split('\n').length);
  const positions: number[] = [];
  for (let o = 0; o <= text.length; o++) {
    const pos = td.toPos(o);
    positions.push(pos);
    expect(td.toOffset(pos)).toBe(o);
  }
  // Positions strictly increase, so distinct offsets never collapse onto one position.
  for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
  // Ranges: all ranges from a spread of starts (all of them for short texts).
  const step = text.length > 400 ? 37 : 1;
  for (let a = 0; a <= text.length; a += step) {
    for (let b = a; b <= text.length; b += step === 1 ? 1 : 211) {
      const between = td.doc.textBetween(td.toPos(a), td.toPos(b), '\n');
      expect(between).toBe(text.slice(a, b));
      expect(td.doc.textBetween(td.toPos(a), td.toPos(b)).replace(/\n/g, '')).toBe(text.slice(a, b).replace(/\n/g, ''));
    }
  }
}

describe('TextDocument', () => {
  it('keeps the text exactly: one line node per line, blank lines included', () => {
    const td = new TextDocument(FIXTURES.multipleBlankLines);
    expect(td.doc.childCount).toBe(5);
    expect(td.doc.child(1).content.size).toBe(0);
    expect(td.doc.textBetween(0, td.doc.content.size, '\n')).toBe(FIXTURES.multipleBlankLines);
  });

  it('maps the first character of a line after the newline into that line', () => {
    const td = new TextDocument('ab\ncd');
    // offset 3 is 'c': line 1 starts at position 2 (line 0) + 2 tokens = 5, content at 5.
    expect(td.toPos(3)).toBe(5);
    expect(td.doc.textBetween(td.toPos(3), td.toPos(4))).toBe('c');
    // offset 2 is the newline: end of line 0.
    expect(td.toPos(2)).toBe(3);
    expect(td.doc.resolve(td.toPos(2)).parentOffset).toBe(2);
  });

  it('maps positions between lines to the start of the next line', () => {
    const td = new TextDocument('ab\ncd');
    expect(td.toOffset(0)).toBe(0);
    expect(td.toOffset(4)).toBe(3);
    expect(td.toOffset(td.doc.content.size)).toBe(5);
  });

  it('throws RangeError outside the text or document', () => {
    const td = new TextDocument('abc');
    expect(() => td.toPos(-1)).toThrow(RangeError);
    expect(() => td.toPos(4)).toThrow(RangeError);
    expect(() => td.toPos(1.5)).toThrow(RangeError);
    expect(() => td.toOffset(td.doc.content.size + 1)).toThrow(RangeError);
    expect(td.rangeToPos(2, 9)).toBeNull();
  });

  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`round-trips every offset and range: ${name}`, () => checkText(text));
  }

  for (const { name, text } of seedTexts) {
    it(`round-trips every offset of seed text ${name}`, () => checkText(text));
  }

  it('has seed texts to check', () => {
    expect(seedTexts.length).toBeGreaterThanOrEqual(5);
  });
});

describe('linesRange', () => {
  it('spans whole lines, clamped to the lines there are', () => {
    const doc = new TextDocument('ab\ncd\n\nef');
    const whole = (r: { from: number; to: number }) => doc.doc.textBetween(r.from, r.to, '\n');
    expect(whole(doc.linesRange(1, 1))).toBe('cd');
    expect(whole(doc.linesRange(0, 3))).toBe('ab\ncd\n\nef');
    expect(whole(doc.linesRange(2, 99))).toBe('\nef');
    expect(whole(doc.linesRange(-5, 0))).toBe('ab');
  });
});
