/** Markdown to plain text: markers removed, words and paragraphs kept, front matter read. */
import { describe, expect, it } from 'vitest';
import { markdownToText, stripInline } from '../../../core/sources/markdown-text';

const paragraphs = (text: string): string[] => text.split('\n\n');

describe('markdownToText', () => {
  it('makes headings, list items and quotes paragraphs of their own, without their markers', () => {
    const { text } = markdownToText(
      '# Floods close *three* bridges #\n\nRain fell all night.\nRivers rose.\n\nWhat closed\n-----------\n\n- Elm Street bridge\n- Mill **Road**\n  bridge\n1. The ferry\n\n> “We have never seen this,”\n> said the mayor.\nThen she left.',
    );
    expect(paragraphs(text)).toEqual([
      'Floods close three bridges',
      'Rain fell all night. Rivers rose.',
      'What closed',
      'Elm Street bridge',
      'Mill Road bridge',
      'The ferry',
      '“We have never seen this,” said the mayor.',
      'Then she left.',
    ]);
  });

  it('removes link, image, code and emphasis syntax but keeps what is not markup', () => {
    expect(stripInline('See [the report](https://x.org/a_(b)) and ![chart](c.png) in `data.csv`, _really_ __now__ ~~not~~')).toBe(
      'See the report and  in data.csv, really now not',
    );
    expect(stripInline('snake_case_name and 2 * 3 * 4 stay; \\*literal\\* too')).toBe('snake_case_name and 2 * 3 * 4 stay; *literal* too');
    expect(stripInline('A [ref link][1] and <https://x.org>')).toBe('A ref link and https://x.org');
  });

  it('keeps hard line breaks, code lines and table rows, and drops rules and link definitions', () => {
    const { text } = markdownToText('Line one  \nline two\n\n***\n\n```\nx = 1\n  y = 2\n```\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n[1]: https://x.org');
    expect(paragraphs(text)).toEqual(['Line one\nline two', 'x = 1\n  y = 2', 'a | b\n1 | 2']);
  });

  it('reads title, author and date from YAML front matter instead of keeping it as text', () => {
    const md = markdownToText('---\ntitle: "Floods: the day after"\nauthor: Ana Lee\ndate: 2024-05-02T08:00:00Z\ntags: [x]\n---\nBody text.\n');
    expect(md).toEqual({ text: 'Body text.', title: 'Floods: the day after', author: 'Ana Lee', published: '2024-05-02' });
    // A rule at the top without a closing fence is not front matter.
    expect(markdownToText('---\nJust text').text).toBe('Just text');
  });

  it('normalises Windows line endings', () => {
    expect(markdownToText('# Title\r\n\r\nBody\r\nmore').text).toBe('Title\n\nBody more');
  });
});
