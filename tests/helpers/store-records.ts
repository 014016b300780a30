/**
 * Records for the store tests: a plain annotation on one or more sources, each with a new id, so
 * tests of every store build their data the same way.
 */
import type { Annotation } from '../../core/model';

let made = 0;

/** A note on `source` (an inconsistency when given several), with `extra` laid over it. */
export function noteOn(source: string | string[], extra: Partial<Annotation> = {}): Annotation {
  const sources = Array.isArray(source) ? source : [source];
  return {
    id: `a_test${++made}`,
    revision: 1,
    created: '2026-11-22T00:00:00.000Z',
    modified: '2026-11-22T00:00:00.000Z',
    creator: 'tester',
    set: 'default',
    kind: sources.length > 1 ? 'inconsistency' : 'note',
    targets: sources.map((s) => ({ source: s, start: 0, end: 4, exact: 'text', prefix: '', suffix: '' })),
    tags: [],
    note: '',
    ...extra,
  };
}
