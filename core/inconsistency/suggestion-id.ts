/**
 * Deterministic ids for suggestions. A dismissed suggestion must stay dismissed when the suggestions are
 * recomputed, so the id depends on what the suggestion says (category, sources, normalised words), never
 * on offsets. Pure JS string hashing: this module also runs in the browser, without Node's crypto.
 */

/** A 32-bit FNV-1a variant over UTF-16 code units, with a seed to derive independent halves. */
function hash32(input: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // Final avalanche so that inputs differing in the last characters differ in every hex digit.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * `inc_` (or `<prefix>_`) plus 16 hex digits (64 bits from two seeded 32-bit hashes) of the given parts.
 */
export function suggestionId(parts: readonly string[], prefix = 'inc'): string {
  const input = parts.join('\u0000');
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `${prefix}_${hex(hash32(input, 0))}${hex(hash32(input, 0x9e3779b9))}`;
}
