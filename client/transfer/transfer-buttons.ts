/**
 * "Export…" and "Import…" buttons for a page toolbar (the home page, the viewer), opening the
 * transfer dialogs. The page passes what to preselect and what to reload after an import.
 */
import { guard } from '../account/denied-control';
import { h } from '../ui/dom';
import { openExportDialog, type ExportDialogOptions } from './export-dialog';
import { openImportDialog } from './import-dialog';

/** The two buttons in a group; `exportOptions` is read at click time so it can follow the page. */
export function transferButtons(opts: { exportOptions?: () => ExportDialogOptions; onImported?: () => void } = {}): HTMLElement {
  return h('div', { class: 'transfer-actions', role: 'group', 'aria-label': 'Export and import' },
    h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'export', onclick: () => openExportDialog(opts.exportOptions?.() ?? {}) }, 'Export…'),
    guard(h('button', { type: 'button', class: 'btn btn-small', 'data-action': 'import', onclick: () => openImportDialog(opts.onImported ?? (() => {})) }, 'Import…'), 'annotation.import'),
  );
}
