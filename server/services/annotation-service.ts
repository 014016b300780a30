/**
 * Annotation use cases over a store and the source texts: list, create, edit and delete with
 * revision checks, sets, and the anchoring rule that every target's `exact` is the source text at
 * start..end. Each change is one store transaction together with its history entry. "Not found"
 * on a read is undefined; a request that cannot be carried out throws ServiceError.
 */
import { randomUUID } from 'node:crypto';
import { compareAnnotations, matchesFilter, type AnnotationFilter } from '../../core/annotations/annotation-filter';
import { deletedFields, fieldChanges } from '../../core/annotations/annotation-changes';
import { quoteContext } from '../../core/anchoring/quote-context';
import { DEFAULT_SET, KINDS, LINKING_KINDS, MAX_REVISION, type Annotation, type AnnotationSet, type HistoryEntry, type HistoryItem, type Kind, type Target } from '../../core/model';
import type { CreateAnnotation, CreateSet, PatchAnnotation, TargetInput } from '../../core/model';
import type { z } from 'zod';
import { demandChange, type UseCase } from '../auth/permissions';
import type { Actor } from './actor';
import { missing, ServiceError } from './service-error';
import type { SourceLibrary } from '../sources/source-library';
import type { Store, Transaction } from '../store/store';

export type CreateInput = z.output<typeof CreateAnnotation>;
export type PatchInput = z.output<typeof PatchAnnotation>;

