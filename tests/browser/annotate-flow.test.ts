/**
 * The main path in a real browser: select a passage, make a claim with a verdict through
 * the popover, see its highlight, reload and find it again, edit its verdict, delete it; the keyboard
 * path (`c`, `n`); and the documentation screenshot of the viewer with several annotations. Each
 * test starts from a fresh page and a server without annotations.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { annotationsOf, browserSuite, createVia, docsScreenshot, openSource, saved, selectPhrase, sourceText } from './browser-helpers';

const SOURCE = 'gsn-us-renews-call-for-russia';
const PHRASE = 'cooperation was the only way';
const s = browserSuite({ width: 1360, height: 900 });

/** A false claim by Frank Rose on PHRASE, made through the API, with the source open. */
async function openWithClaim(): Promise<Annotation> {
  const claim = await createVia(s.server.url, SOURCE, PHRASE, { kind: 'claim', claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] }, tags: ['attribution'] });
  await openSource(s.page, s.server.url, SOURCE);
  return claim;
}

describe('annotating a source in the browser', () => {
  it('creates a claim with a verdict from the selection popover', async () => {
    const { page, server } = s;
    await openSource(page, server.url, SOURCE);
    const phrase = PHRASE;
    await selectPhrase(page, phrase);
    await page.locator('.selection-popover').waitFor({ state: 'visible' });
    await page.click('.selection-popover [data-action="claim"]');

    const form = page.locator('.annotation-form');
    await form.waitFor();
    await expect(form.locator('.form-quote').textContent()).resolves.toBe(phrase);
    // While the form is open, the passage stays marked in the text.
    await expect(page.locator('.ProseMirror .hl-pending').textContent()).resolves.toBe(phrase);
    await form.locator('input[name="claimant"]').fill('Frank Rose');
    await form.locator('select[name="verdict"]').selectOption('false');
    await form.locator('textarea[name="evidence"]').fill('https://example.org/a\n\n  https://example.org/b  ');
    await form.locator('input[name="tags"]').fill('attribution, , cooperation');
    await form.locator('textarea[name="note"]').fill('Paraphrase, not a quote.');
    await form.locator('button[type="submit"]').click();

    await saved(page);
    const hl = page.locator('.ProseMirror .hl.hl-claim.hl-verdict-false');
    await expect(hl.first().textContent()).resolves.toBe(phrase);
    await expect(page.locator('.ProseMirror .hl-pending').count()).resolves.toBe(0);

    // What was stored: the exact offsets of the phrase in the raw text.
    const text = await sourceText(server.url, SOURCE);
    const [stored] = await annotationsOf(server.url, SOURCE);
    const claimId = stored.id;
    expect(await hl.first().getAttribute('data-annotation-id')).toBe(claimId);
    expect(stored.kind).toBe('claim');
    expect(stored.targets[0]).toMatchObject({ source: SOURCE, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length, exact: phrase });
    expect(stored.claim).toEqual({ claimant: 'Frank Rose', verdict: 'false', evidence: ['https://example.org/a', 'https://example.org/b'] });
    expect(stored.tags).toEqual(['attribution', 'cooperation']);
    expect(stored.set).toBe('default');

    const card = page.locator(`.card[data-annotation-id="${claimId}"]`);
    await expect(card.locator('.badge-verdict').textContent()).resolves.toBe('False');
    await expect(card.locator('.card-claimant').textContent()).resolves.toBe('Frank Rose');
    await expect(card.locator('.tag').allTextContents()).resolves.toEqual(['attribution', 'cooperation']);
  });

  it('keeps the claim after a reload: highlight and card', async () => {
    const { page } = s;
    const { id: claimId } = await openWithClaim();
    await page.reload();
    await page.waitForSelector('.ProseMirror p.line');
    const hl = page.locator(`.ProseMirror .hl[data-annotation-id="${claimId}"]`);
    await hl.first().waitFor();
    await expect(hl.first().getAttribute('class')).resolves.toContain('hl-verdict-false');
    await expect(page.locator(`.card[data-annotation-id="${claimId}"] .card-quote`).textContent()).resolves.toBe(PHRASE);
  });

  it('clicking a highlight focuses its card, clicking a card outlines its passage', async () => {
    const { page } = s;
    const { id: claimId } = await openWithClaim();
    await page.locator(`.ProseMirror .hl[data-annotation-id="${claimId}"]`).first().click();
    const card = page.locator(`.card[data-annotation-id="${claimId}"]`);
    await expect.poll(() => card.getAttribute('class')).toContain('focused');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'))).toBe(claimId);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ProseMirror .hl-focus').count()).toBe(0);
    await card.locator('.card-quote').click();
    await expect.poll(() => page.locator('.ProseMirror .hl-focus').textContent()).toBe('cooperation was the only way');
  });

  it('edits the verdict from the card', async () => {
    const { page, server } = s;
    const { id: claimId } = await openWithClaim();
    await page.click(`.card[data-annotation-id="${claimId}"] [data-action="edit"]`);
    const form = page.locator('.annotation-form');
    await expect(form.locator('input[name="claimant"]').inputValue()).resolves.toBe('Frank Rose');
    await expect(form.locator('select[name="verdict"]').inputValue()).resolves.toBe('false');
    await form.locator('select[name="verdict"]').selectOption('mostly-true');
    await form.locator('button[type="submit"]').click();
    await saved(page);
    await page.locator(`.ProseMirror .hl.hl-verdict-mostly-true[data-annotation-id="${claimId}"]`).waitFor();
    await expect(page.locator('.ProseMirror .hl-verdict-false').count()).resolves.toBe(0);
    await expect(page.locator(`.card[data-annotation-id="${claimId}"] .badge-verdict`).textContent()).resolves.toBe('Mostly true');
    const [stored] = await annotationsOf(server.url, SOURCE);
    expect(stored.revision).toBe(2);
    expect(stored.claim?.verdict).toBe('mostly-true');
    expect(stored.claim?.claimant).toBe('Frank Rose');
  });

  it('deletes from the card after confirmation', async () => {
    const { page, server } = s;
    const { id: claimId } = await openWithClaim();
    const card = page.locator(`.card[data-annotation-id="${claimId}"]`);
    await card.locator('[data-action="delete"]').click();
    // Nothing happens before the confirmation.
    expect(await annotationsOf(server.url, SOURCE)).toHaveLength(1);
    await card.locator('[data-action="cancel-delete"]').click();
    await card.locator('[data-action="delete"]').click();
    await card.locator('[data-action="confirm-delete"]').click();
    await expect.poll(() => page.locator(`.ProseMirror [data-annotation-id="${claimId}"]`).count()).toBe(0);
    await expect(page.locator('.card').count()).resolves.toBe(0);
    expect(await annotationsOf(server.url, SOURCE)).toHaveLength(0);
  });

  it('makes a note and a claim with the keyboard shortcuts n and c', async () => {
    const { page, server } = s;
    await openSource(page, server.url, SOURCE);
    await selectPhrase(page, 'slated to wrap up in 2020');
    // Escape hides the popover; the shortcut still works on the selection.
    await page.keyboard.press('Escape');
    await page.locator('.selection-popover').waitFor({ state: 'hidden' });
    await page.keyboard.press('n');
    await page.locator('.annotation-form textarea[name="note"]').waitFor();
    // The note form has no claim fields.
    await expect(page.locator('.annotation-form input[name="claimant"]').count()).resolves.toBe(0);
    await page.keyboard.type('Check the date');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    await page.locator('.ProseMirror .hl.hl-note').waitFor();

    await selectPhrase(page, 'the best and most enduring way');
    await page.keyboard.press('c');
    await page.locator('.annotation-form input[name="claimant"]').waitFor();
    // Escape cancels without saving.
    await page.keyboard.press('Escape');
    await expect(page.locator('.annotation-form').count()).resolves.toBe(0);
    await selectPhrase(page, 'the best and most enduring way');
    await page.keyboard.press('c');
    await page.keyboard.type('Frank Rose');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    await page.locator('.ProseMirror .hl.hl-claim.hl-verdict-unverified').waitFor();

    const stored = await annotationsOf(server.url, SOURCE);
    expect(stored.map((a) => [a.kind, a.targets[0].exact, a.note]).sort()).toEqual([
      ['claim', 'the best and most enduring way', ''],
      ['note', 'slated to wrap up in 2020', 'Check the date'],
    ]);
  });

  it('shows overlapping and nested highlights, and saves the documentation screenshot', async () => {
    const { page, server, errors } = s;
    const outer = await createVia(server.url, SOURCE, 'The United States on Tuesday renewed urging Russia to participate in an emerging European framework for ballistic missile defense', {
      kind: 'claim', claim: { claimant: 'RIA Novosti', verdict: 'true', evidence: ['https://www.nti.org/gsn/'] }, tags: ['framing'],
    });
    const nested = await createVia(server.url, SOURCE, 'renewed urging Russia', { kind: 'note', note: 'Awkward wording in the original.', tags: ['wording'] });
    const overlapping = await createVia(server.url, SOURCE, "cooperation was the only way for Moscow's fears", {
      kind: 'claim', claim: { claimant: 'U.S. officials', verdict: 'misleading', evidence: [] }, note: 'Rose speaks of the "best" way, not the only one.',
    });
    const crossing = await createVia(server.url, SOURCE, "Moscow's fears of a threat to its nuclear missile forces", {
      kind: 'claim', claim: { claimant: 'Moscow', verdict: 'mixed', evidence: [] },
    });
    await createVia(server.url, SOURCE, 'The deployment of the antimissile assets is slated to wrap up in 2020', {
      kind: 'claim', claim: { claimant: 'GSN', verdict: 'false', evidence: [] }, tags: ['dates'], note: 'Phase 4 was cancelled in 2013.',
    });
    await createVia(server.url, SOURCE, 'legally enforceable assurances', { kind: 'claim', claim: { claimant: 'The Kremlin', verdict: 'unverified', evidence: [] } });

    await openSource(page, server.url, SOURCE);
    // The nested note is an element inside the outer claim's span.
    const inner = page.locator(`.ProseMirror .hl[data-annotation-id="${outer.id}"] .hl[data-annotation-id="${nested.id}"]`);
    await expect(inner.textContent()).resolves.toBe('renewed urging Russia');
    // The overlap region belongs to two highlights; each highlight's text adds up to its passage.
    const texts = (id: string) => page.locator(`.ProseMirror .hl[data-annotation-id="${id}"]`).allTextContents();
    await expect(texts(outer.id).then((t) => t.join(''))).resolves.toBe('The United States on Tuesday renewed urging Russia to participate in an emerging European framework for ballistic missile defense');
    await expect(texts(overlapping.id).then((t) => t.join(''))).resolves.toBe("cooperation was the only way for Moscow's fears");
    await expect(texts(crossing.id).then((t) => t.join(''))).resolves.toBe("Moscow's fears of a threat to its nuclear missile forces");
    // Crossing ranges: the shared words sit in a span of one highlight nested in a span of the other.
    const shared = page.locator(
      `.ProseMirror .hl[data-annotation-id="${overlapping.id}"] .hl[data-annotation-id="${crossing.id}"], ` +
        `.ProseMirror .hl[data-annotation-id="${crossing.id}"] .hl[data-annotation-id="${overlapping.id}"]`,
    );
    await expect(shared.allTextContents().then((t) => t.join(''))).resolves.toBe("Moscow's fears");
    await expect(page.locator('.card').count()).resolves.toBe(6);

    await page.locator(`.card[data-annotation-id="${overlapping.id}"] .card-quote`).click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1300); // let the flash animation and smooth scroll finish
    await page.evaluate(() => window.scrollTo(0, 0));
    await docsScreenshot(page, 'screenshot-viewer.png');
    expect(errors).toEqual([]);
  });

  it('completes the claimant and the tags from the names in use', async () => {
    const { page, server } = s;
    await createVia(server.url, SOURCE, 'legally enforceable assurances', { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict: 'true', evidence: [] }, tags: ['attribution', 'dates'] });
    await createVia(server.url, SOURCE, 'renewed urging Russia', { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict: 'true', evidence: [] }, tags: ['attribution'] });
    // The names in use arrive after the page: type once they are there.
    const vocabulary = page.waitForResponse((r) => r.url().endsWith('/api/vocabulary'));
    await openSource(page, server.url, SOURCE);
    await vocabulary;
    await selectPhrase(page, PHRASE);
    await page.keyboard.press('c');
    const claimant = page.locator('.annotation-form input[name="claimant"]');
    await claimant.waitFor();
    await claimant.pressSequentially('rose');
    const offered = page.locator('.annotation-form [role="listbox"] [role="option"]');
    await expect.poll(() => offered.allTextContents()).toEqual(['Frank A. Rose2']);
    await page.keyboard.press('ArrowDown');
    await expect(claimant.getAttribute('aria-activedescendant')).resolves.toBe(await offered.first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect(claimant.inputValue()).resolves.toBe('Frank A. Rose');
    const tags = page.locator('.annotation-form input[name="tags"]');
    await tags.focus();
    await tags.pressSequentially('att');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tags.pressSequentially('da');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(tags.inputValue()).resolves.toBe('attribution, dates, ');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    const made = (await annotationsOf(server.url, SOURCE)).find((a) => a.targets[0].exact === PHRASE);
    expect(made).toMatchObject({ tags: ['attribution', 'dates'], claim: { claimant: 'Frank A. Rose' } });
  });
});
