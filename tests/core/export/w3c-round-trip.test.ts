/**
 * W3C export followed by import into an empty store over the same sources gives back the same
 * annotations, and exporting those again gives the same JSON-LD.
 */
import { describe, expect, it } from 'vitest';
import { quoteContext } from '../../../core/anchoring/quote-context';
import { exportAs, type ImportedAnnotation, importW3c } from '../../../core/export';
import type { Annotation, Source } from '../../../core/model';
import { ALL_ANNOTATIONS, CLAIM_FALSE, HISTORY, NOTE_REPEATED_QUOTE, SOURCES, VERDICT_CHANGE, populatedInput } from './fixtures';

/** What a store does with an import that keeps history: the original id, revision and dates, context filled. */
function restore(imported: ImportedAnnotation[], sources: ReadonlyMap<string, Source>): Annotation[] {
  return imported.map((r) => ({
    id: r.origin.collateId ?? 'missing-id',
    revision: r.origin.revision ?? 0,
    created: r.created ?? 'missing',
    modified: r.modified ?? 'missing',
    creator: r.creator ?? '',
    set: r.set,
    kind: r.kind,
    targets: r.targets.map((t) => ({ ...t, ...quoteContext(sources.get(t.source)!.text, t.start, t.end) })),
    tags: r.tags,
    note: r.note,
    ...(r.claim ? { claim: r.claim } : {}),
  }));
}

function importOk(json: string, sources: ReadonlyMap<string, Source> = SOURCES): ImportedAnnotation[] {
  const result = importW3c(JSON.parse(json), sources);
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.annotations;
}

describe('W3C round trip', () => {
  it('gives back every annotation, field for field', () => {
    const restored = restore(importOk(exportAs('w3c', populatedInput())), SOURCES);
    expect(restored).toEqual(ALL_ANNOTATIONS);
  });

  it('exports the re-imported annotations to the same JSON-LD', () => {
    const first = exportAs('w3c', populatedInput());
    const second = exportAs('w3c', populatedInput({ annotations: restore(importOk(first), SOURCES) }));
    expect(second).toBe(first);
  });

  it('reports the sets used, for the caller to create', () => {
    const result = importW3c(JSON.parse(exportAs('w3c', populatedInput())), SOURCES);
    expect(result.ok && result.sets).toEqual(['fact check']);
  });

  it('can put everything into another set', () => {
    const result = importW3c(JSON.parse(exportAs('w3c', populatedInput())), SOURCES, { set: 'imported' });
    expect(result.ok && new Set(result.annotations.map((a) => a.set))).toEqual(new Set(['imported']));
  });

  it('re-anchors by quote and context when the texts moved, picking the right one of repeated quotes', () => {
    const json = exportAs('w3c', populatedInput());
    const insert = 'EDITED: a new first line 🆕.\n';
    const moved = new Map([...SOURCES].map(([id, s]) => [id, { ...s, text: insert + s.text }]));
    const imported = importOk(json, moved);
    const expected = ALL_ANNOTATIONS.map((a) => a.targets.map((t) => [t.source, t.start + insert.length, t.end + insert.length]));
    expect(imported.map((a) => a.targets.map((t) => [t.source, t.start, t.end]))).toEqual(expected);
    // The repeated quote is the third of several identical ones: the first would be the naive answer.
    const repeated = imported[ALL_ANNOTATIONS.indexOf(NOTE_REPEATED_QUOTE)].targets[0];
    const text = moved.get(repeated.source)!.text;
    expect(text.indexOf(repeated.exact)).toBeLessThan(repeated.start);
  });

  it('carries each annotation\'s history and last editor, so a verdict change keeps its person and time', () => {
    const edited = { ...CLAIM_FALSE, modifiedBy: VERDICT_CHANGE.by };
    const annotations = ALL_ANNOTATIONS.map((a) => (a === CLAIM_FALSE ? edited : a));
    const imported = importOk(exportAs('w3c', populatedInput({ annotations, history: HISTORY })));
    const claim = imported[ALL_ANNOTATIONS.indexOf(CLAIM_FALSE)];
    expect(claim.history).toEqual(HISTORY.get(CLAIM_FALSE.id));
    expect(claim.modifiedBy).toBe('Second Checker');
    const change = claim.history!.find((h) => h.action === 'updated')!;
    expect(change).toMatchObject({ by: 'Second Checker', at: '2026-03-20T09:15:00.000Z' });
    expect(change.changes[0]).toMatchObject({ field: 'claim', before: { verdict: 'true' }, after: { verdict: 'false' } });
    // Without history in the input there is none in the file, and none comes back.
    expect(importOk(exportAs('w3c', populatedInput()))[0].history).toBeUndefined();
  });

  it('refuses a history entry that is not one a store could have written, naming where it is', () => {
    const json = JSON.parse(exportAs('w3c', populatedInput({ history: HISTORY })));
    json.first.items[1]['collate:history'][0] = { revision: 1, action: 'rewritten', at: 'now', by: 'x', changes: [] };
    json.first.items[2]['collate:history'] = 'created by someone';
    const result = importW3c(json, SOURCES);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual([
      'first.items[1].collate:history[0].action',
      'first.items[2].collate:history',
    ]);
  });
});
