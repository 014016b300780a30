/**
 * `npm run bench:viewer`: how the viewer copes with a 1 MB article and 10 / 1,000 / 10,000
 * annotations in headless Chromium, against the real server on a temporary data directory.
 *
 * For each size, on a fresh page each run: the time from navigation until the text and the
 * sidebar show and the main thread is quiet (no long task for a second), the time from the save key
 * (Ctrl+Enter in the claim form) to the new highlight and its card (and how much of it the POST
 * took), and the frame times while the text and the sidebar scroll. Medians over the runs, with
 * the ratio to the 10-annotation size measured in the same run. Options: `--sizes 10,1000,10000`,
 * `--runs N`, `--chars N` (article size), `--client DIR` (serve another build of the client, such
 * as one made from an older commit, to compare), `--timeout S` (give up on a step after S seconds),
 * `--json`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/app';
import { ensureClientBuilt } from '../server/client-build';
import { openWorkspace } from '../server/workspace';
import { ARTICLE_ID, articleText, benchAnnotations, seedViewerBench } from './viewer-fixture';
import { frameStats, median, openProbe, textAndCardsShow, type FrameStats } from './viewer-probes';

/** How long one step (opening, saving) may take before the run gives up on it. */
let stepTimeout = 600_000;

interface RunResult {
  openMs: number;
  longTaskMs: number;
  domNodes: number;
  /** Save key to the new highlight and card painted. */
  saveMs: number;
  /** Save key to the new highlight and card in the page (before that frame). */
  drawMs: number;
  /** Save key to the server's version in place of the provisional card. */
  confirmMs: number;
  postMs: number;
  textScroll: FrameStats;
  sidebarScroll: FrameStats;
}

async function startServer(dataDir: string, sourcesDir: string, clientDir: string) {
  const { store, sources } = await openWorkspace({ dataDir, sourcesDir });
  const app = createApp({ store, sources, clientDir });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((ok, fail) => server.once('listening', ok).once('error', fail));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await store.close();
    },
  };
}

/** Open the viewer and wait for the text, the cards and a quiet main thread. */
async function measureOpen(page: Page, url: string): Promise<Pick<RunResult, 'openMs' | 'longTaskMs' | 'domNodes'>> {
  await page.goto(`${url}/#/source/${ARTICLE_ID}`, { waitUntil: 'commit' });
  await page.waitForFunction(textAndCardsShow, undefined, { timeout: stepTimeout, polling: 10 });
  // Quiet: a full second without a long task (50 ms or more) since the page showed.
  await page.waitForFunction(() => (window as unknown as { __probe: { quietFor(): number } }).__probe.quietFor() >= 1000, undefined, { timeout: stepTimeout, polling: 100 });
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: { readyAt: number; lastLongTaskEnd: number; longTaskTotal: number } }).__probe;
    return { openMs: Math.max(probe.readyAt, probe.lastLongTaskEnd), longTaskMs: probe.longTaskTotal, domNodes: document.getElementsByTagName('*').length };
  });
}

