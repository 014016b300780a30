/** Article text and metadata from news pages shaped like real ones, and from pages without an article. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../server/sources/extract-article';
import { htmlToText } from '../../../server/sources/html-to-text';
import { readPageMetadata, titleWithoutSite } from '../../../server/sources/page-metadata';
import { COURIER_PAGE, EMPTY_PAGE_HTML, HARBOUR_PAGE, INDEX_PAGE_HTML, LIBRARY_PAGE, type NewsPage } from './news-pages';

function expectArticleOnly(text: string, page: NewsPage): void {
  for (const sentence of page.article) expect(text).toContain(sentence);
  for (const chrome of page.chrome) expect(text).not.toContain(chrome);
  // The article's paragraphs are in order, each a paragraph of its own.
  const at = page.article.map((s) => text.indexOf(s));
  expect([...at].sort((x, y) => x - y)).toEqual(at);
  for (const sentence of page.article) expect(text.split('\n\n').some((p) => p.startsWith(sentence))).toBe(true);
}

describe('extractArticle', () => {
  it('takes the story out of a full page: no cookie banner, menu, ads, related links or comments', () => {
    const result = extractArticle(COURIER_PAGE.html, { url: 'https://www.millbrookcourier.example/news/2024/03/12/council-lead-pipes?utm_source=x' });
    expect(result.method).toBe('readability');
    expectArticleOnly(result.text, COURIER_PAGE);
    // Entities decoded, inline markup and layout whitespace gone.
    expect(result.text).toContain('Council member Dana Ortiz, who proposed the measure');
    expect(result.text).toContain('“We know where the pipes are');
    expect(result.text).not.toMatch(/[<>]|&\w+;| {2}/);
  });

  it('reads Open Graph and article meta tags, dropping the site name from the title', () => {
    const { meta, origin, found, guessed } = extractArticle(COURIER_PAGE.html, { url: 'https://www.millbrookcourier.example/x' });
    expect(meta).toEqual({
      title: 'Council votes to replace lead pipes on the east side',
      outlet: 'The Millbrook Courier',
      author: 'Jane Alvarez',
      published: '2024-03-12',
      url: 'https://www.millbrookcourier.example/news/2024/03/12/council-lead-pipes',
    });
    expect(origin).toMatchObject({ title: 'og:title', outlet: 'og:site_name', published: 'article:published_time', url: 'og:url' });
    expect(found.sort()).toEqual(['author', 'outlet', 'published', 'title', 'url']);
    expect(guessed).toEqual([]);
  });

  it('reads JSON-LD (an @graph, several authors) and resolves a relative canonical link', () => {
    const result = extractArticle(HARBOUR_PAGE.html, { url: 'https://harbourtimes.example/b?id=7' });
    expectArticleOnly(result.text, HARBOUR_PAGE);
    expect(result.meta).toEqual({
      title: 'Halden dock strike ends with deal on night shifts',
      outlet: 'Harbour Times',
      author: 'Tomas Berg, Ines Falk',
      published: '2023-06-05',
      url: 'https://harbourtimes.example/business/2023/06/halden-strike-ends',
    });
    expect(result.origin).toMatchObject({ title: 'json-ld headline', outlet: 'json-ld publisher', author: 'json-ld author', url: 'link rel=canonical' });
  });

  it('falls back on the title element, the article’s time, the byline and the host, marking guesses', () => {
    const result = extractArticle(LIBRARY_PAGE.html, { url: 'https://www.countygazette.example/news/library' });
    expectArticleOnly(result.text, LIBRARY_PAGE);
    expect(result.meta).toEqual({
      title: 'Library returns to Sunday opening',
      outlet: 'countygazette.example',
      author: 'Jo Park',
      // The sidebar's <time> (Aug 30) dates an event, not the article.
      published: '2022-08-21',
      url: 'https://www.countygazette.example/news/library',
    });
    expect(result.guessed.sort()).toEqual(['author', 'outlet']);
    expect(result.origin).toMatchObject({ title: 'title element', published: 'time datetime', outlet: 'host', author: 'byline' });
  });

  it('without a URL, gives no outlet or URL rather than inventing them', () => {
    const { meta } = extractArticle(LIBRARY_PAGE.html);
    expect(meta.outlet).toBeUndefined();
    expect(meta.url).toBeUndefined();
  });

  it('uses the page text when Readability keeps only a fragment, and fails clearly on an empty page', () => {
    const notice =
      '<html><body><nav><a href="/">Home</a></nav><div class="a"><div>Notice to residents: the water supply on Elm Street will be interrupted on Friday from nine until noon.</div></div>' +
      '<div class="b"><div>Crews will replace a valve near the school.</div></div><div class="c"><div>Bottled water is available at the fire station on Oak Road all day.</div></div><footer>City of Elm</footer></body></html>';
    const result = extractArticle(notice);
    expect(result.method).toBe('page-text');
    expect(result.text).toBe(
      'Notice to residents: the water supply on Elm Street will be interrupted on Friday from nine until noon.\n\nCrews will replace a valve near the school.\n\nBottled water is available at the fire station on Oak Road all day.',
    );
    expect(extractArticle(INDEX_PAGE_HTML).text).not.toContain('Footer text');
    expect(() => extractArticle(EMPTY_PAGE_HTML)).toThrow(expect.objectContaining({ code: 'no_content', status: 422 }));
    expect(() => extractArticle('')).toThrow(/no article text/);
  });
});

describe('htmlToText', () => {
  it('keeps headings, list items and quotes as paragraphs, line breaks as lines, and <pre> as written', () => {
    const { document } = parseHTML(
      '<html><body><h2>Sub  head</h2><p>One<br>two &amp; <em>three</em></p><ul><li>Item <b>a</b></li><li>Item b</li></ul><blockquote><p>Quoted.</p></blockquote><pre>x  = 1\n  y</pre><table><tr><td>a</td><td>b</td></tr></table><p hidden>secret</p><script>no()</script></body></html>',
    );
    expect(htmlToText(document.body as unknown as Node)).toBe('Sub head\n\nOne\ntwo & three\n\nItem a\n\nItem b\n\nQuoted.\n\nx  = 1\n  y\n\na b');
  });
});

describe('page metadata details', () => {
  it('cuts the site name from either end of a title, and "|" parts only when no name is known', () => {
    expect(titleWithoutSite('Floods close bridges | The Courier', ['The Courier'])).toBe('Floods close bridges');
    expect(titleWithoutSite('The Courier — Floods close bridges', ['the courier'])).toBe('Floods close bridges');
    expect(titleWithoutSite('Floods close three bridges | Local | Courier', [])).toBe('Floods close three bridges');
    expect(titleWithoutSite('Russia - NATO talks stall - Harbour Times', ['Harbour Times'])).toBe('Russia - NATO talks stall');
    expect(titleWithoutSite('Russia - NATO talks stall', [])).toBe('Russia - NATO talks stall');
  });

  it('ignores profile URLs as authors and broken dates', () => {
    const { document } = parseHTML(
      '<html><head><meta property="article:author" content="https://example.org/staff/x"><meta property="article:published_time" content="soon"></head><body></body></html>',
    );
    const meta = readPageMetadata(document as unknown as Document);
    expect(meta.author).toBeUndefined();
    expect(meta.published).toBeUndefined();
  });
});
