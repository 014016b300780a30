import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../core/model';
import { annotationTitle, columnLayers, counterpartIn, layeredPieces, mergeAnnotations, type ColumnLayer } from '../../../client/compare/annotation-layers';
import type { DiffRange } from '../../../client/compare/word-diff';
import { SEEDS, seedText, targetOf } from '../../helpers/fixtures';

const A = SEEDS.nbPursues;
const B = SEEDS.nbUndercut;

function annotation(id: string, targets: Annotation['targets'], extra: Partial<Annotation> = {}): Annotation {
  return {
    id, revision: 1, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', creator: 'test',
    set: 'default', kind: 'note', targets, tags: [], note: '', ...extra,
  } as Annotation;
}

/** A stored target over the first `quote` in a seed text (prefix and suffix do not matter here). */
function target(source: string, quote: string, extra: { orphaned?: boolean } = {}): Annotation['targets'][number] {
  return { ...targetOf(source, quote), prefix: '', suffix: '', ...extra };
}

function layer(start: number, end: number, depth: number, id = `${start}-${end}`): ColumnLayer {
  return { id, kind: 'note', start, end, depth, title: id };
}

describe('annotationTitle', () => {
  it('names the kind, a claim verdict and the start of the note', () => {
    expect(annotationTitle({ kind: 'claim', note: 'Rose said this at the Moscow conference', claim: { claimant: 'Rose', verdict: 'false', evidence: [] } }))
      .toBe('Claim, false: Rose said this at the Moscow conference');
    expect(annotationTitle({ kind: 'inconsistency', note: '' })).toBe('Inconsistency');
  });

  it('cuts a long note and flattens its line breaks', () => {
    const title = annotationTitle({ kind: 'note', note: `first line\nsecond ${'word '.repeat(30)}` });
    expect(title.startsWith('Note: first line second word')).toBe(true);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toContain('\n');
    expect(title.length).toBeLessThan(80);
  });
});

describe('columnLayers', () => {
  const text = seedText(A);
  const rose = target(A, 'Frank A. Rose');
  const wide = target(A, 'Deputy Assistant Secretary Frank A. Rose');

  it('keeps the targets in this source, with depths by nesting, and leaves out the rest', () => {
    const list = [
      annotation('inner', [rose], { kind: 'claim', claim: { claimant: 'x', verdict: 'true', evidence: [] } }),
      annotation('outer', [wide]),
      annotation('linked', [target(B, 'Ellen Tauscher'), { ...rose, orphaned: true }], { kind: 'inconsistency' }),
    ];
    const layers = columnLayers(list, A, text.length);
    expect(layers.map((l) => [l.id, l.start, l.end, l.depth])).toEqual([
      ['outer', wide.start, wide.end, 0],
      ['inner', rose.start, rose.end, 1],
    ]);
    expect(layers[1].verdict).toBe('true');
    expect(layers[1].title).toBe('Claim, true');
  });
});

describe('layeredPieces', () => {
  it('cuts at diff and layer boundaries, covering the segment without gaps', () => {
    const diffs: DiffRange[] = [{ start: 12, end: 16, mark: 'changed' }];
    const layers = [layer(5, 14, 0), layer(8, 30, 1)];
    const pieces = layeredPieces(0, 20, diffs, layers);
    expect(pieces).toEqual([
      { start: 0, end: 5, mark: null, layers: [] },
      { start: 5, end: 8, mark: null, layers: [0] },
      { start: 8, end: 12, mark: null, layers: [0, 1] },
      { start: 12, end: 14, mark: 'changed', layers: [0, 1] },
      { start: 14, end: 16, mark: 'changed', layers: [1] },
      { start: 16, end: 20, mark: null, layers: [1] },
    ]);
  });

  it('orders the layers of a piece by depth, whatever their order in the list', () => {
    const pieces = layeredPieces(0, 10, [], [layer(0, 10, 2, 'c'), layer(0, 10, 0, 'a'), layer(0, 10, 1, 'b')]);
    expect(pieces).toEqual([{ start: 0, end: 10, mark: null, layers: [1, 2, 0] }]);
  });

  it('gives one plain piece when nothing touches the segment', () => {
    expect(layeredPieces(40, 60, [], [layer(0, 40, 0), layer(60, 70, 0)])).toEqual([{ start: 40, end: 60, mark: null, layers: [] }]);
  });
});

describe('counterpartIn and mergeAnnotations', () => {
  const left = target(A, 'Frank A. Rose');
  const right = target(B, 'Ellen Tauscher');
  const link = annotation('link', [left, right], { kind: 'inconsistency' });

  it('finds the annotation passage in the other source, or null', () => {
    expect(counterpartIn(link, B, seedText(B).length)).toEqual({ start: right.start, end: right.end });
    expect(counterpartIn(link, SEEDS.mdaa, seedText(SEEDS.mdaa).length)).toBeNull();
    expect(counterpartIn(annotation('o', [left, { ...right, orphaned: true }]), B, seedText(B).length)).toBeNull();
  });

  it('keeps an annotation listed for both sources once', () => {
    const other = annotation('n', [left]);
    expect(mergeAnnotations([link, other], [link]).map((a) => a.id)).toEqual(['link', 'n']);
  });
});
