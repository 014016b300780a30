/**
 * Markdown to the plain article text Collate annotates: markers go (headings, list bullets, block
 * quotes, emphasis, link and image syntax, code fences, rules), the words and the paragraphs stay.
 * Headings, list items and quoted paragraphs become paragraphs of their own, as in HTML extraction,
 * so a Markdown file and the web page it came from give the same text. Soft line breaks inside a
 * paragraph become spaces (Markdown's own reading); a hard break (two trailing spaces, "\") stays a
 * line break. A YAML front matter block is read for title, author and date rather than kept as text.
 */
import { parseDate } from './date-phrases';

/** What a Markdown file gives: its text and the metadata of its front matter, if any. */
export interface MarkdownText {
  text: string;
  title?: string;
  author?: string;
  published?: string;
}

const FENCE = /^\s{0,3}(```+|~~~+)/;
const ATX = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const BULLET = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const QUOTE = /^\s{0,3}>\s?/;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s*\S+/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Private-use stand-ins for backslash-escaped ASCII, so escaped markers are not read as markup. */
const ESCAPE_BASE = 0xe000;

/** Inline markup removed from one line: images, links, code spans, emphasis, escapes, tags. */
export function stripInline(line: string): string {
  return line
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, '')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/`+([^`]+?)`+/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])/g, '$1')
    .replace(/(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])/g, '$1')
    .replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
}

/** Front matter fields Collate uses; other keys are ignored. */
function readFrontMatter(lines: string[], out: MarkdownText): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return 0;
  for (const line of lines.slice(1, end)) {
    const m = /^(title|author|date|published)\s*:\s*(.+?)\s*$/i.exec(line);
    if (!m) continue;
    const value = m[2].replace(/^(["'])(.*)\1$/, '$2').trim();
    if (!value) continue;
    const key = m[1].toLowerCase();
    if (key === 'title') out.title = value;
    else if (key === 'author') out.author = value;
    else out.published = parseDate(value) ?? out.published;
  }
  return end + 1;
}

/** Converts Markdown to paragraphs of plain text separated by blank lines. */
export function markdownToText(markdown: string): MarkdownText {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: MarkdownText = { text: '' };
  const paragraphs: string[] = [];
  let current: string[] = [];
  let hardBreak = false;
  const flush = (): void => {
    const text = current.join('').trim();
    if (text) paragraphs.push(text);
    current = [];
    hardBreak = false;
  };
  const addLine = (line: string): void => {
    const hard = /( {2,}|\\)$/.test(line);
    const words = stripInline(line.replace(/\\$/, '').trim());
    if (!words) return;
    if (current.length) current.push(hardBreak ? '\n' : ' ');
    current.push(words);
    hardBreak = hard;
  };
  let fence: string | undefined;
  let quoted = false;
  for (let k = readFrontMatter(lines, out); k < lines.length; k++) {
    const line = lines[k];
    if (fence !== undefined) {
      // Code keeps its lines as they are: it is quoted material, not prose to reflow.
      if (line.trim().startsWith(fence)) {
        fence = undefined;
        flush();
      } else {
        if (current.length) current.push('\n');
        current.push(line.replace(/\s+$/, ''));
      }
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      flush();
      fence = opening[1];
      continue;
    }
    if (!line.trim() || REFERENCE.test(line)) {
      flush();
      continue;
    }
    // A setext underline turns the paragraph so far into a heading; "---" alone is a rule.
    if (SETEXT.test(line) && current.length && !BULLET.test(lines[k - 1] ?? '')) {
      flush();
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    if (TABLE_DELIMITER.test(line) && line.includes('|')) continue;
    const heading = ATX.exec(line);
    if (heading) {
      flush();
      addLine(heading[1]);
      flush();
      continue;
    }
    let rest = line;
    let block = false;
    while (QUOTE.test(rest)) {
      rest = rest.replace(QUOTE, '');
      block = true;
    }
    // Entering or leaving a block quote ends the paragraph: the quote is a paragraph of its own.
    if (block !== quoted) {
      flush();
      quoted = block;
    }
    if (BULLET.test(rest)) {
      flush();
      rest = rest.replace(BULLET, '');
    } else if (block && !rest.trim()) {
      flush();
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(rest)) {
      // A table row: its cells on one line of the table's paragraph.
      const cells = rest.trim().replace(/^\||\|$/g, '').split('|').map((c) => stripInline(c.trim()));
      if (current.length) current.push('\n');
      current.push(cells.filter(Boolean).join(' | '));
      continue;
    }
    addLine(rest);
  }
  flush();
  out.text = paragraphs.join('\n\n');
  return out;
}
