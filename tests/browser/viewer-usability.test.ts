/**
 * Findings of a user-level review of the viewer, each checked in a real browser against a real
 * server: `s` with nothing selected takes the sentence being read; `r` says when reused passages
 * are loading or failed; a drag from past the end of a line does not quote its line break; focus
 * comes back to what opened a form, dialog or popover; `?` works on every page; long notes fold;
 * the draft tray stays clear of the text, folds, and its passages are marked in the text; set
 * names are checked before sending; an empty export is named as such; an import says what was
 * already here. The last test saves a screenshot of the viewer with the tray and a long note.
 */
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { annotationsOf, browserSuite, createVia, openSource, saved, selectPhrase } from './browser-helpers';

const GSN = 'gsn-us-renews-call-for-russia';
const PURSUES = 'newsblaze-us-pursues-cooperation';
const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
const LONG_NOTE = Array.from({ length: 14 }, (_, i) => `Line ${i + 1} of a long note: the figure differs from the Pentagon briefing.`).join('\n');

const s = browserSuite({ width: 1360, height: 900 }, { acceptDownloads: true });

/** The selected text, spaces of any kind shown as one plain space. */
const selectedText = () => s.page.evaluate(() => (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' '));

/** What has keyboard focus: the text, a card (by annotation id), or a button (by its text). */
const focused = () =>
  s.page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.classList.contains('source-mount')) return 'text';
    if (el.classList.contains('card')) return `card:${el.getAttribute('data-annotation-id')}`;
    return `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });

describe('keyboard selection from the reading position', () => {
  it('selects the first line of a fresh page with s', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await page.keyboard.press('s');
    await expect.poll(selectedText).toBe('Jump to search Jump to main navigation Jump to main content Jump to footer navigation');
    await page.keyboard.press('Escape');
    await expect.poll(selectedText).toBe('');
  });

  it('selects the sentence cut by the top of the window rather than the one after it', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    // Scroll so the lead paragraph's first two lines are above the window.
    await page.evaluate(() => {
      const line = [...document.querySelectorAll('.ProseMirror p.line')].find((p) => p.textContent?.startsWith('The United States on Tuesday'));
      if (!line) throw new Error('lead paragraph not found');
      window.scrollTo(0, line.getBoundingClientRect().top + window.scrollY + 40);
    });
    await page.keyboard.press('s');
    await expect.poll(selectedText).toMatch(/^The United States on Tuesday renewed urging Russia .* \(see GSN, June 25\)\.$/);
    await page.keyboard.press('Escape');
  });
});

describe('stepping through reused passages with r', () => {
  it('says the passages are still loading, then steps once they arrived', async () => {
    const { page, server } = s;
    let held: Route | null = null;
    await page.route('**/api/reuse?**', (route) => {
      held = route;
    });
    await openSource(page, server.url, PURSUES);
    await expect.poll(() => held !== null).toBe(true);
    await page.keyboard.press('r');
    await page.locator('.status-line', { hasText: 'Reused passages are still loading' }).waitFor();
    await (held as Route | null)?.continue();
    await page.unroute('**/api/reuse?**');
    await page.waitForSelector('.coverage-section .section-body:not(:has(.loading))');
    await page.keyboard.press('r');
    await page.locator('.ProseMirror .reuse-active').waitFor();
    await page.keyboard.press('Escape');
  });

  it('says they could not be loaded when /api/reuse failed, not that there are none', async () => {
    const { page, server } = s;
    await page.route('**/api/reuse?**', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'disk on fire' } }) }),
    );
    await openSource(page, server.url, PURSUES);
    await page.waitForSelector('.coverage-section .section-body .form-error');
    await page.keyboard.press('r');
    const status = page.locator('.status-line');
    await expect.poll(() => status.textContent()).toContain('Could not load reused passages');
    expect(await status.textContent()).not.toContain('No passage of this source');
    await page.unroute('**/api/reuse?**');
  });
});

describe('selections with stray whitespace', () => {
  it('quotes “NationalJournal logo” without the line break a drag from past “Produced by” takes along', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await page.evaluate(() => {
      const lines = [...document.querySelectorAll('.ProseMirror p.line')];
      const from = lines.find((p) => p.textContent === 'Produced by');
      const to = lines.find((p) => p.textContent === 'NationalJournal logo');
      const last = (el: Element) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let node: Node | null = null;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) node = n;
        if (!node) throw new Error('no text');
        return node as Text;
      };
      if (!from || !to) throw new Error('lines not found');
      // As a mouse drag starting right of the end of the short line "Produced by" leaves it.
      const range = document.createRange();
      range.setStart(last(from), last(from).data.length);
      range.setEnd(last(to), last(to).data.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    await page.locator('.selection-popover').waitFor({ state: 'visible' });
    await page.keyboard.press('n');
    const form = page.locator('.annotation-form');
    await expect(form.locator('.form-quote').textContent()).resolves.toBe('NationalJournal logo');
    await expect(page.locator('.ProseMirror .hl-pending').textContent()).resolves.toBe('NationalJournal logo');
    await form.locator('textarea[name="note"]').fill('Logo caption');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    const [note] = await annotationsOf(server.url, GSN);
    expect(note.targets[0].exact).toBe('NationalJournal logo');
  });
});

/**
 * A quick mouse drag: press on a word, 7 fast moves down across the paragraph break to a point left
 * of where it started, release. Returns whether the popover showed before the release.
 */
async function quickDrag(word: string, lines: number, dx: number, steps = 7): Promise<{ shownMidDrag: boolean }> {
  const { page } = s;
  const from = await page.evaluate((word) => {
    const line = [...document.querySelectorAll('.ProseMirror p.line')].find((p) => p.textContent?.startsWith('The United States on Tuesday'));
    const text = line?.firstChild;
    if (!(text instanceof Text)) throw new Error('lead paragraph not found');
    const at = text.data.indexOf(word);
    const r = document.createRange();
    r.setStart(text, at + 2);
    r.setEnd(text, at + 3);
    const box = r.getBoundingClientRect();
    return { x: box.left, y: box.top + box.height / 2, lineHeight: box.height };
  }, word);
  const to = { x: from.x + dx, y: from.y + from.lineHeight * lines };
  let shownMidDrag = false;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    shownMidDrag ||= await page.locator('.selection-popover').isVisible();
  }
  await page.mouse.up();
  return { shownMidDrag };
}

/** The DOM selection's text, whitespace runs as one space, and whether both its ends lie in the text. */
const domSelection = () =>
  s.page.evaluate(() => {
    const sel = window.getSelection();
    const text = document.querySelector('.ProseMirror');
    const inside = !!sel && sel.rangeCount > 0 && !!text && text.contains(sel.anchorNode) && text.contains(sel.focusNode);
    return { text: (sel?.toString() ?? '').replace(/\s+/g, ' ').trim(), inside };
  });

describe('a quick mouse drag', () => {
  for (const width of [1400, 1024]) {
    it(`quotes and saves exactly the passage the drag selected, at ${width} px`, async () => {
    const { page, server } = s;
      await page.setViewportSize({ width, height: 900 });
      try {
        await openSource(page, server.url, GSN);
        // Down across the paragraph break and left of the start, as a hurried reader drags.
        const { shownMidDrag } = await quickDrag('defense', 1.2, -60);
        expect(shownMidDrag).toBe(false);
        await page.locator('.selection-popover').waitFor({ state: 'visible' });
        const selected = await domSelection();
        expect(selected.inside).toBe(true);
        expect(selected.text).toMatch(/^fense, arguing that cooperation/);
        await page.keyboard.press('c');
        const form = page.locator('.annotation-form');
        await expect(form.locator('.form-quote').textContent().then((q) => q?.replace(/\s+/g, ' '))).resolves.toBe(selected.text);
        await page.keyboard.press('Control+Enter');
        await saved(page);
        const [stored] = await annotationsOf(server.url, GSN);
        expect(stored.targets[0].exact.replace(/\s+/g, ' ')).toBe(selected.text);
      } finally {
        await page.setViewportSize({ width: 1360, height: 900 });
      }
    });
  }

  it('offers nothing for a drag that ends outside the text', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    const sidebar = await page.locator('.sidebar').boundingBox();
    if (!sidebar) throw new Error('no sidebar');
    const start = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.ProseMirror p.line')].find((p) => p.textContent?.startsWith('The United States on Tuesday'));
      const r = document.createRange();
      r.selectNodeContents(line!);
      const box = r.getClientRects()[0];
      return { x: box.left + 40, y: box.top + box.height / 2 };
    });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 6; i++) await page.mouse.move(start.x + ((sidebar.x + 60 - start.x) * i) / 6, start.y + 30 * i);
    // Where the sidebar is now (on a busy machine the page may still be laying out what loaded
    // after the text): the drag ends over it, outside the text, whatever moved meanwhile.
    const end = await page.locator('.sidebar').boundingBox();
    if (!end) throw new Error('no sidebar');
    const at = { x: end.x + 60, y: Math.min(Math.max(start.y + 180, end.y + 20), end.y + end.height - 20, 880) };
    await page.mouse.move(at.x, at.y);
    expect(await page.evaluate(({ x, y }) => !!document.elementFromPoint(x, y)?.closest('.ProseMirror'), at)).toBe(false);
    await page.mouse.up();
    await expect(page.locator('.selection-popover').isVisible()).resolves.toBe(false);
    await page.keyboard.press('c');
    await expect(page.locator('.annotation-form').count()).resolves.toBe(0);
  });
});

describe('focus after Escape', () => {
  it('returns to the text when a new-annotation form is cancelled or the selection popover closes', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await selectPhrase(page, 'renewed urging Russia');
    await page.keyboard.press('c');
    await page.locator('.annotation-form input[name="claimant"]').waitFor();
    await expect.poll(focused).toBe('input:');
    await page.keyboard.press('Escape');
    await expect(page.locator('.annotation-form').count()).resolves.toBe(0);
    await expect.poll(focused).toBe('text');

    await selectPhrase(page, 'renewed urging Russia');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('claim');
    await page.keyboard.press('Escape');
    await page.locator('.selection-popover').waitFor({ state: 'hidden' });
    await expect.poll(focused).toBe('text');
  });

  it('returns to the card when its edit form is cancelled', async () => {
    const { page, server } = s;
    const note = await createVia(server.url, GSN, 'renewed urging Russia', { kind: 'note', note: 'Wording' });
    await openSource(page, server.url, GSN);
    await page.locator(`.card[data-annotation-id="${note.id}"] [data-action="edit"]`).click();
    await page.locator('.annotation-form textarea[name="note"]').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe(`card:${note.id}`);
  });

  it('returns to the Shortcuts button when the help closes', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await page.locator('[data-action="help"]').click();
    await page.locator('dialog.help-dialog[open]').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('dialog.help-dialog[open]').waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('button:Shortcuts ?');
  });

  it('returns to the text when the copies popover of a reused passage closes', async () => {
    const { page, server } = s;
    await openSource(page, server.url, PURSUES);
    await page.waitForSelector('.coverage-section .section-body:not(:has(.loading))');
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('.copies-popover'))).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('.copies-popover').waitFor({ state: 'hidden' });
    await expect.poll(focused).toBe('text');
  });
});

describe('help on every page', () => {
  it('opens with ? on the home page, listing its keys', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('.source-list');
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.help-dialog[open]');
    await dialog.waitFor();
    await expect(dialog.getAttribute('data-page')).resolves.toBe('home');
    await expect(dialog.locator('[data-section="home"] dt').allTextContents()).resolves.toEqual(['Tab / Shift+Tab', 'Enter']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens with ? on the compare page, listing j/k/n/p and how to link', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/compare/${PURSUES}/${UNDERCUT}`);
    await page.waitForSelector('.compare-pane');
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.help-dialog[open]');
    await dialog.waitFor();
    const keys = await dialog.locator('[data-section="compare"] dt').allTextContents();
    expect(keys.slice(0, 2)).toEqual(['j / n', 'k / p']);
    await expect(dialog.locator('.help-note').textContent()).resolves.toContain('Link as inconsistency');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // j still steps through passages once the help is closed.
    await page.keyboard.press('j');
    await page.locator('.passage.is-current').first().waitFor();
  });
});

