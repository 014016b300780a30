/** The benchmark's corpus generator: deterministic, and its ground truth points at what it planted. */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus-generator';
import { evaluate } from '../../bench/evaluate';

const words = (s: string): string[] => s.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean);

describe('generateCorpus', () => {
  it('gives the same corpus for the same seed and a different one for another seed', () => {
    const a = generateCorpus({ docs: 20, seed: 3 });
    const b = generateCorpus({ docs: 20, seed: 3 });
    const c = generateCorpus({ docs: 20, seed: 4 });
    expect(b.docs).toEqual(a.docs);
    expect(b.planted).toEqual(a.planted);
    expect(c.docs.map((d) => d.text)).not.toEqual(a.docs.map((d) => d.text));
  });

  it('drops only the outlet fields with dropOutlets: same texts and ground truth', () => {
    const a = generateCorpus({ docs: 20, seed: 3 });
    const b = generateCorpus({ docs: 20, seed: 3, dropOutlets: true });
    expect(b.docs).toEqual(a.docs.map(({ id, text }) => ({ id, text })));
    expect(b.planted).toEqual(a.planted);
    expect(b.chrome).toEqual(a.chrome);
    expect(new Set(a.docs.map((d) => d.outlet)).size).toBeGreaterThan(1);
  });

  it('plants each passage in 2-4 documents as near-copies of each other', () => {
    const corpus = generateCorpus({ docs: 40, seed: 5 });
    const text = new Map(corpus.docs.map((d) => [d.id, d.text]));
    expect(corpus.planted.length).toBeGreaterThan(5);
    for (const p of corpus.planted) {
      expect(p.copies.length).toBeGreaterThanOrEqual(2);
      expect(p.copies.length).toBeLessThanOrEqual(4);
      expect(new Set(p.copies.map((c) => c.doc)).size).toBe(p.copies.length);
      const [first, ...rest] = p.copies.map((c) => words(text.get(c.doc)?.slice(c.start, c.end) ?? ''));
      expect(first.length).toBeGreaterThanOrEqual(13);
      for (const other of rest) {
        // Edits are at most a few per hundred words: most words line up with the other copy.
        const shared = other.filter((w) => first.includes(w)).length;
        expect(shared / other.length).toBeGreaterThan(0.85);
        expect(Math.abs(other.length - first.length)).toBeLessThanOrEqual(Math.ceil(first.length * 0.12) + 1);
      }
    }
  });

  it('marks the header and footer chrome of every document', () => {
    const corpus = generateCorpus({ docs: 12, seed: 6 });
    for (const doc of corpus.docs) {
      const chrome = corpus.chrome.get(doc.id);
      expect(chrome).toBeDefined();
      expect(doc.text.slice(...(chrome?.header ?? [0, 0]))).toContain('Subscribe Sign in');
      expect(doc.text.slice(...(chrome?.footer ?? [0, 0]))).toMatch(/^Related stories/);
      expect(doc.text.endsWith('All rights reserved.')).toBe(true);
    }
  });

  it('scores a perfect answer built from the ground truth as recall and precision 1', () => {
    const corpus = generateCorpus({ docs: 30, seed: 8 });
    const perfect = corpus.planted.flatMap((p) =>
      p.copies.flatMap((x, i) =>
        p.copies.slice(i + 1).map((y) => {
          const [a, b] = x.doc < y.doc ? [x, y] : [y, x];
          return {
            a: { source: a.doc, start: a.start, end: a.end },
            b: { source: b.doc, start: b.start, end: b.end },
            words: p.words,
            similarity: 1,
            boilerplate: false,
          };
        }),
      ),
    );
    const score = evaluate(corpus, perfect);
    expect(score.recall).toBe(1);
    expect(score.precision).toBe(1);
    expect(evaluate(corpus, []).recall).toBe(0);
  });
});
