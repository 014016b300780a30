/**
 * The "Add sources" page (`#/add`): a pasted article, files, or a web address become sources (the
 * server computes their duplicate coverage and suggestions, so they show on the home page with
 * them). One state (add-state.ts) changed through dispatch; each part draws its slice
 * (paste-form.ts, file-drop.ts, fetch-form.ts); the API calls are started here, one file at a time.
 * Adding sources takes the editor role; the server refuses others and the refusal is shown.
 */
import './add.css';
import { denied } from '../account/session';
import { addSource, fetchSource, previewSource } from '../api/source-api';
import { createPageStore, type Page } from '../shared/page-store';
import { h } from '../ui/dom';
import { helpButton, pageHelp } from '../ui/help-dialog';
import { addErrorText } from './add-errors';
import { applyAdd, initialAddState, nextFile, pasteBody, type AddAction, type AddState } from './add-state';
import { fetchForm } from './fetch-form';
import { fileDrop } from './file-drop';
import { pasteForm } from './paste-form';

/** Largest file sent: what the API's `file.base64` (7,200,000 characters) can carry. */
const MAX_FILE_BYTES = 5_400_000;

/** The file's bytes as base64 (a data URL's payload: the browser encodes, no string building here). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Mount the page into `root`. */
export function addSourcesPage(root: HTMLElement): Page {
  const { help, destroy: destroyHelp } = pageHelp('add');
  document.title = 'Add sources · Collate';
  // Forms the server would refuse are not offered; the page says why instead.
  const refused = denied('source.import');
  if (refused) {
    root.replaceChildren(
      h('section', { class: 'home add-page', 'aria-labelledby': 'add-title' },
        h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
        h('div', { class: 'home-head' }, h('h1', { id: 'add-title' }, 'Add sources'), h('div', { class: 'home-actions' }, helpButton(help))),
        h('p', { class: 'form-error', role: 'alert', 'data-denied': refused }, refused),
      ),
    );
    return { destroy: destroyHelp };
  }
  /** The chosen files, in the order of the state's items. */
  const files: File[] = [];
  const paste = pasteForm((a) => store.dispatch(a));
  const drop = fileDrop((chosen) => {
    files.push(...chosen);
    store.dispatch({ type: 'files-chosen', files: chosen.map((f) => ({ name: f.name, size: f.size })) });
  });
  const web = fetchForm((a) => store.dispatch(a));

  const sendFile = async (index: number): Promise<void> => {
    const file = files[index];
    store.dispatch({ type: 'file-sending', index });
    try {
      if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} has ${file.size.toLocaleString('en')} bytes, more than the ${MAX_FILE_BYTES.toLocaleString('en')} a file may have`);
      const outcome = await addSource({ file: { name: file.name, base64: await readBase64(file) } });
      store.dispatch({ type: 'file-added', index, outcome });
    } catch (err) {
      store.dispatch({ type: 'file-failed', index, message: addErrorText(err) });
    }
  };

  const effect = (action: AddAction, s: AddState) => {
    switch (action.type) {
      case 'preview': {
        if (s.paste.preview.phase !== 'loading') return;
        const seq = s.paste.previewSeq;
        void previewSource(pasteBody(s.paste)).then(
          (preview) => store.dispatch({ type: 'previewed', seq, preview }),
          (err: unknown) => store.dispatch({ type: 'preview-failed', seq, message: addErrorText(err) }),
        );
        return;
      }
      case 'save':
        if (!s.paste.saving) return;
        void addSource(pasteBody(s.paste)).then(
          (outcome) => store.dispatch({ type: 'saved', outcome }),
          (err: unknown) => store.dispatch({ type: 'save-failed', message: addErrorText(err) }),
        );
        return;
      case 'fetch':
        if (s.fetch.phase !== 'fetching') return;
        void fetchSource({ url: s.fetch.url.trim() }).then(
          (outcome) => store.dispatch({ type: 'fetched', outcome }),
          (err: unknown) => store.dispatch({ type: 'fetch-failed', message: addErrorText(err) }),
        );
        return;
      case 'files-chosen':
      case 'file-added':
      case 'file-failed': {
        // One file at a time: the next starts when the last one has its answer.
        const next = nextFile(s.files);
        if (next !== null) void sendFile(next);
        return;
      }
      default:
        return;
    }
  };

  const render = (prev: AddState, next: AddState) => {
    if (prev.paste !== next.paste) paste.render(prev.paste, next.paste);
    if (prev.files !== next.files) drop.render(prev.files, next.files);
    if (prev.fetch !== next.fetch) web.render(prev.fetch, next.fetch);
  };

  const store = createPageStore(initialAddState(), applyAdd, { render, effect });
  const s = store.state;
  paste.render(null, s.paste);
  drop.render(null, s.files);
  web.render(null, s.fetch);

  root.replaceChildren(
    h('section', { class: 'home add-page', 'aria-labelledby': 'add-title' },
      h('nav', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All sources')),
      h('div', { class: 'home-head' }, h('h1', { id: 'add-title' }, 'Add sources'), h('div', { class: 'home-actions' }, helpButton(help))),
      h('p', { class: 'lead' }, 'Paste an article, add files, or give a web address. New sources appear on the home page with their duplicate coverage and suggestions.'),
      h('nav', { class: 'add-ways', 'aria-label': 'Ways to add' },
        h('a', { href: '#add-paste-title', onclick: (e: Event) => jump(e, 'add-paste-title', 'paste-content') }, 'Paste'), ' · ',
        h('a', { href: '#add-files-title', onclick: (e: Event) => jump(e, 'add-files-title', 'add-files-input') }, 'Files'), ' · ',
        h('a', { href: '#add-fetch-title', onclick: (e: Event) => jump(e, 'add-fetch-title', 'add-url') }, 'Web address'),
      ),
      paste.el,
      drop.el,
      web.el,
    ),
  );

  return {
    destroy() {
      store.close();
      destroyHelp();
    },
  };
}

/** Go to a part of the page without touching the hash (the router owns it) and focus its field. */
function jump(e: Event, heading: string, field: string): void {
  e.preventDefault();
  document.getElementById(heading)?.scrollIntoView({ block: 'start' });
  document.getElementById(field)?.focus({ preventScroll: true });
}
