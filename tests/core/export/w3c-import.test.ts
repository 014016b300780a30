/**
 * W3C import: the input shapes it accepts, annotations from other W3C tools (Hypothesis-style), and
 * all-or-nothing failure with every problem located.
 */
import { describe, expect, it } from 'vitest';
import { exportW3c, type ImportResult, importW3c } from '../../../core/export';
import { ASTRAL_ID, ASTRAL_TEXT, CLAIM_MOSTLY_TRUE, ROSE_QUOTE, SEEDS, SOURCES, populatedInput } from './fixtures';

const ANNO = 'http://www.w3.org/ns/anno.jsonld';

/** The second "quote 🚀 lands here" of the astral sample, in code points (independent of the code under test). */
const ASTRAL_QUOTE = 'quote 🚀 lands here';
const ASTRAL_UTF16_START = ASTRAL_TEXT.indexOf(ASTRAL_QUOTE, ASTRAL_TEXT.indexOf(ASTRAL_QUOTE) + 1);
const ASTRAL_CP_START = Array.from(ASTRAL_TEXT.slice(0, ASTRAL_UTF16_START)).length;
const ASTRAL_CP_END = ASTRAL_CP_START + Array.from(ASTRAL_QUOTE).length;

/** An annotation as Hypothesis publishes it: target with source and a selector list, text in bodyValue. */
function hypothesisStyle(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ANNO,
    type: 'Annotation',
    id: 'https://hypothes.is/a/Xyz123',
    created: '2026-02-01T09:00:00.000000+00:00',
    creator: 'acct:checker@hypothes.is',
    bodyValue: 'Worth a second look',
    target: {
      source: 'https://example.org/astral-sample/',
      selector: [
        { type: 'RangeSelector', startContainer: '/p[2]', startOffset: 4, endContainer: '/p[2]', endOffset: 22 },
        { type: 'TextPositionSelector', start: ASTRAL_CP_START, end: ASTRAL_CP_END },
        { type: 'TextQuoteSelector', exact: ASTRAL_QUOTE, prefix: 'The ', suffix: ', again.' },
      ],
    },
    ...overrides,
  };
}

