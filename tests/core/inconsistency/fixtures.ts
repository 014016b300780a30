/**
 * Named fixtures for the inconsistency tests: the seed sources and passages built by locating strings in
 * them, the way the reuse detector would report the shared text.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReusePassage } from '../../../core/model/schemas';
import type { SourceText } from '../../../core/inconsistency';

export const PURSUES = 'newsblaze-us-pursues-cooperation';
export const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
export const RENEWS = 'gsn-us-renews-call-for-russia';
export const PLEDGE = 'gsn-russia-could-receive-pledge';
export const MDAA = 'mdaa-russian-cooperation-white-paper';

/** A seed source by id. */
export function seed(id: string): SourceText {
  const url = new URL(`../../../sources/${id}.txt`, import.meta.url);
  return { id, text: readFileSync(fileURLToPath(url), 'utf8') };
}

/** The range of `needle` in `text`; throws when it does not occur, so a fixture cannot silently miss. */
export function locate(text: string, needle: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`fixture text not found: ${needle.slice(0, 60)}`);
  return { start, end: start + needle.length };
}

/** A passage between the occurrences of `quoteA` in `a` and `quoteB` in `b`. */
export function passage(
  a: SourceText,
  quoteA: string,
  b: SourceText,
  quoteB: string,
  boilerplate = false,
): ReusePassage {
  return {
    a: { source: a.id, ...locate(a.text, quoteA) },
    b: { source: b.id, ...locate(b.text, quoteB) },
    words: quoteA.split(/\s+/).length,
    similarity: 0.95,
    boilerplate,
  };
}

/** A passage spanning from the start of `first` to the end of `last` in each source. */
export function block(a: SourceText, firstA: string, lastA: string, b: SourceText, firstB: string, lastB: string): ReusePassage {
  const span = (s: SourceText, first: string, last: string) => {
    const start = locate(s.text, first).start;
    return { source: s.id, start, end: locate(s.text, last, start).end };
  };
  return { a: span(a, firstA, lastA), b: span(b, firstB, lastB), words: 300, similarity: 0.97, boilerplate: false };
}
