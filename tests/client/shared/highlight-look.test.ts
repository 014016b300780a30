/** Depths of overlapping highlights: each range gets the lowest band no overlapping range holds. */
import { describe, expect, it } from 'vitest';
import { assignDepths, MAX_DEPTH, type DepthRange } from '../../../client/shared/highlight-look';

/** True when two ranges share at least one character. */
function overlap(x: DepthRange, y: DepthRange): boolean {
  return x.start < y.end && y.start < x.end;
}

describe('assignDepths', () => {
  it('puts a lone highlight and disjoint ones at depth 0', () => {
    expect(assignDepths([{ start: 5, end: 9 }])).toEqual([0]);
    expect(assignDepths([{ start: 0, end: 4 }, { start: 4, end: 8 }, { start: 10, end: 12 }])).toEqual([0, 0, 0]);
  });

  it('gives three stacked highlights (false claim, true claim, note) three depths, the outermost first', () => {
    const falseClaim = { start: 0, end: 40 };
    const trueClaim = { start: 10, end: 30 };
    const note = { start: 15, end: 25 };
    // Given in any order, the depths follow the ranges, not the list order.
    expect(assignDepths([note, falseClaim, trueClaim])).toEqual([2, 0, 1]);
  });

  it('puts the longer of two ranges starting together outside', () => {
    expect(assignDepths([{ start: 3, end: 6 }, { start: 3, end: 20 }])).toEqual([1, 0]);
  });

  it('reuses a depth freed by a range that ended, keeping each range at one depth', () => {
    // [0,10) at 0, [5,20) at 1; [12,15) starts after [0,10) ended: depth 0 is free again.
    expect(assignDepths([{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 12, end: 15 }])).toEqual([0, 1, 0]);
  });

  it('never gives overlapping ranges the same depth below the cap', () => {
    const ranges: DepthRange[] = [];
    // A deterministic spread of ranges of many lengths.
    for (let i = 0; i < 60; i++) ranges.push({ start: (i * 37) % 200, end: ((i * 37) % 200) + 5 + ((i * 13) % 30) });
    const depths = assignDepths(ranges);
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        if (overlap(ranges[i], ranges[j]) && depths[i] < MAX_DEPTH && depths[j] < MAX_DEPTH) expect(depths[i]).not.toBe(depths[j]);
      }
      // Depth d means d other ranges were open at its start.
      const openAtStart = ranges.filter((r, k) => k !== i && r.start <= ranges[i].start && r.end > ranges[i].start).length;
      expect(depths[i]).toBeLessThanOrEqual(Math.min(openAtStart, MAX_DEPTH));
    }
  });

  it('caps deep stacks at MAX_DEPTH', () => {
    const ranges = Array.from({ length: MAX_DEPTH + 3 }, (_, i) => ({ start: i, end: 100 - i }));
    const depths = assignDepths(ranges);
    expect(depths.slice(0, MAX_DEPTH + 1)).toEqual(Array.from({ length: MAX_DEPTH + 1 }, (_, i) => i));
    expect(depths.slice(MAX_DEPTH + 1)).toEqual([MAX_DEPTH, MAX_DEPTH]);
  });

  it('gives empty ranges depth 0 without taking a depth', () => {
    expect(assignDepths([{ start: 0, end: 10 }, { start: 2, end: 2 }, { start: 3, end: 5 }])).toEqual([0, 0, 1]);
  });
});
