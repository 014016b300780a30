import { describe, it, expect } from 'vitest';
import { buildCorpus, findContextShifts } from '../../../core/assistant';
import { findReuse } from '../../../core/reuse';
import type { ReusePassage } from '../../../core/model/schemas';
import { PURSUES, RENEWS, UNDERCUT, exactEverywhere, shipped } from './fixtures';

const sources = [shipped(PURSUES), shipped(UNDERCUT), shipped(RENEWS)];
const passages = findReuse(sources.map((s) => ({ id: s.id, text: s.text })));

describe('context shifts on the shipped sources', () => {
  const found = findContextShifts(buildCorpus(sources), passages);

  it('flags the Joint Threat Assessment block, which follows Gottemoeller in one article and Tauscher in the other', () => {
    expect(found).toHaveLength(1);
    const [s] = found;
    expect(s.category).toBe('context');
    expect(s.tags).toEqual(['context']);
    expect(s.evidence.map((e) => [e.source, e.value])).toEqual([
      [PURSUES, 'Rose Gottemoeller'],
      [UNDERCUT, 'Ellen Tauscher'],
    ]);
    expect(s.summary).toMatch(/^The \d+-word block “Both governments are continuing to discuss/);
    expect(s.summary).toContain('follows Rose Gottemoeller’s remarks in “US Pursues Missile Defense Cooperation With Russia”');
    expect(s.summary).toContain('and Ellen Tauscher’s in “Will US Missile Defense Plans Undercut Russia’s National Security?”');
    for (const t of s.targets) expect(t.exact).toContain('Joint Threat Assessment');
    expect(exactEverywhere(found, sources)).toBe(true);
  });

  it('points its evidence at the speaker cues before the block', () => {
    const texts = new Map(sources.map((x) => [x.id, x.text]));
    const cues = found[0].evidence.map((e) => texts.get(e.source)!.slice(e.start, e.end));
    expect(cues[0]).toMatch(/Gottemoller/);
    expect(cues[1]).toMatch(/Tauscher/);
  });

  it('says nothing when the block follows the same speaker in both sources, or is short', () => {
    const rose = passages.filter((p) => [p.a.source, p.b.source].includes(RENEWS) && !p.boilerplate);
    expect(rose.length).toBeGreaterThan(0);
    expect(findContextShifts(buildCorpus(sources), rose, { minWords: 1 })).toEqual([]);
    expect(findContextShifts(buildCorpus(sources), passages, { minWords: 10_000 })).toEqual([]);
  });

  it('rejects a passage outside its source', () => {
    const bad: ReusePassage = { ...passages[0], a: { ...passages[0].a, end: 10_000_000 }, words: 500 };
    expect(() => findContextShifts(buildCorpus(sources), [bad])).toThrow(RangeError);
  });
});

describe('context shifts in new texts', () => {
  const block =
    'The pipeline will carry 40 million cubic metres of gas a year from the coast to the capital. Engineers expect construction to take three years, ' +
    'and the route avoids the national park by a detour of twelve kilometres through farmland and two river crossings.';
  const a = { id: 'a', text: `Energy minister Laila Moreno spoke in the capital on Monday.\n\n"We are ready," Ms Moreno said.\n\n${block}` };
  const b = { id: 'b', text: `Opposition leader Karl Dietz held a rally.\n\n"This is a mistake," Mr Dietz said.\n\n${block}` };
  const c = { id: 'c', text: `Energy minister Laila Moreno visited the port.\n\n"It is on time," Ms Moreno said.\n\n${block}` };
  const pieces = findReuse([a, b, c]);

  it('flags the block after different speakers, not after the same one', () => {
    const found = findContextShifts(buildCorpus([a, b, c]), pieces);
    const pairs = found.map((s) => s.evidence.map((e) => `${e.source}:${e.value}`).join(' '));
    expect(pairs).toEqual(['a:Laila Moreno b:Karl Dietz', 'b:Karl Dietz c:Laila Moreno']);
  });
});
