/**
 * Shared helpers of the browser tests: launching headless Chromium, selecting a passage of the
 * source viewer the way a user's drag would (a DOM selection over known text), and API shortcuts
 * for preparing and checking server state.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { Annotation, CreateAnnotation } from '../../core/model';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

/** Launch the system Chromium headless, with the flags that keep it quiet and offline. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Uncaught page errors, for tests that assert none happened. */
  errors: string[];
}

/** A real server and Chromium started side by side, with one page of the given size. */
export async function openSession(viewport: { width: number; height: number }, pageOptions: { acceptDownloads?: boolean } = {}): Promise<BrowserSession> {
  const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const page = await browser.newPage({ viewport, ...pageOptions });
  // Generous: two cores run Chromium, the server and the other test files at once.
  page.setDefaultTimeout(15_000);
  keepLog(page);
  return { server, browser, page, errors: watchErrors(page) };
}

export async function closeSession(s: Partial<BrowserSession>): Promise<void> {
  if (s.page) logs.delete(s.page);
  await s.browser?.close();
  await s.server?.close();
}

/** The last console lines and failed requests of each open page, for the failure report below. */
const logs = new Map<Page, string[]>();

function keepLog(page: Page): void {
  const lines: string[] = [];
  const add = (line: string) => {
    lines.push(line);
    if (lines.length > 30) lines.shift();
  };
  page.on('console', (m) => add(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => add(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) add(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => add(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));
  logs.set(page, lines);
}

// A browser test that fails (rarely, and only under load so far) says what the page showed, so the
// cause can be read from the CI log without reproducing it.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [page, lines] of logs) {
    const state = await page
      .evaluate(() => ({
        status: document.querySelector('.status-line')?.textContent ?? '',
        form: !!document.querySelector('.annotation-form'),
        dialog: !!document.querySelector('dialog[open]'),
      }))
      .catch((e: unknown) => ({ unreadable: String(e) }));
    process.stderr.write(`\n[browser state after "${ctx.task.name}"] ${page.url()} ${JSON.stringify(state)}\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  }
});

/** Collects uncaught page errors, so a test can assert none happened. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Select the `occurrence`-th (0-based) occurrence of `phrase` inside one line of the viewer, across
 * highlight spans, by setting the DOM selection as a mouse drag would.
 */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  await page.evaluate(
    ({ phrase, occurrence }) => {
      let seen = 0;
      for (const line of document.querySelectorAll('.ProseMirror p.line')) {
        const text = line.textContent ?? '';
        let at = text.indexOf(phrase);
        while (at >= 0 && seen < occurrence) {
          seen++;
          at = text.indexOf(phrase, at + 1);
        }
        if (at < 0) continue;
        const locate = (offset: number, preferNext: boolean): [Node, number] => {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          let acc = 0;
          let node: Node | null;
          while ((node = walker.nextNode())) {
            const len = (node as Text).data.length;
            if (offset < acc + len || (!preferNext && offset === acc + len)) return [node, offset - acc];
            acc += len;
          }
          throw new Error('offset outside line');
        };
        const [startNode, startOffset] = locate(at, true);
        const [endNode, endOffset] = locate(at + phrase.length, false);
        const range = document.createRange();
        range.setStart(startNode, startOffset);
        range.setEnd(endNode, endOffset);
        const sel = window.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
        return;
      }
      throw new Error(`phrase not found in viewer: ${phrase}`);
    },
    { phrase, occurrence },
  );
  // The viewer has taken the selection once its popover shows.
  await page.locator('.selection-popover').waitFor({ state: 'visible' });
}

/**
 * Select the first occurrence of `phrase` in compare column `side` as a drag would: a DOM range over
 * the column's text nodes, whatever spans (passages, diff marks, highlights) wrap them.
 */
export function selectInColumn(page: Page, side: 'a' | 'b', phrase: string): Promise<void> {
  return page.evaluate(({ side, phrase }) => {
    const column = document.querySelector(`.compare-text-${side}`)!;
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const all = nodes.map((n) => n.data).join('');
    const at = all.indexOf(phrase);
    if (at < 0) throw new Error(`not in column ${side}: ${phrase}`);
    const locate = (offset: number, atEnd: boolean): [Text, number] => {
      let acc = 0;
      for (const n of nodes) {
        if (offset < acc + n.length || (atEnd && offset === acc + n.length)) return [n, offset - acc];
        acc += n.length;
      }
      throw new Error('offset past the column');
    };
    const range = document.createRange();
    range.setStart(...locate(at, false));
    range.setEnd(...locate(at + phrase.length, true));
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, { side, phrase });
}

/** Open a source page and wait until its text and sidebar are shown. */
export async function openSource(page: Page, base: string, id: string): Promise<void> {
  const url = `${base}/#/source/${id}`;
  // Going to the URL already shown would change nothing: reload to fetch the current state.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector('.ProseMirror p.line');
  await page.waitForSelector('.card-list:not(:has(.loading))');
}

/** The raw text of a source, from the API. */
export async function sourceText(base: string, id: string): Promise<string> {
  const res = await call(base, 'GET', `/api/sources/${id}`);
  return (res.body as { source: { text: string } }).source.text;
}

/** Create an annotation through the API on the `occurrence`-th match of `phrase` in source `id`. */
export async function createVia(
  base: string,
  id: string,
  phrase: string,
  rest: Omit<CreateAnnotation, 'targets'>,
  occurrence = 0,
): Promise<Annotation> {
  const text = await sourceText(base, id);
  let start = text.indexOf(phrase);
  for (let i = 0; i < occurrence; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`phrase not in ${id}: ${phrase}`);
  const res = await call(base, 'POST', '/api/annotations', {
    ...rest,
    targets: [{ source: id, start, end: start + phrase.length, exact: phrase }],
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { annotation: Annotation }).annotation;
}

/** The annotations of source `id` as the server has them. */
export async function annotationsOf(base: string, id: string): Promise<Annotation[]> {
  const res = await call(base, 'GET', `/api/annotations?source=${id}`);
  return (res.body as { annotations: Annotation[] }).annotations;
}

/** Open the compare view of `a` and `b` afresh (reloading when it is already shown) and wait for it. */
export async function openCompare(page: Page, base: string, a: string, b: string): Promise<void> {
  const url = `${base}/#/compare/${a}/${b}`;
  // Going to the URL already shown changes nothing: reload for a fresh view.
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector('.compare-text-b .passage');
}
