/**
 * The ProseMirror schema of the source viewer. A source is shown as one `line` block per line of its
 * raw text (blank lines included), holding plain text only, so every character of the raw text has
 * exactly one place in the document and offsets map to positions by arithmetic (see text-document.ts).
 */
import { Schema } from 'prosemirror-model';

/**
 * `doc` holds `line+`; a `line` holds `text*`. A blank line gets the class `blank` so styles can render
 * it shorter than a line of text without losing it.
 */
export const viewerSchema = new Schema({
  nodes: {
    doc: { content: 'line+' },
    line: {
      content: 'text*',
      group: 'block',
      // Whitespace is part of the source: keep runs of spaces and tabs as they are.
      whitespace: 'pre',
      parseDOM: [{ tag: 'p.line', preserveWhitespace: 'full' }],
      toDOM: (node) => ['p', { class: node.content.size === 0 ? 'line blank' : 'line' }, 0],
    },
    text: { group: 'inline' },
  },
  marks: {},
});
