/** Times on cards and in the history, as people say them, and who changed a card last. */
import { describe, expect, it } from 'vitest';
import { lastEdit } from '../../../client/history/last-edit';
import { relativeTime } from '../../../client/history/relative-time';

const NOW = Date.parse('2026-05-04T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

describe('relativeTime', () => {
  it('counts minutes, hours and days, then gives the date', () => {
    expect(relativeTime(ago(10_000), NOW)).toBe('just now');
    expect(relativeTime(ago(-60_000), NOW)).toBe('just now');
    expect(relativeTime(ago(3 * 60_000), NOW)).toBe('3 min ago');
    expect(relativeTime(ago(5 * 3600_000), NOW)).toBe('5 h ago');
    expect(relativeTime(ago(30 * 3600_000), NOW)).toBe('yesterday');
    expect(relativeTime(ago(4 * 86_400_000), NOW)).toBe('4 days ago');
    expect(relativeTime('2026-01-02T10:00:00Z', NOW)).toBe('2 Jan 2026');
    expect(relativeTime('not a time', NOW)).toBe('not a time');
  });
});

describe('lastEdit', () => {
  const a = { revision: 1, creator: 'ana', modified: '2026-05-04T11:57:00Z' };
  it('names the creator of a first revision and the last editor after', () => {
    expect(lastEdit(a)).toEqual({ verb: 'created', by: 'ana', at: a.modified });
    expect(lastEdit({ ...a, revision: 3, modifiedBy: 'bob' })).toEqual({ verb: 'edited', by: 'bob', at: a.modified });
    // Records from before the last editor was kept: the creator stands in.
    expect(lastEdit({ ...a, revision: 2 })).toEqual({ verb: 'edited', by: 'ana', at: a.modified });
    // Not stored yet: no byline.
    expect(lastEdit({ ...a, creator: '' })).toBeNull();
  });
});
