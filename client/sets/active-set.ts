/**
 * The active annotation set: where new annotations go and, unless the user shows all sets, what the
 * viewer and the compare view show. Both choices are remembered, so a reload or another tab keeps
 * them; a remembered set that is gone falls back to `default`.
 */
import { DEFAULT_SET } from '../../core/model/vocabulary';
import { PREF_KEYS, readFlag, readPref, writeFlag, writePref } from '../ui/preferences';

/** The remembered active set if it is among `available`, else `default`. */
export function loadActiveSet(available: readonly string[]): string {
  const stored = readPref(PREF_KEYS.activeSet);
  return stored && available.includes(stored) ? stored : DEFAULT_SET;
}

/** Remember `name` as the active set. */
export function saveActiveSet(name: string): void {
  writePref(PREF_KEYS.activeSet, name);
}

/** Whether annotations of every set show (else only the active set's). */
export function loadShowAllSets(): boolean {
  return readFlag(PREF_KEYS.showAllSets, false);
}

/** Remember whether every set shows. */
export function saveShowAllSets(all: boolean): void {
  writeFlag(PREF_KEYS.showAllSets, all);
}
