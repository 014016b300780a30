/**
 * `exportAs`, the one entry point that turns an `ExportInput` into the text of a format. The format
 * descriptions live in format-info.ts and are re-exported here.
 */
import { exportClaimReviews } from './claimreview-export';
import { exportCsv } from './csv-export';
import type { ExportInput } from './export-input';
import type { ExportFormat } from './format-info';
import { exportMarkdown } from './markdown-report';
import { exportW3c } from './w3c-export';

export * from './format-info';

/**
 * The export as text in the given format: JSON formats pretty-printed with two spaces and a final
 * newline, CSV with CRLF records, Markdown ending with a newline.
 *
 * @throws RangeError for an unknown format, and as the W3C exporter (a target in a missing source).
 */
export function exportAs(format: ExportFormat, input: ExportInput): string {
  switch (format) {
    case 'w3c':
      return JSON.stringify(exportW3c(input), null, 2) + '\n';
    case 'csv':
      return exportCsv(input);
    case 'claimreview':
      return JSON.stringify(exportClaimReviews(input), null, 2) + '\n';
    case 'markdown':
      return exportMarkdown(input);
    default:
      throw new RangeError(`Unknown export format: ${String(format satisfies never)}`);
  }
}
