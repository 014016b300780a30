/**
 * The compare view in a real browser, on the two NewsBlaze articles: aligned passages
 * joined and numbered on both sides, the word difference "our" marked, the columns holding the raw
 * texts exactly, passage jumps keeping both sides level, scrolling one column moving the other,
 * linking two selections as an inconsistency, an unknown source, and the documentation screenshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, ReusePassage } from '../../core/model';
import { call } from '../helpers/test-server';
import { browserSuite, docsScreenshot, openCompare, selectInColumn as selectColumnPhrase, sourceText } from './browser-helpers';

const A = 'newsblaze-us-pursues-cooperation';
const B = 'newsblaze-will-us-plans-undercut-russia';
const s = browserSuite({ width: 1400, height: 900 });
let between: ReusePassage[];

beforeAll(async () => {
  const res = await call(s.server.url, 'GET', `/api/reuse?source=${A}`);
  between = (res.body.passages as ReusePassage[]).filter((p) => [p.a.source, p.b.source].sort().join() === [A, B].sort().join());
});


/** Top of passage `i`'s element relative to the viewport, on both sides. */
function passageTops(i: number): Promise<[number, number]> {
  return s.page.evaluate((i) => {
    const top = (side: string) => document.querySelector(`.compare-text-${side} .passage[data-passage="${i}"]`)!.getBoundingClientRect().top;
    return [top('a'), top('b')] as [number, number];
  }, i);
}

/** Select `phrase` in column `side` of this file's page. */
function selectInColumn(side: 'a' | 'b', phrase: string): Promise<void> {
  return selectColumnPhrase(s.page, side, phrase);
}

