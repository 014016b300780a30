/**
 * The ProseMirror schema of the source viewer. A source is shown as one `line` block per line of its
 * raw text (blank lines included), holding plain text only, so every character of the raw text has
 * exactly one place in the document and offsets map to positions by arithmetic (see text-document.ts).
 * Each line carries an estimate of how many rows it wraps to (`--rows`), by which the browser sizes
 * lines it has not laid out yet (the CSS skips lines far off screen: a 1 MB text opens fast).
 */
import { Schema } from 'prosemirror-model';

/**
 * `doc` holds `line+`; a `line` holds `text*`. A blank line gets the class `blank` so styles can render
 * it shorter than a line of text without losing it.
 */
/** About how many characters a row of the text column holds (it is 68ch wide at most). */
const ROW_CHARS = 66;

export const viewerSchema = new Schema({
  nodes: {
    doc: { content: 'line+' },
    line: {
      content: 'text*',
      group: 'block',
      // Whitespace is part of the source: keep runs of spaces and tabs as they are.
      whitespace: 'pre',
      parseDOM: [{ tag: 'p.line', preserveWhitespace: 'full' }],
      toDOM: (node) =>
        node.content.size === 0
          ? ['p', { class: 'line blank' }, 0]
          : ['p', { class: 'line', style: `--rows: ${Math.max(1, Math.ceil(node.content.size / ROW_CHARS))}` }, 0],
    },
    text: { group: 'inline' },
  },
  marks: {},
});
