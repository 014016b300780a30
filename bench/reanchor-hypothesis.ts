/**
 * The re-anchoring benchmark's baseline: Hypothesis's per-annotation anchoring, written from its
 * public description (the client's anchoring modules and documentation): the recorded position is
 * tried first (the text there equals the quote), then the quote's exact occurrences, then
 * approx-string-match over the whole text with min(256, length / 2) errors, every candidate scored
 * 50 quote + 20 prefix + 20 suffix + 2 position. Each annotation is anchored on its own; nothing is
 * shared between them, which is what the mapping approach changes.
 */
import { bestQuoteMatch } from '../core/anchoring/fuzzy-quote';
import type { Target } from '../core/model';

/** Where the baseline puts `target` in `text`, or null (orphaned). */
export function hypothesisAnchor(text: string, target: Target): { start: number; end: number } | null {
  if (text.slice(target.start, target.end) === target.exact) return { start: target.start, end: target.end };
  const quote = { exact: target.exact, prefix: target.prefix, suffix: target.suffix, start: target.start };
  const match = bestQuoteMatch(text, quote, { maxExact: Infinity });
  return match && { start: match.start, end: match.end };
}
