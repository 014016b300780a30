/**
 * The inbox's state (applyInbox, pure): the list narrowed by category and source, in reading order,
 * with counts; moving the selection; accepting and dismissing moving the selection on at once and
 * taking the row out when the server agrees; undo offering the latest dismissal again, last first;
 * a suggestion someone else decided first staying, marked, and saying who; the dismissed view
 * loaded when first shown.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import type { Problem } from '../../../client/annotations/annotation-actions';
import {
  acceptedMessage,
  applyInbox,
  categoryCounts,
  initialInboxState,
  nextUndo,
  PAGE_SIZE,
  sourceCounts,
  type InboxAction,
  type InboxState,
} from '../../../client/inbox/inbox-state';
import { ATTRIBUTION, CLAIM, CONTEXT, TITLES, TITLE_VARIANT, TYPO, UNNAMED_CLAIM } from '../suggestions/suggestion-fixtures';

const ALL = [TYPO, ATTRIBUTION, UNNAMED_CLAIM, CLAIM, CONTEXT, TITLE_VARIANT];
const run = (state: InboxState, ...actions: InboxAction[]) => actions.reduce(applyInbox, state);
const loaded = (filter: Parameters<typeof initialInboxState>[0] = {}) => run(initialInboxState(filter), { type: 'loaded', suggestions: ALL, titles: TITLES });
const ids = (s: InboxState) => s.visible.map((x) => x.id);
const HANDLED: Problem = { kind: 'handled', message: 'Someone else accepted or dismissed this suggestion first.' };

function annotation(over: Partial<Annotation>): Annotation {
  return { id: 'a_1', revision: 1, created: '', modified: '', creator: 'me', set: 'checks', kind: 'note', targets: [], tags: [], note: '', ...over };
}

describe('the list', () => {
  it('lists by the title of the first passage’s source, then by position, selecting the first', () => {
    const s = loaded();
    // Source A: claim at 0, attribution at 50, typo at 59, context at 60; then Source B.
    expect(ids(s)).toEqual(['sug_claim', 'inc_attr', 'sug_typo', 'sug_context', 'sug_unnamed', 'sug_title']);
    expect(s.selected).toBe('sug_claim');
  });

  it('narrows by category and source, counting each filter’s choices under the other', () => {
    const s = run(loaded(), { type: 'filter', filter: { source: 'b' } });
    expect(ids(s)).toEqual(['inc_attr', 'sug_context', 'sug_unnamed', 'sug_title']);
    expect(Object.fromEntries(categoryCounts(s))).toEqual({ attribution: 1, claim: 1, context: 1, 'name-variant': 1 });
    const claims = run(s, { type: 'filter', filter: { category: 'claim', source: null } });
    expect(ids(claims)).toEqual(['sug_claim', 'sug_unnamed']);
    expect(Object.fromEntries(sourceCounts(claims))).toEqual({ a: 1, b: 1 });
    // The selection moves to a row that is listed.
    expect(claims.selected).toBe('sug_claim');
  });

  it('opens on the filters of the address', () => {
    expect(ids(loaded({ category: 'typo' }))).toEqual(['sug_typo']);
    expect(ids(loaded({ source: 'b', category: 'name-variant' }))).toEqual(['sug_title']);
  });
});

describe('moving', () => {
  it('moves down and up, and says so at either end', () => {
    let s = run(loaded(), { type: 'move', dir: 1 }, { type: 'move', dir: 1 });
    expect(s.selected).toBe('sug_typo');
    s = run(s, { type: 'move', dir: -1 }, { type: 'move', dir: -1 }, { type: 'move', dir: -1 });
    expect(s.selected).toBe('sug_claim');
    expect(s.message.text).toBe('This is the first suggestion.');
  });

  it('draws more rows when the selection moves past the last one drawn', () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({ ...TYPO, id: `t${String(i).padStart(3, '0')}`, targets: [{ ...TYPO.targets[0], start: i, end: i + 3 }] }));
    let s = run(initialInboxState(), { type: 'loaded', suggestions: many, titles: TITLES });
    s = run(s, ...Array.from({ length: PAGE_SIZE }, () => ({ type: 'move', dir: 1 }) as const));
    expect(s.selected).toBe(`t${PAGE_SIZE}`);
    expect(s.shown).toBe(2 * PAGE_SIZE);
  });
});

describe('triage', () => {
  it('accepts: the selection moves on at once, the row goes when the server made the annotation', () => {
    let s = run(loaded(), { type: 'accept', id: 'sug_claim' });
    expect(s.rows.get('sug_claim')).toEqual({ busy: 'accepting' });
    expect(s.selected).toBe('inc_attr');
    // A second key press while the server answers changes nothing.
    expect(run(s, { type: 'accept', id: 'sug_claim' })).toBe(s);
    s = run(s, { type: 'accepted', id: 'sug_claim', annotation: annotation({ kind: 'claim', claim: { claimant: 'Ellen Tauscher', verdict: 'unverified', evidence: [] } }) });
    expect(ids(s)).not.toContain('sug_claim');
    expect(s.rows.has('sug_claim')).toBe(false);
    expect(s.selected).toBe('inc_attr');
    expect(s.message.text).toBe('Claim saved to set “checks”, claimant Ellen Tauscher.');
  });

  it('says what an accepted typo became', () => {
    expect(acceptedMessage(TYPO, annotation({ kind: 'note' }))).toBe('Note saved to set “checks”, correcting “ots” to “its”.');
    expect(acceptedMessage(UNNAMED_CLAIM, annotation({ kind: 'claim', claim: { claimant: '', verdict: 'unverified', evidence: [] } }))).toBe('Claim saved to set “checks”, with no claimant named.');
    expect(acceptedMessage(ATTRIBUTION, annotation({ kind: 'inconsistency' }))).toBe('Inconsistency saved to set “checks”.');
  });

  it('dismisses, and u offers the latest dismissal again, where it was, last first', () => {
    let s = run(loaded(), { type: 'dismiss', id: 'sug_claim' }, { type: 'dismissed', id: 'sug_claim' });
    s = run(s, { type: 'dismiss', id: 'sug_typo' }, { type: 'dismissed', id: 'sug_typo' });
    expect(ids(s)).toEqual(['inc_attr', 'sug_context', 'sug_unnamed', 'sug_title']);
    expect(s.message.text).toBe('Dismissed: typo. Press u to undo.');
    expect(nextUndo(s)).toBe('sug_typo');
    s = run(s, { type: 'undo', id: 'sug_typo' });
    expect(s.rows.get('sug_typo')).toEqual({ busy: 'undoing' });
    // While one undo is under way, the next u takes the dismissal before it.
    expect(nextUndo(s)).toBe('sug_claim');
    s = run(s, { type: 'undone', id: 'sug_typo' });
    expect(ids(s)).toEqual(['inc_attr', 'sug_typo', 'sug_context', 'sug_unnamed', 'sug_title']);
    expect(s.selected).toBe('sug_typo');
    expect(nextUndo(s)).toBe('sug_claim');
    expect(s.message.text).toBe('Offered again: typo.');
  });

  it('says when there is nothing to undo', () => {
    const s = run(loaded(), { type: 'undo', id: nextUndo(loaded()) });
    expect(s.message.text).toMatch(/^Nothing to undo/);
    expect(s.rows.size).toBe(0);
  });

  it('keeps a suggestion someone else decided first, marked, saying who', () => {
    let s = run(loaded(), { type: 'accept', id: 'sug_claim' }, { type: 'failed', id: 'sug_claim', problem: HANDLED });
    expect(ids(s)).toContain('sug_claim');
    expect(s.rows.get('sug_claim')).toEqual({ problem: HANDLED.message, handled: true });
    expect(s.message).toMatchObject({ text: HANDLED.message, tone: 'error' });
    // It can no longer be acted on here.
    expect(run(s, { type: 'dismiss', id: 'sug_claim' })).toBe(s);
    s = run(s, { type: 'decided-elsewhere', id: 'sug_claim', decision: { suggestion: 'sug_claim', action: 'confirmed', at: '2026-01-01T10:00:00Z', by: 'ana', annotation: 'a_9' } });
    expect(s.rows.get('sug_claim')?.problem).toBe('Accepted by ana meanwhile.');
  });

  it('leaves a row that failed otherwise ready to try again', () => {
    const failed: Problem = { kind: 'failed', message: 'Not dismissed: Could not reach the server' };
    const s = run(loaded(), { type: 'dismiss', id: 'sug_typo' }, { type: 'failed', id: 'sug_typo', problem: failed });
    expect(s.rows.get('sug_typo')).toEqual({ problem: failed.message, handled: false });
    expect(run(s, { type: 'dismiss', id: 'sug_typo' }).rows.get('sug_typo')).toEqual({ busy: 'dismissing' });
  });
});

describe('the dismissed view', () => {
  const dismissed = [{ ...TYPO, decision: { suggestion: 'sug_typo', action: 'dismissed' as const, at: '2026-01-01T10:00:00Z', by: 'ana' } }];

  it('is loaded when first shown, and again after a dismissal here', () => {
    let s = run(loaded(), { type: 'filter', filter: { view: 'dismissed' } });
    expect(s.dismissed).toEqual({ phase: 'loading' });
    s = run(s, { type: 'dismissed-loaded', suggestions: dismissed });
    expect(ids(s)).toEqual(['sug_typo']);
    expect(s.selected).toBe('sug_typo');
    s = run(s, { type: 'filter', filter: { view: 'open' } }, { type: 'dismiss', id: 'sug_claim' }, { type: 'dismissed', id: 'sug_claim' });
    expect(s.dismissed).toBeNull();
    expect(run(s, { type: 'filter', filter: { view: 'dismissed' } }).dismissed).toEqual({ phase: 'loading' });
  });

  it('undoes the selected row, which goes back to the open list; accept and dismiss do nothing there', () => {
    let s = run(initialInboxState({ view: 'dismissed' }), { type: 'loaded', suggestions: [CLAIM], titles: TITLES }, { type: 'dismissed-loaded', suggestions: dismissed });
    expect(run(s, { type: 'dismiss', id: 'sug_typo' })).toBe(s);
    expect(nextUndo(s)).toBe('sug_typo');
    s = run(s, { type: 'undo', id: 'sug_typo' }, { type: 'undone', id: 'sug_typo' });
    expect(ids(s)).toEqual([]);
    expect(s.open.phase === 'ready' && s.open.value.map((x) => [x.id, 'decision' in x])).toEqual([['sug_claim', false], ['sug_typo', false]]);
  });
});
