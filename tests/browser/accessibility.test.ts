/**
 * An axe-core check (WCAG 2.1 A and AA rules, injected from node_modules: nothing from a CDN) of
 * every page in the states a user meets: the home page, the viewer with claims of every verdict, a
 * note, an inconsistency and reuse marks, its form and help dialog open; the compare view with
 * highlights, picks and the link dialog; the export and import dialogs; the annotations and tags
 * pages; adding sources; what changed between revisions and the viewer's changed passages; the
 * suggestions inbox (a row selected, the dismissed view, its help), a margin mark’s popover in the
 * viewer, the sign-in page and an annotation's history. A serious or critical violation fails the
 * test and is listed with the elements concerned.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VERDICTS, VERDICT_LABELS } from '../../core/model/vocabulary';
import { call } from '../helpers/test-server';
import { browserSuite, createVia, openCompare, openSource, selectInColumn, selectPhrase } from './browser-helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PURSUES = 'newsblaze-us-pursues-cooperation';
const UNDERCUT = 'newsblaze-will-us-plans-undercut-russia';
const s = browserSuite({ width: 1360, height: 900 });

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The serious and critical violations axe finds on the page as it is now. */
async function violations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the page's script policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    type AxeNode = { target: string[]; failureSummary?: string };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: AxeNode[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    const describe = (n: AxeNode) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 220)}`;
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 8).map(describe) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const found = await violations(page);
  expect(found, `${where}: ${JSON.stringify(found, null, 1)}`).toEqual([]);
}

