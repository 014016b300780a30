/**
 * The rest of the viewer in a real browser: the home page, edit and delete conflicts (409), failed saves
 * that keep the form and say what is wrong next to the field, user text shown as text, annotation
 * sets (the active one limits what shows), sidebar filters (which hide highlights too), and
 * annotations with targets in several sources or orphaned targets. Each test starts afresh.
 */
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/test-server';
import { annotationsOf, browserSuite, createVia, openSource, saved, selectPhrase, sourceText } from './browser-helpers';

const SOURCE = 'gsn-russia-could-receive-pledge';
const OTHER = 'newsblaze-us-pursues-cooperation';
const CONFLICT_TEXT = 'This annotation was changed elsewhere; the current version is shown; your edit was not saved.';
const s = browserSuite({ width: 1280, height: 900 });


describe('home page', () => {
  it('lists sources grouped by outlet with counts, navigable by keyboard', async () => {
    const { page, server } = s;
    await createVia(server.url, SOURCE, 'France', { kind: 'claim', claim: { claimant: '', verdict: 'true', evidence: [] } });
    await createVia(server.url, SOURCE, 'Russia', { kind: 'claim' });
    await createVia(server.url, SOURCE, 'NATO', { kind: 'note', note: 'n' });
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('.source-link');
    const outlets = await page.locator('.outlet-name').allTextContents();
    expect(outlets.map((o) => o.replace(/\s*\d+$/, ''))).toEqual(['Global Security Newswire', 'Missile Defense Advocacy Alliance', 'NewsBlaze']);
    await expect(page.locator('.source-item').count()).resolves.toBe(5);
    const item = page.locator(`.source-item[data-source-id="${SOURCE}"]`);
    await expect(item.locator('.count').allTextContents()).resolves.toEqual(['2 claims', '1 note']);
    const length = (await sourceText(server.url, SOURCE)).length;
    await expect(item.locator('.source-details').textContent()).resolves.toContain(`${length.toLocaleString('en')} characters`);

    // Tab from the top of the page to the first source link and open it with Enter.
    await page.locator('.brand').focus();
    let focused: string | null | undefined = null;
    for (let i = 0; i < 16 && !focused?.startsWith('#/source/'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    }
    expect(focused).toMatch(/^#\/source\//);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ProseMirror p.line');
    expect(page.url()).toContain(focused ?? 'missing');
  });
});

describe('conflicts and failures', () => {
  it('shows the current version and keeps the user edit on an edit conflict (409)', async () => {
    const { page, server } = s;
    const a = await createVia(server.url, SOURCE, 'Russia', { kind: 'claim', claim: { claimant: 'Original', verdict: 'unverified', evidence: [] } });
    await openSource(page, server.url, SOURCE);
    await page.click(`.card[data-annotation-id="${a.id}"] [data-action="edit"]`);
    const form = page.locator('.annotation-form');
    await form.locator('select[name="verdict"]').selectOption('false');
    await form.locator('textarea[name="note"]').fill('my edit');

    // Someone else changes it in between.
    const other = await call(server.url, 'PATCH', `/api/annotations/${a.id}`, { revision: 1, claim: { claimant: 'Changed elsewhere', verdict: 'true', evidence: [] } });
    expect(other.status).toBe(200);

    await form.locator('button[type="submit"]').click();
    // The error shows once the server has answered: wait for it rather than read it at once.
    await expect.poll(() => form.locator('.form-error').textContent()).toContain(CONFLICT_TEXT);
    await expect.poll(() => page.locator('.status-line').textContent()).toContain(CONFLICT_TEXT);
    // The form and the card show the current version; the server kept it.
    await expect(form.locator('input[name="claimant"]').inputValue()).resolves.toBe('Changed elsewhere');
    await expect(form.locator('select[name="verdict"]').inputValue()).resolves.toBe('true');
    await expect(form.locator('textarea[name="note"]').inputValue()).resolves.toBe('');
    await expect(page.locator(`.card[data-annotation-id="${a.id}"] .badge-verdict`).textContent()).resolves.toBe('True');
    let [stored] = await annotationsOf(server.url, SOURCE);
    expect(stored).toMatchObject({ revision: 2, note: '', claim: { claimant: 'Changed elsewhere', verdict: 'true' } });

    // The user's edit is one click away and saves on top of the current version.
    await form.getByRole('button', { name: 'Re-apply my edit' }).click();
    await expect(form.locator('textarea[name="note"]').inputValue()).resolves.toBe('my edit');
    await form.locator('button[type="submit"]').click();
    await saved(page);
    await page.locator(`.ProseMirror .hl-verdict-false[data-annotation-id="${a.id}"]`).first().waitFor();
    [stored] = await annotationsOf(server.url, SOURCE);
    expect(stored).toMatchObject({ revision: 3, note: 'my edit', claim: { verdict: 'false' } });
  });

  it('refuses a delete of a changed annotation and shows its current version', async () => {
    const { page, server } = s;
    const a = await createVia(server.url, SOURCE, 'Russia', { kind: 'note', note: 'first version' });
    // A page that has not heard of the change yet (live updates would show it at once): cut them off.
    await page.route('**/api/events', (route) => route.abort());
    await openSource(page, server.url, SOURCE);
    await call(server.url, 'PATCH', `/api/annotations/${a.id}`, { revision: a.revision, note: 'changed again' });
    const card = page.locator(`.card[data-annotation-id="${a.id}"]`);
    await card.locator('[data-action="delete"]').click();
    await card.locator('[data-action="confirm-delete"]').click();
    await expect.poll(() => page.locator('.status-line').textContent()).toContain('was changed elsewhere');
    await expect.poll(() => page.locator(`.card[data-annotation-id="${a.id}"] .card-note`).textContent()).toBe('changed again');
    expect(await annotationsOf(server.url, SOURCE)).toHaveLength(1);
  });

  it('keeps the form and its input open when the save fails, and says what is wrong next to the field', async () => {
    const { page, server } = s;
    await openSource(page, server.url, SOURCE);
    await page.route('**/api/annotations', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()));
    await selectPhrase(page, 'France');
    await page.keyboard.press('n');
    await page.locator('.annotation-form textarea[name="note"]').fill('A long careful note');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.annotation-form .form-error').textContent()).toContain('Could not reach the server');
    await expect(page.locator('.annotation-form textarea[name="note"]').inputValue()).resolves.toBe('A long careful note');
    await page.unroute('**/api/annotations');
    // The server's validation report is said in words next to the field, which is marked invalid.
    const note = page.locator('.annotation-form textarea[name="note"]');
    await note.fill('x'.repeat(20_001));
    await page.locator('.annotation-form input[name="tags"]').fill('fine, ' + 'y'.repeat(70));
    await page.locator('.annotation-form button[type="submit"]').click();
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    const noteError = page.locator('.annotation-form .field-error', { hasText: 'The note' });
    await expect(noteError.textContent()).resolves.toBe('The note is too long: at most 20,000 characters are allowed.');
    await expect(note.getAttribute('aria-describedby')).resolves.toContain(await noteError.getAttribute('id') ?? 'missing');
    await expect(page.locator('.annotation-form .field-error', { hasText: 'Tag 2' }).textContent()).resolves.toBe('Tag 2 (“yyyyyyyyyyyyyyyyyyyyyyyy…”) is too long: at most 64 characters are allowed.');
    await expect(page.locator('.annotation-form input[name="tags"]').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await annotationsOf(server.url, SOURCE)).toHaveLength(0);
    // Once fixed, the same form saves.
    await note.fill('A long careful note');
    await page.locator('.annotation-form input[name="tags"]').fill('fine');
    await page.locator('.annotation-form button[type="submit"]').click();
    await saved(page);
    expect((await annotationsOf(server.url, SOURCE)).some((x) => x.note === 'A long careful note')).toBe(true);
  });

  it('shows notes with markup as text, never as HTML', async () => {
    const { page, server } = s;
    const evil = '<img src=x onerror="window.__xss=1"><b>bold</b>';
    const a = await createVia(server.url, SOURCE, 'Moscow', { kind: 'note', note: evil, tags: ['<script>t</script>'] });
    await openSource(page, server.url, SOURCE);
    const card = page.locator(`.card[data-annotation-id="${a.id}"]`);
    await expect(card.locator('.card-note').textContent()).resolves.toBe(evil);
    await expect(card.locator('.tag').textContent()).resolves.toBe('<script>t</script>');
    await expect(page.locator('.sidebar img, .sidebar b, .sidebar script').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});

describe('sets, filters and linked annotations', () => {
  it('creates a set, makes it active, remembers it across reloads, and files new annotations there', async () => {
    const { page, server } = s;
    const name = `fact-check ${Date.now()}`;
    await openSource(page, server.url, SOURCE);
    await page.getByRole('button', { name: 'New set' }).click();
    await page.locator('input[name="set-name"]').fill(name);
    await page.locator('input[name="set-description"]').fill('Claims checked this week');
    await page.getByRole('button', { name: 'Create set' }).click();
    await expect.poll(() => page.locator('#active-set').inputValue()).toBe(name);
    const sets = await call(server.url, 'GET', '/api/sets');
    expect((sets.body as { sets: { name: string }[] }).sets.map((x) => x.name)).toContain(name);

    await page.reload();
    await page.waitForSelector('.ProseMirror p.line');
    await expect(page.locator('#active-set').inputValue()).resolves.toBe(name);
    await selectPhrase(page, 'France');
    await page.keyboard.press('c');
    await expect(page.locator('.annotation-form select[name="set"]').inputValue()).resolves.toBe(name);
    await page.keyboard.press('Control+Enter');
    await saved(page);
    const [stored] = await annotationsOf(server.url, SOURCE);
    expect(stored.set).toBe(name);
    await expect(page.locator(`.card[data-annotation-id="${stored.id}"] .card-set`).textContent()).resolves.toBe(name);

    // Back to default for the next annotation: the active set limits what shows.
    await page.locator('#active-set').selectOption('default');
    await expect.poll(() => page.locator(`.ProseMirror [data-annotation-id="${stored.id}"]`).count()).toBe(0);
    await selectPhrase(page, 'NATO');
    await page.keyboard.press('n');
    await page.keyboard.press('Control+Enter');
    await saved(page);
    expect((await annotationsOf(server.url, SOURCE)).map((a) => a.set).sort()).toEqual(['default', name].sort());
    await expect(page.locator('.card').count()).resolves.toBe(1);
    // Showing all sets shows both (and is remembered).
    await page.locator('#show-all-sets').check();
    await expect.poll(() => page.locator('.card').count()).toBe(2);
    await expect(page.locator(`.ProseMirror [data-annotation-id="${stored.id}"]`).count()).resolves.toBe(1);
    await openSource(page, server.url, SOURCE);
    await expect(page.locator('#show-all-sets').isChecked()).resolves.toBe(true);
    await expect(page.locator('.card').count()).resolves.toBe(2);
  });

  it('filters the sidebar by kind, verdict, tag and search, and the highlights with it', async () => {
    const { page, server } = s;
    await createVia(server.url, SOURCE, 'France', { kind: 'claim', claim: { claimant: 'Paris', verdict: 'false', evidence: [] }, tags: ['diplomacy'] });
    await createVia(server.url, SOURCE, 'Russia', { kind: 'claim', claim: { claimant: '', verdict: 'true', evidence: [] } });
    await createVia(server.url, SOURCE, 'NATO', { kind: 'note', note: 'Check the alliance size', tags: ['diplomacy', 'numbers'] });
    await openSource(page, server.url, SOURCE);
    const cards = () => page.locator('.card').count();
    const highlights = () => page.locator('.ProseMirror .hl[data-annotation-id]').count();
    await expect(cards()).resolves.toBe(3);

    await page.locator('#filter-kind').selectOption('note');
    await expect.poll(cards).toBe(1);
    await expect.poll(highlights).toBe(1);
    await expect(page.locator('.sidebar-title').textContent()).resolves.toBe('Annotations (1 of 3)');
    await page.locator('#filter-kind').selectOption('');
    await page.locator('#filter-verdict').selectOption('false');
    await expect.poll(cards).toBe(1);
    await expect(page.locator('.card .card-claimant').textContent()).resolves.toBe('Paris');
    await page.locator('#filter-verdict').selectOption('');
    await page.locator('#filter-tag').selectOption('diplomacy');
    await expect.poll(cards).toBe(2);
    await page.locator('#filter-kind').selectOption('inconsistency');
    await expect.poll(cards).toBe(0);
    await expect.poll(highlights).toBe(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(cards).toBe(3);
    await expect.poll(highlights).toBe(3);
    // Search covers notes and quotes, case-insensitively.
    await page.locator('#filter-q').fill('ALLIANCE');
    await expect.poll(cards).toBe(1);
    await page.locator('#filter-q').fill('russia');
    await expect.poll(cards).toBe(1);
    await expect(page.locator('.card .card-quote').textContent()).resolves.toBe('Russia');
    await expect.poll(() => page.locator('.ProseMirror .hl[data-annotation-id]').allTextContents()).toEqual(['Russia']);
  });

  it('draws annotations with targets in several sources and marks orphaned targets', async () => {
    const { page, server, errors } = s;
    const here = await sourceText(server.url, SOURCE);
    const there = await sourceText(server.url, OTHER);
    const span = (text: string, id: string, phrase: string) => {
      const start = text.indexOf(phrase);
      return { source: id, start, end: start + phrase.length, exact: phrase };
    };
    const res = await call(server.url, 'POST', '/api/annotations', {
      kind: 'inconsistency',
      targets: [span(here, SOURCE, 'France'), span(there, OTHER, 'Russia'), span(here, SOURCE, 'NATO')],
      note: 'Different framing',
    });
    expect(res.status).toBe(201);
    const a = (res.body as { annotation: import('../../core/model').Annotation }).annotation;
    // Mark the NATO target as orphaned, as re-anchoring after a source change would.
    await server.store.transact(async (tx) => {
      const cur = (await tx.annotation(a.id))!;
      tx.replaceAnnotation({ ...cur, revision: cur.revision + 1, targets: cur.targets.map((t) => (t.exact === 'NATO' ? { ...t, orphaned: true } : t)) });
    });

    await openSource(page, server.url, SOURCE);
    const card = page.locator(`.card[data-annotation-id="${a.id}"]`);
    await expect(card.locator('.badge-kind').textContent()).resolves.toBe('Inconsistency');
    await expect(card.locator('.card-quote.orphaned').textContent()).resolves.toContain('NATO');
    await expect(card.locator('.badge-orphaned').count()).resolves.toBe(1);
    await expect(card.locator(`.card-elsewhere a[href="#/source/${OTHER}"]`).count()).resolves.toBe(1);
    // Only the live target in this source is highlighted.
    await expect(page.locator(`.ProseMirror .hl.hl-inconsistency[data-annotation-id="${a.id}"]`).allTextContents()).resolves.toEqual(['France']);

    // Its other passage opens from the card, highlighted in the other source.
    await card.locator(`.card-elsewhere a[href="#/source/${OTHER}"]`).click();
    await page.locator(`.ProseMirror .hl[data-annotation-id="${a.id}"]`).first().waitFor();
    await expect(page.locator(`.ProseMirror .hl[data-annotation-id="${a.id}"]`).textContent()).resolves.toBe('Russia');
    expect(errors).toEqual([]);
  });
});

describe('annotations across sources, and tags', () => {
  it('searches every source on the annotations page and opens a result on its passage', async () => {
    const { page, server } = s;
    await createVia(server.url, SOURCE, 'France', { kind: 'claim', claim: { claimant: 'Paris', verdict: 'false', evidence: [] }, tags: ['diplomacy'] });
    const far = await createVia(server.url, OTHER, 'Russia', { kind: 'note', note: 'Check the other outlet', tags: ['diplomacy'], set: 'default' });
    await createVia(server.url, OTHER, 'NATO', { kind: 'note', note: 'Unrelated' });
    await page.goto(`${server.url}/#/annotations`);
    await expect.poll(() => page.locator('.result').count()).toBe(3);
    await page.locator('.search-form input[type="search"]').fill('other outlet');
    await expect.poll(() => page.locator('.result').count()).toBe(1);
    // The search is kept in the address.
    expect(new URL(page.url()).hash).toBe('#/annotations?q=other+outlet');
    await page.locator('.search-form select[name="tag"]').selectOption('diplomacy');
    await page.locator('.search-form input[type="search"]').fill('');
    await expect.poll(() => page.locator('.result').count()).toBe(2);
    await page.locator(`.result[data-annotation-id="${far.id}"] .result-source`).click();
    // The viewer opens on it: its card has focus, its passage is outlined.
    await page.waitForSelector('.ProseMirror p.line');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-annotation-id'))).toBe(far.id);
    await expect.poll(() => page.locator('.ProseMirror .hl-focus').textContent()).toBe('Russia');
  });

  it('renames a tag on every annotation from the tags page, merging it into one in use', async () => {
    const { page, server } = s;
    const a = await createVia(server.url, SOURCE, 'France', { kind: 'note', tags: ['diplo'] });
    const b = await createVia(server.url, OTHER, 'Russia', { kind: 'note', tags: ['Diplomacy', 'diplo'] });
    await page.goto(`${server.url}/#/tags`);
    const row = page.locator('.tag-table tr[data-tag="diplo"]');
    await expect(row.locator('td a').textContent()).resolves.toBe('2 annotations');
    await row.locator('[data-action="rename"]').click();
    const input = page.locator('.rename-form input[name="to"]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('to');
    await input.fill('diplomacy');
    await expect(page.locator('.rename-form .field-hint').textContent()).resolves.toBe('Merges into “Diplomacy”.');
    await input.press('Enter');
    await page.locator('.status-line', { hasText: 'Renamed “diplo” to “diplomacy” on 2 annotations.' }).waitFor();
    // One tag is left, counting both annotations.
    await expect.poll(() => page.locator('.tag-table tr[data-tag]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag')?.toLowerCase()))).toEqual(['diplomacy']);
    await expect(page.locator('.tag-table tr[data-tag] td a').textContent()).resolves.toBe('2 annotations');
    const stored = await Promise.all([a, b].map(async (x) => (await call(server.url, 'GET', `/api/annotations/${x.id}`)).body.annotation.tags));
    expect(stored).toEqual([['diplomacy'], ['Diplomacy']]);
  });
});