describe('long notes', () => {
  it('folds a long note to a few lines with a more / less button, and leaves short notes alone', async () => {
    const { page, server } = s;
    const long = await createVia(server.url, GSN, 'legally enforceable assurances', { kind: 'note', note: LONG_NOTE });
    const short = await createVia(server.url, GSN, 'slated to wrap up in 2020', { kind: 'note', note: 'Short one.' });
    await openSource(page, server.url, GSN);
    const card = page.locator(`.card[data-annotation-id="${long.id}"]`);
    const toggle = card.locator('[data-action="toggle-note"]');
    await toggle.waitFor();
    const size = () => card.locator('p.card-note').evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    const folded = await size();
    expect(folded.client).toBeLessThan(folded.scroll);
    // About four lines of a 14px note.
    expect(folded.client).toBeLessThan(100);
    await expect(toggle.textContent()).resolves.toBe('more');
    await expect(card.locator('p.card-note').textContent()).resolves.toBe(LONG_NOTE);

    // Keyboard: Tab reaches the button, Enter unfolds without showing the passage.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await expect(toggle.textContent()).resolves.toBe('less');
    const open = await size();
    expect(open.client).toBe(open.scroll);
    await expect(page.locator('.ProseMirror .hl-focus').count()).resolves.toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');

    await expect(page.locator(`.card[data-annotation-id="${short.id}"] [data-action="toggle-note"]`).isHidden()).resolves.toBe(true);
  });
});

