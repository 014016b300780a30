/**
 * The fact-checker's assistant in a real browser against a real server: the suggestions inbox
 * (keyboard triage with j, k, a, d, u and Enter, checked through the API: the annotations accepting
 * made and the decisions kept; a claim candidate accepted as a claim with its claimant; a typo as a
 * note with the correction; filters with counts; a suggestion someone else decided first; the
 * dismissed view's Undo), the home page's counts, and the viewer's margin marks (visible, focusable,
 * stepped through with m, accepted from their popover, hidden by the toggle). The server's decisions
 * outlive a test, so every dismissal is undone before each one and tests choose their suggestions
 * from what the API lists as open.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { isDifference, type ListedSuggestion } from '../../client/api/client';
import { CATEGORY_LABELS } from '../../client/suggestions/suggestion-details';
import type { Annotation } from '../../core/model';
import { call } from '../helpers/test-server';
import { annotationsOf, browserSuite, docsScreenshot, openSource } from './browser-helpers';

const PURSUES = 'newsblaze-us-pursues-cooperation';
const s = browserSuite({ width: 1360, height: 900 });

/** The suggestions the server lists for `query` (open ones unless the query says otherwise). */
async function listed(query = ''): Promise<ListedSuggestion[]> {
  const res = await call(s.server.url, 'GET', `/api/suggestions${query ? `?${query}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.suggestions as ListedSuggestion[];
}

const idsOf = (list: readonly { id: string }[]) => list.map((x) => x.id).sort();

beforeEach(async () => {
  // Dismissals stay on the server: offer them all again, so each test starts from the same open list.
  for (const d of await listed('status=dismissed')) await call(s.server.url, 'POST', `/api/suggestions/${d.id}/undo`);
});

/** Open the inbox with `query` and wait for its list. */
async function openInbox(page: Page, query = ''): Promise<void> {
  await page.goto(`${s.server.url}/#/inbox${query}`);
  await page.waitForFunction(() => !/^(Looking|Loading)/.test(document.querySelector('.inbox-count')?.textContent ?? 'Looking'));
}

const rowIds = (page: Page) => page.locator('.inbox-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.suggestionId ?? ''));
const focusedRow = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-suggestion-id') ?? null);
const said = (page: Page) => page.locator('.inbox-message').textContent();

/** Select the row of suggestion `id` as a click on its summary would. */
async function selectRow(page: Page, id: string): Promise<void> {
  await page.locator(`.inbox-row[data-suggestion-id="${id}"] .sg-summary`).click();
  await expect.poll(() => focusedRow(page)).toBe(id);
}

describe('the suggestions inbox', () => {
  it('triages typos by keyboard: j moves, d dismisses, u undoes, a makes a note with the correction', async () => {
    const { page, server, errors } = s;
    const typos = await listed('category=typo');
    expect(typos.length).toBeGreaterThanOrEqual(3);
    await openInbox(page, '?category=typo');
    const rows = await rowIds(page);
    expect([...rows].sort()).toEqual(idsOf(typos));
    await expect(page.locator('.inbox-row.is-selected').getAttribute('data-suggestion-id')).resolves.toBe(rows[0]);

    // j: the selection and keyboard focus move together; screen readers hear "2 of N".
    await page.keyboard.press('j');
    await expect.poll(() => focusedRow(page)).toBe(rows[1]);
    const second = page.locator(`.inbox-row[data-suggestion-id="${rows[1]}"]`);
    await expect(second.getAttribute('aria-current')).resolves.toBe('true');
    await expect(second.getAttribute('aria-posinset')).resolves.toBe('2');
    await expect(second.getAttribute('aria-setsize')).resolves.toBe(String(rows.length));

    // d: dismissed on the server, the next row selected at once.
    await page.keyboard.press('d');
    await expect.poll(() => focusedRow(page)).toBe(rows[2]);
    await expect.poll(async () => idsOf(await listed('status=dismissed'))).toEqual([rows[1]]);
    await expect.poll(() => page.locator('.inbox-row').count()).toBe(rows.length - 1);
    await expect(said(page)).resolves.toBe('Dismissed: typo. Press u to undo.');

    // u: offered again, back in its place and selected.
    await page.keyboard.press('u');
    await expect.poll(async () => idsOf(await listed('status=dismissed'))).toEqual([]);
    await expect.poll(() => rowIds(page)).toEqual(rows);
    await expect.poll(() => focusedRow(page)).toBe(rows[1]);

    // a: a note tagged typo on the misspelt word, giving the correction; the decision is kept.
    const typo = typos.find((t) => t.id === rows[1]) as ListedSuggestion;
    const [wrong, right] = typo.evidence.map((e) => e.value);
    await page.keyboard.press('a');
    await expect.poll(async () => (await listed('status=confirmed')).map((x) => x.id)).toContain(typo.id);
    const decided = (await listed('status=confirmed')).find((x) => x.id === typo.id) as ListedSuggestion;
    const note = (await annotationsOf(server.url, typo.targets[0].source)).find((a) => a.id === decided.decision?.annotation) as Annotation;
    expect(note.kind).toBe('note');
    expect(note.tags).toContain('typo');
    expect(note.note).toContain(`Correction: “${wrong}” → “${right}”`);
    expect(note.targets.map((t) => t.exact)).toEqual([wrong]);
    await expect.poll(() => page.locator(`.inbox-row[data-suggestion-id="${typo.id}"]`).count()).toBe(0);
    await expect(said(page)).resolves.toBe(`Note saved to set “default”, correcting “${wrong}” to “${right}”.`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await docsScreenshot(page, 'screenshot-inbox.png');
    expect(errors).toEqual([]);
  });

  it('accepts a claim candidate in one key press: a claim with the claimant filled', async () => {
    const { page, server } = s;
    const claim = (await listed('category=claim')).find((x) => x.claim?.claimant) as ListedSuggestion;
    expect(claim).toBeDefined();
    const source = claim.targets[0].source;
    await openInbox(page, `?category=claim&source=${source}`);
    const row = page.locator(`.inbox-row[data-suggestion-id="${claim.id}"]`);
    await expect(row.locator('.sg-evidence').textContent()).resolves.toContain(`Claimant${claim.claim?.claimant}`);
    await expect(row.locator('.sg-score').textContent()).resolves.toBe(`score ${claim.score?.toFixed(2)}`);
    await selectRow(page, claim.id);
    await page.keyboard.press('a');
    await expect.poll(async () => (await annotationsOf(server.url, source)).length).toBe(1);
    const [made] = await annotationsOf(server.url, source);
    expect(made.kind).toBe('claim');
    expect(made.claim).toEqual({ claimant: claim.claim?.claimant, verdict: 'unverified', evidence: [] });
    expect(made.targets.map((t) => [t.start, t.end, t.exact])).toEqual(claim.targets.map((t) => [t.start, t.end, t.exact]));
    await expect.poll(() => row.count()).toBe(0);
    await expect(said(page)).resolves.toBe(`Claim saved to set “default”, claimant ${claim.claim?.claimant}.`);
  });

  it('filters by category and source, with counts, kept in the address', async () => {
    const { page, server } = s;
    const open = await listed();
    await openInbox(page);
    await expect(page.locator('.inbox-categories [data-category=""]').textContent()).resolves.toBe(`All ${open.length}`);
    const typos = open.filter((x) => x.category === 'typo');
    await expect(page.locator('.inbox-categories [data-category="typo"]').textContent()).resolves.toBe(`${CATEGORY_LABELS.typo} ${typos.length}`);
    // By keyboard: Enter on a category keeps focus on it (the buttons are drawn again with their counts).
    await page.locator('.inbox-categories [data-category="typo"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => [...(await rowIds(page))].sort()).toEqual(idsOf(typos));
    await expect(page.locator('.inbox-categories [data-category="typo"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-category'))).resolves.toBe('typo');

    const source = typos[0].targets[0].source;
    await page.selectOption('#inbox-source', source);
    const both = typos.filter((x) => x.targets.some((t) => t.source === source));
    await expect.poll(async () => [...(await rowIds(page))].sort()).toEqual(idsOf(both));
    expect(new URL(page.url()).hash).toBe(`#/inbox?category=typo&source=${source}`);
    // The source list counts the chosen category: its option says how many typos that source has.
    const sources = (await call(server.url, 'GET', '/api/sources')).body.sources as { id: string; title: string }[];
    const title = sources.find((x) => x.id === source)?.title;
    await expect(page.locator(`#inbox-source option[value="${source}"]`).textContent()).resolves.toBe(`${title} (${both.length})`);

    await page.reload();
    await page.waitForSelector('.inbox-row');
    await expect(page.locator('#inbox-source').inputValue()).resolves.toBe(source);
    await expect.poll(async () => [...(await rowIds(page))].sort()).toEqual(idsOf(both));
  });

  it('shows a suggestion someone else decided first, and says who', async () => {
    const { page, server } = s;
    const [target] = await listed('category=claim');
    await openInbox(page, '?category=claim');
    await selectRow(page, target.id);
    // Another person dismisses it meanwhile (through the API, as another tab would).
    expect((await call(server.url, 'POST', `/api/suggestions/${target.id}/dismiss`)).status).toBe(204);
    await page.keyboard.press('a');
    const row = page.locator(`.inbox-row[data-suggestion-id="${target.id}"]`);
    await expect.poll(() => row.locator('.sg-status').textContent()).toMatch(/^Dismissed by \S+ meanwhile\.$/);
    await expect(row.getAttribute('class')).resolves.toContain('is-handled');
    await expect(row.locator('[data-action="accept"]').isDisabled()).resolves.toBe(true);
    await expect(said(page)).resolves.toBe('Someone else accepted or dismissed this suggestion first.');
    // Nothing was made of it, and it stays dismissed.
    expect(await annotationsOf(server.url, target.targets[0].source)).toEqual([]);
    expect(idsOf(await listed('status=dismissed'))).toEqual([target.id]);
  });

  it('lists dismissed suggestions with Undo', async () => {
    const { page } = s;
    const [variant] = await listed('category=name-variant');
    expect((await call(s.server.url, 'POST', `/api/suggestions/${variant.id}/dismiss`)).status).toBe(204);
    await openInbox(page, '?view=dismissed');
    const row = page.locator(`.inbox-row[data-suggestion-id="${variant.id}"]`);
    await expect(row.locator('.sg-decision').textContent()).resolves.toMatch(/^Dismissed by \S+ on \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await expect(page.locator('.inbox-views [data-view="dismissed"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await row.locator('[data-action="undo"]').click();
    await expect.poll(async () => (await listed('status=dismissed')).length).toBe(0);
    await expect.poll(() => row.count()).toBe(0);
    await page.click('.inbox-views [data-view="open"]');
    await expect.poll(() => rowIds(page)).toContain(variant.id);
  });

  it('opens the selected suggestion in the viewer with Enter, on its margin mark', async () => {
    const { page } = s;
    const typo = (await listed('category=typo'))[0];
    await openInbox(page, `?category=typo&source=${typo.targets[0].source}`);
    await selectRow(page, typo.id);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ProseMirror p.line');
    expect(new URL(page.url()).hash).toBe(`#/source/${typo.targets[0].source}?suggestion=${typo.id}`);
    const popover = page.locator('.sg-popover');
    await popover.waitFor({ state: 'visible' });
    await expect(popover.locator('.sg-summary').textContent()).resolves.toBe(typo.summary);
    // Keyboard focus is on its Accept button; the passage is tinted.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.sg-popover') ? document.activeElement.getAttribute('data-action') : null)).toBe('accept');
    await expect(page.locator('.ProseMirror .sg-span-active').textContent()).resolves.toBe(typo.targets[0].exact);
  });
});

describe('home page counts', () => {
  it('shows each source’s open suggestions, linking to the inbox narrowed to it', async () => {
    const { page, server } = s;
    const sources = (await call(server.url, 'GET', '/api/sources')).body.sources as { id: string; suggestions: number }[];
    const open = await listed();
    await page.goto(`${server.url}/#/`);
    await page.waitForSelector('.source-link');
    for (const src of sources) {
      const n = open.filter((x) => x.targets.some((t) => t.source === src.id)).length;
      expect(src.suggestions).toBe(n);
      const link = page.locator(`.source-item[data-source-id="${src.id}"] .count-suggestions`);
      if (n === 0) {
        await expect(link.count()).resolves.toBe(0);
        continue;
      }
      await expect(link.textContent()).resolves.toBe(`${n} ${n === 1 ? 'suggestion' : 'suggestions'}`);
      await expect(link.getAttribute('href')).resolves.toBe(`#/inbox?source=${src.id}`);
    }
    const busiest = [...sources].sort((a, b) => b.suggestions - a.suggestions)[0];
    await page.click(`.source-item[data-source-id="${busiest.id}"] .count-suggestions`);
    await page.waitForSelector('.inbox-row');
    await expect(page.locator('#inbox-source').inputValue()).resolves.toBe(busiest.id);
    await expect.poll(() => page.locator('.inbox-row').count()).toBe(busiest.suggestions);
  });
});

describe('margin marks in the viewer', () => {
  /** Open source `id` and wait for its margin marks. */
  async function openWithMarks(page: Page, id: string): Promise<ListedSuggestion[]> {
    const here = await listed(`source=${id}`);
    await openSource(page, s.server.url, id);
    await page.waitForSelector('.sg-mark');
    return here;
  }

  it('marks every suggestion on the source in the margin, focusable and named, and steps through them with m', async () => {
    const { page, errors } = s;
    const here = await openWithMarks(page, PURSUES);
    const marks = here.flatMap((x) => x.targets.filter((t) => t.source === PURSUES));
    await expect(page.locator('.ProseMirror .sg-mark').count()).resolves.toBe(marks.length);
    // In the margin: right of the line its passage starts on, at that line's height.
    const place = await page.locator('.ProseMirror .sg-mark').first().evaluate((el) => {
      const line = el.closest('p.line')!.getBoundingClientRect();
      const mark = el.getBoundingClientRect();
      return { right: mark.left >= line.right, within: mark.top >= line.top && mark.bottom <= line.bottom, visible: mark.width > 0 && getComputedStyle(el).visibility === 'visible' };
    });
    expect(place).toEqual({ right: true, within: true, visible: true });
    await expect(page.locator('.ProseMirror .sg-mark').first().getAttribute('aria-label')).resolves.toMatch(/^Suggestion: /);
    const others = here.filter((x) => !isDifference(x)).length;
    await expect(page.locator('.more-suggestions a').textContent()).resolves.toMatch(new RegExp(`^${others} more suggestions on this source in the inbox`));

    // Focus on a mark shows its suggestion.
    await page.locator('.ProseMirror .sg-mark').first().focus();
    await page.locator('.sg-popover').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator('.sg-popover').waitFor({ state: 'hidden' });

    // m from the top: the first mark, its popover pinned with focus on Accept; m again: the next one.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('m');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('accept');
    const shown = () => page.locator('.sg-popover').getAttribute('data-mark');
    const first = await shown();
    expect(first).toBe(await page.locator('.ProseMirror .sg-mark').first().getAttribute('data-mark'));
    await page.keyboard.press('m');
    await expect.poll(shown).toBe(await page.locator('.ProseMirror .sg-mark').nth(1).getAttribute('data-mark'));
    await page.keyboard.press('Shift+M');
    await expect.poll(shown).toBe(first);
    await page.keyboard.press('Escape');
    await page.locator('.sg-popover').waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('accepts a typo from its mark: a note with the correction, and the mark goes', async () => {
    const { page, server } = s;
    const here = await openWithMarks(page, PURSUES);
    const typo = here.find((x) => x.category === 'typo') as ListedSuggestion;
    const mark = page.locator(`.ProseMirror .sg-mark[data-mark="${typo.id}#0"]`);
    await mark.hover();
    const popover = page.locator('.sg-popover');
    await popover.waitFor({ state: 'visible' });
    await expect(popover.locator('.sg-summary').textContent()).resolves.toBe(typo.summary);
    await mark.click();
    await popover.locator('[data-action="accept"]').click();
    await expect.poll(() => mark.count()).toBe(0);
    const [note] = await annotationsOf(server.url, PURSUES);
    expect(note).toMatchObject({ kind: 'note', targets: [{ exact: typo.evidence[0].value }] });
    expect(note.note).toContain(`Correction: “${typo.evidence[0].value}” → “${typo.evidence[1].value}”`);
    // The new note shows in the text and the sidebar.
    await page.locator(`.card[data-annotation-id="${note.id}"]`).waitFor();
    await expect(page.locator('.status-line').textContent()).resolves.toContain('Note saved to set “default”.');
  });

  it('hides the marks with the toggle, and remembers it', async () => {
    const { page } = s;
    await openWithMarks(page, PURSUES);
    await page.locator('#show-marks').uncheck();
    await expect.poll(() => page.locator('.ProseMirror .sg-mark').count()).toBe(0);
    await openSource(page, s.server.url, PURSUES);
    await expect(page.locator('#show-marks').isChecked()).resolves.toBe(false);
    await expect(page.locator('.ProseMirror .sg-mark').count()).resolves.toBe(0);
    // m shows them again, on the mark it steps to (once the suggestions are there).
    await page.waitForSelector('.suggestions-section .section-body:not(:has(.loading))', { state: 'attached' });
    await page.keyboard.press('m');
    await expect.poll(() => page.locator('.ProseMirror .sg-mark').count()).toBeGreaterThan(0);
    await expect(page.locator('#show-marks').isChecked()).resolves.toBe(true);
  });
});
