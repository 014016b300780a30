import { describe, expect, it } from 'vitest';
import { exportUrl } from '../../../client/transfer/export-query';

function params(url: string): Record<string, string> {
  expect(url.startsWith('/api/export?')).toBe(true);
  return Object.fromEntries(new URL(url, 'http://x').searchParams);
}

describe('exportUrl', () => {
  it('carries the format and only the filters that are set', () => {
    expect(params(exportUrl({ format: 'w3c', set: 'default', source: '', kind: '', tag: '  ' }))).toEqual({ format: 'w3c', set: 'default' });
  });

  it('carries every filter, encoded', () => {
    expect(params(exportUrl({ format: 'markdown', set: 'fact check', source: 'gsn-x', kind: 'claim', tag: 'a&b' }))).toEqual({
      format: 'markdown',
      set: 'fact check',
      source: 'gsn-x',
      kind: 'claim',
      tag: 'a&b',
    });
  });

  it('asks for a byte order mark only for CSV', () => {
    expect(params(exportUrl({ format: 'csv', set: 'default', bom: true })).bom).toBe('1');
    expect(params(exportUrl({ format: 'csv', set: 'default', bom: false })).bom).toBeUndefined();
    expect(params(exportUrl({ format: 'w3c', set: 'default', bom: true })).bom).toBeUndefined();
  });
});