describe('the inconsistency draft tray', () => {
  it('stays clear of the text, marks its passages in the text, and folds (remembered)', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await selectPhrase(page, 'cooperation was the only way');
    await page.keyboard.press('i');
    const tray = page.locator('.draft-tray');
    await tray.waitFor();
    await expect(page.locator('.ProseMirror .hl-draft').textContent()).resolves.toBe('cooperation was the only way');

    const trayBox = await tray.boundingBox();
    const textBox = await page.locator('.source-mount').boundingBox();
    if (!trayBox || !textBox) throw new Error('no layout');
    expect(trayBox.x).toBeGreaterThanOrEqual(textBox.x + textBox.width);
    // Still clear of the text after scrolling to the end of the page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const scrolled = await tray.boundingBox();
    expect(scrolled && scrolled.x).toBeGreaterThanOrEqual(textBox.x + textBox.width);

    const toggle = tray.locator('[data-action="toggle-draft"]');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(tray.locator('.draft-body').isHidden()).resolves.toBe(true);
    await openSource(page, server.url, GSN);
    await expect(tray.locator('[data-action="toggle-draft"]').getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(tray.locator('.draft-body').isHidden()).resolves.toBe(true);
    // The mark follows the stored draft across reloads.
    await expect(page.locator('.ProseMirror .hl-draft').textContent()).resolves.toBe('cooperation was the only way');

    // Adding a passage unfolds it, so the user sees where the passage went.
    await selectPhrase(page, 'legally enforceable assurances');
    await page.keyboard.press('i');
    await expect.poll(() => tray.locator('.draft-passage').count()).toBe(2);
    await expect(tray.locator('.draft-body').isVisible()).resolves.toBe(true);
    const marked = (await page.locator('.ProseMirror .hl-draft').allTextContents()).join('|');
    expect(marked).toContain('cooperation was the only way');
    expect(marked).toContain('legally enforceable assurances');
  });
});

