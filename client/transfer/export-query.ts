/**
 * The choices of the export dialog and the `/api/export` URL they make. Pure code, unit tested: the
 * query carries only the filters the user set, so an empty field never filters on "".
 */
import type { ExportFormat } from '../../core/export/formats';
import type { Kind } from '../../core/model';

/** The formats offered, in menu order, with the labels users see. */
export const FORMAT_CHOICES: readonly { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'w3c', label: 'W3C Web Annotation (JSON-LD)', hint: 'The full record; can be imported again.' },
  { id: 'csv', label: 'CSV spreadsheet', hint: 'One row per annotation and passage.' },
  { id: 'claimreview', label: 'ClaimReview (schema.org JSON-LD)', hint: 'Claims with a verdict, for fact-check publishing.' },
  { id: 'markdown', label: 'Markdown report', hint: 'A readable report grouped by source.' },
];

/** What the user picked in the export dialog. Empty strings mean "no filter". */
export interface ExportChoices {
  format: ExportFormat;
  set: string;
  source?: string;
  kind?: Kind | '';
  tag?: string;
  /** CSV only: start the file with a byte order mark so Excel reads UTF-8. */
  bom?: boolean;
}

/** The export URL (path and query) for `choices`. */
export function exportUrl(choices: ExportChoices): string {
  const q = new URLSearchParams({ format: choices.format });
  const add = (key: string, value: string | undefined) => {
    const v = value?.trim();
    if (v) q.set(key, v);
  };
  add('set', choices.set);
  add('source', choices.source);
  add('kind', choices.kind);
  add('tag', choices.tag);
  if (choices.format === 'csv' && choices.bom) q.set('bom', '1');
  return `/api/export?${q.toString()}`;
}
