/**
 * Revisions and their consequences in plain words: where a revision came from ("fetched from
 * example.org"), how it is listed in the revision picker, what re-anchoring did to the annotations
 * ("12 passages moved, 2 changed, 1 orphaned"), and what fetching a page again found. Pure code.
 */
import type { AddOutcome, ReanchorCounts, SourceRevision } from '../api/source-api';

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** Where revision `r` came from, as a phrase: "fetched from example.org", "pasted by ana". */
export function originText(r: Pick<SourceRevision, 'origin'>): string {
  const { kind, url, fileName, by } = r.origin;
  const who = by ? ` by ${by}` : '';
  switch (kind) {
    case 'fetch':
      return `fetched from ${url ? hostOf(url) : 'the web'}${who}`;
    case 'paste':
      return `pasted${who}`;
    case 'upload':
      return `uploaded${fileName ? ` as ${fileName}` : ''}${who}`;
    case 'file':
      return `read from ${fileName ?? 'the sources folder'}`;
    case 'import':
      return `imported${fileName ? ` from ${fileName}` : ''}${who}`;
  }
}

/** A time as the reader's locale writes it, or the raw value when it does not parse. */
export function whenText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How a revision is named in the picker: "Revision 3 · 4 May 2026, 10:02 · fetched from example.org". */
export function revisionLabel(r: Pick<SourceRevision, 'revision' | 'created' | 'origin'>): string {
  return `Revision ${r.revision} · ${whenText(r.origin.fetchedAt ?? r.created)} · ${originText(r)}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** What re-anchoring did: "12 passages moved, 2 changed, 1 orphaned", or that nothing annotated was touched. */
export function reanchorText(counts: ReanchorCounts | undefined): string {
  if (!counts) return 'no annotated passage was affected';
  const parts: string[] = [];
  if (counts.moved) parts.push(`${count(counts.moved, 'passage')} moved`);
  if (counts.changed) parts.push(`${parts.length ? counts.changed.toLocaleString('en') : count(counts.changed, 'passage')} changed`);
  if (counts.orphaned) parts.push(`${parts.length ? counts.orphaned.toLocaleString('en') : count(counts.orphaned, 'passage')} orphaned`);
  if (parts.length === 0) return counts.unchanged ? `all ${count(counts.unchanged, 'annotated passage')} stayed as they were` : 'no annotated passage was affected';
  return parts.join(', ');
}

/**
 * What fetching a page again found: "Unchanged since revision 2.", "Revision 3: 12 passages moved, 2
 * changed, 1 orphaned.", or new details only. `before` is the revision shown before the fetch.
 */
export function refetchMessage(outcome: AddOutcome, before: number | undefined): string {
  const now = outcome.source.revision;
  if (outcome.status === 'unchanged') return `Fetched again: unchanged since revision ${now ?? before ?? 1}.`;
  if (now !== undefined && before !== undefined && now === before) return 'Fetched again: the text is unchanged; the page gave new details (title, author, date or address).';
  return `Revision ${now ?? '?'}: ${reanchorText(outcome.reanchored)}.`;
}

/** How the list of changes names a change of `words` words. */
export function changeStats(kind: 'added' | 'removed' | 'reworded', words: number): string {
  const w = count(words, 'word');
  return kind === 'added' ? `added · ${w}` : kind === 'removed' ? `removed · ${w}` : `reworded · ${w}`;
}
