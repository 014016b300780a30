import { describe, it, expect } from 'vitest';
import { suggestInconsistencies, type SourceText } from '../../../core/inconsistency';
import type { ReusePassage } from '../../../core/model/schemas';
import { MDAA, PLEDGE, PURSUES, RENEWS, UNDERCUT, block, passage, seed } from './fixtures';

const pursues = seed(PURSUES);
const undercut = seed(UNDERCUT);
const renews = seed(RENEWS);
const pledge = seed(PLEDGE);

const SECTORAL_A = 'the United States and NATO cannot agree to Russia’s proposal for “sectoral” missile defense';
const SECTORAL_B = 'The United States and NATO also cannot agree to Russia’s proposal for “sectoral” missile defense';
const sectoral = passage(pursues, SECTORAL_A, undercut, SECTORAL_B);

describe('attribution between the two NewsBlaze articles', () => {
  const found = suggestInconsistencies([pursues, undercut], [sectoral]);

  it('gives the "sectoral" line to Frank A. Rose in one and Ellen Tauscher in the other', () => {
    expect(found).toHaveLength(1);
    const [s] = found;
    expect(s.category).toBe('attribution');
    expect(s.tags).toContain('attribution');
    expect(s.summary).toContain('Frank A. Rose');
    expect(s.summary).toContain('Ellen Tauscher');
    const byId = new Map(s.evidence.map((e) => [e.source, e.value]));
    expect(byId.get(PURSUES)).toBe('Frank A. Rose');
    expect(byId.get(UNDERCUT)).toBe('Ellen Tauscher');
  });

  it('targets cover both sectoral passages and quote the source texts exactly', () => {
    const [s] = found;
    for (const span of [sectoral.a, sectoral.b]) {
      const target = s.targets.find((t) => t.source === span.source);
      expect(target).toBeDefined();
      expect(target!.start).toBeLessThanOrEqual(span.start);
      expect(target!.end).toBeGreaterThanOrEqual(span.end);
    }
    const texts = new Map([pursues, undercut].map((x) => [x.id, x.text]));
    for (const t of s.targets) expect(t.exact).toBe(texts.get(t.source)!.slice(t.start, t.end));
    // The target shows who the statement is given to.
    expect(s.targets.find((t) => t.source === PURSUES)!.exact).toMatch(/-Mr\. Rose$/);
    expect(s.targets.find((t) => t.source === UNDERCUT)!.exact).toMatch(/she underlined\.$/);
  });

  it('is the same suggestion whichever source the passage names first', () => {
    const swapped: ReusePassage = { ...sectoral, a: sectoral.b, b: sectoral.a };
    const again = suggestInconsistencies([undercut, pursues], [swapped]);
    expect(again.map((s) => s.id)).toEqual(found.map((s) => s.id));
    expect(again[0].targets).toEqual(found[0].targets);
  });

  it('accepts the sources as a map of ids to texts', () => {
    const map = new Map<string, string>([
      [PURSUES, pursues.text],
      [UNDERCUT, undercut.text],
    ]);
    expect(suggestInconsistencies(map, [sectoral]).map((s) => s.id)).toEqual(found.map((s) => s.id));
  });

  it('says nothing when one of the sources is missing', () => {
    expect(suggestInconsistencies([pursues], [sectoral])).toEqual([]);
  });
});

