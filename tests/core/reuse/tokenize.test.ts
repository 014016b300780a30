/** Tokenisation: what counts as the same word, and offsets that map back to the raw text. */
import { describe, expect, it } from 'vitest';
import { normalizedWords, tokenize } from '../../../core/reuse';

describe('tokenize', () => {
  it('folds case, punctuation and quote styles to the same words', () => {
    const curly = 'He said “Russia’s proposal” — isn’t “sectoral”.';
    const straight = 'he said "russia\'s PROPOSAL" -- isn\'t \'sectoral\'';
    expect(normalizedWords(curly)).toEqual(['he', 'said', 'russias', 'proposal', 'isnt', 'sectoral']);
    expect(Array.from(tokenize(curly).hashes)).toEqual(Array.from(tokenize(straight).hashes));
  });

  it('ignores whitespace and line wrapping', () => {
    const flat = 'the missile defense tent now, working alongside';
    const wrapped = 'the missile\ndefense   tent\r\n now,\tworking\nalongside';
    expect(Array.from(tokenize(wrapped).hashes)).toEqual(Array.from(tokenize(flat).hashes));
  });

  it('folds accents and splits on hyphens and periods', () => {
    expect(normalizedWords('Juppé, U.S.-Russian military-to-military')).toEqual([
      'juppe', 'u', 's', 'russian', 'military', 'to', 'military',
    ]);
    expect(Array.from(tokenize('Alain JUPPÉ').hashes)).toEqual(Array.from(tokenize('alain juppe').hashes));
  });

  it('keeps raw UTF-16 offsets of every word, also after astral characters', () => {
    const text = '“Close 🚀 cooperation” between\n\nRussia’s forces';
    const t = tokenize(text);
    const raw = Array.from(t.starts, (s, k) => text.slice(s, t.ends[k]));
    expect(raw).toEqual(['Close', 'cooperation', 'between', 'Russia’s', 'forces']);
  });

  it('numbers blocks by blank lines, or by lines when a text has no blank line', () => {
    const para = tokenize('one two\nthree\n\nfour five\n \nsix');
    expect(Array.from(para.blocks)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(para.blockWords)).toEqual([3, 2, 1]);
    const lines = tokenize('one two\nthree\nfour');
    expect(Array.from(lines.blocks)).toEqual([0, 0, 1, 2]);
  });

  it('returns no tokens for text without words', () => {
    expect(tokenize(' … — “” \n\n ').hashes.length).toBe(0);
  });
});