describe('new set names', () => {
  it('explains a refused name before sending it, and creates “Check 2024 ü”', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    const posts: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/sets')) posts.push(r.url());
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'New set' }).click();
    const name = page.locator('input[name="set-name"]');
    await name.fill('claims/2024');
    await page.getByRole('button', { name: 'Create set' }).click();
    await expect(page.locator('.new-set-form .form-error').textContent()).resolves.toBe('A set name can hold letters, digits, spaces and _ . - only, not “/”.');
    expect(posts).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('set-name');

    await name.fill('Check 2024 ü');
    await page.getByRole('button', { name: 'Create set' }).click();
    await page.locator('.status-line', { hasText: 'Created set “Check 2024 ü”' }).waitFor();
    await expect(page.locator('#active-set').inputValue()).resolves.toBe('Check 2024 ü');
    page.off('request', onRequest);
    expect(posts).toHaveLength(1);
  });
});

describe('export and import messages', () => {
  it('names an empty export instead of saving it, and saves it on a second press', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.click('[data-action="export"]');
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor();
    // This source has notes only: ClaimReview has nothing to hold.
    await dialog.locator('select[name="format"]').selectOption('claimreview');
    await dialog.locator('button[type="submit"]').click();
    const note = dialog.locator('.modal-note');
    await expect.poll(() => note.textContent()).toContain('Nothing to export with these filters (ClaimReview includes only claims with a verdict other than Unverified)');
    await expect(dialog.locator('button[type="submit"]').textContent()).resolves.toBe('Download anyway');
    expect(downloads).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[type="submit"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.jsonld$/);
    await dialog.waitFor({ state: 'detached' });
  });

  it('says which imported annotations were already here', async () => {
    const { page, server } = s;
    await openSource(page, server.url, GSN);
    await page.route('**/api/import**', (route) =>
      route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ imported: 0, skipped: 2, annotations: [], setsCreated: [] }) }),
    );
    await page.click('[data-action="import"]');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] }));
    await dialog.locator('button[type="submit"]').click();
    await page.locator('.status-line', { hasText: 'Nothing new: all 2 annotations are already here.' }).waitFor();
  });

  it('says “nothing new” when a file exported from here is imported again', async () => {
    const { page, server } = s;
    await createVia(server.url, GSN, 'legally enforceable assurances', { kind: 'note', note: 'Exported and imported again' });
    await createVia(server.url, GSN, 'renewed urging Russia', { kind: 'claim', claim: { claimant: 'GSN', verdict: 'true', evidence: [] } });
    const w3c = await (await fetch(`${server.url}/api/export?format=w3c&set=default`)).text();
    const count = (await annotationsOf(server.url, GSN)).length;
    await openSource(page, server.url, GSN);
    await page.click('[data-action="import"]');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill(w3c);
    await dialog.locator('button[type="submit"]').click();
    await page.locator('.status-line', { hasText: `Nothing new: all ${count} annotations are already here.` }).waitFor();
    expect(await annotationsOf(server.url, GSN)).toHaveLength(count);
  });
});

describe('a fresh look', () => {
  it('shows the viewer with the tray and a folded long note', async () => {
    const { page, server, errors } = s;
    await createVia(server.url, GSN, 'legally enforceable assurances', { kind: 'note', note: LONG_NOTE });
    await openSource(page, server.url, GSN);
    await selectPhrase(page, 'cooperation was the only way');
    await page.keyboard.press('i');
    await page.locator('.draft-tray').waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: '/tmp/viewer-tray-long-note.png' });
    // One column: the sidebar is under the text, so the tray docks at the window's foot, and the
    // page has room below it so the end of the text scrolls clear of it.
    await page.setViewportSize({ width: 800, height: 900 });
    const tray = await page.locator('.draft-tray').boundingBox();
    expect(tray && tray.y + tray.height).toBeLessThanOrEqual(900);
    expect(tray && tray.y).toBeGreaterThan(450);
    const room = await page.locator('.viewer-layout').evaluate((el) => parseFloat(getComputedStyle(el).paddingBottom));
    expect(room).toBeGreaterThanOrEqual(tray?.height ?? Infinity);
    await page.screenshot({ path: '/tmp/viewer-tray-narrow.png' });
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(errors).toEqual([]);
  });
});
