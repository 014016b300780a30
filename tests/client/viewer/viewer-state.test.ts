/**
 * The source page's state transitions (applyViewer, pure): what shows (active set or all sets, the
 * filter), a save shown at once and replaced by the server's record or taken back on refusal, a
 * conflict showing the current version, deletes, focus widening the scope to show what it names,
 * the list patched after a change equal to the list computed afresh, stepping through reused
 * passages and building the inconsistency draft, stepping through the suggestions' margin marks.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, Source } from '../../../core/model';
import type { Problem } from '../../../client/annotations/annotation-actions';
import { NO_FILTER } from '../../../client/sidebar/filter-annotations';
import { emptyValues } from '../../../client/sidebar/form-values';
import { patchShown, shownAnnotations } from '../../../client/viewer/shown-annotations';
import { applyViewer, initialViewerState, marksOf, type ViewerAction, type ViewerState } from '../../../client/viewer/viewer-state';
import type { Suggestion } from '../../../core/inconsistency/types';

const SOURCE: Source = { id: 'src', title: 'A source', outlet: 'Outlet', guessed: [], length: 200, hash: 'h', text: 'x'.repeat(200) };

function ann(id: string, start: number, over: Partial<Annotation> = {}): Annotation {
  return {
    id, revision: 1, created: `2026-01-01T00:00:${String(start % 60).padStart(2, '0')}Z`, modified: '2026-01-01T00:00:00Z', creator: 'me', set: 'default',
    kind: 'note', targets: [{ source: 'src', start, end: start + 5, exact: 'xxxxx', prefix: '', suffix: '' }], tags: [], note: '', ...over,
  };
}

const SETS = [{ name: 'default', description: '', created: '', count: 0 }, { name: 'other', description: '', created: '', count: 0 }];

function loaded(annotations: Annotation[]): ViewerState {
  return applyViewer(initialViewerState('src'), { type: 'loaded', source: SOURCE, annotations, sets: SETS, activeSet: 'default' });
}

const run = (state: ViewerState, ...actions: ViewerAction[]) => actions.reduce(applyViewer, state);
const ids = (state: ViewerState) => shownAnnotations(state).map((a) => a.id);
const RANGE = { start: 50, end: 55, exact: 'xxxxx' };
const BODY = { kind: 'note' as const, set: 'default', targets: [{ source: 'src', ...RANGE }], tags: ['t'], note: 'new' };

describe('what shows', () => {
  const s = loaded([ann('b', 30), ann('a', 10), ann('o', 20, { set: 'other' }), ann('c', 40, { kind: 'claim', claim: { claimant: 'X', verdict: 'false', evidence: [] } })]);

  it('lists the active set in text order, all sets when asked, and what passes the filter', () => {
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    expect(ids(run(s, { type: 'all-sets', all: true }))).toEqual(['a', 'o', 'b', 'c']);
    expect(ids(run(s, { type: 'active-set', name: 'other' }))).toEqual(['o']);
    expect(ids(run(s, { type: 'filter', filter: { ...NO_FILTER, kind: 'claim' } }))).toEqual(['c']);
  });

  it('widens the scope to show an annotation focused from a link or the text', () => {
    const filtered = run(s, { type: 'filter', filter: { ...NO_FILTER, kind: 'claim' } });
    const focused = run(filtered, { type: 'focus', id: 'o', from: 'route' });
    expect(focused.allSets).toBe(true);
    expect(focused.filter).toEqual(NO_FILTER);
    expect(ids(focused)).toContain('o');
    // From its own card nothing widens (the card is shown already).
    expect(run(filtered, { type: 'focus', id: 'c', from: 'card' }).filter.kind).toBe('claim');
  });
});

describe('saving', () => {
  const opened = run(loaded([ann('a', 10)]), { type: 'open-create', kind: 'note', range: RANGE });

  it('shows a new annotation at once, then the server\'s record in its place', () => {
    const saving = run(opened, { type: 'save', values: emptyValues('default'), body: BODY });
    expect(saving.form?.saving).toBe(true);
    const [tempId] = saving.provisional;
    expect(ids(saving)).toEqual(['a', tempId]);
    expect(saving.annotations.get(tempId)).toMatchObject({ kind: 'note', note: 'new', tags: ['t'], targets: [{ start: 50, end: 55 }] });
    expect(saving.focus).toMatchObject({ id: tempId, from: 'saving' });
    const stored = ann('a_new', 50, { note: 'new', tags: ['t'] });
    const done = run(saving, { type: 'created', tempId, annotation: stored });
    expect(ids(done)).toEqual(['a', 'a_new']);
    expect(done.provisional.size).toBe(0);
    expect(done.form).toBeNull();
    expect(done.focus).toMatchObject({ id: 'a_new', from: 'text' });
  });

  it('takes a refused new annotation back and keeps the form with the problem', () => {
    const saving = run(opened, { type: 'save', values: emptyValues('default'), body: BODY });
    const [tempId] = saving.provisional;
    const problem: Problem = { kind: 'invalid', message: 'Not saved: The note is too long.', fields: [{ field: 'note', message: 'The note is too long.' }] };
    const refused = run(saving, { type: 'save-failed', problem, tempId });
    expect(ids(refused)).toEqual(['a']);
    expect(refused.form).toMatchObject({ saving: false, problem, mode: 'create' });
  });

  it('shows the current version on a conflict and bases the next save on it', () => {
    const editing = run(loaded([ann('a', 10)]), { type: 'open-edit', id: 'a' }, { type: 'save', values: emptyValues('default'), body: null });
    const current = ann('a', 10, { revision: 2, note: 'changed elsewhere' });
    const conflicted = run(editing, { type: 'save-failed', problem: { kind: 'conflict', message: 'changed', current } });
    expect(conflicted.annotations.get('a')?.note).toBe('changed elsewhere');
    expect(conflicted.form?.base?.revision).toBe(2);
    expect(conflicted.form?.saving).toBe(false);
  });
});

describe('deleting', () => {
  const s = loaded([ann('a', 10), ann('b', 20)]);

  it('removes what was deleted, here or elsewhere, and shows the current version on a conflict', () => {
    expect(run(s, { type: 'delete', id: 'a' }).deleting.has('a')).toBe(true);
    expect(ids(run(s, { type: 'delete', id: 'a' }, { type: 'deleted', id: 'a' }))).toEqual(['b']);
    expect(ids(run(s, { type: 'delete', id: 'a' }, { type: 'delete-failed', id: 'a', problem: { kind: 'gone', message: 'gone' } }))).toEqual(['b']);
    const current = ann('a', 10, { revision: 3, note: 'kept' });
    const kept = run(s, { type: 'delete', id: 'a' }, { type: 'delete-failed', id: 'a', problem: { kind: 'conflict', message: 'changed', current } });
    expect(kept.annotations.get('a')?.note).toBe('kept');
    expect(kept.deleting.size).toBe(0);
  });
});

describe('patchShown', () => {
  it('gives the list computed afresh, for every kind of small change', () => {
    let prev = loaded(Array.from({ length: 30 }, (_, i) => ann(`n${i}`, (i * 37) % 190, { set: i % 4 === 0 ? 'other' : 'default' })));
    let list = shownAnnotations(prev);
    const changes: ViewerAction[] = [
      { type: 'made-elsewhere', annotations: [ann('x1', 3), ann('x2', 180, { set: 'other' })], focus: false },
      { type: 'deleted', id: 'n5' },
      { type: 'edited', annotation: ann('n6', 100, { revision: 2, note: 'moved' }) },
      { type: 'open-create', kind: 'note', range: RANGE },
      { type: 'save', values: emptyValues('default'), body: BODY },
      { type: 'made-elsewhere', annotations: [ann('elsewhere', 0, { targets: [{ source: 'other-src', start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }] })], focus: false },
    ];
    for (const action of changes) {
      const next = applyViewer(prev, action);
      const patched = patchShown(list, prev, next);
      expect(patched?.list.map((a) => a.id)).toEqual(ids(next));
      list = patched?.list ?? [];
      prev = next;
    }
    // A change of scope is not patched.
    expect(patchShown(list, prev, applyViewer(prev, { type: 'all-sets', all: true }))).toBeNull();
  });
});

describe('reuse and the draft', () => {
  const marks = [0, 1, 2].map((i) => ({ start: i * 10, end: i * 10 + 5, boilerplate: false, words: 8, copies: [] }));

  it('steps through reused passages once loaded, wrapping around, and shows them', () => {
    const s = run(loaded([]), { type: 'show-reuse', visible: false });
    expect(run(s, { type: 'step-reuse', dir: 1 }).activeReuse).toBeNull();
    const ready = run(s, { type: 'reuse-loaded', marks });
    const stepped = run(ready, { type: 'step-reuse', dir: -1 });
    expect(stepped).toMatchObject({ activeReuse: 2, showReuse: true, reuseByKey: true });
    expect(run(stepped, { type: 'step-reuse', dir: 1 }).activeReuse).toBe(0);
  });

  it('adds a passage to the draft once, unfolding the tray', () => {
    const s = run(loaded([]), { type: 'tray-collapsed', collapsed: true });
    const passage = { source: 'src', title: 'A source', start: 1, end: 4, exact: 'xxx' };
    const added = run(s, { type: 'add-to-draft', passage });
    expect(added.draft.passages).toEqual([passage]);
    expect(added.trayCollapsed).toBe(false);
    expect(run(added, { type: 'add-to-draft', passage: { ...passage } })).toBe(added);
  });

  it('takes in annotations made elsewhere only when they touch this source', () => {
    const s = loaded([]);
    expect(run(s, { type: 'made-elsewhere', annotations: [ann('z', 0, { targets: [{ source: 'other', start: 0, end: 1, exact: 'x', prefix: '', suffix: '' }] })], focus: true })).toBe(s);
    expect(ids(run(s, { type: 'made-elsewhere', annotations: [ann('z', 0)], focus: true }))).toEqual(['z']);
  });
});

describe('suggestion margin marks', () => {
  const suggestion = (id: string, start: number, category: 'claim' | 'typo' | 'attribution' = 'claim'): Suggestion => ({
    id, category, summary: id, tags: [], evidence: [],
    targets: [{ source: 'src', start, end: start + 5, exact: 'xxxxx' }, ...(category === 'attribution' ? [{ source: 'other', start: 0, end: 5, exact: 'yyyyy' }] : [])],
  });
  const list = [suggestion('s_late', 120), suggestion('s_typo', 40, 'typo'), suggestion('s_diff', 80, 'attribution')];
  const ready = run(loaded([]), { type: 'suggestions-loaded', suggestions: list });

  it('marks every suggestion on this source in text order, whatever its category', () => {
    expect(marksOf(ready).map((m) => m.key)).toEqual(['s_typo#0', 's_diff#0', 's_late#0']);
    // Derived once per list.
    expect(marksOf(ready)).toBe(marksOf(run(ready, { type: 'filter', filter: NO_FILTER })));
  });

  it('steps from where the reader is, shows hidden marks, and goes on from the open mark', () => {
    const hidden = run(ready, { type: 'show-marks', visible: false });
    const first = run(hidden, { type: 'step-mark', dir: 1, from: 60 });
    expect(first).toMatchObject({ activeMark: 's_diff#0', markByKey: true, showMarks: true });
    expect(run(first, { type: 'step-mark', dir: 1 }).activeMark).toBe('s_late#0');
    expect(run(first, { type: 'step-mark', dir: -1 }).activeMark).toBe('s_typo#0');
    // Before the suggestions are there, nothing to step to.
    const loading = run(loaded([]), { type: 'step-mark', dir: 1 });
    expect(loading.activeMark).toBeNull();
  });

  it('opens on a suggestion named by the address, and closes a mark whose suggestion was decided', () => {
    const opened = run(ready, { type: 'open-suggestion', id: 's_late' });
    expect(opened).toMatchObject({ activeMark: 's_late#0', markByKey: true });
    expect(run(ready, { type: 'open-suggestion', id: 'gone' })).toBe(ready);
    const handled = run(opened, { type: 'suggestion-handled', id: 's_late' });
    expect(handled.activeMark).toBeNull();
    expect(marksOf(handled).map((m) => m.id)).toEqual(['s_typo', 's_diff']);
    expect(run(opened, { type: 'suggestion-handled', id: 's_typo' }).activeMark).toBe('s_late#0');
  });

  it('closes the open mark when the marks are hidden', () => {
    const opened = run(ready, { type: 'activate-mark', key: 's_typo#0', byKey: false });
    expect(opened).toMatchObject({ activeMark: 's_typo#0', markByKey: false });
    expect(run(opened, { type: 'show-marks', visible: false }).activeMark).toBeNull();
  });
});
