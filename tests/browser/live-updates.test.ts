/**
 * Live updates in a real browser, between two people on a Collate with accounts: another person's
 * new annotation, edit and deletion (through the API, or saved on a second page) show in the
 * viewer, the annotations page and the compare view without a reload; an open edit form says at
 * once who changed its annotation and what, keeps what the user typed, and the save then meets
 * the conflict handling; a new revision of the source is offered as a reload, not swapped in.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accountSuite, callAs, createAs, viewerReady } from './account-helpers';
import { saved, selectPhrase } from './browser-helpers';

const SOURCE = 'gsn-us-renews-call-for-russia';
const PURSUES = 'newsblaze-us-pursues-cooperation';
const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
const s = accountSuite();

/** Mark the page so a test can tell it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { __kept: number }).__kept = 1));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { __kept?: number }).__kept === 1);

/** Wait until the page's live connection is open (changes made before it would not be heard). */
async function listening(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.live-note')?.getAttribute('data-status') === 'open');
}

async function openViewer(page: Page, id: string): Promise<void> {
  await page.goto(`${s.server.url}/#/source/${id}`);
  await viewerReady(page);
  await listening(page);
  await markPage(page);
}

describe('live updates', () => {
  it('shows another person’s new annotation, edit and deletion in the viewer without a reload', async () => {
    const page = await s.open('annotator');
    await openViewer(page, SOURCE);
    const made = await createAs(s, 'editor', SOURCE, 'cooperation was the only way', { kind: 'claim', claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] } });
    const card = page.locator(`.card[data-annotation-id="${made.id}"]`);
    await card.waitFor();
    await expect(card.locator('.card-byline').textContent()).resolves.toMatch(/^created by eddie, /);
    await page.locator(`.ProseMirror .hl-verdict-false[data-annotation-id="${made.id}"]`).first().waitFor();
    await expect(page.locator('.sidebar-title').textContent()).resolves.toBe('Annotations (1)');

    await callAs(s, 'editor', 'PATCH', `/api/annotations/${made.id}`, { revision: 1, note: 'Checked against the transcript', claim: { claimant: 'Frank Rose', verdict: 'true', evidence: [] } });
    await page.locator(`.ProseMirror .hl-verdict-true[data-annotation-id="${made.id}"]`).first().waitFor();
    await expect.poll(() => card.locator('.card-note').textContent()).toBe('Checked against the transcript');
    await expect(card.locator('.card-byline').textContent()).resolves.toMatch(/^edited by eddie, /);

    await callAs(s, 'editor', 'DELETE', `/api/annotations/${made.id}?revision=2`);
    await card.waitFor({ state: 'detached' });
    await expect(page.locator(`.ProseMirror [data-annotation-id="${made.id}"]`).count()).resolves.toBe(0);
    await expect(page.locator('.sidebar-title').textContent()).resolves.toBe('Annotations (0)');
    expect(await stillSamePage(page)).toBe(true);
    expect(s.errors).toEqual([]);
  });

  it('shows what a second person saves on their page in the first person’s viewer', async () => {
    const [ana, eddie] = await Promise.all([s.open('annotator'), s.open('editor')]);
    await openViewer(ana, PURSUES);
    await eddie.goto(`${s.server.url}/#/source/${PURSUES}`);
    await viewerReady(eddie);
    await selectPhrase(eddie, 'missile defense cooperation');
    await eddie.keyboard.press('n');
    await eddie.locator('.annotation-form textarea[name="note"]').fill('Seen from the other page');
    await eddie.keyboard.press('Control+Enter');
    await saved(eddie);
    const card = ana.locator('.card', { hasText: 'Seen from the other page' });
    await card.waitFor();
    await expect(card.locator('.card-by').textContent()).resolves.toBe('eddie');
    // The person who saved it sees it once, not twice (their own update came back live as well).
    await expect(eddie.locator('.card', { hasText: 'Seen from the other page' }).count()).resolves.toBe(1);
    expect(await stillSamePage(ana)).toBe(true);
  });

  it('keeps the annotations page and the compare view current', async () => {
    const search = await s.open('viewer');
    await search.goto(`${s.server.url}/#/annotations?verdict=mixed`);
    await search.locator('.search-count').filter({ hasText: 'No annotation matches this search.' }).waitFor();
    await listening(search);
    await markPage(search);
    const compare = await s.open('viewer');
    await compare.goto(`${s.server.url}/#/compare/${PURSUES}/${UNDERCUT}`);
    await compare.waitForSelector('.compare-text-b .passage');
    await listening(compare);
    await markPage(compare);

    const claim = await createAs(s, 'editor', UNDERCUT, 'three JTA sessions', { kind: 'claim', claim: { claimant: 'State Department', verdict: 'mixed', evidence: [] } });
    await createAs(s, 'editor', UNDERCUT, 'between our two countries', { kind: 'note', note: 'not a claim' });
    const result = search.locator(`.result[data-annotation-id="${claim.id}"]`);
    await result.waitFor();
    await expect(search.locator('.result').count()).resolves.toBe(1);
    await expect(search.locator('.search-count').textContent()).resolves.toBe('1 annotation');
    await compare.locator(`.compare-text-b .hl[data-annotation-id="${claim.id}"]`).first().waitFor();

    // Edited so it no longer matches the search: it leaves the results; deleted: it leaves the columns.
    const patched = await callAs(s, 'editor', 'PATCH', `/api/annotations/${claim.id}`, { revision: 1, claim: { claimant: 'State Department', verdict: 'true', evidence: [] } });
    expect(patched.status).toBe(200);
    await result.waitFor({ state: 'detached' });
    await callAs(s, 'editor', 'DELETE', `/api/annotations/${claim.id}?revision=2`);
    await compare.locator(`.compare-text-b .hl[data-annotation-id="${claim.id}"]`).first().waitFor({ state: 'detached' });
    expect(await stillSamePage(search)).toBe(true);
    expect(await stillSamePage(compare)).toBe(true);
  });

  it('tells an open edit form at once who changed its annotation, keeping what the user typed', async () => {
    const claim = await createAs(s, 'annotator', SOURCE, 'cooperation was the only way', { kind: 'claim', claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] } });
    const page = await s.open('annotator');
    await openViewer(page, SOURCE);
    await page.locator(`.card[data-annotation-id="${claim.id}"] [data-action="edit"]`).click();
    const form = page.locator('.annotation-form');
    await form.locator('textarea[name="note"]').fill('My own reading of it');
    await callAs(s, 'editor', 'PATCH', `/api/annotations/${claim.id}`, { revision: 1, claim: { claimant: 'Frank Rose', verdict: 'true', evidence: [] } });
    const notice = form.locator('.form-notice');
    await notice.waitFor();
    await expect(notice.locator('p').textContent()).resolves.toBe('Changed by eddie while you were editing — your changes are kept; review theirs before saving:');
    await expect(notice.locator('li').allTextContents()).resolves.toEqual(['verdict: False → True']);
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    await expect(form.locator('textarea[name="note"]').inputValue()).resolves.toBe('My own reading of it');
    // The card shows their version meanwhile.
    await expect(page.locator(`.card[data-annotation-id="${claim.id}"] .badge-verdict`).textContent()).resolves.toBe('True');
    // Saving meets the conflict handling as before: nothing of theirs is overwritten.
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('.form-error').textContent()).toContain('was changed elsewhere');
    await expect(notice.isHidden()).resolves.toBe(true);
    expect((await callAs(s, 'admin', 'GET', `/api/annotations/${claim.id}`)).body.annotation).toMatchObject({ revision: 2, note: '', claim: { verdict: 'true' } });
    await form.getByRole('button', { name: 'Re-apply my edit' }).click();
    await form.locator('button[type="submit"]').click();
    await saved(page);
    expect((await callAs(s, 'admin', 'GET', `/api/annotations/${claim.id}`)).body.annotation).toMatchObject({ revision: 3, note: 'My own reading of it', modifiedBy: 'ana' });
  });

  it('says so in the header while the live updates are cut off', async () => {
    const page = await s.open('viewer');
    await page.route('**/api/events', (route) => route.abort());
    await page.goto(`${s.server.url}/#/source/${SOURCE}`);
    await viewerReady(page);
    const note = page.locator('.live-note');
    await expect.poll(() => note.textContent()).toBe('Offline — reconnecting…');
    await expect(note.getAttribute('role')).resolves.toBe('status');
  });

  it('offers a new revision of the source as a reload instead of changing the text under the reader', async () => {
    const page = await s.open('annotator');
    await openViewer(page, UNDERCUT);
    const text = (await callAs(s, 'admin', 'GET', `/api/sources/${UNDERCUT}`)).body.source.text as string;
    const revised = await callAs(s, 'editor', 'POST', '/api/sources', { id: UNDERCUT, text: `${text}\n\nA paragraph added by the outlet later.` });
    expect(revised.body.status).toBe('revised');
    const banner = page.locator('.revision-banner');
    await banner.waitFor();
    await expect(banner.locator('.revision-banner-text').textContent()).resolves.toMatch(/^This source has a new revision \(\d+\) since you opened it\./);
    await expect(page.locator('.ProseMirror').textContent()).resolves.not.toContain('A paragraph added by the outlet later.');
    await banner.locator('[data-action="reload-source"]').click();
    await page.waitForFunction(() => document.querySelector('.ProseMirror')?.textContent?.includes('A paragraph added by the outlet later.'));
    await expect(page.locator('.revision-banner').isHidden()).resolves.toBe(true);
  });
  it('adds the suggestions of a source added elsewhere to an open inbox, keeping the selected row', async () => {
    const page = await s.open('editor');
    await page.goto(`${s.server.url}/#/inbox`);
    await page.locator('.inbox-row').first().waitFor();
    await listening(page);
    await markPage(page);
    const ids = () => page.locator('.inbox-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.suggestionId ?? ''));
    await page.keyboard.press('j');
    const selected = await page.locator('.inbox-row.is-selected').getAttribute('data-suggestion-id');
    expect(selected).toBeTruthy();
    // A new source with checkable figures: the assistant suggests claims to check in it.
    const text = 'The minister said the agreement was signed in Geneva, after talks that lasted three weeks and cost $4 million.';
    expect((await callAs(s, 'admin', 'POST', '/api/sources', { id: 'live-story', text, outlet: 'Wire', title: 'Live story' })).status).toBe(201);
    const added = ((await callAs(s, 'admin', 'GET', '/api/suggestions?source=live-story')).body.suggestions as { id: string }[]).map((x) => x.id);
    expect(added.length).toBeGreaterThan(0);
    // The inbox lists the new source among its sources once it has loaded again, without a reload.
    await page.locator('#inbox-source option[value="live-story"]').waitFor({ state: 'attached' });
    await expect(page.locator('.inbox-row.is-selected').getAttribute('data-suggestion-id')).resolves.toBe(selected);
    await page.selectOption('#inbox-source', 'live-story');
    await expect.poll(async () => [...(await ids())].sort()).toEqual([...added].sort());
    expect(await stillSamePage(page)).toBe(true);
  });
});
