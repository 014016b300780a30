/**
 * The words annotations share: the tags and claimants in use with how many annotations carry each
 * (what autocomplete offers, so "Frank A. Rose" and "Frank Rose" stop drifting apart), and renaming a
 * tag on every annotation that carries it, merging it into the new name where that is there already.
 * Tags compare without regard to case, as the annotation filter and the store's tag dedupe do. A
 * rename goes through AnnotationService.update, so each changed annotation gets a new revision and a
 * concurrent edit is never overwritten (a conflict is retried on the current version).
 */
import type { Annotation } from '../../core/model';
import type { AnnotationService } from './annotation-service';

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

/** How often a rename retries an annotation someone else changed meanwhile. */
const RETRIES = 3;

/** The vocabulary and tag renaming over an annotation service. */
export class VocabularyService {
  constructor(private readonly annotations: AnnotationService) {}

  /** The tags and claimants in use. */
  async vocabulary(): Promise<Vocabulary> {
    return vocabularyOf(await this.annotations.list());
  }

  /** Rename tag `from` to `to` on every annotation carrying it, as `actor`; answers how many annotations changed. */
  async renameTag(from: string, to: string, actor: Actor): Promise<{ changed: number }> {
    let changed = 0;
    for (const listed of await this.annotations.list({ tag: from })) {
      let current: Annotation | undefined = listed;
      for (let attempt = 0; current && attempt <= RETRIES; attempt++) {
        const tags = renamedTags(current.tags, from, to);
        if (!tags) break;
        try {
          await this.annotations.update(current.id, { revision: current.revision, tags }, actor);
          changed += 1;
          break;
        } catch (err) {
          // Changed meanwhile: rename on the current version; deleted meanwhile: nothing to rename.
          if (!(err instanceof ServiceError) || (err.code !== 'conflict' && err.code !== 'not_found')) throw err;
          current = err.code === 'conflict' ? (err.details as { current?: Annotation } | undefined)?.current : undefined;
        }
      }
    }
    return { changed };
  }
}
