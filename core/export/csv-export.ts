/**
 * CSV export for spreadsheets: one row per target (passage), columns in the order of `CSV_COLUMNS`.
 *
 * Written for spreadsheet programs: RFC 4180 quoting (fields holding a comma, quote or line break are
 * quoted, quotes doubled), CRLF between records, UTF-8 with an optional byte order mark. Formula
 * injection guard: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 * full-width forms) gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text
 * instead of evaluating it (csv-stringify's `escape_formulas`). Numeric cells (start, end) are not touched.
 */
import { stringify } from 'csv-stringify/sync';
import { type Annotation, VERDICT_LABELS } from '../model';
import type { ExportInput } from './export-input';
import { resolveOptions } from './export-input';

/** The columns, in order, with what they hold (for the README). */
export const CSV_COLUMNS = [
  { key: 'id', description: 'Annotation id; an annotation with several passages has one row per passage.' },
  { key: 'set', description: 'Annotation set name.' },
  { key: 'kind', description: 'claim, inconsistency, note or reuse.' },
  { key: 'source', description: 'Id of the source this row\'s passage is in.' },
  { key: 'outlet', description: 'Outlet of that source.' },
  { key: 'start', description: 'Start offset of the passage (UTF-16 code units, as everywhere in Collate); empty when the passage is orphaned (no longer in the text).' },
  { key: 'end', description: 'End offset of the passage (exclusive); empty when orphaned.' },
  { key: 'exact', description: 'The quoted passage.' },
  { key: 'tags', description: 'Tags, separated by "; ".' },
  { key: 'note', description: 'The note; may span several lines.' },
  { key: 'claimant', description: 'Claims: who made the claim.' },
  { key: 'verdict', description: 'Claims: the verdict label (Unverified, True, Mostly true, ...).' },
  { key: 'evidence', description: 'Claims: evidence items, one per line.' },
  { key: 'creator', description: 'Who created the annotation.' },
  { key: 'created', description: 'Creation time (ISO 8601).' },
  { key: 'modified', description: 'Last change (ISO 8601).' },
  {
    key: 'linked_targets',
    description: 'The other passages of the same annotation, as "source:start-end" separated by "; ".',
  },
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number]['key'];

/** A UTF-8 byte order mark, as a string. */
const BOM = '\uFEFF';

/** The rows (header first) as cell values, before quoting; exposed for tests and other tabular outputs. */
export function csvRows(input: ExportInput): (string | number)[][] {
  const rows: (string | number)[][] = [CSV_COLUMNS.map((c) => c.key)];
  for (const a of input.annotations) {
    a.targets.forEach((target, i) => {
      const record: Record<CsvColumn, string | number> = {
        id: a.id,
        set: a.set,
        kind: a.kind,
        source: target.source,
        outlet: input.sources.get(target.source)?.outlet ?? '',
        // An orphaned passage has no place in the current text: its old offsets would mislead.
        start: target.orphaned ? '' : target.start,
        end: target.orphaned ? '' : target.end,
        exact: target.exact,
        tags: a.tags.join('; '),
        note: a.note,
        claimant: a.claim?.claimant ?? '',
        verdict: a.claim ? VERDICT_LABELS[a.claim.verdict] : '',
        evidence: a.claim?.evidence.join('\n') ?? '',
        creator: a.creator,
        created: a.created,
        modified: a.modified,
        linked_targets: linkedTargets(a, i),
      };
      rows.push(CSV_COLUMNS.map((c) => record[c.key]));
    });
  }
  return rows;
}

/** The CSV text; see the module comment for quoting and the formula guard. */
export function exportCsv(input: ExportInput): string {
  const { csvBom } = resolveOptions(input.set, input.options);
  const text = stringify(csvRows(input), {
    record_delimiter: 'windows',
    escape_formulas: true,
    // Cells that merely hold a CR or LF still get quoted with a custom record delimiter.
    quote_record_delimiter: true,
  });
  // The BOM is added here rather than through csv-stringify, whose BOM is a Node Buffer.
  return csvBom ? BOM + text : text;
}

function linkedTargets(a: Annotation, self: number): string {
  return a.targets
    .filter((_, i) => i !== self)
    .map((t) => `${t.source}:${t.start}-${t.end}`)
    .join('; ');
}
