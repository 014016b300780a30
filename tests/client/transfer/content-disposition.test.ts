import { describe, expect, it } from 'vitest';
import { fileNameFromDisposition } from '../../../client/transfer/content-disposition';

describe('fileNameFromDisposition', () => {
  it('prefers the UTF-8 name', () => {
    expect(fileNameFromDisposition(`attachment; filename="r_sum_.csv"; filename*=UTF-8''r%C3%A9sum%C3%A9.csv`, 'x')).toBe('résumé.csv');
  });

  it('reads a quoted or bare plain name', () => {
    expect(fileNameFromDisposition('attachment; filename="fact check.csv"', 'x')).toBe('fact check.csv');
    expect(fileNameFromDisposition('attachment; filename=default.md', 'x')).toBe('default.md');
  });

  it('neutralises path separators', () => {
    expect(fileNameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('.._.._etc_passwd');
  });

  it('falls back when there is no usable name', () => {
    expect(fileNameFromDisposition(null, 'default.csv')).toBe('default.csv');
    expect(fileNameFromDisposition('attachment', 'default.csv')).toBe('default.csv');
    expect(fileNameFromDisposition('attachment; filename=".."', 'default.csv')).toBe('default.csv');
  });
});
