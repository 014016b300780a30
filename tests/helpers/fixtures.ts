/**
 * Named fixtures over the seed corpus: passages located by their text, so tests never hard-code
 * offsets that would silently drift.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_SOURCES } from './test-server';

export const SEEDS = {
  gsnRenews: 'gsn-us-renews-call-for-russia',
  gsnPledge: 'gsn-russia-could-receive-pledge',
  nbPursues: 'newsblaze-us-pursues-cooperation',
  nbUndercut: 'newsblaze-will-us-plans-undercut-russia',
  mdaa: 'mdaa-russian-cooperation-white-paper',
} as const;

export function seedText(id: string): string {
  return readFileSync(join(SEED_SOURCES, `${id}.txt`), 'utf8');
}

/** A target over the first occurrence of `quote` in a seed text. */
export function targetOf(source: string, quote: string, from = 0): { source: string; start: number; end: number; exact: string } {
  const text = seedText(source);
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`fixture quote not found in ${source}: ${quote}`);
  return { source, start, end: start + quote.length, exact: quote };
}

export const ROSE_QUOTE = 'Close cooperation between Russia and the United States and NATO is the best and most enduring way';
export const SECTORAL_ROSE = 'cannot agree to Russia’s proposal for “sectoral” missile defense';
