/**
 * The words annotations share, as pure functions: the tags and claimants in use with how many
 * annotations carry each (what autocomplete offers, so "Frank A. Rose" and "Frank Rose" stop
 * drifting apart), and a tag list with one tag renamed, merged into the new name where that is there
 * already. Names compare without regard to case, as the annotation filter does.
 */
import type { Annotation } from '../model';

/** A name in use and how many annotations carry it. */
export interface VocabularyEntry {
  name: string;
  count: number;
}

/** The tags and claimants in use, most used first. */
export interface Vocabulary {
  tags: VocabularyEntry[];
  claimants: VocabularyEntry[];
}

/**
 * Names grouped without regard to case, each shown in its most used spelling (the first seen on a
 * tie), most used first, then alphabetically. Empty names are left out. Pure.
 */
export function countNames(names: Iterable<string>): VocabularyEntry[] {
  const groups = new Map<string, { total: number; spellings: Map<string, number> }>();
  for (const raw of names) {
    const name = raw.trim();
    if (!name) continue;
    const key = name.toLowerCase();
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { total: 0, spellings: new Map() }));
    g.total += 1;
    g.spellings.set(name, (g.spellings.get(name) ?? 0) + 1);
  }
  const entries: VocabularyEntry[] = [];
  for (const g of groups.values()) {
    let best = '';
    let most = 0;
    for (const [spelling, n] of g.spellings) if (n > most) [best, most] = [spelling, n];
    entries.push({ name: best, count: g.total });
  }
  return entries.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** The vocabulary of `annotations`: each annotation counts once per tag and once for its claimant. Pure. */
export function vocabularyOf(annotations: readonly Annotation[]): Vocabulary {
  const tags: string[] = [];
  const claimants: string[] = [];
  for (const a of annotations) {
    const seen = new Set<string>();
    for (const t of a.tags) {
      if (seen.has(t.toLowerCase())) continue;
      seen.add(t.toLowerCase());
      tags.push(t);
    }
    if (a.claim?.claimant) claimants.push(a.claim.claimant);
  }
  return { tags: countNames(tags), claimants: countNames(claimants) };
}

/**
 * `tags` with tag `from` (any case) renamed to `to`, a tag equal to `to` (any case) already there
 * kept once, in its first place; null when nothing changes. Pure.
 */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  const match = from.toLowerCase();
  if (!tags.some((t) => t.toLowerCase() === match)) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of tags) {
    const next = t.toLowerCase() === match ? to : t;
    if (seen.has(next.toLowerCase())) continue;
    seen.add(next.toLowerCase());
    out.push(next);
  }
  return out.length === tags.length && out.every((t, i) => t === tags[i]) ? null : out;
}
