/**
 * Articles that change, in a real browser against a real server: a revision made through the API,
 * then the home page's mark, the "What changed" view (both revisions side by side with their word
 * differences, the annotation whose words changed listed with its old and new quotes, the revision
 * picker), the viewer's "Changed passages" section (accept a change, re-attach a passage to words
 * selected in the text, dismiss a passage that is gone), and the "re-check the verdict" flag on a
 * claim, in its card and on the annotations page.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../core/model';
import { call } from '../helpers/test-server';
import { annotationsOf, browserSuite, createVia, docsScreenshot, openSource, selectPhrase } from './browser-helpers';

const s = browserSuite({ width: 1360, height: 900 });

const FIRST = [
  'Harbour board backs the night ferry',
  'The harbour board voted on Thursday to extend the night ferry to the island, after a year of petitions from residents.',
  'The extension will cost 3.2 million pounds a year, the board said in a statement.',
  'Residents said the last boat had made it impossible to work late shifts on the mainland.',
  'The ferry company has not yet agreed to the new timetable.',
];
const SECOND = [
  FIRST[0],
  FIRST[1],
  'The extension will cost 3.4 million pounds a year, the board said in a statement.',
  'Residents said the last boat had made it hard to work evening shifts on the mainland.',
  'A public meeting is planned for May.',
];

let serial = 0;

/** A new source with FIRST's text, a claim and two notes on it, then revision 2 (SECOND's text) through the API. */
async function revisedSource(): Promise<{ id: string; claim: Annotation; note: Annotation; gone: Annotation }> {
  const base = s.server.url;
  const id = `night-ferry-${++serial}`;
  expect((await call(base, 'POST', '/api/sources', { id, text: FIRST.join('\n\n'), title: FIRST[0], outlet: 'Island Herald' })).status).toBe(201);
  const claim = await createVia(base, id, 'The extension will cost 3.2 million pounds a year', { kind: 'claim', claim: { claimant: 'Harbour board', verdict: 'true', evidence: [] } });
  const note = await createVia(base, id, 'impossible to work late shifts', { kind: 'note', note: 'Ask the residents association' });
  const gone = await createVia(base, id, 'The ferry company has not yet agreed to the new timetable.', { kind: 'note', note: 'Check with the company' });
  const revised = await call(base, 'POST', '/api/sources', { id, text: SECOND.join('\n\n') });
  expect(revised.body).toMatchObject({ status: 'revised', reanchored: { changed: 2, orphaned: 1 } });
  return { id, claim, note, gone };
}

