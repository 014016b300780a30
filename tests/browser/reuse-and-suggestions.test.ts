/**
 * Duplicate coverage, suggested inconsistencies and keyboard selection in the viewer,
 * in a real browser against a real server: reuse marks and their copies leading to the compare view,
 * boilerplate and the "Show reuse" toggle, confirming and dismissing suggestions, carrying a claim
 * to a copy, an inconsistency built across two sources in the tray, and selecting by keyboard
 * (sentence, end and start of the selection). Each test starts from a fresh page; the server's
 * dismissed suggestions stay, so suggestion counts are read from the API.
 */
import { describe, expect, it } from 'vitest';
import { INCONSISTENCY_CATEGORIES } from '../../client/api/client';
import type { Annotation } from '../../core/model';
import { call } from '../helpers/test-server';
import { annotationsOf, browserSuite, createVia, docsScreenshot, openSource, phraseBox, saved, selectPhrase } from './browser-helpers';

const PURSUES = 'newsblaze-us-pursues-cooperation';
const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
const UNDERCUT_TITLE = 'Will US Missile Defense Plans Undercut Russia’s National Security?';
const JTA = 'which we now refer to as the Joint Threat Assessment, or JTA, for short';
const s = browserSuite({ width: 1360, height: 900 });

/** How many suggestions of the sidebar's categories the server offers for `source` now. */
async function suggestionCount(source: string): Promise<number> {
  const all = (await call(s.server.url, 'GET', `/api/suggestions?source=${source}`)).body.suggestions as { category: string }[];
  return all.filter((x) => INCONSISTENCY_CATEGORIES.includes(x.category)).length;
}

/** Open a source and wait until its reused passages and suggestions are loaded. */
async function openWithReuse(id: string): Promise<void> {
  const { page, server } = s;
  await openSource(page, server.url, id);
  await page.waitForSelector('.coverage-section .section-body:not(:has(.loading))');
  // An empty suggestions list is folded away: wait for it to be filled, not shown.
  await page.waitForSelector('.suggestions-section .section-body:not(:has(.loading))', { state: 'attached' });
}

/** Click the middle of the first occurrence of `phrase` in the viewer's text. */
async function clickPhrase(phrase: string): Promise<void> {
  const box = await phraseBox(s.page, phrase);
  await s.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The selected text, spaces of any kind shown as one plain space (the source has non-breaking ones). */
const selectedText = () => s.page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' '));

