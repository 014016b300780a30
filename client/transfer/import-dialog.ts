/**
 * The import dialog: a W3C Web Annotation JSON-LD file (or pasted JSON) sent to /api/import, which
 * imports all of it or nothing. A refusal lists each problem with its JSON path; a file over the
 * server's size limit is named as such; a success reports, in the dialog until it is closed, how many
 * annotations arrived and how many were already here.
 */
import './transfer.css';
import { ApiError, errorMessage } from '../api/api-error';
import { listSets } from '../api/client';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import { checkImportText, importProblems } from './import-payload';
import { importSummary } from './import-summary';
import { openModal, type Modal } from '../ui/modal-dialog';
import { postImport } from './transfer-api';

/** Problems listed in full; the rest are counted, so a broken large file keeps the dialog usable. */
const MAX_LISTED = 50;

let fieldCounter = 0;

/** Open the import dialog; `onImported` runs after a successful import (to reload lists). */
export function openImportDialog(onImported: () => void): Modal {
  const uid = `imp${++fieldCounter}`;
  const file = h('input', { type: 'file', id: `${uid}-file`, name: 'file', accept: '.json,.jsonld,application/json,application/ld+json' });
  const fileInfo = h('span', { class: 'field-hint', id: `${uid}-file-hint` }, 'A .json or .jsonld file exported from Collate or another W3C annotation tool.');
  file.setAttribute('aria-describedby', fileInfo.id);
  const paste = h('textarea', { id: `${uid}-paste`, name: 'json', rows: 6, spellcheck: 'false', placeholder: '{ "@context": "http://www.w3.org/ns/anno.jsonld", … }' });
  const set = h('select', { id: `${uid}-set`, name: 'set' }, h('option', { value: '' }, 'Keep the sets named in the file'));

  // The file, once read, fills the text area: what is sent is always what the user can see.
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    modal.showError(null);
    modal.showNote(null);
    chosen.text().then(
      (text) => {
        paste.value = text;
        fileInfo.textContent = `${chosen.name}: ${chosen.size.toLocaleString('en')} bytes`;
      },
      (err: unknown) => modal.showError(`Could not read ${chosen.name}: ${errorMessage(err)}`),
    );
  });

  const modal = openModal({
    title: 'Import annotations',
    className: 'import-dialog',
    submitLabel: 'Import',
    body: [
      h('div', { class: 'field' }, h('label', { for: file.id }, 'File'), file, fileInfo),
      h('div', { class: 'field' }, h('label', { for: paste.id }, 'or paste JSON'), paste),
      h('div', { class: 'field' }, h('label', { for: set.id }, 'Into set'), set),
      h('p', { class: 'field-hint' }, 'Nothing is imported unless every annotation in it is valid.'),
    ],
    onSubmit: async () => {
      modal.showError(null);
      modal.showNote(null);
      const text = paste.value;
      const check = checkImportText(text);
      if (!check.ok) {
        modal.showError(check.message);
        return false;
      }
      try {
        const result = await postImport(text, set.value || undefined);
        const message = importSummary(result);
        // The summary stays in the dialog until the user closes it; the page refreshes behind it.
        modal.showNote(message);
        modal.finish();
        showStatus(message, 'success');
        onImported();
        return false;
      } catch (err) {
        modal.showError(...failureOf(err));
        return false;
      }
    },
  });

  void listSets()
    .then((sets) => set.append(...sets.map((s) => h('option', { value: s.name }, s.name))))
    .catch(() => {
      // The sets named in the file still work; only the override is missing.
    });
  return modal;
}

function failureOf(err: unknown): [string, string[]] {
  if (!(err instanceof ApiError)) return [`Import failed: ${errorMessage(err)}`, []];
  if (err.status === 413) return [`This file is too large to import: ${err.message}. Split it into smaller files.`, []];
  if (err.status === 422 && err.code === 'import_failed') {
    const problems = importProblems(err.details);
    const listed = problems.slice(0, MAX_LISTED).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more`);
    const n = problems.length;
    return [`Nothing was imported: ${n} problem${n === 1 ? '' : 's'} found in the file.`, listed];
  }
  if (err.status === 400) return [`The server could not read this JSON: ${err.message}`, []];
  return [`Import failed: ${errorMessage(err)}`, []];
}
