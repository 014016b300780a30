/**
 * Short one-line excerpts of passages and notes, for cards, lists, popovers and dialogs: whitespace
 * collapsed, long text cut at a word boundary with an ellipsis. Pure string code.
 */

/**
 * `text` on one line (whitespace runs as one space, trimmed); when longer than `max`, cut at the last
 * word boundary in its final 40% (else at `max`), trailing punctuation dropped, and `…` added.
 */
export function excerpt(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
