/**
 * The sentence after an import: what was added, what was already here (same id and content), and
 * "nothing new" when a file is imported again; servers that do not count duplicates still read well.
 */
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../../client/transfer/import-summary';

describe('importSummary', () => {
  it('reports annotations added, singular and plural', () => {
    expect(importSummary({ imported: 1, skipped: 0 })).toBe('Imported 1 annotation.');
    expect(importSummary({ imported: 3 })).toBe('Imported 3 annotations.');
  });

  it('adds how many were already here', () => {
    expect(importSummary({ imported: 2, skipped: 1 })).toBe('Imported 2 annotations; 1 was already here.');
    expect(importSummary({ imported: 1, skipped: 5 })).toBe('Imported 1 annotation; 5 were already here.');
  });

  it('says nothing new when every annotation was already here', () => {
    expect(importSummary({ imported: 0, skipped: 4 })).toBe('Nothing new: all 4 annotations are already here.');
    expect(importSummary({ imported: 0, skipped: 1 })).toBe('Nothing new: the 1 annotation is already here.');
    expect(importSummary({ imported: 0, skipped: 0 })).toBe('Imported 0 annotations.');
  });

  it('names the sets the import created', () => {
    expect(importSummary({ imported: 2, skipped: 0, setsCreated: ['press'] })).toBe('Imported 2 annotations. New set: press.');
  });
});