function okAnnotations(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors)}`);
  return result.annotations;
}

describe('W3C import of other tools\' annotations', () => {
  it('anchors a Hypothesis-style annotation by its code point position and converts to UTF-16', () => {
    const [a] = okAnnotations(importW3c(hypothesisStyle(), SOURCES));
    expect(a).toMatchObject({ kind: 'note', note: 'Worth a second look', set: 'default', creator: 'acct:checker@hypothes.is' });
    expect(a.targets).toEqual([
      { source: ASTRAL_ID, start: ASTRAL_UTF16_START, end: ASTRAL_UTF16_START + ASTRAL_QUOTE.length, exact: ASTRAL_QUOTE },
    ]);
    expect(a.origin).toEqual({ uri: 'https://hypothes.is/a/Xyz123' });
  });

  it('anchors by quote and context alone, choosing the occurrence the context describes', () => {
    const noPosition = hypothesisStyle({
      target: { source: 'https://example.org/astral-sample', selector: { type: 'TextQuoteSelector', exact: ASTRAL_QUOTE, suffix: ', again.' } },
    });
    const [a] = okAnnotations(importW3c(noPosition, SOURCES));
    expect(a.targets[0].start).toBe(ASTRAL_UTF16_START);
  });

  it('uses the position to choose among identical quotes without context', () => {
    const quoteOnly = { type: 'TextQuoteSelector', exact: ASTRAL_QUOTE };
    const second = hypothesisStyle({
      target: {
        source: 'https://example.org/astral-sample',
        selector: [quoteOnly, { type: 'TextPositionSelector', start: ASTRAL_CP_START, end: ASTRAL_CP_END }],
      },
    });
    expect(okAnnotations(importW3c(second, SOURCES))[0].targets[0].start).toBe(ASTRAL_UTF16_START);
    const first = hypothesisStyle({ target: { source: 'https://example.org/astral-sample', selector: quoteOnly } });
    expect(okAnnotations(importW3c(first, SOURCES))[0].targets[0].start).toBe(ASTRAL_TEXT.indexOf(ASTRAL_QUOTE));
  });

  it('reads a highlight without body as an empty note', () => {
    const highlight = hypothesisStyle({ bodyValue: undefined, motivation: 'highlighting' });
    const [a] = okAnnotations(importW3c(highlight, SOURCES));
    expect(a).toMatchObject({ kind: 'note', note: '', tags: [] });
  });

  it('reads assessing as a claim, a verdict label as its verdict, tagging bodies as tags, links as evidence', () => {
    const claim = hypothesisStyle({
      bodyValue: undefined,
      motivation: 'assessing',
      body: [
        { type: 'TextualBody', value: 'Mostly false', purpose: 'assessing' },
        { type: 'TextualBody', value: 'budget', purpose: 'tagging' },
        { type: 'TextualBody', value: 'Numbers are off.' },
        'https://example.org/evidence',
      ],
    });
    const [a] = okAnnotations(importW3c(claim, SOURCES));
    expect(a).toMatchObject({
      kind: 'claim',
      tags: ['budget'],
      note: 'Numbers are off.',
      claim: { claimant: '', verdict: 'mostly-false', evidence: ['https://example.org/evidence'] },
    });
  });

  it('reads linking across two targets as an inconsistency', () => {
    const roseTarget = {
      source: `urn:collate:source:${SEEDS.gsnRenews}`,
      selector: { type: 'TextQuoteSelector', exact: ROSE_QUOTE },
    };
    const linking = hypothesisStyle({ motivation: 'linking', target: [hypothesisStyle().target, roseTarget] });
    const [a] = okAnnotations(importW3c(linking, SOURCES));
    expect(a.kind).toBe('inconsistency');
    expect(a.targets.map((t) => t.source)).toEqual([ASTRAL_ID, SEEDS.gsnRenews]);
  });

  it('accepts an array, a page and a single annotation, as well as a collection', () => {
    const collection = exportW3c(populatedInput());
    const items = collection.first.items;
    expect(okAnnotations(importW3c(items, SOURCES))).toHaveLength(items.length);
    expect(okAnnotations(importW3c(collection.first, SOURCES))).toHaveLength(items.length);
    expect(okAnnotations(importW3c(items[0], SOURCES))).toHaveLength(1);
    expect(okAnnotations(importW3c(collection, SOURCES))[0].origin.collateId).toBe(CLAIM_MOSTLY_TRUE.id);
  });

  it('finds sources under a configured base URI', () => {
    const base = 'https://collate.example/sources/';
    const exported = exportW3c(populatedInput({ annotations: [CLAIM_MOSTLY_TRUE], options: { sourceBaseUri: base } }));
    expect(exported.first.items[0].target[0].source).toBe(base + SEEDS.gsnRenews);
    expect(okAnnotations(importW3c(exported, SOURCES, { sourceBaseUri: base }))).toHaveLength(1);
    const wrongBase = importW3c(exported, SOURCES);
    expect(wrongBase.ok).toBe(false);
  });
});

describe('W3C import errors', () => {
  it('lists every problem with its path and returns nothing else', () => {
    const good = exportW3c(populatedInput()).first.items[0];
    const page = {
      '@context': ANNO,
      type: 'AnnotationPage',
      items: [
        good,
        42,
        { ...good, target: undefined },
        { ...good, target: [{ ...good.target[0], source: 'urn:collate:source:no-such-source' }] },
        hypothesisStyle({
          target: { source: 'https://example.org/astral-sample', selector: { type: 'TextQuoteSelector', exact: 'not in the text' } },
        }),
        hypothesisStyle({ target: ['https://example.org/astral-sample'] }),
        hypothesisStyle({ target: { source: 'https://example.org/astral-sample', selector: { type: 'XPathSelector', value: '/p' } } }),
        hypothesisStyle({
          target: { source: 'https://example.org/astral-sample', selector: [{ type: 'TextPositionSelector', start: -1, end: 3 }] },
        }),
        { ...good, 'collate:kind': 'rumour', body: 'not a uri either', bodyValue: 'x' },
        { ...good, body: [{ type: 'TextualBody', value: 'maybe', purpose: 'assessing', 'collate:role': 'verdict' }] },
        'https://example.org/annotations/1',
      ],
    };
    const result = importW3c(page, SOURCES);
    expect(result.ok).toBe(false);
    expect('annotations' in result).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const paths = errors.map((e) => e.path);
    expect(paths).toEqual([
      'items[1]',
      'items[2].target',
      'items[3].target[0].source',
      'items[4].target',
      'items[5].target[0]',
      'items[6].target.selector',
      'items[7].target.selector[0]',
      'items[8].collate:kind',
      'items[8]',
      'items[9].body[0].value',
      'items[10]',
    ]);
    expect(errors[2].message).toContain('no-such-source');
    expect(errors[3].message).toMatch(/quote not found.*not in the text/);
    expect(errors[8].message).toMatch(/both "body" and "bodyValue"/);
  });

  it('rejects input that is no annotation structure at all', () => {
    expect(importW3c('hello', SOURCES)).toEqual({ ok: false, errors: [{ path: '', message: expect.any(String) }] });
    expect(importW3c({ type: 'AnnotationCollection', total: 3, first: 'https://example.org/page1' }, SOURCES)).toEqual({
      ok: false,
      errors: [{ path: 'first', message: expect.stringContaining('embedded') }],
    });
  });

  it('rejects a linking kind with one passage and an invalid set name, as the create API would', () => {
    const good = exportW3c(populatedInput()).first.items[0];
    const result = importW3c([{ ...good, 'collate:kind': 'inconsistency' }, { ...good, 'collate:set': ' bad set' }], SOURCES);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['[0]', '[1]']));
    expect(errors.find((e) => e.path === '[0]')?.message).toMatch(/targets: .*at least two/);
    expect(errors.find((e) => e.path === '[1]')?.message).toMatch(/^set: /);
  });
});
