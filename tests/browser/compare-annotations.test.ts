/**
 * The user's annotations in the compare view and overlapping highlights in the viewer, in a real
 * browser on the two NewsBlaze articles: an existing claim shows in the right column over exactly
 * its text with a tooltip, a selection starting inside nested highlight spans still maps to exact
 * offsets, a new inconsistency shows in both columns at once, clicking it on the left brings its
 * counterpart level on the right, and three stacked highlights in the viewer each draw their band
 * at their own depth. Screenshots go to /tmp.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { call } from '../helpers/test-server';
import { browserSuite, createVia, openCompare, openSource, selectInColumn, sourceText } from './browser-helpers';

const A = 'newsblaze-us-pursues-cooperation';
const B = 'newsblaze-will-us-plans-undercut-russia';
const RED = 'Both Governments have held three JTA sessions, in July and December 2009, and again in May 2010';
const GREEN = 'three JTA sessions, in July and December 2009';
const YELLOW = 'July and December 2009';
const LEFT_PICK = 'Deputy Assistant Secretary Frank A. Rose';
// Starts inside the red claim and ends inside the green one: the selection's ends sit in text
// nodes nested two and three spans deep.
const RIGHT_PICK = 'held three JTA sessions, in July';

const s = browserSuite({ width: 1400, height: 900 });
let red: Annotation;
let green: Annotation;
let note: Annotation;
let textA: string;
let textB: string;

beforeAll(async () => {
  [textA, textB] = await Promise.all([sourceText(s.server.url, A), sourceText(s.server.url, B)]);
});

// Three stacked annotations on the right source, made afresh for each test (the suite empties the server).
beforeEach(async () => {
  const { server } = s;
  red = await createVia(server.url, B, RED, { kind: 'claim', set: 'default', tags: [], note: 'Four sessions by then, per the State Department fact sheet.', claim: { claimant: 'State Department', verdict: 'false', evidence: [] } });
  green = await createVia(server.url, B, GREEN, { kind: 'claim', set: 'default', tags: [], note: '', claim: { claimant: 'State Department', verdict: 'true', evidence: [] } });
  note = await createVia(server.url, B, YELLOW, { kind: 'note', set: 'default', tags: [], note: 'Check the dates.' });
});

/** Link LEFT_PICK and RIGHT_PICK as an inconsistency through the API. */
async function linkThroughApi(): Promise<Annotation> {
  const res = await call(s.server.url, 'POST', '/api/annotations', {
    kind: 'inconsistency',
    note: 'Rose on one side, the session count on the other.',
    targets: [
      { source: A, start: textA.indexOf(LEFT_PICK), end: textA.indexOf(LEFT_PICK) + LEFT_PICK.length, exact: LEFT_PICK },
      { source: B, start: textB.indexOf(RIGHT_PICK), end: textB.indexOf(RIGHT_PICK) + RIGHT_PICK.length, exact: RIGHT_PICK },
    ],
  });
  return res.body.annotation as Annotation;
}


/** Text and raw-text start of annotation `id`'s highlight in a column, from its elements. */
function highlightIn(side: 'a' | 'b', id: string): Promise<{ text: string; start: number; count: number }> {
  return s.page.evaluate(({ side, id }) => {
    const column = document.querySelector(`.compare-text-${side}`)!;
    const els = [...column.querySelectorAll<HTMLElement>('[data-annotation-id]')].filter((el) => el.dataset.annotationId === id);
    // Outer spans of a piece contain the inner ones: count each text node once.
    const inside = new Set<Text>();
    for (const el of els) {
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) inside.add(n as Text);
    }
    const walker = document.createTreeWalker(column, NodeFilter.SHOW_TEXT);
    let pos = 0;
    let start = -1;
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      if (inside.has(t)) {
        if (start < 0) start = pos;
        text += t.data;
      }
      pos += t.length;
    }
    return { text, start, count: els.length };
  }, { side, id });
}

