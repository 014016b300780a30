import { describe, expect, it } from 'vitest';
import { annotationsHref, changesHref, compareHref, inboxHref, parseCompareRoute, parseRoute, sourceHref, suggestionHref } from '../../../client/shared/routes';

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

describe('app routes', () => {
  it('parses each page', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/source/gsn-x')).toEqual({ name: 'source', id: 'gsn-x' });
    expect(parseRoute('#/compare')).toEqual({ name: 'compare-home' });
    expect(parseRoute('#/compare/a/b')).toEqual({ name: 'compare', a: 'a', b: 'b' });
    expect(parseRoute('#/tags')).toEqual({ name: 'tags' });
    expect(parseRoute('#/elsewhere')).toEqual({ name: 'not-found', path: '/elsewhere' });
  });

  it('opens a source on an annotation, as sourceHref links it', () => {
    expect(parseRoute(sourceHref('gsn-x', 'a_1 2'))).toEqual({ name: 'source', id: 'gsn-x', annotation: 'a_1 2' });
    expect(parseRoute(sourceHref('gsn-x'))).toEqual({ name: 'source', id: 'gsn-x' });
  });

  it('keeps the search filters of the annotations page, leaving out empty ones', () => {
    const href = annotationsHref({ q: 'Frank Rose', kind: 'claim', tag: ' ', set: 'checks' });
    expect(parseRoute(href)).toEqual({ name: 'annotations', search: { q: 'Frank Rose', kind: 'claim', set: 'checks' } });
    expect(annotationsHref()).toBe('#/annotations');
  });

  it('opens a source on a suggestion, as suggestionHref links it', () => {
    expect(parseRoute(suggestionHref('gsn-x', 'sug_1#2'))).toEqual({ name: 'source', id: 'gsn-x', suggestion: 'sug_1#2' });
  });

  it('keeps the inbox’s filters and view, leaving out what is not one', () => {
    const href = inboxHref({ category: 'name-variant', source: 'gsn-x', view: 'dismissed' });
    expect(href).toBe('#/inbox?category=name-variant&source=gsn-x&view=dismissed');
    expect(parseRoute(href)).toEqual({ name: 'inbox', query: { category: 'name-variant', source: 'gsn-x', view: 'dismissed' } });
    expect(parseRoute('#/inbox?view=open&category=')).toEqual({ name: 'inbox', query: {} });
    expect(inboxHref()).toBe('#/inbox');
  });

  it('treats a badly encoded source id as not found rather than failing', () => {
    expect(parseRoute('#/source/%E0%A4%A')).toEqual({ name: 'not-found', path: '/source/%E0%A4%A' });
  });
});

describe('adding sources and what changed', () => {
  it('parses the add page', () => {
    expect(parseRoute('#/add')).toEqual({ name: 'add' });
  });

  it('parses what changed, with the revisions when they are whole numbers', () => {
    expect(parseRoute('#/source/gsn-a/changes')).toEqual({ name: 'changes', id: 'gsn-a' });
    expect(parseRoute('#/source/gsn-a/changes?from=2&to=5')).toEqual({ name: 'changes', id: 'gsn-a', from: 2, to: 5 });
    expect(parseRoute('#/source/gsn-a/changes?from=0&to=x')).toEqual({ name: 'changes', id: 'gsn-a' });
    expect(parseRoute('#/source/gsn-a/other')).toEqual({ name: 'not-found', path: '/source/gsn-a/other' });
  });

  it('round-trips what changesHref builds', () => {
    expect(parseRoute(changesHref('a b', 1, 3))).toEqual({ name: 'changes', id: 'a b', from: 1, to: 3 });
    expect(parseRoute(changesHref('x'))).toEqual({ name: 'changes', id: 'x' });
  });
});
