/** A page's store: pure apply, one render per action in order, effects after, nothing after close. */
import { describe, expect, it } from 'vitest';
import { createPageStore } from '../../../client/shared/page-store';

type Action = { type: 'add'; n: number } | { type: 'double-then-add'; n: number };

describe('createPageStore', () => {
  it('renders each action once, in order, including actions dispatched while rendering or by effects', () => {
    const seen: string[] = [];
    const store = createPageStore<number, Action>(1, (s, a) => (a.type === 'add' ? s + a.n : s * 2), {
      render: (prev, next, a) => {
        seen.push(`${a.type}:${prev}->${next}`);
        if (a.type === 'double-then-add') store.dispatch({ type: 'add', n: a.n });
      },
      effect: (a, s, dispatch) => {
        if (a.type === 'add' && s < 10) dispatch({ type: 'add', n: 100 });
      },
    });
    store.dispatch({ type: 'double-then-add', n: 3 });
    expect(seen).toEqual(['double-then-add:1->2', 'add:2->5', 'add:5->105']);
    expect(store.state).toBe(105);
    store.close();
    store.dispatch({ type: 'add', n: 1 });
    expect(store.state).toBe(105);
  });
});
