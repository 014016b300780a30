/**
 * CSV export for spreadsheets: one row per target (passage), columns in the order of `CSV_COLUMNS`.
 *
 * Written for spreadsheet programs: RFC 4180 quoting (fields holding a comma, quote or line break are
 * quoted, quotes doubled), CRLF after every record, UTF-8 with an optional byte order mark. Formula
 * injection guard: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or the
 * full-width forms of the first four) gets a leading apostrophe, so Excel, LibreOffice and Google Sheets
 * show it as text instead of evaluating it (the characters OWASP's "CSV Injection" page lists, plus the
 * full-width forms Apple Numbers normalises). So does one where whitespace comes before those
 * characters (spaces, line breaks, no-break and other Unicode spaces, zero-width ones), since
 * spreadsheets trim it on import and then see the formula. Numeric cells (start, end) are not touched.
 *
 * The writer is these few lines rather than a CSV library: the one used before ships typings that
 * pull in Node's types, and this module must compile without them (it also runs in the browser).
 */
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
  { key: 'source_revision', description: 'The revision of the source the passage was made on or last re-anchored to; empty when unknown.' },
  { key: 'changed_from', description: 'When the passage\'s words changed in a later revision of the source: the quote as it was annotated.' },
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number]['key'];

/** A UTF-8 byte order mark, as a string. */
const BOM = '\uFEFF';
/**
 * A text cell starting with one of these would be read as a formula: a formula character after any
 * run of whitespace (`\s` is every Unicode space and line break, and the BOM; the zero-width
 * characters are added), or a tab or carriage return on its own.
 */
const FORMULA_START = /^(?:[\s\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/;
/** A cell holding one of these must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

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
        source_revision: target.revision ?? '',
        changed_from: target.changedFrom?.exact ?? '',
      };
      rows.push(CSV_COLUMNS.map((c) => record[c.key]));
    });
  }
  return rows;
}

/** The CSV text; see the module comment for quoting and the formula guard. */
export function exportCsv(input: ExportInput): string {
  const { csvBom } = resolveOptions(input.set, input.options);
  const text = csvRows(input)
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('');
  return csvBom ? BOM + text : text;
}

/** One cell as CSV text: the formula guard on text cells, then RFC 4180 quoting where needed. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function linkedTargets(a: Annotation, self: number): string {
  return a.targets
    .filter((_, i) => i !== self)
    .map((t) => `${t.source}:${t.start}-${t.end}`)
    .join('; ');
}
