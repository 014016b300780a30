/**
 * The source page's transitions for changes made elsewhere (applyViewerPage, pure): another
 * person's annotation appears, changes and goes; the user's own new annotation heard before the
 * save's answer shows once; an open edit form is told at once who changed its annotation and what,
 * and stays based on the version the user started from; a newer source revision waits for a
 * reload; and a form kept over a sign-in comes back with what was typed.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Source } from '../../../core/model';
import { emptyValues, valuesOf } from '../../../client/sidebar/form-values';
import { CONFLICT_MESSAGE } from '../../../client/annotations/annotation-actions';
import { applyViewerPage, keptFormOf, type KeptForm, type ViewerPageAction } from '../../../client/viewer/viewer-live';
import { initialViewerState, type ViewerState } from '../../../client/viewer/viewer-state';

const TEXT = 'The quick brown fox jumps over the lazy dog. '.repeat(4);
const SOURCE: Source = { id: 'src', title: 'A source', outlet: 'Outlet', guessed: [], length: TEXT.length, hash: 'h', text: TEXT, revision: 2 };

function ann(id: string, start: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id, revision: 1, created: '2026-01-01T00:00:00Z', modified: '2026-01-01T00:00:00Z', creator: 'ana', set: 'default', kind: 'note',
    targets: [{ source: 'src', start, end: start + 5, exact: TEXT.slice(start, start + 5), prefix: '', suffix: '', revision: 2 }], tags: [], note: '', ...over,
  };
}

const run = (state: ViewerState, ...actions: ViewerPageAction[]) => actions.reduce(applyViewerPage, state);
const loaded = (annotations: Annotation[]) =>
  run(initialViewerState('src'), { type: 'loaded', source: SOURCE, annotations, sets: [], activeSet: 'default' });

describe('another person’s changes', () => {
  it('shows a new annotation, a newer version, and takes a deleted one away', () => {
    const s = loaded([ann('a', 0)]);
    const added = run(s, { type: 'remote-annotation', annotation: ann('b', 10, { creator: 'bob', tags: ['fresh'] }) });
    expect([...added.annotations.keys()]).toEqual(['a', 'b']);
    // Autocomplete offers the tag someone else just used.
    expect(run({ ...s, vocabulary: { tags: [], claimants: [] } }, { type: 'remote-annotation', annotation: ann('b', 10, { tags: ['fresh'] }) }).vocabulary?.tags).toEqual([{ name: 'fresh', count: 1 }]);
    const edited = run(added, { type: 'remote-annotation', annotation: ann('a', 0, { revision: 2, note: 'changed', modifiedBy: 'bob' }) });
    expect(edited.annotations.get('a')?.note).toBe('changed');
    // An older version arriving late changes nothing.
    expect(run(edited, { type: 'remote-annotation', annotation: ann('a', 0) })).toBe(edited);
    const focused = run(edited, { type: 'focus', id: 'b', from: 'card' });
    const gone = run(focused, { type: 'remote-deleted', id: 'b' });
    expect([...gone.annotations.keys()]).toEqual(['a']);
    expect(gone.focus.id).toBeNull();
    expect(run(gone, { type: 'remote-deleted', id: 'b' })).toBe(gone);
  });

  it('drops one moved to another source, ignores other sources, and waits for a newer text', () => {
    const s = loaded([ann('a', 0)]);
    const elsewhere = (a: Annotation) => ({ ...a, targets: a.targets.map((t) => ({ ...t, source: 'other' })) });
    expect(run(s, { type: 'remote-annotation', annotation: elsewhere(ann('a', 0, { revision: 2 })) }).annotations.has('a')).toBe(false);
    expect(run(s, { type: 'remote-annotation', annotation: elsewhere(ann('z', 0)) })).toBe(s);
    const newer = ann('a', 7, { revision: 2 });
    newer.targets[0].revision = 3;
    expect(run(s, { type: 'remote-annotation', annotation: newer })).toBe(s);
  });

  it('shows the user’s own new annotation once when the live update comes before the save’s answer', () => {
    const s = run(loaded([]), { type: 'open-create', kind: 'note', range: { start: 10, end: 15, exact: TEXT.slice(10, 15) } });
    const saving = run(s, { type: 'save', values: emptyValues('default'), body: { kind: 'note', targets: [{ source: 'src', start: 10, end: 15, exact: TEXT.slice(10, 15) }] } });
    const [tempId] = saving.provisional;
    const stored = ann('a_new', 10);
    const heard = run(saving, { type: 'remote-annotation', annotation: stored });
    expect([...heard.annotations.keys()]).toEqual(['a_new']);
    expect(heard.provisional.size).toBe(0);
    const answered = run(heard, { type: 'created', tempId, annotation: stored });
    expect([...answered.annotations.keys()]).toEqual(['a_new']);
    expect(answered.form).toBeNull();
  });
});

describe('an open edit form', () => {
  const claim = ann('c', 0, { kind: 'claim', claim: { claimant: 'X', verdict: 'false', evidence: [] } });
  const editing = run(loaded([claim]), { type: 'open-edit', id: 'c' });
  const theirs = { ...claim, revision: 2, modifiedBy: 'bob', claim: { claimant: 'X', verdict: 'true' as const, evidence: [] } };

  it('says at once who changed its annotation and what, and stays based on the version the user started from', () => {
    const told = run(editing, { type: 'remote-annotation', annotation: theirs });
    expect(told.form?.elsewhere).toEqual({ kind: 'changed', by: 'bob', revision: 2, lines: ['verdict: False → True'] });
    expect(told.form?.base?.revision).toBe(1);
    expect(told.annotations.get('c')?.revision).toBe(2);
    // The save meets the conflict handling: the current version shows; the early notice has said its part.
    const conflict = run(told, { type: 'save', values: valuesOf(claim), body: null }, { type: 'save-failed', problem: { kind: 'conflict', message: CONFLICT_MESSAGE, current: theirs } });
    expect(conflict.form?.elsewhere).toBeNull();
    expect(conflict.form?.base).toBe(theirs);
  });

  it('says nothing while the user’s own save is under way (its answer or conflict will)', () => {
    const saving = run(editing, { type: 'save', values: valuesOf(claim), body: null });
    expect(run(saving, { type: 'remote-annotation', annotation: theirs }).form?.elsewhere).toBeUndefined();
  });

  it('says when its annotation was deleted, keeping the form', () => {
    const told = run(editing, { type: 'remote-deleted', id: 'c' });
    expect(told.form?.elsewhere).toEqual({ kind: 'deleted' });
    expect(told.annotations.has('c')).toBe(false);
  });
});

describe('a new revision of the source', () => {
  it('is noted once, only when newer than the text shown', () => {
    const s = loaded([]);
    expect(run(s, { type: 'source-revised', revision: 2 })).toBe(s);
    const revised = run(s, { type: 'source-revised', revision: 3 });
    expect(revised.revisedTo).toBe(3);
    expect(run(revised, { type: 'source-revised', revision: 3 })).toBe(revised);
  });
});

describe('a form kept over a sign-in', () => {
  const values = { ...emptyValues('default'), note: 'typed before the session ended' };

  it('reopens a new annotation’s form with what was typed, if its passage is still there', () => {
    const kept: KeptForm = { mode: 'create', kind: 'note', range: { start: 4, end: 9, exact: TEXT.slice(4, 9) }, values };
    const s = run(loaded([]), { type: 'restore-form', form: kept });
    expect(s.form).toMatchObject({ mode: 'create', kind: 'note', range: kept.range, initial: values, saving: false });
    const moved = { ...kept, range: { ...kept.range, exact: 'other' } };
    const unchanged = loaded([]);
    expect(run(unchanged, { type: 'restore-form', form: moved })).toBe(unchanged);
  });

  it('reopens an edit on the version being edited, and says if it changed meanwhile', () => {
    const a = ann('a', 0);
    const kept: KeptForm = { mode: 'edit', base: a, values };
    expect(run(loaded([a]), { type: 'restore-form', form: kept }).form).toMatchObject({ mode: 'edit', base: a, initial: values, elsewhere: null });
    const newer = { ...a, revision: 2, modifiedBy: 'bob', note: 'theirs' };
    expect(run(loaded([newer]), { type: 'restore-form', form: kept }).form?.elsewhere).toMatchObject({ kind: 'changed', by: 'bob' });
    expect(run(loaded([]), { type: 'restore-form', form: kept }).form?.elsewhere).toEqual({ kind: 'deleted' });
  });

  it('reads back only well-formed kept forms', () => {
    const kept = { mode: 'create', kind: 'claim', range: { start: 1, end: 2, exact: 'x' }, values };
    expect(keptFormOf(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
    expect(keptFormOf({ ...kept, kind: 'inconsistency' })).toBeNull();
    expect(keptFormOf({ ...kept, values: { note: 1 } })).toBeNull();
    expect(keptFormOf({ mode: 'edit', base: { id: 'a' }, values })).toBeNull();
    expect(keptFormOf('nonsense')).toBeNull();
  });
});
