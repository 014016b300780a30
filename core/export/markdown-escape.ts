/**
 * Putting user text (notes, quotes, titles) into Markdown so that it reads as the same text both raw and
 * rendered: characters that would start emphasis, links, code, tables or raw HTML are backslash-escaped
 * (CommonMark lets any ASCII punctuation be escaped), and so are the few that only matter at the start of
 * a line (headings, block quotes, lists, thematic breaks). Leading indentation is dropped, because four
 * spaces would turn a line into a code block. Nothing here lets HTML through: `<` is always escaped, and
 * `&` is escaped where it would start a character reference.
 */

/** Characters that are special anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~]/g;
/** `&name;`, `&#123;` and `&#x1F;` would render as the character they name. */
const CHARACTER_REFERENCE = /&(?=#?[A-Za-z0-9]+;)/g;

/** One line of user text, safe at any position including the start of a line. */
function escapeLine(line: string): string {
  const escaped = line.trimStart().replace(INLINE_SPECIAL, '\\$&').replace(CHARACTER_REFERENCE, '\\&');
  // Line starts: headings (#), lists (- + and "1." / "1)"), setext underlines (=).
  return escaped.replace(/^[#+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** User text as one line (line breaks become spaces), e.g. for headings and list items. */
export function inlineText(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim());
}

/** User text as paragraphs: its lines kept (as soft breaks), blank lines separating paragraphs. */
export function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? escapeLine(line.trimEnd()) : ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** User text as a block quote, every line prefixed with `> ` (blank lines with `>`). */
export function blockquote(text: string): string {
  return paragraphs(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
