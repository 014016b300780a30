/**
 * Signing in and roles in a real browser, on a Collate with accounts: the sign-in page returning to
 * the page asked for, the header naming who is signed in with a Sign out, a wrong token said in
 * words, too many attempts with how long to wait, a session that ends mid-use (the server's clock
 * is moved, nothing waits) sending the user to sign in and bringing back the form they were
 * typing in, what a viewer and an annotator are offered, and an annotation's history showing a
 * verdict changed by another person.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/test-server';
import { accountSuite, callAs, createAs, viewerReady } from './account-helpers';
import { saved, selectPhrase } from './browser-helpers';

const SOURCE = 'gsn-us-renews-call-for-russia';
const PURSUES = 'newsblaze-us-pursues-cooperation';
const s = accountSuite();

async function signInWith(page: Page, name: string, token: string): Promise<void> {
  await page.locator('#sign-in-name').fill(name);
  await page.locator('#sign-in-token').fill(token);
  await page.locator('.sign-in-form button[type="submit"]').click();
}

/** The reason a control is dimmed for, or null when it is offered. */
const deniedReason = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => (el.getAttribute('aria-disabled') === 'true' ? el.getAttribute('title') : null));

describe('signing in', () => {
  it('asks to sign in, returns to the page asked for, names who is signed in, and signs out', async () => {
    const page = await s.open(null);
    await page.goto(`${s.server.url}/#/source/${SOURCE}`);
    await page.locator('.sign-in-form').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/sign-in?return=${encodeURIComponent(`#/source/${SOURCE}`)}`);
    await expect(page.locator('.app-nav').isVisible()).resolves.toBe(false);
    // The token is a password field: never shown as text.
    await expect(page.locator('#sign-in-token').getAttribute('type')).resolves.toBe('password');
    await signInWith(page, 'ANA', s.tokens.annotator);
    await viewerReady(page);
    expect(new URL(page.url()).hash).toBe(`#/source/${SOURCE}`);
    await expect(page.locator('.account-name').textContent()).resolves.toBe('Signed in as ana annotator');
    await expect(page.locator('.account-name .role-badge').textContent()).resolves.toBe('annotator');

    await page.locator('[data-action="sign-out"]').click();
    await page.locator('.sign-in-form').waitFor();
    await expect(page.locator('.sign-in .lead').textContent()).resolves.toBe('You have signed out. Sign in again with your name and token.');
    await expect(page.locator('.account-name').count()).resolves.toBe(0);
    // The cookie no longer opens anything, and other pages lead back here.
    expect(await page.evaluate(() => fetch('/api/session').then((r) => r.status))).toBe(401);
    await page.goto(`${s.server.url}/#/tags`);
    await page.locator('.sign-in-form').waitFor();
    expect(s.errors).toEqual([]);
  });

  it('says a wrong token in words, keeps the name, and signs in once it is right', async () => {
    const page = await s.open(null);
    await page.goto(`${s.server.url}/#/sign-in`);
    await signInWith(page, 'eddie', 'ct_not-the-token');
    const error = page.locator('#sign-in-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toMatch(/^That name and token do not match an account\./);
    await expect(page.locator('#sign-in-token').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#sign-in-token').getAttribute('aria-describedby')).resolves.toContain('sign-in-error');
    await expect(page.locator('#sign-in-name').inputValue()).resolves.toBe('eddie');
    // Nothing typed: said before sending.
    await page.locator('#sign-in-token').fill('');
    await page.locator('.sign-in-form button[type="submit"]').click();
    await expect(error.textContent()).resolves.toMatch(/^Enter your token/);
    await signInWith(page, 'eddie', s.tokens.editor);
    await page.locator('.source-link').first().waitFor();
    await expect(page.locator('.account-name .role-badge').textContent()).resolves.toBe('editor');
  });

  it('says how long to wait after too many failed sign-ins', async () => {
    // A server of its own: its limit must not lock out the other tests' sign-ins.
    const strict = await startTestServer({ app: { signInLimit: { windowMs: 10 * 60_000, limit: 1 } } });
    try {
      const page = await s.open(null);
      await page.goto(`${strict.url}/#/sign-in`);
      await signInWith(page, 'nobody', 'ct_wrong');
      await expect.poll(() => page.locator('#sign-in-error').textContent()).toMatch(/^That name and token do not match/);
      await page.locator('.sign-in-form button[type="submit"]').click();
      await expect.poll(() => page.locator('#sign-in-error').textContent()).toBe('Too many failed sign-ins from this computer. Wait 10 minutes, then try again.');
    } finally {
      await strict.close();
    }
  });

  it('sends the user to sign in when the session ends mid-use, and brings back the form they were typing in', async () => {
    const page = await s.open('annotator');
    await page.goto(`${s.server.url}/#/source/${SOURCE}`);
    await viewerReady(page);
    await selectPhrase(page, 'cooperation was the only way');
    await page.keyboard.press('n');
    await page.locator('.annotation-form textarea[name="note"]').fill('Typed before the session ended');
    await page.locator('.annotation-form input[name="tags"]').fill('kept');
    // The working day is over: 13 hours without use end the session (the idle limit is 12).
    s.clock.advance(13 * 3600_000);
    await page.locator('.annotation-form button[type="submit"]').click();
    await page.locator('.sign-in-form').waitFor();
    await expect(page.locator('.sign-in .lead').textContent()).resolves.toMatch(/^Your session has ended\./);
    expect((await callAs(s, 'admin', 'GET', `/api/annotations?source=${SOURCE}`)).body.annotations).toEqual([]);
    await signInWith(page, 'ana', s.tokens.annotator);
    const form = page.locator('.annotation-form');
    await form.waitFor();
    await expect(form.locator('textarea[name="note"]').inputValue()).resolves.toBe('Typed before the session ended');
    await expect(form.locator('input[name="tags"]').inputValue()).resolves.toBe('kept');
    await expect(form.locator('.form-quote').textContent()).resolves.toBe('cooperation was the only way');
    await form.locator('button[type="submit"]').click();
    await saved(page);
    const [stored] = (await callAs(s, 'admin', 'GET', `/api/annotations?source=${SOURCE}`)).body.annotations;
    expect(stored).toMatchObject({ creator: 'ana', note: 'Typed before the session ended', tags: ['kept'], targets: [{ exact: 'cooperation was the only way' }] });
    expect(s.errors).toEqual([]);
  });
});

describe('what each role is offered', () => {
  it('a viewer reads, and every change is dimmed with the reason; the keys say it too', async () => {
    const mine = await createAs(s, 'annotator', PURSUES, 'Presidential priority', { kind: 'note', note: 'ana’s note', tags: ['priority'] });
    const page = await s.open('viewer');
    await page.goto(`${s.server.url}/#/source/${PURSUES}`);
    await viewerReady(page);
    await page.waitForSelector('.suggestions-section [data-action="confirm"]', { state: 'attached' });
    const card = `.card[data-annotation-id="${mine.id}"]`;
    await expect(deniedReason(page, `${card} [data-action="edit"]`)).resolves.toBe('Editing annotations needs the annotator role or higher; you are signed in as vera, a viewer.');
    await expect(deniedReason(page, `${card} [data-action="delete"]`)).resolves.toMatch(/^Deleting annotations needs the annotator role/);
    await expect(deniedReason(page, '.suggestions-section [data-action="confirm"]')).resolves.toMatch(/^Confirming or dismissing suggestions needs the editor role/);
    await expect(deniedReason(page, '[data-action="import"]')).resolves.toMatch(/^Importing annotations needs the editor role/);
    await expect(deniedReason(page, '.set-picker button')).resolves.toMatch(/^Creating sets needs the editor role/);
    // Reading and exporting stay.
    await expect(deniedReason(page, '[data-action="export"]')).resolves.toBeNull();
    await expect(deniedReason(page, `${card} [data-action="history"]`)).resolves.toBeNull();
    // Using a dimmed button (Enter, as a click) says why instead of acting.
    await page.locator(`${card} [data-action="edit"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.status-line').textContent()).resolves.toContain('Editing annotations needs the annotator role');
    await expect(page.locator('.annotation-form').count()).resolves.toBe(0);
    // Selecting text still works for reading; making a claim of it does not.
    await selectPhrase(page, 'missile defense cooperation');
    await expect(deniedReason(page, '.selection-popover [data-action="claim"]')).resolves.toMatch(/^Making annotations needs the annotator role/);
    await page.keyboard.press('c');
    await expect(page.locator('.status-line').textContent()).resolves.toContain('Making annotations needs the annotator role');
    await expect(page.locator('.annotation-form').count()).resolves.toBe(0);
    await page.goto(`${s.server.url}/#/tags`);
    await expect(deniedReason(page, '[data-action="rename"]')).resolves.toMatch(/^Renaming tags needs the editor role/);
    // Adding sources: out of the header, dimmed on the home page, and its page says why.
    await expect(page.locator('.app-nav a[href="#/add"]').isHidden()).resolves.toBe(true);
    await page.goto(`${s.server.url}/#/`);
    await expect(deniedReason(page, '[data-action="add-sources"]')).resolves.toMatch(/^Adding sources needs the editor role/);
    await page.goto(`${s.server.url}/#/add`);
    await expect(page.locator('.add-page [role="alert"]').textContent()).resolves.toBe('Adding sources needs the editor role or higher; you are signed in as vera, a viewer.');
    await expect(page.locator('.add-page form').count()).resolves.toBe(0);
    expect(s.errors).toEqual([]);
  });

  it('an annotator annotates and changes their own annotations, not others’', async () => {
    const theirs = await createAs(s, 'editor', PURSUES, 'Presidential priority', { kind: 'note', note: 'eddie’s note', tags: ['priority'] });
    const mine = await createAs(s, 'annotator', PURSUES, 'missile defense cooperation', { kind: 'note', note: 'ana’s note' });
    const page = await s.open('annotator');
    await page.goto(`${s.server.url}/#/source/${PURSUES}`);
    await viewerReady(page);
    await expect(deniedReason(page, `.card[data-annotation-id="${theirs.id}"] [data-action="edit"]`)).resolves.toBe('Only an editor or higher may edit someone else’s annotation; this one is eddie’s.');
    await expect(deniedReason(page, `.card[data-annotation-id="${theirs.id}"] [data-action="delete"]`)).resolves.toBe('Only an editor or higher may delete someone else’s annotation; this one is eddie’s.');
    await expect(deniedReason(page, `.card[data-annotation-id="${mine.id}"] [data-action="edit"]`)).resolves.toBeNull();
    await expect(deniedReason(page, '.set-picker button')).resolves.toMatch(/^Creating sets needs the editor role or higher; you are signed in as ana, an annotator\.$/);
    await page.waitForSelector('.suggestions-section [data-action="confirm"]', { state: 'attached' });
    await expect(deniedReason(page, '.suggestions-section [data-action="dismiss"]')).resolves.toMatch(/needs the editor role/);
    // Their own annotation they edit as before.
    await page.locator(`.card[data-annotation-id="${mine.id}"] [data-action="edit"]`).click();
    await page.locator('.annotation-form textarea[name="note"]').fill('ana’s note, edited');
    await page.locator('.annotation-form button[type="submit"]').click();
    await saved(page);
    expect((await callAs(s, 'admin', 'GET', `/api/annotations/${mine.id}`)).body.annotation).toMatchObject({ note: 'ana’s note, edited', modifiedBy: 'ana' });
    // And they make new ones.
    await selectPhrase(page, 'Recognizing');
    await expect(deniedReason(page, '.selection-popover [data-action="claim"]')).resolves.toBeNull();
    await page.goto(`${s.server.url}/#/tags`);
    await expect(deniedReason(page, '[data-action="rename"]')).resolves.toMatch(/^Renaming tags needs the editor role/);
  });
});

describe('who did what', () => {
  it('shows the last editor on the card, and a verdict changed by another person in the history', async () => {
    const claim = await createAs(s, 'annotator', SOURCE, 'cooperation was the only way', { kind: 'claim', claim: { claimant: 'Frank Rose', verdict: 'false', evidence: [] } });
    const edited = await callAs(s, 'editor', 'PATCH', `/api/annotations/${claim.id}`, { revision: 1, claim: { claimant: 'Frank Rose', verdict: 'true', evidence: [] }, tags: ['checked'] });
    expect(edited.status).toBe(200);
    const page = await s.open('annotator');
    await page.goto(`${s.server.url}/#/source/${SOURCE}`);
    await viewerReady(page);
    const card = page.locator(`.card[data-annotation-id="${claim.id}"]`);
    await expect(card.locator('.card-byline').textContent()).resolves.toBe('edited by eddie, just now · History');
    await card.locator('[data-action="history"]').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog.history-dialog[open]');
    await dialog.locator('.history-list').waitFor();
    const entries = dialog.locator('.history-entry');
    await expect(entries.count()).resolves.toBe(2);
    // Newest first: eddie's change, field by field, then ana's creation.
    await expect(entries.nth(0).locator('.history-head strong').textContent()).resolves.toBe('Changed');
    await expect(entries.nth(0).locator('.history-by').textContent()).resolves.toBe('eddie');
    await expect(entries.nth(0).locator('.history-changes li').allTextContents()).resolves.toEqual(['tags: added “checked”', 'verdict: False → True']);
    await expect(entries.nth(1).locator('.history-head').textContent()).resolves.toMatch(/^Created by ana · /);
    // Escape closes it, and focus goes back to the button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-action'))).resolves.toBe('history');
  });

  it('lists a deletion and an import in the history, with what the annotation was', async () => {
    const note = await createAs(s, 'annotator', SOURCE, 'cooperation was the only way', { kind: 'note', note: 'to be deleted' });
    const exported = await fetch(`${s.server.url}/api/export?format=w3c&source=${SOURCE}`, { headers: { authorization: `Bearer ${s.tokens.editor}` } }).then((r) => r.text());
    expect((await callAs(s, 'editor', 'DELETE', `/api/annotations/${note.id}?revision=1`)).status).toBe(204);
    const imported = await callAs(s, 'editor', 'POST', '/api/import', exported);
    expect(imported.status).toBe(201);
    const page = await s.open('viewer');
    await page.goto(`${s.server.url}/#/source/${SOURCE}`);
    await viewerReady(page);
    await page.locator(`.card[data-annotation-id="${note.id}"] [data-action="history"]`).click();
    const entries = page.locator('dialog.history-dialog[open] .history-entry');
    await entries.first().waitFor();
    const heads = await entries.locator('.history-head strong').allTextContents();
    const bys = await entries.locator('.history-by').allTextContents();
    // Newest first: the import, the entries the file brought (its creation), then what happened here.
    expect(heads.map((h, i) => `${h} by ${bys[i]}`)).toEqual(['Imported by eddie', 'Created by ana', 'Deleted by eddie', 'Created by ana']);
    await expect(entries.nth(2).locator('.history-note').textContent()).resolves.toBe('It was: Note: “cooperation was the only way” · note “to be deleted”');
    await expect(entries.nth(0).locator('.history-note').textContent()).resolves.toMatch(/^Brought in by an import/);
  });
});
