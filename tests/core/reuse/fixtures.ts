/**
 * Named fixtures for the reuse tests: deterministic filler prose made of pseudo-words, so that
 * any shared passage in a test is one the test planted on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from '../../../bench/corpus-generator';
import type { ReuseDocument } from '../../../core/reuse';

/** A small deterministic PRNG: the benchmark generator's mulberry32. */
export const prng = mulberry32;

const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'su', 'vra', 'del', 'pon', 'ri', 'sha', 'gu', 'nek', 'tor', 'bi', 'fal', 'zu'];

/** `count` pseudo-words drawn from a seed: unrelated seeds share almost no 5-word runs. */
export function filler(seed: number, count: number): string[] {
  const rnd = prng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const parts = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let p = 0; p < parts; p++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    out.push(w);
  }
  return out;
}

/** Joins words into sentences of ten words, so texts look like prose. */
export function prose(words: readonly string[]): string {
  const out: string[] = [];
  for (let k = 0; k < words.length; k += 10) {
    const s = words.slice(k, k + 10).join(' ');
    out.push(s.charAt(0).toUpperCase() + s.slice(1) + '.');
  }
  return out.join(' ');
}

const SEED_DIR = join(import.meta.dirname, '../../../sources');

/** The seed articles as reuse documents, with the outlet and author their sidecars give. */
export function seedDocuments(): ReuseDocument[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => {
      const id = f.slice(0, -4);
      const meta = JSON.parse(readFileSync(join(SEED_DIR, `${id}.meta.json`), 'utf8')) as { outlet: string; author?: string };
      return { id, text: readFileSync(join(SEED_DIR, f), 'utf8'), outlet: meta.outlet, author: meta.author };
    });
}
