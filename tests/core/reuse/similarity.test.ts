import { describe, expect, it } from 'vitest';
import { passageSimilarity, similarityPercent } from '../../../core/reuse/similarity';

describe('passageSimilarity', () => {
  it('is 2 × matched / (A + B) to 3 decimals', () => {
    expect(passageSimilarity(10, 10, 10)).toBe(1);
    expect(passageSimilarity(9, 10, 10)).toBe(0.9);
    expect(passageSimilarity(10, 10, 12)).toBe(0.909);
  });

  it('never rounds a passage with one word changed up to 1, however long', () => {
    for (const n of [100, 2000, 50_000]) {
      expect(passageSimilarity(n - 1, n, n)).toBeLessThan(1);
      expect(passageSimilarity(n, n, n + 1)).toBeLessThan(1);
    }
    expect(passageSimilarity(49_999, 50_000, 50_000)).toBe(0.999);
  });
});

describe('similarityPercent', () => {
  it('shows one decimal by default, rounding to nearest below 100', () => {
    expect(similarityPercent(0.5)).toBe('50.0%');
    expect(similarityPercent(0.9234)).toBe('92.3%');
    expect(similarityPercent(0.998)).toBe('99.8%');
    expect(similarityPercent(0)).toBe('0.0%');
  });

  it('shows 100% only for 1, capping near copies one step below', () => {
    expect(similarityPercent(1)).toBe('100%');
    expect(similarityPercent(0.9999)).toBe('99.9%');
    expect(similarityPercent(0.996, 0)).toBe('99%');
    expect(similarityPercent(0.994, 0)).toBe('99%');
    expect(similarityPercent(0.42, 0)).toBe('42%');
  });
});
