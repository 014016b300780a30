import { describe, it, expect } from 'vitest';
import { buildCorpus, findNameVariants, storyGroups } from '../../../core/assistant';
import { MDAA, PURSUES, exactEverywhere, shipped } from './fixtures';

// Without a spelling checker the detector relies on the corpus alone; assistant.test.ts runs it with one.

const pairs = (found: { evidence: { value: string }[] }[]) => found.map((s) => `${s.evidence[0].value} / ${s.evidence[1].value}`);

describe('name variants in the shipped sources', () => {
  it('finds "Gottemoller" two paragraphs after "Gottemoeller", the rarer spelling first', () => {
    const sources = [shipped(PURSUES)];
    const found = findNameVariants(buildCorpus(sources));
    expect(pairs(found)).toEqual(['Gottemoller / Gottemoeller']);
    const [s] = found;
    expect(s.category).toBe('name-variant');
    expect(s.tags).toEqual(['typo', 'name-variant']);
    expect(s.summary).toContain('“Gottemoller” (1× in “US Pursues Missile Defense Cooperation With Russia”)');
    expect(s.targets.map((t) => t.exact)).toEqual(['Gottemoller', 'Gottemoeller']);
    expect(exactEverywhere(found, sources)).toBe(true);
  });

  it('finds the memo whose title says "Unites States" while its text says "United States"', () => {
    const sources = [shipped(MDAA)];
    const found = findNameVariants(buildCorpus(sources));
    expect(pairs(found)).toEqual(['Unites / United']);
    expect(found[0].summary).toBe(
      'The title of “Russian Cooperation with the Unites States on Missile Defense” writes “Unites States”, its text “United States”',
    );
    expect(found[0].targets.map((t) => t.exact)).toEqual(['Unites', 'United States']);
    expect(found[0].targets[0].start).toBeLessThan(70); // the title line, not the body
  });

  it('says nothing about a title that agrees with its text', () => {
    const corrected = shipped(MDAA);
    corrected.text = corrected.text.replace('Unites States', 'United States');
    corrected.title = corrected.title!.replace('Unites', 'United');
    expect(findNameVariants(buildCorpus([corrected]))).toEqual([]);
  });
});

describe('name variants in new texts', () => {
  const a = {
    id: 'talks-a',
    text: 'Envoy Marguerite Castellano met Petra Hansen and Ivo Jansen in Geneva. Castellano said the talks went well, and Ms Castelano later left for Rome.',
  };
  const b = {
    id: 'talks-b',
    text: 'Petra Hansen and Ivo Jansen spoke after envoy Marguerite Castellanno arrived. Iranian and Iranians and Russia and Russian delegates attended.',
  };

  it('finds a name spelled two ways in one source and across the sources of one story', () => {
    const found = findNameVariants(buildCorpus([a, b]), { stories: [[a.id, b.id]] });
    const got = pairs(found);
    expect(got).toContainEqual('Castelano / Castellano');
    expect(got).toContainEqual('Castellanno / Castellano');
    const across = found.find((s) => s.evidence[0].value === 'Castellanno')!;
    expect(new Set(across.targets.map((t) => t.source))).toEqual(new Set([a.id, b.id]));
  });

  it('keeps sources of different stories apart', () => {
    const got = pairs(findNameVariants(buildCorpus([a, b])));
    expect(got).toEqual(['Castelano / Castellano']);
  });

  it('does not take two people with their own first names, or inflections, for variants', () => {
    const got = pairs(findNameVariants(buildCorpus([a, b]), { stories: [[a.id, b.id]] })).join(' ');
    expect(got).not.toMatch(/Hansen|Jansen|Iranian|Russia/);
  });

  it('groups sources into stories by shared prose or by naming the same people', () => {
    const c = { id: 'unrelated', text: 'The orchestra played Mahler in Vienna, conducted by Ilse Brandauer.' };
    const groups = storyGroups(buildCorpus([a, b, c]), []);
    expect(groups).toContainEqual([a.id, b.id]);
    expect(groups).toContainEqual([c.id]);
  });
});
