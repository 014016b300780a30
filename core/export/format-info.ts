/**
 * The export formats as data, so the HTTP route, the CLI and the UI agree on ids, content types and file
 * names. Kept free of imports, so the browser can load it without the exporters.
 */

export const EXPORT_FORMAT_IDS = ['w3c', 'csv', 'claimreview', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];

/** What a client needs to know to offer and save a format. */
export interface FormatInfo {
  id: ExportFormat;
  /** For the Content-Type header. */
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  label: string;
}

export const EXPORT_FORMATS: Readonly<Record<ExportFormat, FormatInfo>> = {
  w3c: {
    id: 'w3c',
    contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension: 'jsonld',
    label: 'W3C Web Annotation (JSON-LD)',
  },
  csv: { id: 'csv', contentType: 'text/csv; charset=utf-8', extension: 'csv', label: 'CSV spreadsheet' },
  claimreview: {
    id: 'claimreview',
    contentType: 'application/ld+json',
    extension: 'jsonld',
    label: 'schema.org ClaimReview (JSON-LD)',
  },
  markdown: { id: 'markdown', contentType: 'text/markdown; charset=utf-8', extension: 'md', label: 'Markdown report' },
};

/** Whether a string (a query parameter, a CLI flag) names a format. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMAT_IDS as readonly string[]).includes(value);
}

/**
 * A file name for an export, e.g. `default.w3c.jsonld`, `fact check.csv`: the set name with characters
 * that file systems reject replaced, the format id where the extension alone is ambiguous.
 */
export function exportFileName(format: ExportFormat, setName: string): string {
  const base = setName.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_') || 'export';
  const info = EXPORT_FORMATS[format];
  return info.extension === 'jsonld' ? `${base}.${format}.${info.extension}` : `${base}.${info.extension}`;
}