describe('no spurious suggestions on the seed corpus', () => {
  it('finds nothing in the long shared block of the NewsBlaze articles ("two" vs "our two countries")', () => {
    const shared = block(
      pursues,
      'The US government wants and is prepared',
      'her family and friends.',
      undercut,
      'the US government wants and is prepared',
      'her family and friends.',
    );
    expect(suggestInconsistencies([pursues, undercut], [shared])).toEqual([]);
  });

  it('finds nothing where the same speaker is named differently (Mr. Rose / Frank Rose)', () => {
    const passages = [
      passage(
        pursues,
        'close cooperation between Russia and the United States and NATO is the best and most enduring way',
        renews,
        'Close cooperation between Russia and the United States and NATO is the best and most enduring way',
      ),
      passage(pursues, 'Russia is not being asked to blindly trust us.', renews, 'Russia is not being asked to blindly trust us.'),
      passage(
        pursues,
        'Russia would see firsthand that this system is designed for the ballistic missile threat',
        renews,
        'Russia would see firsthand that this system is designed for the ballistic missile threat',
      ),
    ];
    expect(suggestInconsistencies([pursues, renews], passages)).toEqual([]);
  });

  it('skips boilerplate, even where its dates differ between pages', () => {
    const footer = passage(
      renews,
      'North Korean Ballistic Missile Models\n\n    April 8, 2015',
      pledge,
      'North Korean Ballistic Missile Models\n\n    July 22, 2015',
      true,
    );
    expect(suggestInconsistencies([renews, pledge], [footer])).toEqual([]);
    // The same text as a normal passage is a date difference: the skip is what kept it out.
    const asPassage = suggestInconsistencies([renews, pledge], [{ ...footer, boilerplate: false }]);
    expect(asPassage.map((s) => s.category)).toEqual(['date']);
  });

  it('reports each of several seed attribution swaps once, and only attribution', () => {
    const passages = [
      sectoral,
      passage(
        pursues,
        'a legal guarantee with a set of “military-technical criteria” that could, in effect, create limitations on our ability to develop and deploy future missile defense systems',
        undercut,
        'a legally binding guarantee with a set of “military-technical criteria,” which would, in effect, limit its ability to develop and deploy future missile defense systems',
      ),
      // Overlapping report of the first passage: must not duplicate its suggestion.
      passage(pursues, 'agree to Russia’s proposal for “sectoral” missile defense', undercut, 'agree to Russia’s proposal for “sectoral” missile defense'),
    ];
    const found = suggestInconsistencies([pursues, undercut], passages);
    expect(found.map((s) => s.category)).toEqual(['attribution', 'attribution']);
    expect(new Set(found.map((s) => s.id)).size).toBe(2);
    for (const s of found) expect(s.evidence.map((e) => e.value).sort()).toEqual(['Ellen Tauscher', 'Frank A. Rose']);
  });
});

describe('the whole seed corpus', () => {
  it('yields only the three Rose/Tauscher attribution swaps when every similar sentence pair is a passage', () => {
    const all = [pursues, undercut, renews, pledge, seed(MDAA)];
    const found = suggestInconsistencies(all, similarSentencePairs(all));
    expect(found.map((s) => s.category)).toEqual(['attribution', 'attribution', 'attribution']);
    const sentences = found.map((s) => s.targets.find((t) => t.source === PURSUES)!.exact);
    expect(sentences.some((t) => t.includes('“sectoral”'))).toBe(true);
    expect(sentences.some((t) => t.includes('military-technical'))).toBe(true);
    expect(sentences.some((t) => t.includes('defense of Russian territory'))).toBe(true);
  });
});

/**
 * A stand-in for the reuse detector: every pair of sentences from two sources sharing 60% of their
 * words is a passage; the GSN page footers (after "Note to our Readers") are boilerplate.
 */
function similarSentencePairs(all: SourceText[]): ReusePassage[] {
  const sentences = (s: SourceText) =>
    s.text.split(/(?<=[.?!”"])\s+|\n+/).map((raw) => {
      const start = s.text.indexOf(raw);
      const words = new Set(raw.toLowerCase().match(/[a-z0-9]+/g) ?? []);
      return { start, end: start + raw.length, words };
    });
  const footer = (s: SourceText, at: number) => s.id.startsWith('gsn-') && at > s.text.indexOf('Note to our Readers');
  const out: ReusePassage[] = [];
  for (let x = 0; x < all.length; x++) {
    for (let y = x + 1; y < all.length; y++) {
      for (const a of sentences(all[x])) {
        for (const b of sentences(all[y])) {
          if (a.words.size < 6 || b.words.size < 6 || a.end <= a.start || b.end <= b.start) continue;
          const shared = [...a.words].filter((w) => b.words.has(w)).length;
          if (shared < 0.6 * Math.min(a.words.size, b.words.size)) continue;
          out.push({
            a: { source: all[x].id, start: a.start, end: a.end },
            b: { source: all[y].id, start: b.start, end: b.end },
            words: shared,
            similarity: 0.8,
            boilerplate: footer(all[x], a.start) && footer(all[y], b.start),
          });
        }
      }
    }
  }
  return out;
}

describe('spans', () => {
  it('rejects a passage outside its source text', () => {
    const bad: ReusePassage = { ...sectoral, a: { ...sectoral.a, end: pursues.text.length + 5 } };
    expect(() => suggestInconsistencies([pursues, undercut], [bad])).toThrow(RangeError);
  });

});
