/**
 * Summaries name sources by id where they are computed; people read titles. Replaces each id in a
 * text with the source's title in quotes.
 */
export function namedByTitle(text: string, ids: readonly string[], titleOf: (id: string) => string | undefined): string {
  let out = text;
  // Longest first, so an id that is a prefix of another does not break it.
  for (const id of [...new Set(ids)].sort((a, b) => b.length - a.length)) {
    const title = titleOf(id);
    if (title) out = out.split(id).join(`“${title}”`);
  }
  return out;
}
