import { describe, expect, it } from 'vitest';
import type { AddOutcome } from '../../../client/api/source-api';
import { originText, reanchorText, refetchMessage, revisionLabel } from '../../../client/changes/revision-words';

const outcome = (status: AddOutcome['status'], revision: number, reanchored?: AddOutcome['reanchored']): AddOutcome => ({
  status,
  source: { id: 's', title: 'S', outlet: 'O', guessed: [], length: 1, hash: 'h', revision },
  ...(reanchored ? { reanchored } : {}),
});

describe('revisions in words', () => {
  it('says where a revision came from', () => {
    expect(originText({ origin: { kind: 'fetch', url: 'https://news.example.org/a/b?c', by: 'ana' } })).toBe('fetched from news.example.org by ana');
    expect(originText({ origin: { kind: 'upload', fileName: 'notes.md', by: 'ana' } })).toBe('uploaded as notes.md by ana');
    expect(originText({ origin: { kind: 'file', fileName: 'story.txt' } })).toBe('read from story.txt');
    expect(originText({ origin: { kind: 'paste' } })).toBe('pasted');
    expect(revisionLabel({ revision: 3, created: 'not a time', origin: { kind: 'paste', by: 'eddie' } })).toBe('Revision 3 · not a time · pasted by eddie');
  });

  it('says what re-anchoring did', () => {
    expect(reanchorText({ unchanged: 40, moved: 12, changed: 2, orphaned: 1 })).toBe('12 passages moved, 2 changed, 1 orphaned');
    expect(reanchorText({ unchanged: 0, moved: 0, changed: 1, orphaned: 0 })).toBe('1 passage changed');
    expect(reanchorText({ unchanged: 5, moved: 0, changed: 0, orphaned: 0 })).toBe('all 5 annotated passages stayed as they were');
    expect(reanchorText(undefined)).toBe('no annotated passage was affected');
  });

  it('says what fetching again found', () => {
    expect(refetchMessage(outcome('unchanged', 2), 2)).toBe('Fetched again: unchanged since revision 2.');
    expect(refetchMessage(outcome('revised', 3, { unchanged: 3, moved: 12, changed: 2, orphaned: 1 }), 2)).toBe('Revision 3: 12 passages moved, 2 changed, 1 orphaned.');
    expect(refetchMessage(outcome('revised', 2), 2)).toMatch(/text is unchanged; the page gave new details/);
  });
});
