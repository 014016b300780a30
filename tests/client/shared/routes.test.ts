import { describe, expect, it } from 'vitest';
import { compareHref, parseCompareRoute } from '../../../client/shared/routes';

describe('compare route', () => {
  it('parses the two sources', () => {
    expect(parseCompareRoute('#/compare/newsblaze-a/gsn-b')).toEqual({ a: 'newsblaze-a', b: 'gsn-b' });
  });

  it('parses a focus span', () => {
    expect(parseCompareRoute('#/compare/x/y?focus=y:120-188')).toEqual({ a: 'x', b: 'y', focus: { source: 'y', start: 120, end: 188 } });
  });

  it('ignores a malformed focus but keeps the route', () => {
    expect(parseCompareRoute('#/compare/x/y?focus=y:abc')).toEqual({ a: 'x', b: 'y' });
    expect(parseCompareRoute('#/compare/x/y?focus=y:50-10')).toEqual({ a: 'x', b: 'y' });
  });

  it('rejects other routes', () => {
    expect(parseCompareRoute('#/source/x')).toBeNull();
    expect(parseCompareRoute('#/compare/x')).toBeNull();
    expect(parseCompareRoute('#/compare/x/y/z')).toBeNull();
  });

  it('round-trips what compareHref builds', () => {
    const focus = { source: 'gsn-us-renews-call-for-russia', start: 5, end: 9 };
    expect(parseCompareRoute(compareHref('a-1', 'b-2', focus))).toEqual({ a: 'a-1', b: 'b-2', focus });
    expect(parseCompareRoute(compareHref('a-1', 'b-2'))).toEqual({ a: 'a-1', b: 'b-2' });
  });
});
