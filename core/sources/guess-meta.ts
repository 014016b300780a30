/**
 * Heuristics for source metadata when nothing better is known (no sidecar, no page metadata): the
 * title from the headline, the date from a dateline or a date phrase near the top, the outlet from the
 * URL's host. Every field returned here is a guess, and the caller marks it so.
 *
 * The headline is told from the masthead by comparing documents: a line printed at the top of other
 * documents too (the site name, its tagline, "Produced by ...") is chrome, not this article's headline.
 * So guessing takes the other documents of the corpus as input.
 */
import { findDate, yearFromUrl } from './date-phrases';

/** Lines read for a title: the masthead, breadcrumbs and headline come first on a page. */
const TITLE_LINES = 40;
/** Skip links and screen-reader jump lists that open many pages. */
const SKIP_LINK = /^(jump to|skip to|skip navigation)\b/i;
/** A byline or a date line is not a headline. */
const BYLINE = /^(by|posted|published|updated|written by)\b/i;

/** What can be guessed for one text; absent fields could not be guessed. */
export interface GuessedMeta {
  title?: string;
  published?: string;
  outlet?: string;
}

/** Other knowledge a guess may use. */
export interface GuessContext {
  /** The other documents of the corpus (not this one): their top lines are the masthead. */
  otherTexts?: readonly string[];
  /** Where the text comes from, if known: gives the outlet and may give the year of a dateline. */
  url?: string;
}

/** A line as compared across documents: case, spacing and surrounding punctuation ignored. */
function lineKey(line: string): string {
  return line.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** The non-empty lines at the top of a text, trimmed. */
function topLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line) out.push(line);
    if (out.length >= TITLE_LINES) break;
  }
  return out;
}

/** Keys of the top lines of each text, counted once per text: how many documents print each line. */
export function topLineCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const key of new Set(topLines(text).map(lineKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A line that reads like a headline: 3-25 words, not a sentence or label, not navigation. */
function headlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words < 3 || words > 25) return false;
  if (/[.:;,]$/.test(line) || SKIP_LINK.test(line) || BYLINE.test(line)) return false;
  // Menus ("World | Politics | Business") and links are not headlines.
  if ((line.match(/[|•·»]/g) ?? []).length >= 2 || /^https?:\/\//i.test(line)) return false;
  // A line that is only a date ("November 01, 2011") is the dateline of the article.
  if (findDate(line) && line.replace(/[\d\s,./-]/g, '').length <= 12) return false;
  return true;
}

/**
 * The headline of `text`: the first headline-like line of the top that is not printed at the top of
 * other documents (`repeated`) and is not a breadcrumb ending in the next line ("Home World Eurasia
 * Will US ..." before "Will US ..."). When every candidate is repeated (the same wire story in two
 * outlets, say), the first candidate.
 */
export function guessTitle(text: string, repeated: (key: string) => boolean = () => false): string | undefined {
  const lines = topLines(text);
  let first: string | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (!headlineLike(line)) continue;
    const next = lines[k + 1];
    if (next && next.length < line.length && lineKey(line).endsWith(lineKey(next)) && lineKey(next).length > 0) continue;
    first ??= line;
    if (!repeated(lineKey(line))) return line;
  }
  return first;
}

/** The host of an http(s) URL without "www.", as an outlet name; undefined for anything else. */
export function outletFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function guessWith(text: string, repeated: (key: string) => boolean, url: string | undefined): GuessedMeta {
  const out: GuessedMeta = {};
  const title = guessTitle(text, repeated);
  if (title) out.title = title;
  const published = findDate(text, yearFromUrl(url));
  if (published) out.published = published;
  const outlet = outletFromUrl(url);
  if (outlet) out.outlet = outlet;
  return out;
}

/** Guesses for one text, given the other documents of its corpus (see {@link GuessContext}). */
export function guessMeta(text: string, context: GuessContext = {}): GuessedMeta {
  const counts = topLineCounts(context.otherTexts ?? []);
  return guessWith(text, (key) => (counts.get(key) ?? 0) > 0, context.url);
}

/** Guesses for every text of a corpus at once, each judged against all the others. */
export function guessCorpusMeta(docs: readonly { text: string; url?: string }[]): GuessedMeta[] {
  const counts = topLineCounts(docs.map((d) => d.text));
  // A text's own lines are in the counts once: printed by another document means counted twice.
  return docs.map((d) => guessWith(d.text, (key) => (counts.get(key) ?? 0) > 1, d.url));
}