describe('accessibility (axe-core)', () => {
  it('home page, and the export and import dialogs', async () => {
    const { page, server } = s;
    await createVia(server.url, PURSUES, 'missile defense cooperation', { kind: 'note', note: 'Counted on the home page' });
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('.source-link');
    await expectAccessible(page, 'home');
    await page.click('[data-action="export"]');
    await page.locator('dialog.export-dialog').waitFor();
    await expectAccessible(page, 'export dialog');
    await page.keyboard.press('Escape');
    await page.click('[data-action="import"]');
    await page.locator('dialog.import-dialog').waitFor();
    await expectAccessible(page, 'import dialog');
  });

  it('viewer with every kind and verdict, reuse marks, a form showing a problem, and the help', async () => {
    const { page, server } = s;
    const words = ['Recognizing', 'growing', 'threat', 'short-', 'medium-', 'intermediate-range', 'ballistic', 'missiles'];
    for (const [i, verdict] of VERDICTS.entries()) {
      await createVia(server.url, PURSUES, words[i], { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict, evidence: [] } });
    }
    await createVia(server.url, PURSUES, 'Presidential priority', { kind: 'note', note: 'Stacked on a reused passage', tags: ['priority'] });
    await openSource(page, server.url, PURSUES);
    await page.waitForSelector('.coverage-section .section-body:not(:has(.loading))');
    await expectAccessible(page, 'viewer');
    // Each highlight is described by its kind and verdict (the legend holds the words).
    const described = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.ProseMirror .hl')].map((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? null),
    );
    expect(new Set(described)).toEqual(new Set([...VERDICTS.map((v) => `Claim, verdict ${VERDICT_LABELS[v]}`), 'Note']));
    await selectPhrase(page, 'United States of America');
    await page.keyboard.press('c');
    await page.locator('.annotation-form textarea[name="note"]').fill('x'.repeat(20_001));
    await page.locator('.annotation-form button[type="submit"]').click();
    await page.locator('.annotation-form .field-error:not([hidden])').waitFor();
    await expectAccessible(page, 'viewer with an invalid form');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.locator('dialog.help-dialog[open]').waitFor();
    await expectAccessible(page, 'help dialog');
  });

  it('compare view with highlights and picks, and the link dialog', async () => {
    const { page, server } = s;
    await createVia(server.url, UNDERCUT, 'three JTA sessions', { kind: 'claim', claim: { claimant: 'State Department', verdict: 'mixed', evidence: [] } });
    await openCompare(page, server.url, PURSUES, UNDERCUT);
    await selectInColumn(page, 'a', 'Deputy Assistant Secretary Frank A. Rose');
    await page.locator('.pick-slot[data-side="a"] .pick-quote').waitFor();
    await selectInColumn(page, 'b', 'between our two countries');
    await page.locator('.pick-slot[data-side="b"] .pick-quote').waitFor();
    await expectAccessible(page, 'compare');
    const described = await page.locator('.compare-text-b .hl').first().getAttribute('aria-describedby');
    await expect(page.locator(`#${described}`).textContent()).resolves.toBe('Claim, verdict Mixed');
    await page.click('[data-action="link-inconsistency"]');
    await page.locator('dialog.link-dialog').waitFor();
    await expectAccessible(page, 'link dialog');
  });

  it('add sources page with guessed details and file results', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/add`);
    await page.locator('#paste-content').fill('Ferry fares to rise by a fifth from June\n\nPORT ELLEN, March 4, 2024 - The harbour board said fares would rise on the first of June.');
    await page.click('[data-action="preview"]');
    await page.locator('label[for="paste-title"] .guess-mark:not([hidden])').waitFor();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['not an article'], 'report.pdf', { type: 'application/pdf' }));
      document.querySelector('.drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.locator('.files-summary').waitFor();
    await expectAccessible(page, 'add sources');
  });

  it('what changed view and the changed passages of the viewer', async () => {
    const { page, server } = s;
    const text = (amount: string) => `Harbour board backs the night ferry\n\nThe extension will cost ${amount} million pounds a year, the board said.\n\nResidents welcomed it.`;
    await call(server.url, 'POST', '/api/sources', { id: 'a11y-revised', text: text('3.2'), title: 'Harbour board backs the night ferry', outlet: 'Island Herald' });
    await createVia(server.url, 'a11y-revised', 'The extension will cost 3.2 million pounds a year', { kind: 'claim', claim: { claimant: 'Harbour board', verdict: 'true', evidence: [] } });
    await call(server.url, 'POST', '/api/sources', { id: 'a11y-revised', text: text('3.4') });
    await page.goto(`${server.url}/#/source/a11y-revised/changes`);
    await page.locator('.compare-text-b .passage').waitFor();
    await expectAccessible(page, 'what changed');
    await openSource(page, server.url, 'a11y-revised');
    await page.locator('.changed-section .changed-item').waitFor();
    await page.locator('.changed-section [data-action="dismiss"]').click();
    await expectAccessible(page, 'viewer with changed passages');
  });

  it('sign-in page with a problem, and the history dialog', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/sign-in`);
    await page.locator('.sign-in-form button[type="submit"]').click();
    await page.locator('#sign-in-error').waitFor();
    await expectAccessible(page, 'sign-in page');
    const a = await createVia(server.url, PURSUES, 'Presidential priority', { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict: 'false', evidence: [] } });
    await call(server.url, 'PATCH', `/api/annotations/${a.id}`, { revision: 1, claim: { claimant: 'Frank A. Rose', verdict: 'true', evidence: [] } });
    await openSource(page, server.url, PURSUES);
    await page.locator(`.card[data-annotation-id="${a.id}"] [data-action="history"]`).click();
    await page.locator('dialog.history-dialog[open] .history-list').waitFor();
    await expectAccessible(page, 'history dialog');
  });

  it('annotations and tags pages', async () => {
    const { page, server } = s;
    await createVia(server.url, PURSUES, 'Presidential priority', { kind: 'claim', claim: { claimant: 'Frank A. Rose', verdict: 'true', evidence: [] }, tags: ['priority', 'policy'] });
    await page.goto(`${server.url}/#/annotations`);
    await page.locator('.result').first().waitFor();
    await expectAccessible(page, 'annotations page');
    await page.goto(`${server.url}/#/tags`);
    await page.locator('.tag-table').waitFor();
    await page.locator('[data-action="rename"]').first().click();
    await page.locator('.rename-form').waitFor();
    await expectAccessible(page, 'tags page');
  });

  it('suggestions inbox, its dismissed view, and a margin mark’s popover', async () => {
    const { page, server } = s;
    await page.goto(`${server.url}/#/inbox`);
    await page.locator('.inbox-row').first().waitFor();
    await page.keyboard.press('j');
    await expectAccessible(page, 'inbox');
    await page.click('.inbox-views [data-view="dismissed"]');
    await page.waitForFunction(() => !/^Loading/.test(document.querySelector('.inbox-count')?.textContent ?? 'Loading'));
    await expectAccessible(page, 'inbox, dismissed view');
    await page.keyboard.press('?');
    await page.locator('dialog.help-dialog[open]').waitFor();
    await expectAccessible(page, 'inbox help');
    await page.keyboard.press('Escape');
    await openSource(page, server.url, PURSUES);
    await page.locator('.ProseMirror .sg-mark').first().waitFor();
    await page.keyboard.press('m');
    await page.locator('.sg-popover').waitFor({ state: 'visible' });
    await expectAccessible(page, 'viewer with a margin mark open');
  });
});
