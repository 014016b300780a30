import { describe, expect, it } from 'vitest';
import { diffTexts } from '../../../core/anchoring/text-diff';
import { TextMapping } from '../../../core/anchoring/text-mapping';
import { splitsSurrogatePair } from '../../../core/text/surrogates';

/** Paragraphs of distinct words, so that every passage has one right place to go. */
const para = (tag: string, words = 24): string => Array.from({ length: words }, (_, k) => `${tag}${k}`).join(' ') + '.';
const article = (tags: string[]): string => tags.map((t) => para(t)).join('\n\n');

/** The new offsets of old `[start, end)`, mapped as a target would be: start sticks right, end left. */
function mapRange(m: TextMapping, start: number, end: number): string {
  return m.newText.slice(m.map(start, 1), m.map(end, -1));
}

describe('diffTexts', () => {
  it('maps every position of an unchanged text to itself', () => {
    const text = article(['a', 'b']);
    const m = diffTexts(text, text);
    for (const pos of [0, 7, text.length]) expect(m.mapResult(pos)).toEqual({ pos, deleted: false, moved: false });
  });

  it('shifts positions after an insertion; at the insertion point assoc picks the side', () => {
    const old = article(['a', 'b']);
    const at = old.indexOf('b0');
    const revised = old.slice(0, at) + 'NEW WORDS ' + old.slice(at);
    const m = diffTexts(old, revised);
    expect(m.map(old.indexOf('a3'))).toBe(old.indexOf('a3'));
    expect(m.map(old.indexOf('b5'))).toBe(revised.indexOf('b5'));
    expect(m.map(at, -1)).toBe(at);
    expect(m.map(at, 1)).toBe(at + 'NEW WORDS '.length);
  });

  it('marks a position inside deleted text as deleted and sends it to the side assoc points to', () => {
    const old = article(['a']);
    const gone = 'a5 a6 a7 ';
    const revised = old.replace(gone, '');
    const m = diffTexts(old, revised);
    const inside = old.indexOf('a6');
    expect(m.mapResult(inside, -1)).toMatchObject({ pos: revised.indexOf('a8'), deleted: true });
    expect(m.mapResult(inside, 1)).toMatchObject({ pos: revised.indexOf('a8'), deleted: true });
    // The edges of the deleted range are not deleted: the text next to them is still there.
    expect(m.mapResult(old.indexOf('a5'), 1)).toMatchObject({ pos: revised.indexOf('a8'), deleted: false });
    expect(mapRange(m, old.indexOf('a2'), old.indexOf('a9') + 2)).toBe('a2 a3 a4 a8 a9');
  });

  it('maps a substituted word onto its replacement', () => {
    const old = article(['a', 'b']);
    const revised = old.replace('a7', 'seventh');
    const m = diffTexts(old, revised);
    expect(mapRange(m, old.indexOf('a6'), old.indexOf('a8') + 2)).toBe('a6 seventh a8');
    expect(mapRange(m, old.indexOf('a7'), old.indexOf('a7') + 2)).toBe('seventh');
  });

  it('maps a fixed typo character by character', () => {
    const old = `${para('a')} The minister recieved the letter. ${para('b')}`;
    const revised = old.replace('recieved', 'received');
    const m = diffTexts(old, revised);
    const word = old.indexOf('recieved');
    expect(m.map(word + 2)).toBe(word + 2); // "rec" kept
    expect(m.mapResult(word + 4, -1)).toMatchObject({ deleted: true });
    expect(m.map(word + 5)).toBe(word + 5); // "ved" kept
    expect(mapRange(m, word, word + 8)).toBe('received');
  });

  it('carries a moved paragraph to its new place and says it moved', () => {
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    const old = article(tags);
    const revised = article(['a', 'c', 'd', 'e', 'b', 'f']);
    const m = diffTexts(old, revised);
    const inB = old.indexOf('b3');
    expect(m.mapResult(inB)).toEqual({ pos: revised.indexOf('b3'), deleted: false, moved: true });
    expect(mapRange(m, old.indexOf('b0'), old.indexOf('b23.') + 4)).toBe(para('b'));
    expect(m.mapResult(old.indexOf('d9'))).toEqual({ pos: revised.indexOf('d9'), deleted: false, moved: false });
  });

  it('maps a moved paragraph that was also edited, and the edit inside it', () => {
    const old = article(['a', 'b', 'c', 'd', 'e']);
    const edited = para('b').replace('b10 b11', 'b10 inserted b11').replace('b20', 'twenty');
    const revised = [para('a'), para('c'), para('d'), edited, para('e')].join('\n\n');
    const m = diffTexts(old, revised);
    expect(mapRange(m, old.indexOf('b9'), old.indexOf('b12') + 3)).toBe('b9 b10 inserted b11 b12');
    expect(mapRange(m, old.indexOf('b20'), old.indexOf('b20') + 3)).toBe('twenty');
    expect(m.mapResult(old.indexOf('b3')).moved).toBe(true);
  });

  it('keeps the closing punctuation of a paragraph with its paragraph when paragraphs move', () => {
    // f moves before e, and d (which stood before e) is deleted: e's block could reach back over
    // the ".\n\n" in front of it in both texts and take f's full stop.
    const old = article(['a', 'b', 'c', 'd', 'e', 'f']);
    const revised = article(['a', 'b', 'c', 'f', 'e']);
    const m = diffTexts(old, revised);
    for (const tag of ['a', 'b', 'c', 'e', 'f']) {
      const start = old.indexOf(`${tag}0`);
      expect(mapRange(m, start, start + para(tag).length)).toBe(para(tag));
    }
  });

  it('pairs the end of one paragraph and the start of the next separately when a moved one comes between them', () => {
    // Found by the property test: the second paragraph, which lost a word near its end, moves to the
    // top; the third lost one near its start. The text between the anchors of the second and the
    // third holds the end of one and the start of the other.
    const words = (from: number, to: number): string =>
      Array.from({ length: to - from }, (_, k) => `w${from + k}${(from + k) % 5 === 3 ? '😀' : ''}`).join(' ') + '.';
    const [a, b, c, rest] = [words(0, 8), words(8, 20), words(20, 29), [words(29, 37), words(37, 45), words(45, 53)]];
    const old = [a, b, c, ...rest].join('\n\n');
    const revised = [b.replace('w18😀 ', ''), a, c.replace('w22 ', ''), ...rest].join('\n\n');
    const m = diffTexts(old, revised);
    expect(mapRange(m, old.indexOf('w19.'), old.indexOf('w19.') + 4)).toBe('w19.');
    expect(mapRange(m, old.indexOf('w20'), old.indexOf('w21') + 3)).toBe('w20 w21');
  });

  it('does not let a paragraph break next to a moved paragraph pair with the moved one\'s own', () => {
    // Found by the property test: the second paragraph moves to the top, each paragraph gets a word
    // inserted at its end or start; the first one's ".\n\n" must not take the moved one's.
    const words = (from: number, to: number): string =>
      Array.from({ length: to - from }, (_, k) => `w${from + k}${(from + k) % 5 === 3 ? '😀' : ''}`).join(' ') + '.';
    const [a, b, c] = [words(0, 21), words(21, 32), words(32, 40)];
    const old = [a, b, c].join('\n\n');
    const revised = [b.replace('w30 ', 'w30 n30 '), a.replace('w20.', 'w20 n20.'), c.replace('w32 ', 'w32 n32 ')].join('\n\n');
    const m = diffTexts(old, revised);
    expect(mapRange(m, old.indexOf('w31'), old.indexOf('w31') + 4)).toBe('w31.');
    expect(mapRange(m, old.indexOf('w32'), old.indexOf('w32') + 3)).toBe('w32');
  });

  it('finds text that ended up on the other side of a moved paragraph', () => {
    // The first paragraph keeps no four words in a row (nothing to anchor it), the second moves
    // before it: the first one's words are found past the moved one.
    const old = [para('a', 8), para('b', 10)].join('\n\n');
    const revised = [para('b', 10), para('a', 8).replace(/a([1357]) /g, 'x$1 ')].join('\n\n');
    const m = diffTexts(old, revised);
    expect(mapRange(m, 0, 2)).toBe('a0');
    expect(mapRange(m, old.indexOf('a6'), old.indexOf('a7.') + 3)).toBe('a6 a7.');
  });

  it('aligns a re-wrapped paragraph word by word', () => {
    const old = article(['a', 'b']);
    const revised = old.replace(/ (a1[05])/g, '\n$1');
    const m = diffTexts(old, revised);
    expect(m.map(old.indexOf('a12'))).toBe(revised.indexOf('a12'));
    expect(mapRange(m, old.indexOf('a9'), old.indexOf('a11') + 3)).toBe('a9\na10 a11');
  });

  it('never splits a surrogate pair, even where two emoji share their first half', () => {
    const old = `${para('a')} The 😀 crowd and 𝒜 sign. ${para('b')}`;
    const revised = old.replace('😀', '😁').replace('𝒜', '𝒝 𝒜');
    const m = diffTexts(old, revised);
    for (let pos = 0; pos <= old.length; pos++) {
      for (const assoc of [-1, 1] as const) expect(splitsSurrogatePair(revised, m.map(pos, assoc))).toBe(false);
    }
    const face = old.indexOf('😀');
    expect(mapRange(m, face, face + 2)).toBe('😁');
  });

  it('handles texts without words, and an empty side', () => {
    expect(diffTexts('', 'abc').map(0, 1)).toBe(0);
    expect(diffTexts('abc', '').mapResult(1)).toEqual({ pos: 0, deleted: true, moved: false });
    const m = diffTexts('... !!! ...', '... ??? ...');
    expect(m.map(2, -1)).toBe(2);
    expect(m.map(8, 1)).toBe(8);
  });

  it('is about linear: a 200 KB text with moved paragraphs diffs without a quadratic blow-up', () => {
    const tags = Array.from({ length: 400 }, (_, k) => `p${k}x`);
    const old = article(tags);
    const moved = [...tags];
    moved.push(...moved.splice(10, 30)); // 30 paragraphs from the start to the end
    const revised = article(moved).replaceAll('5x3 ', '5x3 added ');
    const m = diffTexts(old, revised);
    // A size check on the result, not a timing: every paragraph is one or a few segments.
    expect(m.segments.length).toBeLessThan(400 * 4);
    expect(m.map(old.indexOf('p12x7'))).toBe(revised.indexOf('p12x7'));
  });
});

