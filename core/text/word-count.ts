/**
 * Words in a text, as every count Collate shows or stores them (a revision's `words`, a preview, the
 * CLI's line per source, the viewer's meta line): runs of non-whitespace. Pure.
 */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
