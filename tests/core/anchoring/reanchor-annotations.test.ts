import { describe, expect, it } from 'vitest';
import { quoteContext } from '../../../core/anchoring/quote-context';
import { reanchorAnnotations } from '../../../core/anchoring/reanchor-annotations';
import type { Annotation, Target } from '../../../core/model';

/** Named fixture: two paragraphs of a wire story, and a revision that edits one and deletes a sentence. */
const OLD = [
  'Moscow rejected the missile shield proposal on Tuesday, officials said after the talks in Geneva ended.',
  'Frank Rose told reporters the system is not aimed at Russia. He declined to give a timetable for the next round.',
].join('\n\n');
const NEW = [
  'Moscow rejected the missile shield proposal on Tuesday, officials said after the talks in Geneva ended without agreement.',
  'Frank Rose told journalists the system is not aimed at Russia.',
].join('\n\n');
const OTHER = 'A different article that is not revised.';

function target(source: string, text: string, exact: string): Target {
  const start = text.indexOf(exact);
  return { source, start, end: start + exact.length, exact, ...quoteContext(text, start, start + exact.length), revision: 1 };
}

function annotation(id: string, targets: Target[]): Annotation {
  return { id, revision: 4, created: 't0', modified: 't0', creator: 'c', set: 'default', kind: targets.length > 1 ? 'inconsistency' : 'claim', targets, tags: [], note: '' };
}

describe('reanchorAnnotations', () => {
  const stays = annotation('a_stays', [target('wire', OLD, 'rejected the missile shield')]);
  const changes = annotation('a_changes', [target('wire', OLD, 'Frank Rose told reporters'), target('other', OTHER, 'not revised')]);
  const goes = annotation('a_goes', [target('wire', OLD, 'declined to give a timetable')]);
  const elsewhere = annotation('a_elsewhere', [target('other', OTHER, 'different article')]);
  const all = [stays, changes, goes, elsewhere];

  it('maps every target on the revised source, leaves other sources alone and counts the outcomes', () => {
    const result = reanchorAnnotations(all, { source: 'wire', oldText: OLD, newText: NEW, revision: 2 });
    expect(result.report).toEqual({ unchanged: 1, moved: 0, changed: 1, orphaned: 1 });
    const [a, b, c, d] = result.annotations;
    expect(a.targets[0]).toMatchObject({ start: stays.targets[0].start, revision: 2 });
    expect(b.targets[0]).toMatchObject({ exact: 'Frank Rose told journalists', changedFrom: { exact: 'Frank Rose told reporters', revision: 1 }, revision: 2 });
    expect(b.targets[1]).toBe(changes.targets[1]);
    expect(c.targets[0]).toMatchObject({ orphaned: true, exact: 'declined to give a timetable', revision: 1 });
    expect(d).toBe(elsewhere);
    // The annotation's own revision and modified time are the caller's to set when it writes.
    expect(b).toMatchObject({ revision: 4, modified: 't0' });
  });

  it('lists what must be written and what changed, with the targets before and after', () => {
    const result = reanchorAnnotations(all, { source: 'wire', oldText: OLD, newText: NEW, revision: 2 });
    expect(result.updated.map((a) => a.id)).toEqual(['a_stays', 'a_changes', 'a_goes']);
    expect(result.changes.map((c) => [c.annotation, c.index, c.status])).toEqual([
      ['a_changes', 0, 'changed'],
      ['a_goes', 0, 'orphaned'],
    ]);
    expect(result.changes[0].before).toBe(changes.targets[0]);
    expect(result.changes[0].after).toBe(result.annotations[1].targets[0]);
  });

  it('writes nothing when run again on its own result', () => {
    const first = reanchorAnnotations(all, { source: 'wire', oldText: OLD, newText: NEW, revision: 2 });
    const second = reanchorAnnotations(first.annotations, { source: 'wire', oldText: OLD, newText: NEW, revision: 2 });
    expect(second.updated).toEqual([]);
    second.annotations.forEach((a, k) => expect(a).toBe(first.annotations[k]));
  });

  it('without revision numbers, writes only the annotations whose targets moved or changed', () => {
    const unnumbered = all.map((a) => ({ ...a, targets: a.targets.map(({ revision: _r, ...t }) => t) }));
    const result = reanchorAnnotations(unnumbered, { source: 'wire', oldText: OLD, newText: NEW });
    expect(result.updated.map((a) => a.id)).toEqual(['a_changes', 'a_goes']);
    expect(result.annotations[0]).toBe(unnumbered[0]);
  });
});