describe('duplicate coverage in the viewer', () => {
  it('marks reused passages and saves the documentation screenshot', async () => {
    const { page, errors } = s;
    await openWithReuse(PURSUES);
    // The JTA block is one reused passage: its words sit inside a reuse mark, not a highlight.
    const jtaMark = page.locator('.ProseMirror .reuse', { hasText: JTA });
    await expect(jtaMark.count()).resolves.toBeGreaterThan(0);
    await expect(jtaMark.first().getAttribute('class')).resolves.not.toContain('reuse-boilerplate');
    await expect(page.locator('.ProseMirror .hl').count()).resolves.toBe(0);
    await expect(page.locator('.ProseMirror p.line.reuse-line').count()).resolves.toBeGreaterThan(3);
    await expect(page.locator('.suggestions-section .section-title').textContent()).resolves.toBe(`Suggestions (${await suggestionCount(PURSUES)})`);

    await clickPhrase('Joint Threat Assessment');
    const popover = page.locator('.copies-popover');
    await popover.waitFor({ state: 'visible' });
    await expect(popover.locator(`.reuse-copy[data-source="${UNDERCUT}"] .reuse-copy-title`).textContent()).resolves.toBe(UNDERCUT_TITLE);
    await expect(popover.locator('.reuse-copy-stats').first().textContent()).resolves.toMatch(/^\d+ words · \d+%/);
    await page.waitForTimeout(400); // smooth scrolling settles before the picture
    await docsScreenshot(page, 'screenshot-reuse.png');
    expect(errors).toEqual([]);
  });

  it('lists the JTA block’s copy and opens the compare view focused on it', async () => {
    const { page, server } = s;
    await openWithReuse(PURSUES);
    await clickPhrase('Joint Threat Assessment');
    await page.locator('.copies-popover').waitFor({ state: 'visible' });
    const link = page.locator(`.copies-popover .reuse-copy[data-source="${UNDERCUT}"] [data-action="compare"]`);
    await link.click();
    await page.waitForSelector('.compare-pane');
    const text = (await (await fetch(`${server.url}/api/sources/${PURSUES}`)).json()).source.text as string;
    const [, a, b, focus] = /^#\/compare\/([^/]+)\/([^/?]+)\?focus=(.*)$/.exec(new URL(page.url()).hash) ?? [];
    expect([a, b]).toEqual([PURSUES, UNDERCUT]);
    const [, start, end] = /^[^:]+:(\d+)-(\d+)$/.exec(decodeURIComponent(focus)) ?? [];
    expect(text.slice(Number(start), Number(end))).toContain(JTA);
    await expect(page.locator('.copies-popover').count()).resolves.toBe(0);
  });

  it('lists reused passages in the sidebar and steps through them with r', async () => {
    const { page } = s;
    await openWithReuse(PURSUES);
    const item = page.locator('.coverage-item', { hasText: 'Both governments are continuing' });
    await expect(item.locator(`.reuse-copy[data-source="${UNDERCUT}"] [data-action="compare"]`).getAttribute('href')).resolves.toMatch(
      new RegExp(`^#/compare/${PURSUES}/${UNDERCUT}\\?focus=${PURSUES}:\\d+-\\d+$`),
    );
    await page.keyboard.press('r');
    await page.locator('.ProseMirror .reuse-active').waitFor();
    await expect(page.locator('.copies-popover').isVisible()).resolves.toBe(true);
    // Keyboard focus is in the popover, on its first link.
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.copies-popover'))).toBe(true);
    const first = await page.locator('.ProseMirror .reuse-active').getAttribute('data-reuse');
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.ProseMirror .reuse-active').getAttribute('data-reuse')).toBe(String(Number(first) + 1));
    await page.keyboard.press('Escape');
    await page.locator('.copies-popover').waitFor({ state: 'hidden' });
    await expect(page.locator('.ProseMirror .reuse-active').count()).resolves.toBe(0);
  });

  it('greys boilerplate on a GSN article, and the Show reuse toggle is remembered', async () => {
    const { page } = s;
    await openWithReuse('gsn-russia-could-receive-pledge');
    const nav = page.locator('.ProseMirror .reuse', { hasText: 'Jump to search' });
    await expect(nav.first().getAttribute('class')).resolves.toContain('reuse-boilerplate');
    await expect(page.locator('.coverage-item.is-boilerplate').count()).resolves.toBeGreaterThan(0);
    await page.locator('#show-reuse').uncheck();
    await expect.poll(() => page.locator('.ProseMirror .reuse').count()).toBe(0);
    await openWithReuse('gsn-russia-could-receive-pledge');
    await expect(page.locator('#show-reuse').isChecked()).resolves.toBe(false);
    await expect(page.locator('.ProseMirror .reuse').count()).resolves.toBe(0);
    await page.locator('#show-reuse').check();
    await expect.poll(() => page.locator('.ProseMirror .reuse-boilerplate').count()).toBeGreaterThan(0);
  });
});

