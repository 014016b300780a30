/** The format registry and `exportAs`. */
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, exportAs, exportFileName, isExportFormat } from '../../../core/export';
import { populatedInput } from './fixtures';

describe('export formats', () => {
  it('describes each format under its own id', () => {
    for (const id of EXPORT_FORMAT_IDS) expect(EXPORT_FORMATS[id].id).toBe(id);
    expect(EXPORT_FORMATS.csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', extension: 'csv' });
    expect(EXPORT_FORMATS.markdown.extension).toBe('md');
    expect(EXPORT_FORMATS.w3c.contentType).toContain('application/ld+json');
  });

  it('recognises format names', () => {
    expect(EXPORT_FORMAT_IDS.every(isExportFormat)).toBe(true);
    expect(isExportFormat('json')).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });

  it('names files after the set, keeping JSON-LD formats apart', () => {
    expect(exportFileName('w3c', 'fact check')).toBe('fact check.w3c.jsonld');
    expect(exportFileName('claimreview', 'default')).toBe('default.claimreview.jsonld');
    expect(exportFileName('csv', 'a/b')).toBe('a_b.csv');
  });

  it('writes each format as text of that format', () => {
    const input = populatedInput();
    expect(JSON.parse(exportAs('w3c', input)).type).toBe('AnnotationCollection');
    expect(Array.isArray(JSON.parse(exportAs('claimreview', input)))).toBe(true);
    expect(exportAs('csv', input).startsWith('id,set,kind,')).toBe(true);
    expect(exportAs('markdown', input).startsWith('# Collate report')).toBe(true);
    expect(() => exportAs('pdf' as never, input)).toThrow(RangeError);
  });

  it('throws RangeError for W3C export of a target whose source is missing', () => {
    expect(() => exportAs('w3c', populatedInput({ sources: new Map() }))).toThrow(RangeError);
    expect(exportAs('csv', populatedInput({ sources: new Map() }))).toContain('fact check');
  });
});
