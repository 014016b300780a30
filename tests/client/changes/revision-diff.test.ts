import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeHunks, keptInPlace, MAX_WORD_DIFF_CHARS, revisionDiff } from '../../../client/changes/revision-diff';

const OLD = [
  'Harbour board backs the night ferry',
  'The harbour board voted on Thursday to extend the night ferry.',
  'The extension will cost 3.2 million pounds a year, the board said.',
  'Residents said the last boat made it impossible to work late.',
  'The ferry company has not yet agreed.',
].join('\n\n');

/** The unchanged text of each side, in order: what lies outside every change (spacing aside, which is no change). */
function outside(text: string, segments: readonly { start: number; end: number; passage: number | null }[]): string {
  return segments.filter((s) => s.passage === null).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()).join('|');
}

function changes(before: string, after: string) {
  const d = revisionDiff(before, after, 'old', 'new');
  return d.layout.passages.map((p, i) => ({ kind: d.kinds[i], before: before.slice(p.a.start, p.a.end), after: after.slice(p.b.start, p.b.end), diff: d.diffs[i] }));
}

describe('what changed between two revisions', () => {
  it('shows a reworded line as one change, whole, with the words that differ marked on both sides', () => {
    const after = OLD.replace('3.2 million', '3.4 million').replace('impossible to work late', 'hard to work evening shifts');
    const found = changes(OLD, after);
    expect(found.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['reworded', 'The extension will cost 3.2 million pounds a year, the board said.', 'The extension will cost 3.4 million pounds a year, the board said.'],
      ['reworded', 'Residents said the last boat made it impossible to work late.', 'Residents said the last boat made it hard to work evening shifts.'],
    ]);
    const marked = found[1].diff.b.map((r) => after.slice(r.start, r.end)).join(' ');
    expect(marked).toMatch(/hard/);
    expect(marked).toMatch(/evening/);
  });

  it('shows an added and a removed paragraph next to a line that places them', () => {
    const added = OLD.replace('The ferry company', 'A public meeting is planned for May.\n\nThe ferry company');
    expect(changes(OLD, added).map((c) => c.kind)).toEqual(['added']);
    const { before, after, diff } = changes(OLD, added)[0];
    expect(after).toContain('A public meeting is planned for May.');
    expect(before.length).toBeGreaterThan(0);
    expect(diff.a).toEqual([]);
    const removed = changes(OLD, OLD.replace('\n\nThe ferry company has not yet agreed.', ''));
    expect(removed.map((c) => [c.kind, c.after.length > 0])).toEqual([['removed', true]]);
    expect(removed[0].before).toContain('The ferry company has not yet agreed.');
  });

  it('leaves changes of spacing alone and finds nothing in equal texts', () => {
    expect(changes(OLD, OLD.replace('voted on Thursday', 'voted on\nThursday'))).toEqual([]);
    expect(changes(OLD, OLD)).toEqual([]);
  });

  it('counts a moved paragraph as removed where it was and added where it went', () => {
    const paragraphs = OLD.split('\n\n');
    const moved = [paragraphs[0], paragraphs[3], paragraphs[1], paragraphs[2], paragraphs[4]].join('\n\n');
    const found = changes(OLD, moved);
    expect(found.some((c) => c.diff.b.some((r) => moved.slice(r.start, r.end).includes('Residents')) || c.diff.a.some((r) => OLD.slice(r.start, r.end).includes('Residents')))).toBe(true);
    const d = revisionDiff(OLD, moved, 'old', 'new');
    expect(outside(OLD, d.layout.a)).toBe(outside(moved, d.layout.b));
  });

  it('keeps the text outside the changes equal on both sides, and every change whole lines, whatever the edits', () => {
    const words = ['ferry', 'board', 'island', 'night', 'cost', 'said', 'the', '3.2', 'million'];
    const text = fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')), { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
    const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 12 }), put: fc.constantFrom('', 'harbour', 'new words here', '\nadded line\n', ' ') });
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 4 }), (before, edits) => {
        let after = before;
        for (const e of edits) {
          const at = e.at % (after.length + 1);
          after = after.slice(0, at) + e.put + after.slice(at + e.cut);
        }
        const d = revisionDiff(before, after, 'old', 'new');
        expect(outside(before, d.layout.a)).toBe(outside(after, d.layout.b));
        for (const p of d.layout.passages) {
          for (const [t, s] of [[before, p.a], [after, p.b]] as const) {
            expect(s.start === 0 || t[s.start - 1] === '\n').toBe(true);
            expect(s.end === t.length || t[s.end] === '\n').toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 150), seed: process.env.DIFF_SEED ? Number(process.env.DIFF_SEED) : 20260, endOnFailure: true },
    );
  });

  it('marks a change too long to compare word by word whole', () => {
    // A text rewritten from end to end: one change, longer than the word diff is given.
    const before = Array.from({ length: 2000 }, (_, k) => `ferry board island ${k}`).join('\n');
    const after = Array.from({ length: 2000 }, (_, k) => `harbour council mainland ${k + 5000}`).join('\n');
    const d = revisionDiff(before, after, 'old', 'new');
    expect(d.layout.passages).toHaveLength(1);
    const [p] = d.layout.passages;
    expect(p.a.end - p.a.start).toBeGreaterThan(MAX_WORD_DIFF_CHARS);
    expect(d.whole).toEqual([true]);
    expect(d.diffs[0]).toEqual({ a: [{ start: p.a.start, end: p.a.end, mark: 'changed' }], b: [{ start: p.b.start, end: p.b.end, mark: 'changed' }] });
    // A change within the limit is compared word by word.
    expect(revisionDiff(OLD, OLD.replace('3.2', '3.4'), 'old', 'new').whole).toEqual([false]);
  });

  it('keeps only the text that stays in place, in order', () => {
    const chain = keptInPlace([
      { oldStart: 0, newStart: 0, length: 5, moved: false },
      { oldStart: 10, newStart: 30, length: 5, moved: true },
      { oldStart: 20, newStart: 8, length: 5, moved: false },
      { oldStart: 30, newStart: 6, length: 2, moved: false },
    ]);
    expect(chain.map((s) => s.oldStart)).toEqual([0, 20]);
    expect(changeHunks('abc', 'abc', [{ oldStart: 0, newStart: 0, length: 3, moved: false }])).toEqual([]);
  });
});