describe('articles that change', () => {
  it('marks the source on the home page and shows what changed, with the annotations on changed passages', async () => {
    const { page, server } = s;
    const { id } = await revisedSource();
    await page.goto(`${server.url}/#/`);
    const mark = page.locator(`.source-item[data-source-id="${id}"] .badge-changed`);
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toMatch(/changed since it was annotated/);
    await mark.click();
    await page.locator('.compare-text-b .passage').first().waitFor();
    expect(page.url()).toContain(`#/source/${id}/changes`);
    // Both revisions, side by side, the words that differ marked on each side.
    expect(await page.locator('.compare-pane[data-side="a"] .pane-title').textContent()).toBe('Revision 1');
    expect(await page.locator('.compare-pane[data-side="b"] .pane-title').textContent()).toBe('Revision 2');
    const marked = (side: 'a' | 'b') => page.locator(`.compare-text-${side} .diff`).allTextContents();
    // (The word diff takes "3.2" as "3", "." and "2": only the digit that differs is marked.)
    expect(await marked('a')).toEqual(expect.arrayContaining(['2', 'impossible', 'late']));
    expect(await marked('b')).toEqual(expect.arrayContaining(['4', 'hard', 'evening']));
    expect((await marked('b')).join(' ')).toMatch(/public.*meeting/);
    expect(await page.locator('.changes-count').textContent()).toBe('From revision 1 to 2: 3 changes, all reworded.');
    await docsScreenshot(page, 'screenshot-changes.png');
    expect(await page.locator('.reanchor-lines').textContent()).toBe('When revision 2 came, 2 passages changed, 1 orphaned.');
    // The annotations whose words changed, each with the words as annotated and as they are now.
    const claimItem = page.locator('.changes-annotation-list .changed-item', { hasText: '3.2 million' });
    expect(await claimItem.locator('.changed-before').textContent()).toBe('The extension will cost 3.2 million pounds a year');
    expect(await claimItem.locator('.changed-after').textContent()).toBe('The extension will cost 3.4 million pounds a year');
    await claimItem.locator('.badge-recheck').waitFor();
    const goneItem = page.locator('.changes-annotation-list .changed-item[data-change="orphaned"]');
    expect(await goneItem.locator('.changed-before').textContent()).toBe('The ferry company has not yet agreed to the new timetable.');
    expect(await goneItem.textContent()).toContain('No longer in the text.');
    // The picker names each revision with where it came from; j steps to the first change.
    expect(await page.locator('#changes-to option').allTextContents()).toEqual([expect.stringMatching(/^Revision 2 · .* · pasted/), expect.stringMatching(/^Revision 1 · .* · pasted/)]);
    await page.locator('.compare-pane[data-side="b"] .pane-scroll').focus();
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('.passage-entry[aria-current="true"]').getAttribute('data-passage')).toBe('0');
  });

  it('accepts a change, re-attaches a passage and dismisses a gone one from the sidebar; the claim asks for a re-check', async () => {
    const { page, server } = s;
    const { id, claim, note, gone } = await revisedSource();
    await openSource(page, server.url, id);
    const section = page.locator('.changed-section');
    await section.locator('.changed-item').nth(2).waitFor();
    expect(await section.locator('.section-title').textContent()).toBe('Changed passages (3)');
    // The claim's card asks for its verdict to be checked again, and shows its words as annotated.
    const claimCard = page.locator(`.card[data-annotation-id="${claim.id}"]`);
    await claimCard.locator('.badge-recheck').waitFor();
    await docsScreenshot(page, 'screenshot-changed-passages.png');
    expect(await claimCard.locator('.card-was').textContent()).toContain('3.2 million pounds');

    // Accept: the claim keeps the new wording and leaves the list.
    await section.locator(`.changed-item[data-annotation-id="${claim.id}"] [data-action="accept"]`).click();
    await section.locator(`.changed-item[data-annotation-id="${claim.id}"]`).waitFor({ state: 'detached' });
    const accepted = (await annotationsOf(server.url, id)).find((a) => a.id === claim.id)!;
    expect(accepted.targets[0]).toMatchObject({ exact: 'The extension will cost 3.4 million pounds a year', revision: 2 });
    expect(accepted.targets[0].changedFrom).toBeUndefined();
    await claimCard.locator('.badge-recheck').waitFor({ state: 'detached' });

    // Re-attach: the note goes to the words selected in the text.
    await section.locator(`.changed-item[data-annotation-id="${note.id}"] [data-action="reattach"]`).click();
    await selectPhrase(page, 'hard to work evening shifts on the mainland');
    await section.locator(`.changed-item[data-annotation-id="${note.id}"] [data-action="reattach-here"]`).click();
    await section.locator(`.changed-item[data-annotation-id="${note.id}"]`).waitFor({ state: 'detached' });
    const moved = (await annotationsOf(server.url, id)).find((a) => a.id === note.id)!;
    expect(moved.targets[0]).toMatchObject({ exact: 'hard to work evening shifts on the mainland' });
    expect(moved.targets[0].changedFrom).toBeUndefined();

    // Dismiss: the gone passage is the note's only one, so the note is deleted, once confirmed.
    await section.locator(`.changed-item[data-annotation-id="${gone.id}"] [data-action="dismiss"]`).click();
    expect(await section.locator('.confirm-text').textContent()).toMatch(/only passage.*deletes the note/);
    await section.locator(`.changed-item[data-annotation-id="${gone.id}"] [data-action="confirm-dismiss"]`).click();
    await section.waitFor({ state: 'hidden' });
    expect((await call(server.url, 'GET', `/api/annotations/${gone.id}`)).status).toBe(404);
  });

  it('flags a claim on a changed passage for a re-check on the annotations page', async () => {
    const { page, server } = s;
    const { claim, note } = await revisedSource();
    await page.goto(`${server.url}/#/annotations`);
    const result = page.locator(`.result[data-annotation-id="${claim.id}"]`);
    await result.waitFor();
    expect(await result.locator('.badge-recheck').textContent()).toMatch(/^Re-check the verdict: The wording this claim was judged on changed/);
    // A note on a changed passage has no verdict to check.
    expect(await page.locator(`.result[data-annotation-id="${note.id}"] .badge-recheck`).count()).toBe(0);
  });
});
