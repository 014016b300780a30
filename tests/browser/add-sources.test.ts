/**
 * "Add sources" in a real browser against a real server: an article pasted, its details prefilled
 * from the server's guesses (marked as such), one field corrected, saved; several files dropped at
 * once (a drop event carrying a DataTransfer built in the page), added one after the other with
 * their progress, one of them refused without stopping the others; a web page fetched from a local
 * page server, an unreachable address explained, and the page fetched again once it changed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../core/model';
import { call } from '../helpers/test-server';
import { browserSuite, docsScreenshot } from './browser-helpers';

const s = browserSuite({ width: 1200, height: 900 }, {}, { app: { fetchOptions: { allowPrivate: true, timeoutMs: 5000 } } });

let pages: Server;
let pagesUrl: string;
let storyBody = '';

const PARAGRAPHS = [
  'The harbour board voted on Thursday to extend the night ferry to the island of Sark Minor, after a year of petitions from residents and shop owners.',
  'The extension will cost 3.2 million pounds a year, the board said, and will start in September if the ferry company agrees to the new timetable.',
  'Residents said the last boat, which now leaves at nine in the evening, had made it impossible to work late shifts on the mainland.',
];

function articlePage(headline: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html><head><title>${headline} | Island Herald</title><meta property="og:site_name" content="Island Herald">` +
    `<meta property="og:title" content="${headline}"><meta property="article:published_time" content="2025-06-12T08:00:00Z"></head>` +
    `<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>` +
    `<footer>© Island Herald</footer></body></html>`;
}

beforeAll(async () => {
  pages = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(storyBody);
  });
  await new Promise<void>((ok) => pages.listen(0, '127.0.0.1', ok));
  pagesUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => pages.close(ok));
});

async function sourceById(id: string): Promise<Source> {
  return (await call(s.server.url, 'GET', `/api/sources/${id}`)).body.source as Source;
}

async function openAddPage(): Promise<void> {
  await s.page.goto(`${s.server.url}/#/add`);
  await s.page.locator('#paste-content').waitFor();
}

describe('adding sources in the app', () => {
  it('prefills the details of a pasted article with marked guesses, keeps a corrected field, and saves', async () => {
    const { page, server } = s;
    await openAddPage();
    const text = `Ferry fares to rise by a fifth from June\n\nPORT ELLEN, March 4, 2024 - ${PARAGRAPHS.join('\n\n')}`;
    await page.locator('#paste-content').fill(text);
    await page.click('[data-action="preview"]');
    await expect.poll(() => page.locator('#paste-title').inputValue()).toBe('Ferry fares to rise by a fifth from June');
    expect(await page.locator('#paste-published').inputValue()).toBe('2024-03-04');
    // Guesses are marked in their labels (so screen readers say so), given fields are not.
    await expect(page.locator('label[for="paste-title"]').textContent()).resolves.toContain('guessed');
    await expect(page.locator('label[for="paste-published"]').textContent()).resolves.toContain('guessed');
    expect(await page.locator('.paste-excerpt-text').textContent()).toContain('Ferry fares to rise');
    await docsScreenshot(page, 'screenshot-add.png');
    await page.locator('#paste-outlet').fill('Island Herald');
    await page.locator('#paste-title').fill('Ferry fares rise by a fifth');
    expect(await page.locator('label[for="paste-title"] .guess-mark').isHidden()).toBe(true);
    // A second look at the text leaves what was typed alone.
    await page.click('[data-action="preview"]');
    await expect.poll(() => page.locator('.paste-preview-status').textContent()).toMatch(/Details filled in/);
    expect(await page.locator('#paste-title').inputValue()).toBe('Ferry fares rise by a fifth');
    await page.click('[data-action="save-paste"]');
    const link = page.locator('.paste-result .added-link');
    await link.waitFor();
    const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/source/', ''));
    const source = await sourceById(id);
    expect(source).toMatchObject({ title: 'Ferry fares rise by a fifth', outlet: 'Island Herald', published: '2024-03-04' });
    // The date was left as guessed: the server still marks it a guess; what was typed is not one.
    expect(source.guessed).toContain('published');
    expect(source.guessed).not.toContain('title');
    expect(source.guessed).not.toContain('outlet');
    // The form is empty again, ready for the next article.
    expect(await page.locator('#paste-content').inputValue()).toBe('');
    await page.goto(`${server.url}/#/`);
    await page.locator(`.source-item[data-source-id="${id}"]`).waitFor();
  });

  it('keeps what was typed when saving fails', async () => {
    const { page } = s;
    await openAddPage();
    await page.locator('#paste-content').fill('A few words of an article that will not be saved.');
    await page.locator('#paste-url').fill('not a web address');
    await page.click('[data-action="save-paste"]');
    await page.locator('.add-paste .form-error:not([hidden])').waitFor();
    expect(await page.locator('.add-paste .form-error').textContent()).toMatch(/not valid.*url/i);
    expect(await page.locator('#paste-content').inputValue()).toBe('A few words of an article that will not be saved.');
    expect(await page.locator('#paste-url').inputValue()).toBe('not a web address');
  });

  it('adds dropped files one after the other, with progress, and goes on past one that fails', async () => {
    const { page } = s;
    await openAddPage();
    // Every progress line the page shows, in order (each state is drawn before the next request).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      const status = document.querySelector('.files-status')!;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['Tide tables for the summer\n\nHigh water at Port Ellen is at 06:12 on the first of June, and at 18:40 in the evening.'], 'tide-tables.txt', { type: 'text/plain' }));
      transfer.items.add(new File(['%PDF-1.4 not an article'], 'annual-report.pdf', { type: 'application/pdf' }));
      transfer.items.add(new File(['# New pontoon opens at Port Ellen on Saturday\n\nThe *new* pontoon opens on **Saturday**, the harbour master said.\n'], 'harbour-notes.md', { type: 'text/markdown' }));
      const zone = document.querySelector('.drop-zone')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.locator('.files-summary').waitFor();
    expect(await page.locator('.files-status').textContent()).toBe('Added 2 of 3 files; 1 failed.');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen).toEqual(expect.arrayContaining(['Adding 1 of 3: tide-tables.txt', 'Adding 2 of 3: annual-report.pdf', 'Adding 3 of 3: harbour-notes.md']));
    expect(seen.indexOf('Adding 2 of 3: annual-report.pdf')).toBeLessThan(seen.indexOf('Adding 3 of 3: harbour-notes.md'));
    const lines = await page.locator('.file-item').evaluateAll((els) => els.map((el) => [el.getAttribute('data-status'), el.textContent]));
    expect(lines.map(([status]) => status)).toEqual(['added', 'failed', 'added']);
    expect(lines[1][1]).toMatch(/annual-report\.pdf.*Only \.txt, \.md and \.html files/);
    expect(await page.locator('.files-summary-links a').allTextContents()).toEqual(['Tide tables for the summer', 'New pontoon opens at Port Ellen on Saturday']);
    expect((await sourceById('harbour-notes')).text).toContain('The new pontoon opens on Saturday');
    expect(await page.locator('progress.files-progress').evaluate((el: HTMLProgressElement) => [el.value, el.max])).toEqual([3, 3]);
  });

  it('fetches a web page, explains an address it cannot reach, and fetches the page again once it changed', async () => {
    const { page, server } = s;
    storyBody = pageHtml();
    await openAddPage();
    await page.locator('#add-url').fill('http://127.0.0.1:1/nothing-here');
    await page.click('[data-action="fetch"]');
    await page.locator('.add-fetch .form-error:not([hidden])').waitFor();
    expect(await page.locator('.add-fetch .form-error').textContent()).toMatch(/could not be fetched/);
    expect(await page.locator('#add-url').inputValue()).toBe('http://127.0.0.1:1/nothing-here');

    await page.locator('#add-url').fill(`${pagesUrl}/night-ferry`);
    await page.click('[data-action="fetch"]');
    const link = page.locator('.fetch-status .added-link');
    await link.waitFor();
    expect(await page.locator('.fetch-status').textContent()).toMatch(/Added Night ferry to Sark Minor approved \(Island Herald, 2025-06-12\)/);
    const id = decodeURIComponent((await link.getAttribute('href'))!.replace('#/source/', ''));
    expect((await sourceById(id)).text).toContain('3.2 million pounds');

    // The page changes; "Fetch again" in the viewer makes a revision and says what it did.
    const text = (await sourceById(id)).text;
    const quote = 'The extension will cost 3.2 million pounds a year';
    const start = text.indexOf(quote);
    await call(server.url, 'POST', '/api/annotations', { kind: 'claim', targets: [{ source: id, start, end: start + quote.length, exact: quote }] });
    await link.click();
    await page.locator('[data-action="refetch"]').waitFor();
    await page.click('[data-action="refetch"]');
    await expect.poll(() => page.locator('.refetch-outcome').textContent()).toBe('Fetched again: unchanged since revision 1.');
    storyBody = pageHtml([PARAGRAPHS[0], PARAGRAPHS[1].replace('3.2 million', '3.4 million'), PARAGRAPHS[2]]);
    await page.click('[data-action="refetch"]');
    await expect.poll(() => page.locator('.refetch-outcome').textContent()).toMatch(/^Revision 2: 1 passage changed\. See what changed$/);
    // The page shows the new text, and the changed claim asks for a second look.
    await page.locator('.ProseMirror', { hasText: '3.4 million pounds' }).waitFor();
    await page.locator('.changed-section .changed-item').waitFor();
  });
});

function pageHtml(paragraphs: readonly string[] = PARAGRAPHS): string {
  return articlePage('Night ferry to Sark Minor approved', paragraphs);
}
