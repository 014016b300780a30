/**
 * Loads the English Hunspell dictionaries shipped by the npm packages `dictionary-en` (US spelling)
 * and `dictionary-en-gb` (British spelling) and builds the spelling checker the assistant's typo pass
 * takes (core/assistant, `SpellChecker`), with `nspell`. News copy comes in both spellings, so a
 * word either dictionary knows is correct ("colour", "color"); suggestions come from the US one first.
 *
 * Reading the files is the only I/O; building the checkers takes a few hundred milliseconds, so one
 * checker is loaded per process and shared.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { SpellChecker } from '../../core/assistant/types';

const DICTIONARIES = ['dictionary-en', 'dictionary-en-gb'] as const;

let loaded: Promise<SpellChecker> | undefined;

/** The shared checker, loaded on first use. */
export function loadSpellChecker(): Promise<SpellChecker> {
  loaded ??= buildSpellChecker().catch((err: unknown) => {
    loaded = undefined; // let a later call try again
    throw err;
  });
  return loaded;
}

/**
 * Reads both dictionaries and builds a fresh checker.
 *
 * @throws Error naming the package when a dictionary cannot be read.
 */
export async function buildSpellChecker(): Promise<SpellChecker> {
  const require = createRequire(import.meta.url);
  const spellers = await Promise.all(
    DICTIONARIES.map(async (name) => {
      try {
        const dir = dirname(require.resolve(name));
        const [aff, dic] = await Promise.all([readFile(join(dir, 'index.aff')), readFile(join(dir, 'index.dic'))]);
        return nspell({ aff, dic });
      } catch (err) {
        throw new Error(`cannot load the spelling dictionary ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }),
  );
  return {
    correct: (word) => spellers.some((s) => s.correct(word)),
    suggest: (word) => [...new Set(spellers.flatMap((s) => s.suggest(word)))],
  };
}
