/**
 * Shared helpers of the browser tests: launching headless Chromium, a suite setup that gives every
 * test a fresh page on a known state (so each test passes run alone), selecting a passage of the
 * source viewer the way a user's drag would (a DOM selection over known text), API shortcuts for
 * preparing and checking server state, and documentation screenshots taken only on request.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Annotation, CreateAnnotation } from '../../core/model';
import { call, startTestServer, type TestServer } from '../helpers/test-server';

let shared: Promise<Browser> | undefined;

/**
 * The system Chromium, headless, with the flags that keep it quiet and offline: one per test worker,
 * shared by the files the worker runs (starting it took about half a second per file). Files get
 * their own pages (each in a new context) and give them back with `releaseBrowser`; Playwright stops
 * the browser when the worker exits.
 */
export function launchBrowser(): Promise<Browser> {
  if (shared) {
    const current = shared;
    // A browser that crashed or was closed is replaced.
    return current.then((b) => (b.isConnected() ? b : ((shared = undefined), launchBrowser())));
  }
  shared = chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  shared.catch(() => (shared = undefined));
  return shared;
}

/** Closes every page a file opened (their contexts), keeping the worker's browser for the next file. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  await Promise.all(browser.contexts().map((c) => c.close().catch(() => {})));
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
  await releaseBrowser(s.browser);
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

/** What a browser suite's tests use; the fields are set before each test runs. */
export interface SuiteContext {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors of this test's page. */
  errors: string[];
}

/**
 * One server, one Chromium and one browser context for the file (the client's code is loaded and
 * compiled once, then cached), and for each test a new page on a known state: no annotations on
 * the server and nothing remembered in the browser (no active set, draft or preference). Sets and
 * dismissed suggestions stay (the API deletes neither), so tests name their own sets and count
 * suggestions relative to what the server lists. `serverOptions` go to the test server (say, to let
 * it fetch pages from a local server).
 */
export function browserSuite(
  viewport: { width: number; height: number },
  pageOptions: { acceptDownloads?: boolean } = {},
  serverOptions: Parameters<typeof startTestServer>[0] = {},
): SuiteContext {
  const ctx = {} as SuiteContext;
  let context: BrowserContext | null = null;
  beforeAll(async () => {
    [ctx.server, ctx.browser] = await Promise.all([startTestServer(serverOptions), launchBrowser()]);
    context = await ctx.browser.newContext({ viewport, ...pageOptions });
  });
  beforeEach(async () => {
    await deleteAllAnnotations(ctx.server.url);
    ctx.page = await context!.newPage();
    // Generous: two cores run Chromium, the server and the other test files at once.
    ctx.page.setDefaultTimeout(15_000);
    keepLog(ctx.page);
    ctx.errors = watchErrors(ctx.page);
    // Forget what an earlier test left in the browser's storage: a plain API answer is enough to be
    // on the app's origin, without loading the app.
    await ctx.page.goto(`${ctx.server.url}/api/sets`);
    await ctx.page.evaluate(() => localStorage.clear());
  });
  afterEach(async () => {
    logs.delete(ctx.page);
    await ctx.page?.close();
  });
  afterAll(async () => {
    await context?.close();
    await releaseBrowser(ctx.browser);
    await ctx.server?.close();
  });
  return ctx;
}

/** Delete every annotation on the server. */
export async function deleteAllAnnotations(base: string): Promise<void> {
  const res = await call(base, 'GET', '/api/annotations');
  for (const a of (res.body as { annotations: Annotation[] }).annotations) {
    await call(base, 'DELETE', `/api/annotations/${a.id}?revision=${a.revision}`);
  }
}

/**
 * Save a screenshot for the documentation (docs/<name>) only when UPDATE_SCREENSHOTS=1, so a test
 * run leaves the working tree as it was. Without it the picture goes to the temp folder, so the
 * code path still runs.
 */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? resolve(import.meta.dirname, '../../docs') : resolve(process.env.TMPDIR ?? '/tmp', 'collate-screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, name) });
}

/** Wait until the open form has saved: it closed, and no card is still provisional. */
export async function saved(page: Page): Promise<void> {
  await page.locator('.annotation-form').waitFor({ state: 'detached' });
  await page.waitForFunction(() => !document.querySelector('.card-provisional'));
}

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
 * The box of the first six characters of the first occurrence of `phrase` in the viewer's text,
 * scrolled to the middle of the window and measured once it stays put: lines far off screen get
 * their real height only when drawn, so a box read at once may move before a click lands.
 */
export async function phraseBox(page: Page, phrase: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate(async (phrase) => {
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    const find = () => {
      for (const line of document.querySelectorAll('.ProseMirror p.line')) {
        const at = (line.textContent ?? '').indexOf(phrase);
        if (at < 0) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let acc = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = (node as Text).data.length;
          if (at < acc + len) {
            const range = document.createRange();
            range.setStart(node, at - acc);
            range.setEnd(node, Math.min(len, at - acc + 6));
            return range;
          }
          acc += len;
        }
      }
      throw new Error(`phrase not in viewer: ${phrase}`);
    };
    find().startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // Lines drawn after the scroll take their real height, and the page keeps its place around
    // them over the next frames: wait for five frames without a move.
    let last = '';
    let still = 0;
    for (let i = 0; i < 60 && still < 5; i++) {
      await frame();
      const r = find().getBoundingClientRect();
      const now = `${r.x},${r.y}`;
      still = now === last ? still + 1 : 0;
      last = now;
    }
    const r = find().getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, phrase);
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
  // The heading counts the annotations once they are drawn.
  await page.waitForFunction(() => /\(\d+/.test(document.querySelector('.sidebar-title')?.textContent ?? ''));
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
