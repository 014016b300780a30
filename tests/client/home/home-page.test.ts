/** The home page's grouping and its state: a reload keeps the list shown until the new one arrives. */
import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../../client/api/client';
import { applyHome, groupByOutlet } from '../../../client/home/home-page';

const src = (id: string, outlet: string, title: string) => ({ id, outlet, title }) as SourceSummary;

describe('home page', () => {
  it('groups sources by outlet, outlets and titles in order, unknown outlets named', () => {
    const groups = groupByOutlet([src('b', 'NewsBlaze', 'Zeta'), src('a', 'NewsBlaze', 'Alpha'), src('c', '', 'Gamma'), src('d', 'GSN', 'Delta')]);
    expect(groups.map(([outlet, list]) => [outlet, list.map((s) => s.id)])).toEqual([['GSN', ['d']], ['NewsBlaze', ['a', 'b']], ['Unknown outlet', ['c']]]);
  });

  it('keeps the list shown while it reloads', () => {
    const ready = applyHome({ phase: 'loading' }, { type: 'loaded', sources: [src('a', 'X', 'A')] });
    expect(applyHome(ready, { type: 'reload' })).toBe(ready);
    expect(applyHome(ready, { type: 'failed', message: 'down' })).toEqual({ phase: 'failed', message: 'down' });
  });
});
