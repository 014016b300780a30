/**
 * Annotation use cases over a store and the source texts: create, edit and delete with revision
 * checks, and the anchoring rule that every target's `exact` is the source text at start..end.
 * "Not found" comes back as undefined; input that cannot be stored throws ServiceError.
 */
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { compareAnnotations, matchesFilter, type AnnotationFilter } from '../../core/annotations/annotation-filter';
import { quoteContext } from '../../core/anchoring/quote-context';
import { DEFAULT_SET, KINDS, LINKING_KINDS, type Annotation, type AnnotationSet, type Kind, type Target } from '../../core/model';
import type { CreateAnnotation, PatchAnnotation, TargetInput } from '../../core/model';
import { CreateAnnotation as CreateSchema, PatchAnnotation as PatchSchema } from '../../core/model';
import type { z } from 'zod';
import { missing, ServiceError } from './service-error';
import type { SourceLibrary } from '../sources/source-library';
import type { AnnotationStore, Guarded } from '../store/annotation-store';

export type CreateInput = z.output<typeof CreateSchema>;
export type PatchInput = z.output<typeof PatchSchema>;

export function zeroCounts(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

export function defaultCreator(): string {
  try {
    return process.env.COLLATE_USER || userInfo().username || 'anonymous';
  } catch {
    return 'anonymous';
  }
}

export function newAnnotationId(): string {
  return `a_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

export class AnnotationService {
  constructor(
    readonly store: AnnotationStore,
    readonly sources: SourceLibrary,
    private readonly now: () => Date = () => new Date(),
    readonly creator: string = defaultCreator(),
  ) {}

  list(filter: AnnotationFilter = {}): Annotation[] {
    return this.store
      .annotations()
      .filter((a) => matchesFilter(a, filter))
      .sort(compareAnnotations(filter.source));
  }

  get(id: string): Annotation | undefined {
    return this.store.get(id);
  }

  /** Annotations per source and kind (one linking several sources counts for each), optionally in one set. */
  countsBySource(set?: string): Map<string, Record<Kind, number>> {
    const counts = new Map<string, Record<Kind, number>>();
    for (const a of this.store.annotations()) {
      if (set && a.set !== set) continue;
      for (const id of new Set(a.targets.map((t) => t.source))) {
        let c = counts.get(id);
        if (!c) counts.set(id, (c = zeroCounts()));
        c[a.kind] += 1;
      }
    }
    return counts;
  }

  /** The sets, `default` first, each with its number of annotations. */
  setsWithSizes(): (AnnotationSet & { count: number })[] {
    const sizes = new Map<string, number>();
    for (const a of this.store.annotations()) sizes.set(a.set, (sizes.get(a.set) ?? 0) + 1);
    return [...this.store.sets()]
      .sort((a, b) => (a.name === DEFAULT_SET ? -1 : b.name === DEFAULT_SET ? 1 : a.name.localeCompare(b.name)))
      .map((s) => ({ ...s, count: sizes.get(s.name) ?? 0 }));
  }

  /** Checks targets against the texts and fills their context. Throws ServiceError (not_found, out_of_range, anchor_mismatch). */
  resolveTargets(inputs: z.output<typeof TargetInput>[]): Target[] {
    return inputs.map((t, i) => {
      const source = this.sources.get(t.source);
      if (!source) throw missing('source', t.source);
      if (t.end > source.text.length) {
        throw new ServiceError('out_of_range', `targets[${i}]: end ${t.end} is past the end of source "${t.source}" (length ${source.text.length})`);
      }
      if (splitsCharacter(source.text, t.start) || splitsCharacter(source.text, t.end)) {
        throw new ServiceError('out_of_range', `targets[${i}]: ${t.start}..${t.end} cuts a character of "${t.source}" in half (offsets are UTF-16 code units; an emoji takes two)`);
      }
      const actual = source.text.slice(t.start, t.end);
      if (actual !== t.exact) {
        throw new ServiceError(
          'anchor_mismatch',
          `targets[${i}]: "exact" does not match the text of "${t.source}" at ${t.start}..${t.end} (the text there is ${JSON.stringify(actual.slice(0, 80))})`,
        );
      }
      return { source: t.source, start: t.start, end: t.end, exact: t.exact, ...quoteContext(source.text, t.start, t.end) };
    });
  }

  /** The set of that name, or undefined. */
  set(name: string): AnnotationSet | undefined {
    return this.store.sets().find((s) => s.name === name);
  }

  private requireSet(name: string): AnnotationSet {
    const set = this.set(name);
    if (!set) throw missing('annotation set', name);
    return set;
  }

  /** Builds a new record (not yet stored) from validated input. */
  build(input: CreateInput): Annotation {
    this.requireSet(input.set);
    const targets = this.resolveTargets(input.targets);
    const stamp = this.now().toISOString();
    const a: Annotation = {
      id: newAnnotationId(),
      revision: 1,
      created: stamp,
      modified: stamp,
      creator: input.creator || this.creator,
      set: input.set,
      kind: input.kind,
      targets,
      tags: dedupe(input.tags),
      note: input.note,
    };
    if (input.kind === 'claim') a.claim = input.claim ?? { claimant: '', verdict: 'unverified', evidence: [] };
    return a;
  }

  async create(input: CreateInput): Promise<Annotation> {
    const a = this.build(input);
    await this.store.insert([a]);
    return a;
  }

  async update(id: string, patch: PatchInput): Promise<Guarded<Annotation>> {
    const current = this.store.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (patch.set !== undefined) this.requireSet(patch.set);
    if (patch.claim !== undefined && current.kind !== 'claim') {
      throw new ServiceError('invalid', `only a claim carries claim details; this annotation is a ${current.kind}`);
    }
    const targets = patch.targets ? this.resolveTargets(patch.targets) : undefined;
    if (targets && LINKING_KINDS.includes(current.kind) && targets.length < 2) {
      throw new ServiceError('invalid', `a ${current.kind} links at least two passages`);
    }
    const { revision: _based, ...changes } = patch;
    if (Object.keys(changes).length === 0) {
      // Nothing to change: no new revision, but a stale base is still a conflict.
      return current.revision === patch.revision ? { ok: true, value: current } : { ok: false, reason: 'conflict', current };
    }
    const stamp = this.now().toISOString();
    return this.store.update(id, patch.revision, (cur) => ({
      ...cur,
      revision: cur.revision + 1,
      modified: stamp,
      ...(patch.set !== undefined ? { set: patch.set } : {}),
      ...(targets ? { targets } : {}),
      ...(patch.tags !== undefined ? { tags: dedupe(patch.tags) } : {}),
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      ...(patch.claim !== undefined ? { claim: patch.claim } : {}),
    }));
  }

  remove(id: string, revision: number): Promise<Guarded<Annotation>> {
    return this.store.remove(id, revision);
  }
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export type { CreateAnnotation, PatchAnnotation };
