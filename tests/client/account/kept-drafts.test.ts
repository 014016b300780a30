/** Reading back a draft kept over a sign-in: only the right key, only recent, never a broken record. */
import { describe, expect, it } from 'vitest';
import { readDraft } from '../../../client/account/kept-drafts';

const NOW = Date.parse('2026-05-04T10:00:00Z');
const record = (over: object = {}) => JSON.stringify({ key: 'viewer-form:a', value: { note: 'typed' }, kept: '2026-05-04T09:59:00Z', ...over });

describe('readDraft', () => {
  it('gives back what was kept for its key', () => {
    expect(readDraft(record(), 'viewer-form:a', NOW)).toEqual({ key: 'viewer-form:a', value: { note: 'typed' }, kept: '2026-05-04T09:59:00Z' });
  });

  it('refuses another key, an old or future draft, and unreadable records', () => {
    expect(readDraft(record(), 'viewer-form:b', NOW)).toBeNull();
    expect(readDraft(record({ kept: '2026-04-01T00:00:00Z' }), 'viewer-form:a', NOW)).toBeNull();
    expect(readDraft(record({ kept: '2026-05-05T00:00:00Z' }), 'viewer-form:a', NOW)).toBeNull();
    expect(readDraft('{"key":"viewer-form:a"', 'viewer-form:a', NOW)).toBeNull();
    expect(readDraft(JSON.stringify({ key: 'viewer-form:a', kept: '2026-05-04T09:59:00Z' }), 'viewer-form:a', NOW)).toBeNull();
    expect(readDraft(null, 'viewer-form:a', NOW)).toBeNull();
  });
});
