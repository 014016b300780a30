/**
 * The inconsistency being put together across sources: the passages chosen so far (one per
 * selection, in any sources), kept in localStorage so it survives moving from source to source and
 * reloads, with whether its tray is folded. The list operations are pure and unit tested; the
 * load / save functions are the storage.
 */
import { PREF_KEYS, readPref, writePref } from '../ui/preferences';

/** One chosen passage, with the source's title for the tray. */
export interface DraftPassage {
  source: string;
  title: string;
  start: number;
  end: number;
  exact: string;
}

/** The draft: the passages in the order they were added. */
export interface InconsistencyDraft {
  passages: DraftPassage[];
}

/** An empty draft. */
export const EMPTY_DRAFT: InconsistencyDraft = { passages: [] };

/** An inconsistency needs at least this many passages (a linking kind links two or more). */
export const MIN_PASSAGES = 2;

function samePassage(a: DraftPassage, b: Pick<DraftPassage, 'source' | 'start' | 'end'>): boolean {
  return a.source === b.source && a.start === b.start && a.end === b.end;
}

/** The draft with `p` added at the end; adding a passage already in it changes nothing. */
export function addPassage(draft: InconsistencyDraft, p: DraftPassage): InconsistencyDraft {
  if (draft.passages.some((x) => samePassage(x, p))) return draft;
  return { passages: [...draft.passages, p] };
}

/** The draft without passage `index`. */
export function removePassage(draft: InconsistencyDraft, index: number): InconsistencyDraft {
  return { passages: draft.passages.filter((_, i) => i !== index) };
}

/** True when the draft can be saved. */
export function isComplete(draft: InconsistencyDraft): boolean {
  return draft.passages.length >= MIN_PASSAGES;
}

function isPassage(x: unknown): x is DraftPassage {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return typeof p.source === 'string' && typeof p.title === 'string' && typeof p.exact === 'string'
    && Number.isInteger(p.start) && Number.isInteger(p.end) && (p.end as number) > (p.start as number);
}

/** Read a stored draft, dropping anything malformed (storage is user-editable and may be stale). */
export function parseDraft(raw: string | null): InconsistencyDraft {
  if (!raw) return EMPTY_DRAFT;
  try {
    const parsed = JSON.parse(raw) as { passages?: unknown };
    return { passages: Array.isArray(parsed.passages) ? parsed.passages.filter(isPassage) : [] };
  } catch {
    return EMPTY_DRAFT;
  }
}

/** The stored draft (empty when none or when storage is unavailable). */
export function loadDraft(): InconsistencyDraft {
  return parseDraft(readPref(PREF_KEYS.draft));
}

/** Store the draft; an empty one is removed. */
export function saveDraft(draft: InconsistencyDraft): void {
  writePref(PREF_KEYS.draft, draft.passages.length === 0 ? null : JSON.stringify(draft));
}

/** Whether the tray was last left folded. */
export function loadTrayCollapsed(): boolean {
  return readPref(PREF_KEYS.trayCollapsed) === 'yes';
}

/** Remember whether the tray is folded. */
export function saveTrayCollapsed(collapsed: boolean): void {
  writePref(PREF_KEYS.trayCollapsed, collapsed ? 'yes' : null);
}

/** Whether a storage event (another tab) concerns the draft or the tray. */
export function isDraftStorageKey(key: string | null): boolean {
  return key === null || key === PREF_KEYS.draft || key === PREF_KEYS.trayCollapsed;
}
