import { describe, expect, it } from 'vitest';
import { applyAdd, initialAddState, isRunning, looksLikeHtml, nextFile, pasteBody, progressText, type AddAction, type AddState } from '../../../client/add/add-state';
import type { AddOutcome, SourcePreview } from '../../../client/api/source-api';

const run = (actions: AddAction[], from: AddState = initialAddState()) => actions.reduce(applyAdd, from);

const PREVIEW: SourcePreview = { id: 'ferry-fares', title: 'Ferry fares rise', outlet: 'Island Herald', published: '2024-03-04', guessed: ['title', 'published'], words: 90, excerpt: 'Ferry fares rise…' };
const outcome = (id: string, title = id): AddOutcome => ({ status: 'created', source: { id, title, outlet: 'X', guessed: [], length: 10, hash: 'h', revision: 1 } });

describe('the paste form', () => {
  it('takes the preview’s fields, marking only the guesses, and leaves what the user typed', () => {
    let s = run([{ type: 'paste-input', content: 'Ferry fares rise\n\nText.' }, { type: 'field', field: 'author', value: 'Ana Lopez' }, { type: 'field', field: 'title', value: 'My title' }, { type: 'preview' }]);
    expect(s.paste.preview.phase).toBe('loading');
    s = applyAdd(s, { type: 'previewed', seq: s.paste.previewSeq, preview: PREVIEW });
    expect(s.paste.fields).toEqual({ title: 'My title', outlet: 'Island Herald', author: 'Ana Lopez', published: '2024-03-04', url: '' });
    // The outlet came declared (not a guess); the date is a guess; typed fields are not.
    expect([...s.paste.guessed]).toEqual(['published']);
  });

  it('drops the answer to an older preview', () => {
    let s = run([{ type: 'paste-input', content: 'first text' }, { type: 'preview' }]);
    const old = s.paste.previewSeq;
    s = run([{ type: 'paste-input', content: 'second text' }, { type: 'preview' }], s);
    s = applyAdd(s, { type: 'previewed', seq: old, preview: PREVIEW });
    expect(s.paste.preview.phase).toBe('loading');
    expect(s.paste.fields.title).toBe('');
  });

  it('unmarks a guess the user edits, and sends only what the user gave or changed', () => {
    let s = run([{ type: 'paste-input', content: 'Text of it.' }, { type: 'preview' }]);
    s = run([{ type: 'previewed', seq: s.paste.previewSeq, preview: PREVIEW }, { type: 'field', field: 'published', value: '2024-03-05' }], s);
    expect(s.paste.guessed.has('published')).toBe(false);
    // The untouched guessed title is left for the server, which guesses it again (and marks it).
    expect(pasteBody(s.paste)).toEqual({ text: 'Text of it.', outlet: 'Island Herald', published: '2024-03-05' });
    expect(pasteBody({ ...s.paste, format: 'html' })).toMatchObject({ html: 'Text of it.' });
  });

  it('keeps everything typed when saving fails, and starts afresh once saved', () => {
    let s = run([{ type: 'paste-input', content: 'Words.' }, { type: 'field', field: 'url', value: 'nope' }, { type: 'save' }]);
    expect(s.paste.saving).toBe(true);
    // A second save while the first is under way changes nothing.
    expect(applyAdd(s, { type: 'save' })).toBe(s);
    s = applyAdd(s, { type: 'save-failed', message: 'not a URL' });
    expect(s.paste).toMatchObject({ saving: false, error: 'not a URL', content: 'Words.', fields: { url: 'nope' } });
    s = run([{ type: 'save' }, { type: 'saved', outcome: outcome('words') }], s);
    expect(s.paste).toMatchObject({ content: '', saving: false, error: null, saved: { source: { id: 'words' } } });
    expect(s.paste.fields.url).toBe('');
  });

  it('does not preview or save an empty text', () => {
    const s = run([{ type: 'paste-input', content: '  \n ' }]);
    expect(applyAdd(s, { type: 'preview' })).toBe(s);
    expect(applyAdd(s, { type: 'save' })).toBe(s);
  });

  it('tells a page’s source from an article’s text', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html><body>x')).toBe(true);
    expect(looksLikeHtml('<article><p>Text</p></article>')).toBe(true);
    expect(looksLikeHtml('The <b> tag is bold, said nobody.')).toBe(false);
  });
});

describe('the file queue', () => {
  it('sends one file at a time in order, goes on past a failure, and counts the run', () => {
    let s = run([{ type: 'files-chosen', files: [{ name: 'a.txt', size: 1 }, { name: 'b.pdf', size: 1 }, { name: 'c.md', size: 1 }] }]);
    expect(nextFile(s.files)).toBe(0);
    s = applyAdd(s, { type: 'file-sending', index: 0 });
    expect(nextFile(s.files)).toBeNull();
    expect(progressText(s.files)).toBe('Adding 1 of 3: a.txt');
    s = run([{ type: 'file-added', index: 0, outcome: outcome('a') }, { type: 'file-sending', index: 1 }, { type: 'file-failed', index: 1, message: 'unsupported' }], s);
    expect(nextFile(s.files)).toBe(2);
    // Files chosen during a run join it.
    s = applyAdd(s, { type: 'files-chosen', files: [{ name: 'd.html', size: 1 }] });
    expect(s.files.batch).toBe(0);
    s = run([{ type: 'file-sending', index: 2 }, { type: 'file-added', index: 2, outcome: outcome('c') }, { type: 'file-sending', index: 3 }, { type: 'file-added', index: 3, outcome: outcome('d') }], s);
    expect(isRunning(s.files)).toBe(false);
    expect(progressText(s.files)).toBe('Added 3 of 4 files; 1 failed.');
    // A later choice is a new run, counted on its own.
    s = applyAdd(s, { type: 'files-chosen', files: [{ name: 'e.txt', size: 1 }] });
    expect(s.files.batch).toBe(4);
    expect(nextFile(s.files)).toBe(4);
    expect(progressText(s.files)).toBe('Waiting to add 1 of 1');
  });
});

describe('the web address', () => {
  it('fetches once at a time, keeps the address after a failure and clears it after a success', () => {
    let s = run([{ type: 'fetch-url', url: 'https://example.org/a' }, { type: 'fetch' }]);
    expect(s.fetch.phase).toBe('fetching');
    expect(applyAdd(s, { type: 'fetch' })).toBe(s);
    s = applyAdd(s, { type: 'fetch-failed', message: 'timed out' });
    expect(s.fetch).toMatchObject({ phase: 'failed', url: 'https://example.org/a', message: 'timed out' });
    s = run([{ type: 'fetch' }, { type: 'fetched', outcome: outcome('a') }], s);
    expect(s.fetch).toMatchObject({ phase: 'done', url: '', outcome: { source: { id: 'a' } } });
    expect(applyAdd(run([{ type: 'fetch-url', url: '  ' }]), { type: 'fetch' }).fetch.phase).toBe('idle');
  });
});
