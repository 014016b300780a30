import { describe, expect, it } from 'vitest';
import { checkImportText, importProblems } from '../../../client/transfer/import-payload';

describe('checkImportText', () => {
  it('accepts an object or a list', () => {
    expect(checkImportText('{"type":"Annotation"}')).toEqual({ ok: true });
    expect(checkImportText('[]')).toEqual({ ok: true });
  });

  it('refuses empty input, broken JSON and bare values with a reason', () => {
    const empty = checkImportText('  ');
    const broken = checkImportText('{"type": ');
    const bare = checkImportText('42');
    for (const r of [empty, broken, bare]) expect(r.ok).toBe(false);
    expect(broken.ok === false && broken.message).toMatch(/not valid JSON/);
  });
});

describe('importProblems', () => {
  it('reads the errors of an import_failed answer', () => {
    expect(importProblems({ errors: [{ path: 'items[0].target', message: 'missing' }] })).toEqual([{ path: 'items[0].target', message: 'missing' }]);
  });

  it('tolerates list paths, missing messages and no list at all', () => {
    expect(importProblems({ errors: [{ path: ['items', 2, 'body'] }] })).toEqual([{ path: 'items.2.body', message: 'invalid' }]);
    expect(importProblems(undefined)).toEqual([]);
    expect(importProblems({ errors: 'nope' })).toEqual([]);
  });
});
