/** What an open edit form says when someone else changed or deleted its annotation. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { changedNotice, noticeText } from '../../../client/live/form-notice';

const base: Annotation = {
  id: 'a_1', revision: 2, created: 'c', modified: 'm', creator: 'ana', set: 'default', kind: 'claim',
  targets: [{ source: 's', start: 1, end: 4, exact: 'abc', prefix: '', suffix: '' }], tags: [], note: '',
  claim: { claimant: 'X', verdict: 'false', evidence: [] },
};

describe('form notice', () => {
  it('names who changed it and what, only for a newer version', () => {
    const theirs = { ...base, revision: 3, modifiedBy: 'bob', claim: { ...base.claim!, verdict: 'true' as const } };
    const notice = changedNotice(base, theirs);
    expect(notice).toEqual({ kind: 'changed', by: 'bob', revision: 3, lines: ['verdict: False → True'] });
    expect(noticeText(notice!, 'ana')).toEqual({ head: 'Changed by bob while you were editing — your changes are kept; review theirs before saving:', lines: ['verdict: False → True'] });
    expect(noticeText(notice!, 'bob').head).toMatch(/^Changed by you, in another window/);
    expect(changedNotice(base, { ...base })).toBeNull();
  });

  it('says a deletion, and that what was typed is still there', () => {
    expect(noticeText({ kind: 'deleted' }, 'ana').head).toMatch(/deleted elsewhere while you were editing\. What you typed is still here/);
  });
});
