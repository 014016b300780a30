/**
 * Tags as the user types them: a comma separated list. One parsing rule for the annotation form,
 * the link dialog and the tag autocomplete, so "a, b,, a" means the same everywhere. Pure code.
 */

/** Tags from comma separated input: trimmed, empty ones dropped, duplicates removed (first kept, any case). */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}
