import { beforeAll, describe, it, expect } from 'vitest';
import { ASSISTANT_CATEGORIES, type SpellChecker, suggestAssistant } from '../../../core/assistant';
import { findReuse } from '../../../core/reuse';
import { loadSpellChecker } from '../../../server/assistant/spelling-dictionary';
import { MDAA, PLEDGE, PURSUES, RENEWS, UNDERCUT, exactEverywhere, shipped } from './fixtures';

const OUTLETS: Record<string, string> = { [RENEWS]: 'GSN', [PLEDGE]: 'GSN', [PURSUES]: 'NewsBlaze', [UNDERCUT]: 'NewsBlaze', [MDAA]: 'MDAA' };
const sources = [RENEWS, PLEDGE, PURSUES, UNDERCUT, MDAA].map(shipped);
const passages = findReuse(sources.map((s) => ({ id: s.id, text: s.text, outlet: OUTLETS[s.id] })));

let spelling: SpellChecker;
beforeAll(async () => {
  spelling = await loadSpellChecker();
});

describe('the assistant on the shipped corpus', () => {
  it('finds every case the issue names, each in its category', () => {
    const all = suggestAssistant({ sources, passages, spelling });
    const has = (category: string, test: (values: string[]) => boolean) =>
      all.some((s) => s.category === category && test(s.evidence.map((e) => e.value)));
    expect(has('typo', (v) => v[0] === 'tody' && v[1] === 'today')).toBe(true);
    expect(has('typo', (v) => v[0] === 'themseleves' && v[1] === 'themselves')).toBe(true);
    expect(has('typo', (v) => v[0] === 'STARY' && v[1] === 'START')).toBe(true);
    expect(has('name-variant', (v) => v.join() === 'Gottemoller,Gottemoeller')).toBe(true);
    expect(has('name-variant', (v) => v.join() === 'Unites,United')).toBe(true);
    expect(has('context', (v) => v.join() === 'Rose Gottemoeller,Ellen Tauscher')).toBe(true);
    expect(all.some((s) => s.category === 'claim' && s.targets[0].exact.includes('in excess of $1 billion'))).toBe(true);
  });

  it('returns well-formed suggestions: exact targets, unique ids, categories in order', () => {
    const all = suggestAssistant({ sources, passages, spelling });
    expect(exactEverywhere(all, sources)).toBe(true);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    const order = all.map((s) => ASSISTANT_CATEGORIES.indexOf(s.category as (typeof ASSISTANT_CATEGORIES)[number]));
    expect(order.every((k) => k >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    for (const s of all) {
      expect(s.summary.length).toBeGreaterThan(0);
      expect(s.targets.length).toBeGreaterThan(0);
      expect(s.tags).toContain(s.category === 'name-variant' ? 'name-variant' : s.category);
    }
    // Site chrome shared by the two GSN pages is not proposed as a claim.
    expect(all.some((s) => s.category === 'claim' && s.targets[0].exact.startsWith('GSN ceased publication'))).toBe(false);
  });

  it('runs only the detectors asked for, and those whose input is given', () => {
    const typosOnly = suggestAssistant({ sources, passages, spelling }, { categories: ['typo'] });
    expect(new Set(typosOnly.map((s) => s.category))).toEqual(new Set(['typo']));
    const noChecker = suggestAssistant({ sources, passages });
    expect(noChecker.some((s) => s.category === 'typo')).toBe(false);
    // The dictionary tells a word ("Agency") from a name: only without it is "Agence" a variant.
    const agence = (list: typeof noChecker) => list.some((s) => s.category === 'name-variant' && s.evidence.some((e) => e.value === 'Agence'));
    expect(agence(noChecker)).toBe(true);
    expect(agence(suggestAssistant({ sources, passages, spelling }))).toBe(false);
    const noPassages = suggestAssistant({ sources, spelling });
    expect(noPassages.some((s) => s.category === 'context')).toBe(false);
  });

  it('rejects two sources with one id', () => {
    expect(() => suggestAssistant({ sources: [sources[0], sources[0]] })).toThrow(RangeError);
  });
});

describe('the spelling dictionary loader', () => {
  it('accepts US and British spellings and suggests corrections', async () => {
    expect(spelling.correct('color')).toBe(true);
    expect(spelling.correct('colour')).toBe(true);
    expect(spelling.correct('goverment')).toBe(false);
    expect(spelling.suggest('goverment')).toContain('government');
  });

  it('loads once per process', async () => {
    expect(await loadSpellChecker()).toBe(spelling);
  });
});
