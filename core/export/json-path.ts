/**
 * Small helpers for reading untrusted JSON during import: type guards, JSON-LD's "one value or an
 * array of values", and the located error paths (`items[3].target[0]`) that import reports.
 */

/** One import problem: where in the input (dotted path with [index], '' for the root) and what is wrong. */
export interface ImportError {
  path: string;
  message: string;
}

/** A plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON-LD lets most properties hold one value or an array: this always gives an array (none for undefined). */
export function listOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `base.key`, or `key` at the root. */
export function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}
