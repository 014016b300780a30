/**
 * The export dialog: format, set, optional source, kind and tag filters, and for CSV a byte order
 * mark for Excel. "Download" fetches the export and saves it under the server's file name; an error
 * answer (an unknown set, a bad filter) is shown in the dialog, which stays open. An export holding
 * no annotation (the server's X-Collate-Count is 0) is not saved at once: the dialog says why it is
 * empty and the button becomes "Download anyway", which saves it on the next press.
 */
import './transfer.css';
import type { ExportFormat } from '../../core/export/formats';
import { DEFAULT_SET, KINDS, KIND_LABELS, type Kind } from '../../core/model';
import { errorMessage } from '../api/api-error';
import { listSets, listSources } from '../api/client';
import { h } from '../ui/dom';
import { showStatus } from '../ui/status';
import { fileNameFromDisposition } from './content-disposition';
import { FORMAT_CHOICES, exportUrl } from './export-query';
import { openModal, type Modal } from '../ui/modal-dialog';
import { fetchDownload, saveBlob } from './transfer-api';

/** Preselections of the export dialog. */
export interface ExportDialogOptions {
  set?: string;
  source?: string;
}

let fieldCounter = 0;

function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  control.id ||= `xf${++fieldCounter}`;
  const hintEl = hint ? h('span', { class: 'field-hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/** What the dialog says when the filters leave nothing to export in `format`. */
export function nothingToExportMessage(format: string): string {
  const why = format === 'claimreview' ? ' (ClaimReview includes only claims with a verdict other than Unverified)' : '';
  return `Nothing to export with these filters${why}. Change the filters, or press “Download anyway” to save the empty file.`;
}

/** Open the export dialog; it loads the sets and sources to offer, then waits for "Download". */
export function openExportDialog(opts: ExportDialogOptions = {}): Modal {
  /** The URL of an export found empty and already reported: pressing again saves it. */
  let warnedEmpty: string | null = null;
  const format = h('select', { name: 'format' }, FORMAT_CHOICES.map((f) => h('option', { value: f.id }, f.label)));
  const formatHint = h('span', { class: 'field-hint' });
  const set = h('select', { name: 'set' }, h('option', { value: opts.set ?? DEFAULT_SET }, opts.set ?? DEFAULT_SET));
  const source = h('select', { name: 'source' }, h('option', { value: '' }, 'All sources'));
  if (opts.source) source.append(h('option', { value: opts.source, selected: true }, opts.source));
  const kind = h('select', { name: 'kind' }, h('option', { value: '' }, 'All kinds'), KINDS.map((k) => h('option', { value: k }, KIND_LABELS[k])));
  const tag = h('input', { type: 'text', name: 'tag', autocomplete: 'off', placeholder: 'e.g. attribution' });
  const bom = h('input', { type: 'checkbox', name: 'bom', id: `xf${++fieldCounter}` });
  const bomRow = h('div', { class: 'field field-check' }, bom, h('label', { for: bom.id }, 'Add a byte order mark for Excel (CSV)'));

  const syncFormat = () => {
    const choice = FORMAT_CHOICES.find((f) => f.id === format.value);
    formatHint.textContent = choice?.hint ?? '';
    bomRow.hidden = format.value !== 'csv';
  };
  format.addEventListener('change', syncFormat);
  syncFormat();

  const formatField = field('Format', format);
  formatField.append(formatHint);
  const modal = openModal({
    title: 'Export annotations',
    className: 'export-dialog',
    submitLabel: 'Download',
    body: [
      formatField,
      field('Annotation set', set),
      h('fieldset', { class: 'modal-filters' },
        h('legend', {}, 'Only include (optional)'),
        h('div', { class: 'modal-grid' }, field('Source', source), field('Kind', kind), field('Tag', tag)),
      ),
      bomRow,
    ],
    onSubmit: async () => {
      modal.showError(null);
      modal.showNote('Preparing the download…');
      const url = exportUrl({
        format: format.value as ExportFormat,
        set: set.value,
        source: source.value,
        kind: kind.value as Kind | '',
        tag: tag.value,
        bom: bom.checked,
      });
      try {
        const download = await fetchDownload(url);
        if (download.count === 0 && warnedEmpty !== url) {
          warnedEmpty = url;
          modal.showNote(nothingToExportMessage(format.value));
          modal.submit.textContent = 'Download anyway';
          return false;
        }
        // The server names the file (`<set>.<source>.<ext>` with a source filter); this only serves without its header.
        const fallback = `${[set.value || 'export', source.value].filter(Boolean).join('.')}.${format.value === 'csv' ? 'csv' : format.value === 'markdown' ? 'md' : 'jsonld'}`;
        const name = fileNameFromDisposition(download.disposition, fallback);
        saveBlob(download.blob, name);
        showStatus(`Exported to ${name}.`, 'success');
        return true;
      } catch (err) {
        modal.showNote(null);
        modal.showError(`Export failed: ${errorMessage(err)}`);
        return false;
      }
    },
  });

  // Changed filters make a new export: the empty-export warning no longer applies.
  const forgetEmpty = () => {
    if (warnedEmpty === null) return;
    warnedEmpty = null;
    modal.submit.textContent = 'Download';
    modal.showNote(null);
  };
  modal.form.addEventListener('change', forgetEmpty);
  modal.form.addEventListener('input', forgetEmpty);

  // Fill the set and source lists; the dialog is usable with the preselection meanwhile.
  void Promise.all([listSets(), listSources()])
    .then(([sets, sources]) => {
      const wantedSet = set.value;
      set.replaceChildren(...sets.map((s) => h('option', { value: s.name, selected: s.name === wantedSet }, `${s.name} (${s.count})`)));
      if (!sets.some((s) => s.name === wantedSet)) set.prepend(h('option', { value: wantedSet, selected: true }, wantedSet));
      const wantedSource = source.value;
      source.replaceChildren(
        h('option', { value: '' }, 'All sources'),
        ...sources.map((s) => h('option', { value: s.id, selected: s.id === wantedSource }, `${s.outlet}: ${s.title}`)),
      );
    })
    .catch((err: unknown) => modal.showError(`Could not load the sets and sources: ${errorMessage(err)}`));
  return modal;
}
