/**
 * The state of one page, after ProseMirror's `EditorState.apply`: one immutable state object, a
 * pure `apply(state, action)` making the next one, and `dispatch(action)` as the only door for
 * change. After each step the page's `render(prev, next)` brings the DOM in line with the new state
 * (drawing only what changed), then `effect(action, next)` starts whatever the action asks of the
 * outside world (an API call), which reports back by dispatching again. Actions dispatched while
 * another one is being handled (a render that triggers a callback) queue behind it, so every
 * render sees a state in which each earlier action has been applied once.
 */

/** What the router mounts for a route: a page that draws itself into the app element and cleans up
 * (listeners, dialogs, popovers appended to the body) when the route changes. */
export interface Page {
  destroy(): void;
}

/** A pure state transition. */
export type Apply<S, A> = (state: S, action: A) => S;

/** What a page does around its transitions. */
export interface PageHooks<S, A> {
  /** Bring the page in line with `next`; `prev` tells what changed. */
  render(prev: S, next: S, action: A): void;
  /** Start the outside work `action` asks for (API calls); results come back as actions. */
  effect?(action: A, state: S, dispatch: (action: A) => void): void;
}

/** A page's state holder. */
export interface PageStore<S, A> {
  readonly state: S;
  dispatch(action: A): void;
  /** Stop: later dispatches (late API answers after the page closed) are dropped. */
  close(): void;
}

/** Create the store of a page, starting from `initial`. */
export function createPageStore<S, A>(initial: S, apply: Apply<S, A>, hooks: PageHooks<S, A>): PageStore<S, A> {
  let state = initial;
  let closed = false;
  let running = false;
  const queue: A[] = [];
  const dispatch = (action: A): void => {
    if (closed) return;
    queue.push(action);
    if (running) return;
    running = true;
    try {
      while (queue.length > 0 && !closed) {
        const next = queue.shift() as A;
        const prev = state;
        state = apply(prev, next);
        hooks.render(prev, state, next);
        hooks.effect?.(next, state, dispatch);
      }
    } finally {
      running = false;
      queue.length = 0;
    }
  };
  return {
    get state() {
      return state;
    },
    dispatch,
    close() {
      closed = true;
    },
  };
}