export function zeroCounts(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

export function newAnnotationId(): string {
  return `a_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** Sorted copies of a store's list arrays, per source the order is taken in. */
const sortedLists = new WeakMap<readonly Annotation[], Map<string | undefined, readonly Annotation[]>>();

const newHistoryId = () => `h_${randomUUID().replace(/-/g, '')}`;

/** How `insert` records new annotations in their history. */
export interface InsertOptions {
  /** `imported`: brought in by an import (default `created`). */
  action?: 'created' | 'imported';
  /** History an import carried, per record, written before the import's own entry. */
  carried?: ReadonlyMap<Annotation, readonly HistoryItem[]>;
}

/** Stored annotations are shared, read-only objects: a change builds a new one. */
export class AnnotationService {
  constructor(
    readonly store: Store,
    readonly sources: SourceLibrary,
    readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Annotations matching `filter`, in text order. A store that hands out the same array until its
   * contents change gets the same sorted, frozen array back for it, so a busy source's list is
   * sorted (and serialised, see http/annotation-json.ts) once per change, not once per request.
   */
  async list(filter: AnnotationFilter = {}): Promise<readonly Annotation[]> {
    if (filter.set !== undefined) filter = { ...filter, set: await this.storedSetName(filter.set) };
    const narrowed = await this.store.annotations({ source: filter.source, set: filter.set });
    const plain = !filter.kind && !filter.tag && !filter.verdict && !filter.q;
    if (!plain) return narrowed.filter((a) => matchesFilter(a, filter)).sort(compareAnnotations(filter.source));
    let bySource = sortedLists.get(narrowed);
    if (!bySource) sortedLists.set(narrowed, (bySource = new Map()));
    let sorted = bySource.get(filter.source);
    if (!sorted) bySource.set(filter.source, (sorted = Object.freeze([...narrowed].sort(compareAnnotations(filter.source)))));
    return sorted;
  }

  get(id: string): Promise<Annotation | undefined> {
    return this.store.annotation(id);
  }

  /** Annotations per source and kind (one linking several sources counts for each), optionally in one set. */
  async countsBySource(set?: string): Promise<Map<string, Record<Kind, number>>> {
    return this.store.countsBySource(set === undefined ? undefined : await this.storedSetName(set));
  }

  /**
   * The name a set is stored under, for a name given in any case or Unicode normal form (records
   * carry the stored name, so filters must compare with it); a set that does not exist keeps the
   * name given, in NFC, and matches nothing.
   */
  async storedSetName(name: string): Promise<string> {
    return (await this.store.set(name))?.name ?? name.normalize('NFC');
  }

  /** The sets, `default` first, each with its number of annotations. */
  async setsWithSizes(): Promise<(AnnotationSet & { count: number })[]> {
    const sizes = await this.store.setSizes();
    return [...(await this.store.sets())]
      .sort((a, b) => (a.name === DEFAULT_SET ? -1 : b.name === DEFAULT_SET ? 1 : a.name.localeCompare(b.name)))
      .map((s) => ({ ...s, count: sizes.get(s.name) ?? 0 }));
  }

  /** The set of that name (without regard to case or Unicode normal form), or undefined. */
  set(name: string): Promise<AnnotationSet | undefined> {
    return this.store.set(name);
  }

  /** Creates a set; ServiceError `exists` when one of that name (in any case) exists. */
  async createSet(input: z.output<typeof CreateSet>): Promise<AnnotationSet> {
    const set: AnnotationSet = { name: input.name.normalize('NFC'), description: input.description, created: this.now().toISOString() };
    return this.store.transact(async (tx) => {
      const existing = await tx.set(set.name);
      if (existing) throw new ServiceError('exists', `an annotation set named "${existing.name}" exists already`);
      tx.putSet(set);
      return set;
    });
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
      // The revision it was made on travels with the target (exports say which text it quotes).
      const made = source.revision ? { revision: source.revision } : {};
      return { source: t.source, start: t.start, end: t.end, exact: t.exact, ...quoteContext(source.text, t.start, t.end), ...made };
    });
  }

  /** Builds a new record (not yet stored) from validated input; its set is checked when it is stored. */
  build(input: CreateInput, actor: Actor): Annotation {
    const targets = this.resolveTargets(input.targets);
    const stamp = this.now().toISOString();
    const a: Annotation = {
      id: newAnnotationId(),
      revision: 1,
      created: stamp,
      modified: stamp,
      creator: actor.name,
      modifiedBy: actor.name,
      set: input.set.normalize('NFC'),
      kind: input.kind,
      targets,
      tags: dedupe(input.tags),
      note: input.note,
    };
    if (input.kind === 'claim') a.claim = input.claim ?? { claimant: '', verdict: 'unverified', evidence: [] };
    return a;
  }

  /**
   * Stores new records inside `tx`, each with its history entry. Each record's set must exist (its
   * name is taken as stored, whatever the case the input used).
   */
  async insert(tx: Transaction, records: Annotation[], actor: Actor, opts: InsertOptions = {}): Promise<Annotation[]> {
    const names = new Map<string, string>();
    const out: Annotation[] = [];
    for (const a of records) {
      let name = names.get(a.set);
      if (name === undefined) {
        const set = await tx.set(a.set);
        if (!set) throw missing('annotation set', a.set);
        names.set(a.set, (name = set.name));
      }
      const stored = name === a.set ? a : { ...a, set: name };
      tx.insertAnnotation(stored);
      for (const item of opts.carried?.get(a) ?? []) tx.addHistory({ ...item, id: newHistoryId(), annotation: a.id });
      const imported = opts.action === 'imported';
      tx.addHistory({ id: newHistoryId(), annotation: a.id, revision: a.revision, action: imported ? 'imported' : 'created', at: imported ? this.now().toISOString() : a.modified, by: actor.name, changes: [] });
      out.push(stored);
    }
    return out;
  }

  async create(input: CreateInput, actor: Actor): Promise<Annotation> {
    const a = this.build(input, actor);
    return this.store.transact(async (tx) => (await this.insert(tx, [a], actor))[0]);
  }

  /**
   * The annotation as `tx` holds it at `revision`, which `actor` may `use` (own it, or have the role
   * for others'): not_found, forbidden and conflict are ServiceErrors, in that order.
   */
  async current(tx: Transaction, id: string, revision: number, actor: Actor, use: UseCase): Promise<Annotation> {
    const current = await tx.annotation(id);
    if (!current) throw missing('annotation', id);
    demandChange(actor, use, current.creator, `annotation "${id}"`);
    if (current.revision !== revision) {
      throw new ServiceError('conflict', `annotation "${id}" was changed elsewhere (it is at revision ${current.revision}); nothing was saved`, { current });
    }
    return current;
  }

  /** Replaces `before` with `next(before)` as a new revision, with its history entry. */
  replace(tx: Transaction, before: Annotation, changes: Partial<Annotation>, actor: Actor): Annotation {
    if (before.revision >= MAX_REVISION) {
      throw new ServiceError('revision_limit', `annotation "${before.id}" is at revision ${before.revision}, the highest a record may reach; copy it into a new annotation to change it`);
    }
    const after: Annotation = { ...before, ...changes, id: before.id, revision: before.revision + 1, modified: this.now().toISOString(), modifiedBy: actor.name };
    tx.replaceAnnotation(after);
    tx.addHistory({ id: newHistoryId(), annotation: after.id, revision: after.revision, action: 'updated', at: after.modified, by: actor.name, changes: fieldChanges(before, after) });
    return after;
  }

  async update(id: string, patch: PatchInput, actor: Actor): Promise<Annotation> {
    const targets = patch.targets ? this.resolveTargets(patch.targets) : undefined;
    const { revision: _based, ...given } = patch;
    return this.store.transact(async (tx) => {
      const current = await this.current(tx, id, patch.revision, actor, 'annotation.edit');
      // Nothing to change: no new revision.
      if (Object.keys(given).length === 0) return current;
      let set: string | undefined;
      if (patch.set !== undefined) {
        const found = await tx.set(patch.set);
        if (!found) throw missing('annotation set', patch.set);
        set = found.name;
      }
      if (patch.claim !== undefined && current.kind !== 'claim') {
        throw new ServiceError('invalid', `only a claim carries claim details; this annotation is a ${current.kind}`);
      }
      if (targets && LINKING_KINDS.includes(current.kind) && targets.length < 2) {
        throw new ServiceError('invalid', `a ${current.kind} links at least two passages`);
      }
      return this.replace(
        tx,
        current,
        {
          ...(set !== undefined ? { set } : {}),
          ...(targets ? { targets } : {}),
          ...(patch.tags !== undefined ? { tags: dedupe(patch.tags) } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.claim !== undefined ? { claim: patch.claim } : {}),
        },
        actor,
      );
    });
  }

  async remove(id: string, revision: number, actor: Actor): Promise<Annotation> {
    return this.store.transact(async (tx) => {
      const current = await this.current(tx, id, revision, actor, 'annotation.delete');
      tx.deleteAnnotation(id);
      tx.addHistory({ id: newHistoryId(), annotation: id, revision: current.revision, action: 'deleted', at: this.now().toISOString(), by: actor.name, changes: deletedFields(current) });
      return current;
    });
  }

  /** Every change to an annotation, oldest first; undefined when it never existed. */
  async history(id: string): Promise<readonly HistoryEntry[] | undefined> {
    const entries = await this.store.history(id);
    return entries.length || (await this.store.annotation(id)) ? entries : undefined;
  }
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

export function dedupe(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((t) => {
    const k = t.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