describe('suggested inconsistencies', () => {
  it('confirms the “sectoral” attribution: an inconsistency card in both sources', async () => {
    const { page, server } = s;
    const before = await suggestionCount(PURSUES);
    await openWithReuse(PURSUES);
    const suggestion = page.locator('.suggestion', { hasText: 'sectoral' });
    await expect(suggestion.locator('.suggestion-summary').textContent()).resolves.toContain('Ellen Tauscher');
    await expect(suggestion.locator(`.suggestion-passage[data-source="${UNDERCUT}"] a`).first().textContent()).resolves.toBe(UNDERCUT_TITLE);
    await suggestion.locator('[data-action="confirm"]').click();
    await page.locator('.card.card-inconsistency').waitFor();
    await expect(page.locator('.suggestion', { hasText: 'sectoral' }).count()).resolves.toBe(0);
    await expect(page.locator('.suggestions-section .section-title').textContent()).resolves.toBe(`Suggestions (${before - 1})`);
    // Reuse marks may split the highlight into several elements: its text adds up to the passage.
    await expect(page.locator('.ProseMirror .hl-inconsistency').allTextContents().then((t) => t.join(''))).resolves.toContain('sectoral');

    const stored = (await annotationsOf(server.url, PURSUES)).filter((a) => a.kind === 'inconsistency');
    expect(stored).toHaveLength(1);
    expect(stored[0].targets.map((t) => t.source).sort()).toEqual([PURSUES, UNDERCUT]);
    expect(stored[0].set).toBe('default');

    await openWithReuse(UNDERCUT);
    const card = page.locator(`.card[data-annotation-id="${stored[0].id}"]`);
    // The linked passage is named by its source's title and links to it.
    const link = card.locator('.card-elsewhere a.card-source-link').first();
    await expect(link.textContent()).resolves.toBe('US Pursues Missile Defense Cooperation With Russia');
    await expect(link.getAttribute('href')).resolves.toBe(`#/source/${PURSUES}`);
    await expect(page.locator('.ProseMirror .hl-inconsistency').allTextContents().then((t) => t.join(''))).resolves.toContain('sectoral');
  });

  it('dismisses a suggestion, and it stays gone after a reload', async () => {
    const { page } = s;
    await openWithReuse(PURSUES);
    // Not the “sectoral” one: the test above confirms that.
    const first = page.locator('.suggestion:not(:has-text("sectoral"))').first();
    const id = await first.getAttribute('data-suggestion-id');
    await first.locator('[data-action="dismiss"]').click();
    await expect.poll(() => page.locator(`.suggestion[data-suggestion-id="${id}"]`).count()).toBe(0);
    await openWithReuse(PURSUES);
    await expect(page.locator('.suggestions-section .section-title').textContent()).resolves.toBe(`Suggestions (${await suggestionCount(PURSUES)})`);
    await expect(page.locator(`.suggestion[data-suggestion-id="${id}"]`).count()).resolves.toBe(0);
  });
});

