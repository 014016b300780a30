/** The export and import UI. */
export { openExportDialog, type ExportDialogOptions } from './export-dialog';
export { openImportDialog } from './import-dialog';
export { transferButtons } from './transfer-buttons';
