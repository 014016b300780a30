/**
 * Keyboard selection rules: sentence boundaries (not at initials, abbreviations or before lower case;
 * never across a line break) and growing or shrinking a selection by a word.
 */
import { describe, expect, it } from 'vitest';
import { nextSentence, previousSentence, sentenceAtOrAfter, sentences, stepWord, stepWordStart } from '../../../client/shared/sentence-steps';

const texts = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  it('splits at end punctuation followed by space and a capital', () => {
    expect(texts('One two. Three four! Five? Six')).toEqual(['One two.', 'Three four!', 'Five?', 'Six']);
  });

  it('keeps initials and abbreviations inside a sentence', () => {
    expect(texts('Deputy Frank A. Rose met Mr. Ryabkov in the U.S. capital. Then he left.')).toEqual([
      'Deputy Frank A. Rose met Mr. Ryabkov in the U.S. capital.',
      'Then he left.',
    ]);
  });

  it('keeps closing quotes with the sentence they end, and does not split before lower case', () => {
    expect(texts('He said “we welcome it.” -Mr. Rose\nThe talks (in 2010.) went on. e.g. this')).toEqual([
      'He said “we welcome it.”',
      '-Mr. Rose',
      'The talks (in 2010.) went on. e.g. this',
    ]);
  });

  it('ends sentences at full-width 。！？ with no space after them, closing brackets included', () => {
    expect(texts('导弹防御合作。俄罗斯表示欢迎！真的吗？「是的。」最后')).toEqual(['导弹防御合作。', '俄罗斯表示欢迎！', '真的吗？', '「是的。」', '最后']);
    expect(texts('ミサイル防衛。協力する')).toEqual(['ミサイル防衛。', '協力する']);
  });

  it('never crosses a line break and skips blank lines, offsets into the raw text', () => {
    const text = 'Title line\n\n  Body one. Body two.  \n';
    const list = sentences(text);
    expect(texts(text)).toEqual(['Title line', 'Body one.', 'Body two.']);
    expect(list[1]).toEqual({ start: 14, end: 23 });
  });
});

describe('stepping', () => {
  const text = 'Alpha beta. Gamma delta. Epsilon.';
  const list = sentences(text);

  it('finds the next sentence from the end of the selection and the previous from its start', () => {
    expect(nextSentence(list, 0)).toEqual({ start: 0, end: 11 });
    expect(nextSentence(list, 11)).toEqual({ start: 12, end: 24 });
    expect(nextSentence(list, 26)).toBeNull();
    expect(previousSentence(list, 12)).toEqual({ start: 0, end: 11 });
    expect(previousSentence(list, 5)).toBeNull();
  });

  it('with nothing selected, takes the sentence being read rather than skipping it', () => {
    // Reading position at a sentence's start, inside it (the top of the window cut it), in the
    // space after it, and past the end.
    expect(sentenceAtOrAfter(list, 0)).toEqual({ start: 0, end: 11 });
    expect(sentenceAtOrAfter(list, 1)).toEqual({ start: 0, end: 11 });
    expect(sentenceAtOrAfter(list, 18)).toEqual({ start: 12, end: 24 });
    expect(sentenceAtOrAfter(list, 11)).toEqual({ start: 12, end: 24 });
    expect(sentenceAtOrAfter(list, text.length)).toBeNull();
    // The first line of a page whose reading offset lands one character in.
    const page = 'Jump to search Jump to footer navigation\n\nGlobal Security Newswire\n';
    const first = sentenceAtOrAfter(sentences(page), 1);
    expect(first && page.slice(first.start, first.end)).toBe('Jump to search Jump to footer navigation');
  });

  it('grows the selection by the next word and shrinks it by its last, never below one word', () => {
    const one = { start: 0, end: 5 };
    const two = stepWord(text, one, 1);
    expect(text.slice(two.start, two.end)).toBe('Alpha beta.');
    const three = stepWord(text, two, 1);
    expect(text.slice(three.start, three.end)).toBe('Alpha beta. Gamma');
    expect(stepWord(text, three, -1)).toEqual(two);
    expect(stepWord(text, one, -1)).toEqual(one);
    const end = { start: 25, end: text.length };
    expect(stepWord(text, end, 1)).toEqual(end);
  });

  it('moves the start: takes in the word before it, lets go of its first, never below one word', () => {
    const mid = { start: text.indexOf('Gamma'), end: text.indexOf('Gamma') + 'Gamma'.length };
    const wider = stepWordStart(text, mid, -1);
    expect(text.slice(wider.start, wider.end)).toBe('beta. Gamma');
    expect(stepWordStart(text, wider, 1)).toEqual(mid);
    expect(stepWordStart(text, mid, 1)).toEqual(mid);
    const first = { start: 0, end: 5 };
    expect(stepWordStart(text, first, -1)).toEqual(first);
  });
});