describe('carrying and linking across sources', () => {
  it('carries a claim on the JTA block to its copy in the other NewsBlaze article', async () => {
    const { page, server } = s;
    const claim = await createVia(server.url, PURSUES, JTA, { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict: 'true', evidence: [] }, note: 'JTA sessions' });
    await openWithReuse(PURSUES);
    const card = page.locator(`.card[data-annotation-id="${claim.id}"]`);
    await card.locator('[data-action="carry"]').click();
    await card.locator('.carry-menu').waitFor();
    await expect(card.locator('[data-action="carry-copy"]').textContent()).resolves.toBe('Same claim on each copy (1)');
    await card.locator('[data-action="carry-copy"]').click();
    await expect(card.locator('.carry-result').textContent()).resolves.toBe(`Created 1 annotation on ${UNDERCUT_TITLE}`);

    await openWithReuse(UNDERCUT);
    const carried = (await annotationsOf(server.url, UNDERCUT)).find((a) => a.kind === 'claim') as Annotation;
    expect(carried.targets).toHaveLength(1);
    expect(carried.targets[0].exact).toBe(JTA);
    expect(carried.claim).toMatchObject({ claimant: 'Frank A. Rose', verdict: 'true' });
    await expect(page.locator(`.card[data-annotation-id="${carried.id}"] .card-note`).textContent()).resolves.toBe('JTA sessions');
    await expect(page.locator(`.ProseMirror .hl-claim[data-annotation-id="${carried.id}"]`).textContent()).resolves.toBe(JTA);
  });

  it('builds an inconsistency across two sources in the tray', async () => {
    const { page, server } = s;
    await openWithReuse('gsn-us-renews-call-for-russia');
    await selectPhrase(page, 'renewed urging Russia');
    await expect(page.locator('.selection-popover [data-action="inconsistency"]').textContent()).resolves.toBe('Start inconsistencyi');
    await page.keyboard.press('i');
    const tray = page.locator('.draft-tray');
    await tray.waitFor();
    await expect(tray.locator('.draft-passage').count()).resolves.toBe(1);
    await expect(tray.locator('[data-action="save-inconsistency"]').isDisabled()).resolves.toBe(true);

    // The draft survives moving to another source.
    await openWithReuse('mdaa-russian-cooperation-white-paper');
    await expect(tray.locator('.draft-passage').count()).resolves.toBe(1);
    await expect(tray.locator('.draft-source a').textContent()).resolves.toBe('U.S. Renews Call for Russia to Participate in Missile Shield');
    await selectPhrase(page, 'Enclosed is a brief summary');
    await page.click('.selection-popover [data-action="inconsistency"]');
    await expect.poll(() => tray.locator('.draft-passage').count()).toBe(2);
    await tray.locator('[data-action="save-inconsistency"]').click();
    const dialog = page.locator('dialog.link-dialog');
    await dialog.waitFor();
    await expect(dialog.locator('.link-quote blockquote').allTextContents()).resolves.toEqual(['renewed urging Russia', 'Enclosed is a brief summary']);
    await dialog.locator('input[value="venue"]').check();
    await dialog.locator('textarea[name="note"]').fill('Two framings');
    await dialog.locator('button[type="submit"]').click();
    await tray.waitFor({ state: 'hidden' });
    const created = (await annotationsOf(server.url, 'mdaa-russian-cooperation-white-paper')).find((a) => a.kind === 'inconsistency') as Annotation;
    expect(created.targets.map((t) => [t.source, t.exact])).toEqual([
      ['gsn-us-renews-call-for-russia', 'renewed urging Russia'],
      ['mdaa-russian-cooperation-white-paper', 'Enclosed is a brief summary'],
    ]);
    expect(created.tags).toEqual(['venue']);
    await page.locator(`.card[data-annotation-id="${created.id}"]`).waitFor();
    await expect(page.evaluate(() => localStorage.getItem('collate.inconsistencyDraft'))).resolves.toBeNull();
  });
});

describe('keyboard selection', () => {
  it('selects sentences with s, grows and shrinks by a word, and makes a note with n', async () => {
    const { page, server, errors } = s;
    const id = 'mdaa-russian-cooperation-white-paper';
    await openWithReuse(id);
    await page.keyboard.press('s');
    await expect.poll(selectedText).toBe('Russian Cooperation with the Unites States on Missile Defense');
    await page.locator('.selection-popover').waitFor({ state: 'visible' });
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await page.keyboard.press('s');
    await expect.poll(selectedText).toBe('Enclosed is a brief summary/white paper for your review and understanding.');
    await page.keyboard.press('Shift+s');
    await expect.poll(selectedText).toBe('Dear Members and Friends,');
    await page.keyboard.press('s');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(selectedText).toBe('Enclosed is a brief summary/white paper for your review and understanding. The paper,');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(selectedText).toBe('Enclosed is a brief summary/white paper for your review and understanding. The');
    const text = (await (await fetch(`${server.url}/api/sources/${id}`)).json()).source.text as string;
    const expected = text.slice(text.indexOf('Enclosed is'), text.indexOf('The paper,') + 'The'.length);
    // Tab reaches the popover's buttons.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('claim');
    await page.keyboard.press('n');
    await page.locator('.annotation-form textarea[name="note"]').waitFor();
    await expect(page.locator('.annotation-form .form-quote').textContent()).resolves.toBe(expected);
    await page.keyboard.type('Keyboard note');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    const note = (await annotationsOf(server.url, id)).find((a) => a.kind === 'note') as Annotation;
    expect(note.note).toBe('Keyboard note');
    expect(note.targets[0].exact).toBe(expected);
    expect(note.targets[0].start).toBe(text.indexOf('Enclosed is'));

    // Escape clears a keyboard selection entirely.
    await page.keyboard.press('s');
    await page.locator('.selection-popover').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await expect.poll(selectedText).toBe('');
    await page.locator('.selection-popover').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });
});
