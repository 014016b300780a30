/**
 * Named highlights over DOM ranges through the CSS Custom Highlight API: the compare view marks the
 * picked selections and a focused span without touching the text nodes (which would break the
 * offset mapping). Where the API is missing the marks are simply not drawn.
 */

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
}

/** Draw highlight `name` over `ranges` (replacing what it covered before); no ranges removes it. */
export function setHighlight(name: string, ranges: readonly Range[]): void {
  const reg = registry();
  if (!reg) return;
  if (ranges.length === 0) reg.delete(name);
  else reg.set(name, new Highlight(...ranges));
}
