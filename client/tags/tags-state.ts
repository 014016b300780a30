/**
 * The state of the tags page (`#/tags`): the tags and claimants in use, and the rename under way
 * (which tag, whether it is being saved, why it failed). Pure transitions.
 */
import type { Vocabulary } from '../api/client';

/** A rename the user started. */
export interface RenameState {
  from: string;
  saving: boolean;
  problem: string | null;
}

/** The state of the tags page. */
export interface TagsState {
  vocabulary: { phase: 'loading' } | { phase: 'ready'; value: Vocabulary } | { phase: 'failed'; message: string };
  rename: RenameState | null;
}

export type TagsAction =
  | { type: 'loaded'; vocabulary: Vocabulary }
  | { type: 'load-failed'; message: string }
  | { type: 'start-rename'; from: string }
  | { type: 'cancel-rename' }
  | { type: 'rename'; from: string; to: string }
  | { type: 'renamed'; from: string; to: string; changed: number }
  | { type: 'rename-failed'; message: string };

export const INITIAL_TAGS_STATE: TagsState = { vocabulary: { phase: 'loading' }, rename: null };

/** The next state after `action`. Pure. */
export function applyTags(state: TagsState, action: TagsAction): TagsState {
  switch (action.type) {
    case 'loaded':
      return { ...state, vocabulary: { phase: 'ready', value: action.vocabulary } };
    case 'load-failed':
      return { ...state, vocabulary: { phase: 'failed', message: action.message } };
    case 'start-rename':
      return { ...state, rename: { from: action.from, saving: false, problem: null } };
    case 'cancel-rename':
      return state.rename?.saving ? state : { ...state, rename: null };
    case 'rename':
      return state.rename && !state.rename.saving ? { ...state, rename: { ...state.rename, saving: true, problem: null } } : state;
    case 'renamed':
      return { ...state, rename: null };
    case 'rename-failed':
      return state.rename ? { ...state, rename: { ...state.rename, saving: false, problem: action.message } } : state;
  }
}

/**
 * Why `to` cannot replace tag `from` (null when it can): empty, too long, or unchanged. Renaming to
 * another tag in use is allowed: the two merge.
 */
export function renameProblem(from: string, to: string): string | null {
  const name = to.trim();
  if (name === '') return 'Give the tag a new name.';
  if (name.length > 64) return `A tag can be at most 64 characters long; this one has ${name.length}.`;
  if (name === from) return 'That is its name already.';
  return null;
}

/** The tag `to` names among `tags` other than `from` (any case): renaming then merges into it. */
export function mergeTarget(tags: readonly { name: string }[], from: string, to: string): string | null {
  const want = to.trim().toLowerCase();
  const hit = tags.find((t) => t.name.toLowerCase() === want && t.name.toLowerCase() !== from.toLowerCase());
  return hit ? hit.name : null;
}