describe('TextMapping', () => {
  it('rejects segments that overlap or leave the texts, and positions outside the old text', () => {
    expect(() => new TextMapping('abcd', 'abcd', [{ oldStart: 0, newStart: 0, length: 3, moved: false }, { oldStart: 2, newStart: 3, length: 1, moved: false }])).toThrow(RangeError);
    expect(() => new TextMapping('abcd', 'ab', [{ oldStart: 0, newStart: 0, length: 3, moved: false }])).toThrow(RangeError);
    expect(() => new TextMapping('abcd', 'abcd', [{ oldStart: 0, newStart: 1, length: 2, moved: false }, { oldStart: 2, newStart: 0, length: 2, moved: false }])).toThrow(RangeError);
    expect(() => diffTexts('ab', 'ab').map(3)).toThrow(RangeError);
    expect(() => diffTexts('ab', 'ab').map(0.5)).toThrow(RangeError);
  });

  it('reports what was kept of a range at its new place', () => {
    const m = diffTexts('one two three four', 'one 2 three four');
    expect(m.kept(0, 13, 0, 11).map((k) => [k.oldStart, k.newStart, k.length])).toEqual([[0, 0, 4], [7, 5, 6]]);
    expect(m.kept(0, 13, 6, 11).map((k) => [k.oldStart, k.newStart, k.length])).toEqual([[8, 6, 5]]);
  });
});