describe('compare view', () => {
  it('shows the aligned passages joined, numbered alike on both sides', async () => {
    const { page, server } = s;
    expect(between.length).toBeGreaterThan(0);
    await openCompare(page, server.url, A, B);
    const countA = await page.locator('.compare-text-a .passage').count();
    const countB = await page.locator('.compare-text-b .passage').count();
    expect(countA).toBe(between.length);
    expect(countB).toBe(between.length);
    expect(await page.locator('.passage-entry').count()).toBe(between.length);
    // Passage i on the left and passage i on the right are the two spans of one server passage.
    const [textA, textB] = await Promise.all([sourceText(server.url, A), sourceText(server.url, B)]);
    const spans = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.compare-text-a .passage')].map((el) => {
        const i = el.dataset.passage!;
        const right = document.querySelector<HTMLElement>(`.compare-text-b .passage[data-passage="${i}"]`)!;
        return { a: Number(el.dataset.start), aText: el.textContent, b: Number(right.dataset.start), bText: right.textContent };
      }),
    );
    for (const s of spans) {
      const p = between.find((x) => (x.a.source === A ? x.a.start : x.b.start) === s.a)!;
      expect(p).toBeDefined();
      const [pa, pb] = p.a.source === A ? [p.a, p.b] : [p.b, p.a];
      expect(s.aText).toBe(textA.slice(pa.start, pa.end));
      expect(s.b).toBe(pb.start);
      expect(s.bText).toBe(textB.slice(pb.start, pb.end));
    }
  });

  it('holds each raw text exactly in its column', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    const [textA, textB] = await Promise.all([sourceText(server.url, A), sourceText(server.url, B)]);
    expect(await page.locator('.compare-text-a').textContent()).toBe(textA);
    expect(await page.locator('.compare-text-b').textContent()).toBe(textB);
  });

  it('marks "our " as an insertion on the right inside the aligned passage', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    const mark = page.locator('.compare-text-b .passage .diff-inserted', { hasText: /^our $/ });
    expect(await mark.count()).toBe(1);
    const context = await mark.evaluate((el) => `${el.previousSibling?.textContent?.slice(-8)}[${el.textContent}]${el.nextSibling?.textContent?.slice(0, 13)}`);
    expect(context).toBe('between [our ]two countries');
    // Nothing marks the left side there: the left text simply lacks the word.
    const left = await page.locator('.compare-text-a .passage', { hasText: 'launch notifications between two countries' }).locator('.diff').count();
    expect(left).toBe(0);
  });

  it('jumps between passages with j and k, keeping both sides level', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    await page.locator('.compare-title').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await page.locator('.passage-entry[aria-current="true"]').getAttribute('data-passage')).toBe('1');
    expect(await page.locator('.compare-text-a .passage.is-current').getAttribute('data-passage')).toBe('1');
    const [ta, tb] = await passageTops(1);
    expect(Math.abs(ta - tb)).toBeLessThan(3);
    await page.keyboard.press('k');
    expect(await page.locator('.passage-entry[aria-current="true"]').getAttribute('data-passage')).toBe('0');
  });

  it('scrolls the right column along when the left one scrolls', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    const last = between.length - 1;
    // Bring the last passage's top to the reading line of the left pane, as a user's scrolling would.
    await page.evaluate((i) => {
      const pane = document.querySelector<HTMLElement>('.compare-pane[data-side="a"] .pane-scroll')!;
      const el = pane.querySelector<HTMLElement>(`.passage[data-passage="${i}"]`)!;
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - pane.clientHeight * 0.3;
    }, last);
    await page.waitForFunction((i) => {
      const top = (side: string) => document.querySelector(`.compare-text-${side} .passage[data-passage="${i}"]`)!.getBoundingClientRect().top;
      return Math.abs(top('a') - top('b')) < 3;
    }, last);
    const scrollB = await page.locator('.compare-pane[data-side="b"] .pane-scroll').evaluate((el) => el.scrollTop);
    expect(scrollB).toBeGreaterThan(0);
  });

  it('links a selection in each column as an inconsistency with exact offsets', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    await selectInColumn('a', 'Deputy Assistant Secretary Frank A. Rose');
    await page.locator('.pick-slot[data-side="a"] .pick-quote').waitFor();
    // Across the diff mark: the range starts and ends in different text nodes around "our ".
    await selectInColumn('b', 'between our two countries');
    await page.locator('.pick-slot[data-side="b"] .pick-quote').waitFor();
    await page.click('[data-action="link-inconsistency"]');
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('note');
    await dialog.locator('textarea[name="note"]').fill('Different speakers for the same remarks.');
    await dialog.locator('input[value="attribution"]').check();
    await dialog.locator('input[name="tags"]').fill('speaker');
    await dialog.locator('input[name="tags"]').press('Enter');
    await dialog.waitFor({ state: 'detached' });

    const res = await call(server.url, 'GET', `/api/annotations?kind=inconsistency&source=${A}`);
    const list = res.body.annotations as Annotation[];
    expect(list).toHaveLength(1);
    const [textA, textB] = await Promise.all([sourceText(server.url, A), sourceText(server.url, B)]);
    const [left, right] = list[0].targets;
    expect(left).toMatchObject({ source: A, start: textA.indexOf('Deputy Assistant Secretary Frank A. Rose'), exact: 'Deputy Assistant Secretary Frank A. Rose' });
    expect(right).toMatchObject({ source: B, start: textB.indexOf('between our two countries'), exact: 'between our two countries' });
    expect(list[0].tags).toEqual(['attribution', 'speaker']);
    expect(list[0].note).toBe('Different speakers for the same remarks.');
    // The picks are cleared once saved.
    expect(await page.locator('[data-action="link-inconsistency"]').isDisabled()).toBe(true);
  });

  it('selects by keyboard in each column and links the two with l', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    const [textA, textB] = await Promise.all([sourceText(server.url, A), sourceText(server.url, B)]);
    const focusPane = (side: 'a' | 'b') => page.locator(`.compare-pane[data-side="${side}"] .pane-scroll`).focus();
    const picked = (side: 'a' | 'b') => page.locator(`.pick-slot[data-side="${side}"] .pick-quote`).getAttribute('title');
    await focusPane('a');
    await page.keyboard.press('s');
    await expect.poll(() => picked('a')).toBeTruthy();
    const left = (await picked('a')) ?? '';
    expect(textA).toContain(left);
    await focusPane('b');
    await page.keyboard.press('s');
    await expect.poll(() => picked('b')).toBeTruthy();
    const sentence = (await picked('b')) ?? '';
    // The end grows by a word, then the start lets go of the first word.
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Alt+Shift+ArrowRight');
    // Wait for both keys: the first alone already changes the pick.
    const firstWord = sentence.split(/\s+/)[0];
    await expect.poll(async () => ((await picked('b')) ?? '').startsWith(firstWord + ' ')).toBe(false);
    const right = (await picked('b')) ?? '';
    expect(textB).toContain(right);
    expect(right.length).toBeGreaterThan(sentence.length - firstWord.length);
    await page.keyboard.press('l');
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('.link-quote blockquote').allTextContents()).resolves.toEqual([left, right]);
    await page.keyboard.press('Escape');
  });

  it('keeps the link dialog open with the reason when the save is refused', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    await selectInColumn('a', 'Frank A. Rose');
    await page.locator('.pick-slot[data-side="a"] .pick-quote').waitFor();
    await selectInColumn('b', 'Ellen Tauscher');
    await page.locator('.pick-slot[data-side="b"] .pick-quote', { hasText: 'Ellen Tauscher' }).waitFor();
    await page.click('[data-action="link-inconsistency"]');
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    // A tag over the server's length limit is refused by validation.
    await dialog.locator('input[name="tags"]').fill('x'.repeat(80));
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.modal-error', { hasText: 'Not saved' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('writes the documentation screenshot', async () => {
    const { page, server } = s;
    await openCompare(page, server.url, A, B);
    await page.locator('.compare-title').click();
    // Jump to the passage holding the "our" difference, then scroll the left column to that
    // sentence: the right column follows.
    const index = await page.locator('.compare-text-b .passage', { has: page.locator('.diff-inserted', { hasText: /^our $/ }) }).getAttribute('data-passage');
    for (let i = 0; i <= Number(index); i++) await page.keyboard.press('j');
    await selectInColumn('a', 'between two countries');
    await page.locator('.pick-slot[data-side="a"] .pick-quote').waitFor();
    await page.evaluate(() => {
      const pane = document.querySelector<HTMLElement>('.compare-pane[data-side="a"] .pane-scroll')!;
      const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
      pane.scrollTop += rect.top - pane.getBoundingClientRect().top - pane.clientHeight * 0.5;
      document.getSelection()!.removeAllRanges();
    });
    // Let the right column follow the scroll.
    await page.waitForTimeout(150);
    await docsScreenshot(page, 'screenshot-compare.png');
    expect(s.errors).toEqual([]);
  });

  it('opens on the passage named by ?focus and marks the span', async () => {
    const { page, server } = s;
    const textB = await sourceText(server.url, B);
    const start = textB.indexOf('between our two countries');
    await page.goto(`${server.url}/#/compare/${A}/${B}?focus=${B}:${start}-${start + 25}`);
    await page.waitForSelector('.passage-entry[aria-current="true"]');
    const current = Number(await page.locator('.compare-text-b .passage.is-current').getAttribute('data-passage'));
    const span = await page.locator('.compare-text-b .passage.is-current').evaluate((el) => [Number((el as HTMLElement).dataset.start), el.textContent!.length]);
    expect(span[0]).toBeLessThanOrEqual(start);
    expect(span[0] + span[1]).toBeGreaterThanOrEqual(start + 25);
    expect(current).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(() => CSS.highlights.has('collate-compare-focus'))).toBe(true);
  });

  it('says clearly when a source does not exist', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/compare/${A}/no-such-source`);
    const error = page.locator('.compare-error');
    await error.waitFor();
    expect(await error.locator('h1').textContent()).toBe('Source not found');
    expect(await error.textContent()).toContain('no-such-source');
  });
});
