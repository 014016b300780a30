/**
 * CSV export: parsed back with a small RFC 4180 reader written here, so quoting, line breaks in notes,
 * CRLF records, the BOM option and the formula guard are checked from the reader's side.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsv } from '../../../core/export';
import { csvCell } from '../../../core/export/csv-export';
import { ALL_ANNOTATIONS, CLAIM_MISLEADING, CLAIM_MOSTLY_TRUE, INCONSISTENCY, NOTE_WITH_TAGS, REUSE, SEEDS, populatedInput } from './fixtures';

/** RFC 4180: records end with CRLF, fields are separated by commas, quoted fields double their quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (ch === '\n' || ch === '\r' || ch === '"') {
      throw new Error(`bare ${JSON.stringify(ch)} outside quotes at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const COLUMN = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof CSV_COLUMNS)[number]['key'], number>;

function rowsOf(id: string, records: string[][]): string[][] {
  return records.filter((r) => r[COLUMN.id] === id);
}

describe('CSV export', () => {
  const text = exportCsv(populatedInput());
  const records = parseCsv(text);

  it('has the documented columns in order, then one row per target', () => {
    expect(records[0]).toEqual([
      'id', 'set', 'kind', 'source', 'outlet', 'start', 'end', 'exact', 'tags', 'note', 'claimant', 'verdict',
      'evidence', 'creator', 'created', 'modified', 'linked_targets', 'source_revision', 'changed_from',
    ]);
    const targets = ALL_ANNOTATIONS.reduce((n, a) => n + a.targets.length, 0);
    expect(records).toHaveLength(1 + targets);
    expect(records.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it('leaves the offsets of an orphaned passage empty, keeping its quote', () => {
    const input = populatedInput();
    const orphan = { ...NOTE_WITH_TAGS, targets: NOTE_WITH_TAGS.targets.map((t) => ({ ...t, orphaned: true })) };
    const rows = rowsOf(orphan.id, parseCsv(exportCsv({ ...input, annotations: [orphan] })));
    expect(rows).toHaveLength(orphan.targets.length);
    expect(rows[0][COLUMN.start]).toBe('');
    expect(rows[0][COLUMN.end]).toBe('');
    expect(rows[0][COLUMN.exact]).toBe(orphan.targets[0].exact);
  });

  it('says which revision of the source a passage quotes, and what it said before its words changed', () => {
    const input = populatedInput();
    const moved = { ...NOTE_WITH_TAGS, targets: NOTE_WITH_TAGS.targets.map((t) => ({ ...t, revision: 3, changedFrom: { exact: 'the words as annotated', revision: 2 } })) };
    const [row] = rowsOf(moved.id, parseCsv(exportCsv({ ...input, annotations: [moved] })));
    expect(row[COLUMN.source_revision]).toBe('3');
    expect(row[COLUMN.changed_from]).toBe('the words as annotated');
    const [plain] = rowsOf(NOTE_WITH_TAGS.id, parseCsv(exportCsv({ ...input, annotations: [NOTE_WITH_TAGS] })));
    expect([plain[COLUMN.source_revision], plain[COLUMN.changed_from]]).toEqual(['', '']);
  });

  it('separates records with CRLF and ends with one', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted fields, every line break is a CRLF record end.
    const unquoted = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(unquoted.split('\r\n')).toHaveLength(records.length + 1);
    expect(unquoted.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('keeps notes with line breaks, quotes and commas intact', () => {
    const [row] = rowsOf(NOTE_WITH_TAGS.id, records);
    expect(row[COLUMN.note]).toBe(NOTE_WITH_TAGS.note);
    expect(row[COLUMN.tags]).toBe('typo; copy-edit');
    const [claim] = rowsOf(CLAIM_MOSTLY_TRUE.id, records);
    expect(claim[COLUMN.note]).toBe(CLAIM_MOSTLY_TRUE.note);
    expect(claim[COLUMN.evidence]).toBe(CLAIM_MOSTLY_TRUE.claim!.evidence.join('\n'));
  });

  it('writes claim details, offsets and outlets', () => {
    const [row] = rowsOf(CLAIM_MOSTLY_TRUE.id, records);
    const t = CLAIM_MOSTLY_TRUE.targets[0];
    expect(row[COLUMN.verdict]).toBe('Mostly true');
    expect(row[COLUMN.claimant]).toBe('Frank Rose');
    expect(row[COLUMN.source]).toBe(SEEDS.gsnRenews);
    expect(row[COLUMN.outlet]).toBe('Global Security Newswire');
    expect([Number(row[COLUMN.start]), Number(row[COLUMN.end]), row[COLUMN.exact]]).toEqual([t.start, t.end, t.exact]);
  });

  it('lists the other targets of linking annotations', () => {
    const rows = rowsOf(REUSE.id, records);
    expect(rows).toHaveLength(3);
    const [a, b, c] = REUSE.targets.map((t) => `${t.source}:${t.start}-${t.end}`);
    expect(rows.map((r) => r[COLUMN.linked_targets])).toEqual([`${b}; ${c}`, `${a}; ${c}`, `${a}; ${b}`]);
    expect(rowsOf(INCONSISTENCY.id, records)[0][COLUMN.linked_targets]).toBe(
      `${INCONSISTENCY.targets[1].source}:${INCONSISTENCY.targets[1].start}-${INCONSISTENCY.targets[1].end}`,
    );
  });

  it('puts an apostrophe before cells that would start a formula, but not before numbers', () => {
    const [row] = rowsOf(CLAIM_MISLEADING.id, records);
    expect(row[COLUMN.note]).toBe(`'${CLAIM_MISLEADING.note}`);
    const guarded = exportCsv(
      populatedInput({
        annotations: [{ ...NOTE_WITH_TAGS, note: '+SUM(A1)', tags: ['@here', '-1', 'ok'], creator: '=1+1' }],
      }),
    );
    const [, r] = parseCsv(guarded);
    expect(r[COLUMN.note]).toBe("'+SUM(A1)");
    expect(r[COLUMN.tags]).toBe("'@here; -1; ok");
    expect(r[COLUMN.creator]).toBe("'=1+1");
    expect(r[COLUMN.start]).toMatch(/^\d+$/);
  });

  it('guards every formula start, full-width forms included, and quotes a lone CR or LF', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      const [cell] = parseCsv(`${csvCell(`${start}1`)}\r\n`)[0];
      expect(cell).toBe(`'${start}1`);
    }
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('')).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });

  it('guards a formula behind leading whitespace: spaces, tabs, line breaks, no-break and other Unicode spaces', () => {
    for (const space of [' ', '  ', '\t', '\n', '\r\n', '\u00A0', '\u2003', '\u3000', '\u200B', '\uFEFF', ' \n\u00A0']) {
      for (const start of ['=', '+', '-', '@', '\uFF1D']) {
        const value = `${space}${start}HYPERLINK("https://evil.example")`;
        const [cell] = parseCsv(`${csvCell(value)}\r\n`)[0];
        expect(cell, JSON.stringify(value)).toBe(`'${value}`);
      }
    }
    // Whitespace before ordinary text is left alone.
    expect(csvCell(' plain')).toBe(' plain');
    expect(csvCell('\u00A0note')).toBe('\u00A0note');
  });

  it('starts with a byte order mark only when asked', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = exportCsv(populatedInput({ options: { csvBom: true } }));
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(withBom.slice(1)).toBe(text);
  });

  it('keeps characters outside the BMP', () => {
    const astral = records.find((r) => r[COLUMN.exact].includes('🚀'));
    expect(astral?.[COLUMN.tags]).toBe('𝔘nicode');
  });
});
