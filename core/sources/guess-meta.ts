/**
 * Heuristics for source metadata when no sidecar file gives it: a title from the first line that
 * reads like a headline, and a slug for imported files. Guessed fields are reported as such.
 */

const NAVIGATION = /^(jump to|skip to|home\b|menu\b|search\b)/i;

/** First non-empty line of 3-25 words that is not site navigation. */
export function guessTitle(text: string): string | undefined {
  for (const raw of text.split('\n').slice(0, 40)) {
    const line = raw.trim();
    if (!line || NAVIGATION.test(line)) continue;
    const words = line.split(/\s+/).length;
    if (words >= 3 && words <= 25 && !/[.:;,]$/.test(line)) return line;
  }
  return undefined;
}

/** A source id from a file name: lower case, runs of other characters folded to "-". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 81)
    .replace(/-+$/, '');
  return slug || 'source';
}