/** Select a few words in the middle of the window, make a claim of them, and time the save. */
async function measureSave(page: Page, run: number): Promise<Pick<RunResult, 'saveMs' | 'drawMs' | 'confirmMs' | 'postMs'>> {
  await page.evaluate(() => {
    const lines = [...document.querySelectorAll('.ProseMirror p.line:not(.blank)')];
    const line = lines[Math.floor(lines.length / 2) + 3];
    line.scrollIntoView({ block: 'center' });
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const lines = [...document.querySelectorAll('.ProseMirror p.line:not(.blank)')];
    const line = lines[Math.floor(lines.length / 2) + 3];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(first, 0);
    range.setEnd(first, Math.min(first.length, 20));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  await page.locator('.selection-popover').waitFor({ state: 'visible' });
  await page.keyboard.press('c');
  const note = `bench note ${run}-${Date.now()}`;
  await page.locator('.annotation-form textarea[name="note"]').fill(note);
  await page.evaluate((note) => (window as unknown as { __probe: { watchSave(note: string): void } }).__probe.watchSave(note), note);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => {
    const probe = (window as unknown as { __probe: { savedAt: number | null; confirmedAt: number | null } }).__probe;
    return probe.savedAt !== null && probe.confirmedAt !== null;
  }, undefined, { timeout: stepTimeout });
  return page.evaluate(() => {
    const probe = (window as unknown as { __probe: { savedAt: number; drawnAt: number; confirmedAt: number; saveKeyAt: number } }).__probe;
    const post = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/annotations')).pop() as PerformanceResourceTiming | undefined;
    return {
      saveMs: probe.savedAt - probe.saveKeyAt,
      drawMs: probe.drawnAt - probe.saveKeyAt,
      confirmMs: probe.confirmedAt - probe.saveKeyAt,
      postMs: post ? post.responseEnd - post.startTime : NaN,
    };
  });
}

/** Scroll `target` (the window or an element) by `step` pixels a frame for `frames` frames. */
async function measureScroll(page: Page, target: 'window' | '.sidebar', frames = 90, step = 240): Promise<FrameStats> {
  await page.evaluate((target) => (target === 'window' ? window.scrollTo(0, 0) : document.querySelector(target)?.scrollTo(0, 0)), target);
  await page.waitForTimeout(200);
  const deltas = await page.evaluate(
    ({ target, frames, step }) =>
      new Promise<number[]>((done) => {
        const el = target === 'window' ? null : document.querySelector(target);
        const out: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          out.push(now - last);
          last = now;
          if (el) el.scrollTop += step;
          else window.scrollBy(0, step);
          if (out.length > frames) done(out.slice(1));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    { target, frames, step },
  );
  return frameStats(deltas);
}

async function runSize(browser: Browser, text: string, size: number, runs: number, clientDir: string): Promise<RunResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'collate-bench-viewer-'));
  const results: RunResult[] = [];
  try {
    const dataDir = join(root, 'data');
    const sourcesDir = join(root, 'sources');
    await seedViewerBench({ sourcesDir, dataDir, text, annotations: benchAnnotations(text, size) });
    const server = await startServer(dataDir, sourcesDir, clientDir);
    try {
      for (let run = 0; run < runs; run++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        try {
          // tsx keeps function names with a helper the page lacks; functions sent to the page need it.
          await page.addInitScript({ content: 'window.__name = (f) => f;' });
          await page.addInitScript(openProbe);
          const open = await measureOpen(page, server.url);
          const textScroll = await measureScroll(page, 'window');
          const sidebarScroll = await measureScroll(page, '.sidebar');
          const save = await measureSave(page, run);
          results.push({ ...open, ...save, textScroll, sidebarScroll });
        } finally {
          await page.close();
        }
      }
    } finally {
      await server.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return results;
}

const fmt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,1000,10000' },
      runs: { type: 'string', default: '3' },
      chars: { type: 'string', default: '1000000' },
      client: { type: 'string' },
      timeout: { type: 'string', default: '600' },
      json: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0) || !Number.isInteger(runs) || runs < 1) {
    process.stderr.write('usage: npm run bench:viewer -- [--sizes 10,1000,10000] [--runs N] [--chars N] [--client DIR] [--timeout S] [--json]\n');
    process.exit(2);
  }
  const clientDir = values.client ?? (await ensureClientBuilt((line) => process.stderr.write(line + '\n')));
  stepTimeout = Number(values.timeout) * 1000;
  const text = articleText(Number(values.chars));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const rows: { size: number; load: [number, number]; runs: RunResult[] }[] = [];
  try {
    for (const size of sizes) {
      const before = loadavg()[0];
      process.stderr.write(`${size} annotations on ${text.length.toLocaleString('en')} characters: ${runs} runs…\n`);
      const res = await runSize(browser, text, size, runs, clientDir);
      rows.push({ size, load: [before, loadavg()[0]], runs: res });
    }
  } finally {
    await browser.close();
  }
  const summary = rows.map(({ size, load, runs: r }) => ({
    size,
    load,
    openMs: median(r.map((x) => x.openMs)),
    longTaskMs: median(r.map((x) => x.longTaskMs)),
    domNodes: median(r.map((x) => x.domNodes)),
    saveMs: median(r.map((x) => x.saveMs)),
    drawMs: median(r.map((x) => x.drawMs)),
    confirmMs: median(r.map((x) => x.confirmMs)),
    postMs: median(r.map((x) => x.postMs)),
    text: { p50: median(r.map((x) => x.textScroll.p50)), p95: median(r.map((x) => x.textScroll.p95)), max: median(r.map((x) => x.textScroll.max)) },
    sidebar: { p50: median(r.map((x) => x.sidebarScroll.p50)), p95: median(r.map((x) => x.sidebarScroll.p95)), max: median(r.map((x) => x.sidebarScroll.max)) },
  }));
  if (values.json) {
    process.stdout.write(JSON.stringify({ chars: text.length, runs, cores: cpus().length, rows: summary }, null, 2) + '\n');
    return;
  }
  const base = summary[0];
  const out = [
    `viewer benchmark: ${text.length.toLocaleString('en')}-character article, ${runs} runs per size (medians), ${cpus().length} cores`,
    '',
    '| annotations | load | open ms | long tasks ms | DOM nodes | save → highlight drawn / painted ms | → stored ms (POST ms) | text scroll p50 / p95 / max ms | sidebar scroll p50 / p95 / max ms |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...summary.map((s) =>
      `| ${s.size.toLocaleString('en')} | ${s.load[0].toFixed(1)}-${s.load[1].toFixed(1)} | ${fmt(s.openMs)} | ${fmt(s.longTaskMs)} | ${fmt(s.domNodes)} | ${fmt(s.drawMs)} / ${fmt(s.saveMs)} | ${fmt(s.confirmMs)} (${fmt(s.postMs)}) | ${fmt(s.text.p50)} / ${fmt(s.text.p95)} / ${fmt(s.text.max)} | ${fmt(s.sidebar.p50)} / ${fmt(s.sidebar.p95)} / ${fmt(s.sidebar.max)} |`,
    ),
    '',
    ...summary.slice(1).map((s) => `${s.size.toLocaleString('en')} vs ${base.size.toLocaleString('en')} annotations: open x${(s.openMs / base.openMs).toFixed(2)}, save x${(s.saveMs / base.saveMs).toFixed(2)}, text scroll p95 x${(s.text.p95 / base.text.p95).toFixed(2)}`),
  ];
  const last = summary[summary.length - 1];
  out.push(`target open < 1000 ms at ${last.size.toLocaleString('en')}: ${last.openMs < 1000 ? 'PASS' : 'FAIL'} (${fmt(last.openMs)} ms)`);
  out.push(`target new highlight < 50 ms at ${last.size.toLocaleString('en')}: ${last.saveMs < 50 ? 'PASS' : 'FAIL'} (${fmt(last.saveMs)} ms)`);
  process.stdout.write(out.join('\n') + '\n');
}

void main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
