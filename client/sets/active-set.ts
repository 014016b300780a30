/**
 * The active annotation set: where new annotations go. Remembered in localStorage so a reload or
 * another tab keeps the user's choice; falls back to `default` when the remembered set is gone.
 */
import { DEFAULT_SET } from '../../core/model/vocabulary';

const STORAGE_KEY = 'collate.activeSet';

/** The remembered active set if it is among `available`, else `default`. */
export function loadActiveSet(available: readonly string[]): string {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): the default set still works.
  }
  return stored && available.includes(stored) ? stored : DEFAULT_SET;
}

/** Remember `name` as the active set. */
export function saveActiveSet(name: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, name);
  } catch {
    // Not remembered across reloads, but the choice holds for this page.
  }
}
