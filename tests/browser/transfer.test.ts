/**
 * The export and import dialogs in a real browser: a CSV download with the header row and
 * the byte order mark, a server error shown in the export dialog, a broken import listing its
 * problems and importing nothing, a too-large import, and a good W3C file imported.
 */
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../core/export/csv-export';
import type { Annotation } from '../../core/model';
import { call, startTestServer } from '../helpers/test-server';
import { browserSuite, createVia } from './browser-helpers';

const SOURCE = 'gsn-us-renews-call-for-russia';
const s = browserSuite({ width: 1200, height: 860 }, { acceptDownloads: true });

// One note to export and import, made afresh for each test (the suite empties the server).
beforeEach(async () => {
  await createVia(s.server.url, SOURCE, 'cooperation was the only way', { kind: 'note', note: 'Exported, then imported.', tags: ['transfer'] });
});

async function openPage(): Promise<void> {
  await s.page.goto(`${s.server.url}/#/compare`);
  await s.page.waitForSelector('[data-action="export"]');
}

async function allAnnotations(): Promise<Annotation[]> {
  return (await call(s.server.url, 'GET', '/api/annotations')).body.annotations as Annotation[];
}

describe('export dialog', () => {
  it('downloads a CSV with a byte order mark and the header row', async () => {
    const { page } = s;
    await openPage();
    await page.click('[data-action="export"]');
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor();
    // The first field has focus and the sets have loaded.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('format');
    await dialog.locator('select[name="set"] option', { hasText: 'default (1)' }).waitFor({ state: 'attached' });
    await dialog.locator('select[name="format"]').selectOption('csv');
    await dialog.locator('input[name="bom"]').check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('button[type="submit"]').click()]);
    expect(download.suggestedFilename()).toBe('default.csv');
    const content = await readFile((await download.path())!, 'utf8');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = content.slice(1).split('\r\n').filter(Boolean);
    expect(header).toBe(CSV_COLUMNS.map((c) => c.key).join(','));
    expect(rows.some((r) => r.includes('cooperation was the only way'))).toBe(true);
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the server error in the dialog and stays open', async () => {
    const { page, server } = s;
    await openPage();
    // The server has no such set by the time the download starts (as if deleted meanwhile).
    await page.route('**/api/export?**', (route) =>
      route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'not_found', message: 'set "gone" not found' } }) }),
    );
    await page.click('[data-action="export"]');
    const dialog = page.locator('dialog.export-dialog');
    await dialog.waitFor();
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.modal-error', { hasText: 'set "gone" not found' }).waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.unroute('**/api/export?**');
  });
});

describe('import dialog', () => {
  it('lists the problems of a broken file and imports nothing', async () => {
    const { page, server } = s;
    const before = await allAnnotations();
    const w3c = (await call(server.url, 'GET', '/api/export?format=w3c&set=default')).body;
    // Break the file: a second copy of the annotation, under a new id, without a target.
    const broken = structuredClone(w3c);
    const items = broken.first?.items ?? broken.items ?? broken;
    const good = items[0];
    const second = structuredClone(good);
    delete second.target;
    second.id = 'urn:collate:annotation:broken-2';
    items.push(second);
    await openPage();
    await page.click('[data-action="import"]');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('dialog.import-dialog textarea')?.value.length ?? 0) > 0);
    await dialog.locator('button[type="submit"]').click();
    const error = dialog.locator('.modal-error');
    await error.locator('.modal-error-list li').first().waitFor();
    expect(await error.textContent()).toContain('Nothing was imported');
    expect(await error.locator('.modal-error-list li').count()).toBeGreaterThan(0);
    expect(await allAnnotations()).toHaveLength(before.length);
  });

  it('refuses broken JSON before sending it', async () => {
    const { page } = s;
    await openPage();
    await page.click('[data-action="import"]');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.locator('textarea').fill('{"type": "Annotation",');
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.modal-error', { hasText: 'not valid JSON' }).waitFor();
  });

  it('says a file over the size limit is too large', async () => {
    const { page } = s;
    // A server with a small import limit, so the test need not build a file of many megabytes.
    const small = await startTestServer({ app: { importLimit: 50_000 } });
    try {
      await page.goto(`${small.url}/#/compare`);
      await page.click('[data-action="import"]');
      const dialog = page.locator('dialog.import-dialog');
      await dialog.waitFor();
      await dialog.locator('textarea').fill(JSON.stringify({ type: 'Annotation', bodyValue: 'x'.repeat(60_000) }));
      await dialog.locator('button[type="submit"]').click();
      await dialog.locator('.modal-error', { hasText: 'too large' }).waitFor();
      expect((await call(small.url, 'GET', '/api/annotations')).body.annotations).toHaveLength(0);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await small.close();
    }
  });

  it('imports a good W3C file and reports how many arrived', async () => {
    const { page, server } = s;
    const w3c = (await call(server.url, 'GET', '/api/export?format=w3c&set=default')).body;
    const [original] = await allAnnotations();
    const del = await call(server.url, 'DELETE', `/api/annotations/${original.id}?revision=${original.revision}`);
    expect(del.status).toBe(204);
    expect(await allAnnotations()).toHaveLength(0);

    await openPage();
    await page.click('[data-action="import"]');
    const dialog = page.locator('dialog.import-dialog');
    await dialog.waitFor();
    await dialog.locator('textarea').fill(JSON.stringify(w3c));
    await dialog.locator('textarea').press('Control+Enter');
    // The summary stays in the dialog until it is closed; only Close is offered, with focus.
    await dialog.locator('.modal-note', { hasText: 'Imported 1 annotation.' }).waitFor();
    await expect(dialog.locator('button[type="submit"]').isHidden()).resolves.toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
    await page.locator('.status-line', { hasText: 'Imported 1 annotation.' }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const after = await allAnnotations();
    expect(after).toHaveLength(1);
    expect(after[0].targets[0].exact).toBe('cooperation was the only way');
    expect(after[0].note).toBe('Exported, then imported.');
    expect(s.errors).toEqual([]);
  });
});