describe('overlapping highlights in the viewer', () => {
  it('draws each of three stacked highlights at its own depth, under a truthful legend', async () => {
    const { page, server } = s;
    await openSource(page, server.url, B);
    const layers = await page.evaluate((phrase) => {
      // Every highlight around the text node holding the note's words, shallowest band first.
      const walker = document.createTreeWalker(document.querySelector('.ProseMirror')!, NodeFilter.SHOW_TEXT);
      let node: Node | null = walker.nextNode();
      while (node && !(node as Text).data.includes(phrase)) node = walker.nextNode();
      const out: { id: string; depth: string; pad: string; band: string }[] = [];
      for (let el = node?.parentElement ?? null; el && !el.matches('.ProseMirror'); el = el.parentElement) {
        if (!el.dataset.annotationId) continue;
        const style = getComputedStyle(el);
        out.push({ id: el.dataset.annotationId, depth: el.dataset.depth ?? '', pad: style.paddingBottom, band: style.boxShadow });
      }
      return out.sort((x, y) => Number(x.depth) - Number(y.depth));
    }, YELLOW);
    expect(layers.map((l) => [l.id, l.depth, l.pad])).toEqual([[red.id, '0', '0px'], [green.id, '1', '3px'], [note.id, '2', '6px']]);
    // Each band is drawn in its own layer's colour: red, green, yellow.
    expect(layers.map((l) => /rgba\((\d+), (\d+), (\d+)/.exec(l.band)?.slice(1).join())).toEqual(['210,45,45', '26,140,75', '245,200,30']);
    expect(await page.locator('.legend-note').textContent()).not.toContain('darker');
    await page.locator('.ProseMirror p.line', { hasText: RED }).screenshot({ path: '/tmp/viewer-overlap.png' });
    await page.locator('.legend').screenshot({ path: '/tmp/viewer-legend.png' });
  });
});

describe('annotations in the compare view', () => {
  it('shows an existing claim in the right column over exactly its text, with a tooltip', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    const shown = await highlightIn('b', red.id);
    expect(shown.text).toBe(RED);
    expect(shown.start).toBe(textB.indexOf(RED));
    const el = page.locator(`.compare-text-b [data-annotation-id="${red.id}"]`).first();
    expect(await el.getAttribute('class')).toContain('hl hl-claim hl-verdict-false');
    expect(await el.getAttribute('title')).toContain('Claim, false: Four sessions by then');
    // The three stacked annotations take three depths; none shows on the left.
    const depths = await Promise.all([red, green, note].map((x) => page.locator(`.compare-text-b [data-annotation-id="${x.id}"]`).first().getAttribute('data-depth')));
    expect(depths).toEqual(['0', '1', '2']);
    expect(await page.locator('.compare-text-a [data-annotation-id]').count()).toBe(0);
    // The spans add no text: each column is still its raw text exactly.
    expect(await page.locator('.compare-text-a').textContent()).toBe(textA);
    expect(await page.locator('.compare-text-b').textContent()).toBe(textB);
  });

  it('maps a selection starting inside nested highlights to exact offsets, and shows the new inconsistency in both columns at once', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    await selectInColumn(page, 'a', LEFT_PICK);
    await page.locator('.pick-slot[data-side="a"] .pick-quote').waitFor();
    await selectInColumn(page, 'b', RIGHT_PICK);
    await page.locator('.pick-slot[data-side="b"] .pick-quote', { hasText: 'held three JTA' }).waitFor();
    await page.click('[data-action="link-inconsistency"]');
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea[name="note"]').fill('Rose on one side, the session count on the other.');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });

    const res = await call(server.url, 'GET', `/api/annotations?kind=inconsistency&source=${A}`);
    const [link] = res.body.annotations as Annotation[];
    expect(link.targets.map((t) => [t.source, t.start, t.end])).toEqual([
      [A, textA.indexOf(LEFT_PICK), textA.indexOf(LEFT_PICK) + LEFT_PICK.length],
      [B, textB.indexOf(RIGHT_PICK), textB.indexOf(RIGHT_PICK) + RIGHT_PICK.length],
    ]);
    // Without a reload: the view drew the saved annotation in both columns.
    expect(await highlightIn('a', link.id)).toMatchObject({ text: LEFT_PICK, start: textA.indexOf(LEFT_PICK) });
    expect(await highlightIn('b', link.id)).toMatchObject({ text: RIGHT_PICK, start: textB.indexOf(RIGHT_PICK) });
    expect(await page.locator(`.compare-text-a [data-annotation-id="${link.id}"]`).first().getAttribute('class')).toContain('hl-inconsistency');
    expect(await page.locator('.compare-text-b').textContent()).toBe(textB);
    await page.screenshot({ path: '/tmp/compare-annotations-linked.png' });
  });

  it('scrolls the right column to the counterpart of a highlight clicked on the left, and flashes both', async () => {
    const { page, server } = s;
    const link = await linkThroughApi();
    await openCompare(page, server.url, A, B);
    const right = page.locator(`.compare-text-b [data-annotation-id="${link.id}"]`).first();
    const paneB = page.locator('.compare-pane[data-side="b"] .pane-scroll');
    // At first the counterpart, near the end of the right text, is out of view.
    const before = await right.evaluate((el) => {
      const pane = el.closest('.pane-scroll')!.getBoundingClientRect();
      return el.getBoundingClientRect().top > pane.bottom;
    });
    expect(before).toBe(true);

    const left = page.locator(`.compare-text-a [data-annotation-id="${link.id}"]`).first();
    await left.click();
    await page.waitForFunction(({ id }) => {
      const top = (side: string) => [...document.querySelectorAll<HTMLElement>(`.compare-text-${side} [data-annotation-id]`)]
        .find((el) => el.dataset.annotationId === id)!.getBoundingClientRect().top;
      return Math.abs(top('a') - top('b')) < 3;
    }, { id: link.id });
    expect(await paneB.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    for (const el of [left, right]) expect(await el.getAttribute('class')).toMatch(/hl-active.*hl-pair-flash|hl-pair-flash.*hl-active/);
    // The left column stayed where it was clicked.
    expect(await page.locator('.compare-pane[data-side="a"] .pane-scroll').evaluate((el) => el.scrollTop)).toBe(0);
    await page.screenshot({ path: '/tmp/compare-annotations-counterpart.png' });
    expect(s.errors).toEqual([]);
  });
});
