/**
 * Reading the selectors of an imported W3C target: the TextQuoteSelector and TextPositionSelector that
 * Collate can anchor with. Other selector kinds (Range, XPath, Fragment...) are skipped when one of
 * those two is present, since they describe the same passage in terms of a web page's DOM.
 */
import { isRecord, joinPath, listOf, type ImportError } from './json-path';

/** The usable selectors of one target. Position offsets are Unicode code points, as the W3C model counts. */
export interface ParsedSelectors {
  quote?: { exact: string; prefix?: string; suffix?: string };
  position?: { start: number; end: number };
}

/** The usable selectors, or `undefined` after recording errors. */
export function parseSelectors(value: unknown, path: string, errors: ImportError[]): ParsedSelectors | undefined {
  const before = errors.length;
  const found: ParsedSelectors = {};
  const list = listOf(value);
  list.forEach((selector, i) => {
    const at = Array.isArray(value) ? `${path}[${i}]` : path;
    if (!isRecord(selector)) return;
    if (selector.type === 'TextQuoteSelector') {
      const { exact, prefix, suffix } = selector;
      if (typeof exact !== 'string' || exact.length === 0) {
        errors.push({ path: joinPath(at, 'exact'), message: 'must be a non-empty string' });
      } else if ((prefix !== undefined && typeof prefix !== 'string') || (suffix !== undefined && typeof suffix !== 'string')) {
        errors.push({ path: at, message: 'prefix and suffix must be strings' });
      } else {
        found.quote ??= { exact, ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) };
      }
    } else if (selector.type === 'TextPositionSelector') {
      const { start, end } = selector;
      if (!isOffset(start) || !isOffset(end) || end < start) {
        errors.push({ path: at, message: 'start and end must be integers with 0 <= start <= end' });
      } else {
        found.position ??= { start, end };
      }
    }
  });
  if (errors.length > before) return undefined;
  if (!found.quote && !found.position) {
    errors.push({ path, message: 'needs a TextQuoteSelector or a TextPositionSelector' });
    return undefined;
  }
  return found;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
