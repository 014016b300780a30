import { describe, expect, it } from 'vitest';
import { piecesOf, wordDiff } from '../../../client/compare/word-diff';
import { SEEDS, seedText } from '../../helpers/fixtures';

const PURSUES = 'These recent proposals build on earlier initiatives that involved sharing missile warning data and providing timely launch notifications between two countries.';
const UNDERCUT = 'These recent proposals build on earlier initiatives that involved sharing missile warning data and providing timely launch notifications between our two countries.';

describe('wordDiff', () => {
  it('marks "our " as inserted on the right in the newsblaze pair, at its raw-text offsets', () => {
    const textA = seedText(SEEDS.nbPursues);
    const textB = seedText(SEEDS.nbUndercut);
    const startA = textA.indexOf(PURSUES);
    const startB = textB.indexOf(UNDERCUT);
    expect(startA).toBeGreaterThan(0);
    expect(startB).toBeGreaterThan(0);
    const diff = wordDiff(PURSUES, UNDERCUT, startA, startB);
    expect(diff.a).toEqual([]);
    expect(diff.b).toHaveLength(1);
    expect(diff.b[0].mark).toBe('inserted');
    expect(textB.slice(diff.b[0].start, diff.b[0].end)).toBe('our ');
  });

  it('marks words missing on the right as removed on the left', () => {
    const diff = wordDiff('between our two countries', 'between two countries');
    expect(diff.b).toEqual([]);
    expect(diff.a).toEqual([{ start: 8, end: 12, mark: 'removed' }]);
  });

  it('marks a replacement as changed on both sides', () => {
    const a = 'The treaty took effect in 2011 in Munich.';
    const b = 'The treaty took effect in 2012 in Munich.';
    const diff = wordDiff(a, b);
    expect(diff.a.map((r) => [a.slice(r.start, r.end), r.mark])).toEqual([['2011', 'changed']]);
    expect(diff.b.map((r) => [b.slice(r.start, r.end), r.mark])).toEqual([['2012', 'changed']]);
  });

  it('does not mark differences in whitespace alone but keeps offsets exact after them', () => {
    const a = 'one two\n\nthree four';
    const b = 'one two three five';
    const diff = wordDiff(a, b);
    expect(diff.a.map((r) => a.slice(r.start, r.end))).toEqual(['four']);
    expect(diff.b.map((r) => b.slice(r.start, r.end))).toEqual(['five']);
  });

  it('keeps offsets exact with characters outside the BMP', () => {
    const a = '😀 Russia said yes';
    const b = '😀 Russia said no';
    const diff = wordDiff(a, b, 10, 20);
    expect(a.slice(diff.a[0].start - 10, diff.a[0].end - 10)).toBe('yes');
    expect(b.slice(diff.b[0].start - 20, diff.b[0].end - 20)).toBe('no');
  });

  it('finds nothing to mark in identical spans', () => {
    expect(wordDiff('same words here', 'same words here')).toEqual({ a: [], b: [] });
  });
});

describe('piecesOf', () => {
  it('cuts a segment at mark boundaries, covering it without gaps', () => {
    const pieces = piecesOf(10, 30, [
      { start: 12, end: 15, mark: 'inserted' },
      { start: 20, end: 22, mark: 'changed' },
    ]);
    expect(pieces).toEqual([
      { start: 10, end: 12, mark: null },
      { start: 12, end: 15, mark: 'inserted' },
      { start: 15, end: 20, mark: null },
      { start: 20, end: 22, mark: 'changed' },
      { start: 22, end: 30, mark: null },
    ]);
  });

  it('clips ranges reaching outside the segment', () => {
    expect(piecesOf(10, 20, [{ start: 5, end: 12, mark: 'removed' }, { start: 18, end: 40, mark: 'removed' }])).toEqual([
      { start: 10, end: 12, mark: 'removed' },
      { start: 12, end: 18, mark: null },
      { start: 18, end: 20, mark: 'removed' },
    ]);
  });
});
