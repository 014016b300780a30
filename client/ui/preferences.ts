/**
 * What the browser remembers for the user between pages, reloads and tabs (localStorage): the
 * active set and whether all sets show, whether reuse marks and suggestion marks show, the
 * inconsistency draft and its tray. Storage can be unavailable (private mode, policies): reading then gives nothing and writing
 * does nothing, so every choice still holds for the page it was made on.
 */

/** The keys in use, in one place so two features never share one by accident. */
export const PREF_KEYS = {
  activeSet: 'collate.activeSet',
  showAllSets: 'collate.showAllSets',
  showReuse: 'collate.showReuse',
  showMarks: 'collate.showSuggestionMarks',
  draft: 'collate.inconsistencyDraft',
  trayCollapsed: 'collate.draftTrayCollapsed',
} as const;

export type PrefKey = (typeof PREF_KEYS)[keyof typeof PREF_KEYS];

/** The stored value of `key`, or null (none, or storage unavailable). */
export function readPref(key: PrefKey): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Store `value` under `key`; null removes it. */
export function writePref(key: PrefKey, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered, but the choice holds on this page.
  }
}

/** A yes/no preference: `fallback` when nothing is stored. */
export function readFlag(key: PrefKey, fallback: boolean): boolean {
  const v = readPref(key);
  return v === null ? fallback : v === 'on' || v === 'yes';
}

/** Store a yes/no preference. */
export function writeFlag(key: PrefKey, on: boolean): void {
  writePref(key, on ? 'on' : 'off');
}
