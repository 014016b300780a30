/**
 * An annotation's recorded changes in words: a verdict change as "verdict: False → True", the
 * claim's other parts, tags, note, set, kind and passages, a deletion's summary; odd shapes said
 * as "changed" rather than thrown on. The changes come from the core's own fieldChanges, as the
 * server records them.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { deletedFields, fieldChanges } from '../../../core/annotations/annotation-changes';
import { changeLines, deletedSummary } from '../../../client/history/change-lines';

const base: Annotation = {
  id: 'a_1', revision: 1, created: '2026-05-04T09:00:00Z', modified: '2026-05-04T09:00:00Z', creator: 'ana', set: 'default', kind: 'claim',
  targets: [{ source: 's', start: 10, end: 20, exact: 'ten words', prefix: '', suffix: '' }],
  tags: ['quote', 'numbers'], note: 'Checked the transcript.',
  claim: { claimant: 'Frank Rose', verdict: 'false', evidence: ['https://a.example/1'] },
};
const lines = (after: Partial<Annotation>) => changeLines(fieldChanges(base, { ...base, ...after })).map((l) => l.text);

describe('changeLines', () => {
  it('says a verdict change, and only what changed in the claim', () => {
    expect(lines({ claim: { ...base.claim!, verdict: 'true' } })).toEqual(['verdict: False → True']);
    expect(lines({ claim: { claimant: 'F. Rose', verdict: 'mostly-true', evidence: ['https://a.example/1', 'https://b.example/2'] } })).toEqual([
      'verdict: False → Mostly true',
      'claimant: “Frank Rose” → “F. Rose”',
      'evidence: added https://b.example/2',
    ]);
  });

  it('says tags added and removed, the note before and after, the set and the kind', () => {
    expect(lines({ tags: ['quote', 'typo'] })).toEqual(['tags: added “typo”; removed “numbers”']);
    expect(lines({ note: '' })).toEqual(['note: “Checked the transcript.” → (empty)']);
    expect(lines({ set: 'desk' })).toEqual(['set: default → desk']);
    expect(lines({ kind: 'note', claim: undefined })).toEqual(['kind: Claim → Note', 'verdict: False → (none)', 'claimant: “Frank Rose” → (empty)', 'evidence: removed https://a.example/1']);
  });

  it('says how a passage changed: new words, moved, orphaned, added', () => {
    const t = base.targets[0];
    expect(lines({ targets: [{ ...t, exact: 'ten other words', end: 25 }] })).toEqual(['passage: “ten words” → “ten other words”']);
    expect(lines({ targets: [{ ...t, start: 40, end: 50 }] })).toEqual(['passage moved in the text (same words)']);
    expect(lines({ targets: [{ ...t, orphaned: true }] })).toEqual(['passage orphaned: “ten words” is no longer in the source']);
    expect(lines({ targets: [t, { ...t, source: 'other', exact: 'a copy' }] })).toEqual(['passage 2 added: “a copy” (other)']);
  });

  it('shortens long notes, and says odd values changed without failing', () => {
    const [line] = lines({ note: 'word '.repeat(60) });
    expect(line.length).toBeLessThan(200);
    expect(line).toMatch(/…”$/);
    expect(changeLines([{ field: 'mystery', before: 1, after: 2 }])).toEqual([{ field: 'mystery', text: 'mystery: changed' }]);
    expect(changeLines([{ field: 'claim', before: 'junk', after: { verdict: 'nonsense' } }])[0].text).toBe('verdict: (none) → nonsense');
  });
});

describe('deletedSummary', () => {
  it('says what a deleted annotation was', () => {
    expect(deletedSummary(deletedFields(base))).toBe('Claim, verdict False, by Frank Rose: “ten words” · note “Checked the transcript.”');
    expect(deletedSummary([])).toBe('(none)');
  });
});
