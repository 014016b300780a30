/**
 * A DOM subtree to the plain text Collate annotates: paragraphs separated by blank lines, no markup.
 * Every block element (paragraph, heading, list item, block quote, table row, figure caption, ...) ends
 * the paragraph before it and starts its own, so headings and list items become paragraphs of their
 * own. Inside a paragraph whitespace is collapsed to single spaces (it is layout in HTML, not text); a
 * `<br>` stays a line break, and `<pre>` keeps its lines. Entities are decoded by the parser already.
 * Works on any DOM with the standard node API (linkedom on the server).
 */

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP',
  'HR', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL', 'PRE', 'BODY', 'HTML',
]);
/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO',
  'AUDIO', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK',
]);
/** Table cells run on within their row (a block), separated by a space. */
const CELLS = new Set(['TD', 'TH']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

class ParagraphWriter {
  private readonly paragraphs: string[] = [];
  private parts: string[] = [];

  text(value: string): void {
    this.parts.push(value.replace(/\s+/g, ' '));
  }

  raw(value: string): void {
    this.parts.push(value);
  }

  lineBreak(): void {
    this.parts.push('\n');
  }

  /** Ends the current paragraph: spaces around line breaks dropped, empty lines dropped. */
  end(): void {
    const lines = this.parts
      .join('')
      .split('\n')
      .map((line) => line.replace(/ {2,}/g, ' ').trim())
      .filter(Boolean);
    if (lines.length) this.paragraphs.push(lines.join('\n'));
    this.parts = [];
  }

  /** Ends a preformatted paragraph: its lines kept as they are, only trailing spaces dropped. */
  endPreformatted(): void {
    const text = this.parts.join('').replace(/[ \t]+$/gm, '').replace(/^\n+|\n+$/g, '');
    if (text.trim()) this.paragraphs.push(text);
    this.parts = [];
  }

  result(): string {
    this.end();
    return this.paragraphs.join('\n\n');
  }
}

function walk(node: Node, out: ParagraphWriter, preformatted: boolean): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
    const value = node.nodeValue ?? '';
    if (preformatted) out.raw(value);
    else out.text(value);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) {
    // Documents and fragments: their children.
    for (const child of Array.from(node.childNodes ?? [])) walk(child, out, preformatted);
    return;
  }
  const element = node as Element;
  const name = element.nodeName.toUpperCase();
  // `hidden` content is not shown to readers (cookie dialogs waiting for script, templates).
  if (SKIPPED.has(name) || element.hasAttribute('hidden')) return;
  if (name === 'BR') {
    out.lineBreak();
    return;
  }
  if (CELLS.has(name)) {
    out.text(' ');
    for (const child of Array.from(element.childNodes)) walk(child, out, preformatted);
    out.text(' ');
    return;
  }
  if (name === 'PRE') {
    out.end();
    for (const child of Array.from(element.childNodes)) walk(child, out, true);
    out.endPreformatted();
    return;
  }
  const block = BLOCKS.has(name);
  if (block && !preformatted) out.end();
  for (const child of Array.from(element.childNodes)) walk(child, out, preformatted);
  if (block && !preformatted) out.end();
}

/** The text of `root` (an element, a document or a fragment) as blank-line-separated paragraphs. */
export function htmlToText(root: Node): string {
  const out = new ParagraphWriter();
  walk(root, out, false);
  return out.result();
}
