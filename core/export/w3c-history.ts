/**
 * Reading `collate:history` back on import: the list of changes an export carried (see w3c-export.ts),
 * each checked against the history record's shape, so what a store keeps from a file is always a
 * record it could have written itself. Whether the file tells the truth is another matter: the
 * store adds an `imported` entry naming who brought it in, and when.
 */
import { HistoryItem } from '../model';
import type { ImportError } from './json-path';

/** More entries than any annotation collects in practice; a guard against files built to exhaust the store. */
export const MAX_HISTORY_ITEMS = 10_000;

/** The history items in `value` (undefined when absent); problems go to `errors` with their paths. */
export function parseHistory(value: unknown, path: string, errors: ImportError[]): HistoryItem[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    errors.push({ path, message: 'must be a list of history entries' });
    return undefined;
  }
  if (value.length > MAX_HISTORY_ITEMS) {
    errors.push({ path, message: `holds ${value.length} entries; at most ${MAX_HISTORY_ITEMS} are taken` });
    return undefined;
  }
  const items: HistoryItem[] = [];
  value.forEach((raw, i) => {
    const parsed = HistoryItem.safeParse(raw);
    if (parsed.success) {
      items.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    const at = issue.path.length ? `.${issue.path.join('.')}` : '';
    errors.push({ path: `${path}[${i}]${at}`, message: issue.message });
  });
  return items;
}
