/**
 * What the user was typing when the session ended: pages register a keeper while they are shown
 * (the viewer: its open annotation form), and when an API call answers 401 every keeper is asked
 * for its draft, which waits in this tab's sessionStorage (never sent anywhere, gone with the tab)
 * until the page that made it is shown again after signing in and takes it back. Drafts are
 * tagged with a key naming what they belong to (`viewer-form:<source>`), so a draft is only
 * restored where it was typed.
 */

/** A kept draft: what it belongs to, the page's own record of it, and when it was kept. */
export interface KeptDraft<T = unknown> {
  key: string;
  value: T;
  kept: string;
}

const PREFIX = 'collate.kept.';
/** A draft older than this is not offered again: the user has long moved on. */
const MAX_AGE_MS = 7 * 24 * 3600_000;

type Keeper = () => { key: string; value: unknown } | null;
const keepers = new Set<Keeper>();

/** Register what to keep of the page shown if the session ends; returns the removal. */
export function registerKeeper(keeper: Keeper): () => void {
  keepers.add(keeper);
  return () => keepers.delete(keeper);
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Ask every keeper for its draft and store what they give; the number kept. */
export function keepDrafts(now: Date = new Date()): number {
  const store = storage();
  let n = 0;
  for (const keeper of keepers) {
    const draft = keeper();
    if (!draft) continue;
    const record: KeptDraft = { key: draft.key, value: draft.value, kept: now.toISOString() };
    try {
      store?.setItem(PREFIX + draft.key, JSON.stringify(record));
      n++;
    } catch {
      // A full or refused storage: nothing to do but go on to the sign-in page.
    }
  }
  return n;
}

/** Read a stored draft record, or null when it is missing, unreadable, of another key or too old. Pure. */
export function readDraft(raw: string | null, key: string, now: number): KeptDraft | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const r = parsed as Partial<KeptDraft>;
  if (r.key !== key || typeof r.kept !== 'string' || !('value' in r)) return null;
  const age = now - Date.parse(r.kept);
  if (!(age >= 0 && age <= MAX_AGE_MS)) return null;
  return { key: r.key, value: r.value, kept: r.kept };
}

/** Take the draft kept for `key` (it is removed), or null. */
export function takeDraft(key: string, now: number = Date.now()): KeptDraft | null {
  const store = storage();
  if (!store) return null;
  const raw = store.getItem(PREFIX + key);
  if (raw !== null) store.removeItem(PREFIX + key);
  return readDraft(raw, key, now);
}
