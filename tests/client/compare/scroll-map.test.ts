import { describe, expect, it } from 'vitest';
import { mapPosition, monotoneAnchors } from '../../../client/compare/scroll-map';

describe('monotoneAnchors', () => {
  it('frames the pairs with the tops and the content heights', () => {
    expect(monotoneAnchors([{ a: 100, b: 300 }, { a: 200, b: 400 }], 1000, 800)).toEqual([
      { a: 0, b: 0 },
      { a: 100, b: 300 },
      { a: 200, b: 400 },
      { a: 1000, b: 800 },
    ]);
  });

  it('skips a passage whose right side goes backwards', () => {
    const anchors = monotoneAnchors([{ a: 100, b: 500 }, { a: 150, b: 550 }, { a: 300, b: 200 }, { a: 400, b: 700 }], 1000, 1000);
    expect(anchors.map((x) => x.a)).toEqual([0, 100, 150, 400, 1000]);
  });
});

describe('mapPosition', () => {
  const anchors = monotoneAnchors([{ a: 100, b: 300 }, { a: 200, b: 400 }], 1000, 800);

  it('maps anchor positions onto each other both ways', () => {
    expect(mapPosition(anchors, 100, 'a')).toBe(300);
    expect(mapPosition(anchors, 400, 'b')).toBe(200);
  });

  it('interpolates between anchors', () => {
    expect(mapPosition(anchors, 150, 'a')).toBe(350);
    expect(mapPosition(anchors, 50, 'a')).toBe(150);
    expect(mapPosition(anchors, 600, 'a')).toBe(600);
  });

  it('waits at the start of a jump where one side has nothing in between', () => {
    const jump = monotoneAnchors([{ a: 100, b: 100 }, { a: 100, b: 400 }], 500, 800);
    expect(mapPosition(jump, 100, 'a')).toBe(100);
  });

  it('continues past the last anchor at the same pace', () => {
    expect(mapPosition(anchors, 1100, 'a')).toBe(900);
  });
});
