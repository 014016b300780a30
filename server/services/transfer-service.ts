/**
 * Export and import of annotation sets, shared by the HTTP routes and the CLI: picks the annotations
 * and sources an export needs, and stores a W3C import all or nothing.
 */
import type { AnnotationFilter } from '../../core/annotations/annotation-filter';
import { exportAs, exportFileName, EXPORT_FORMATS, importW3cSteps, type ExportFormat, type ExportOptions, type ImportError } from '../../core/export';
import type { Annotation, HistoryItem, ReusePassage, Source } from '../../core/model';
import { Annotation as AnnotationSchema, DEFAULT_SET } from '../../core/model';
import { TimeSlicer } from '../runtime/time-slices';
import type { Actor } from './actor';
import { missing, ServiceError } from './service-error';
import type { AnnotationService } from './annotation-service';
import { newAnnotationId } from './annotation-service';

export interface ExportRequest extends AnnotationFilter {
  format: ExportFormat;
  options?: ExportOptions;
}

export interface ExportResult {
  body: string;
  contentType: string;
  fileName: string;
  count: number;
}

/** The most annotations one import may hold. */
export const MAX_IMPORT = 20_000;

export type ImportOutcome =
  | {
      ok: true;
      annotations: Annotation[];
      setsCreated: string[];
      /** Already present, unchanged. */
      skipped: number;
      /** Decisions on suggestions that were not here yet. */
      decisions: number;
    }
  | { ok: false; errors: ImportError[] };

/** Same passages and same content, whatever the id, revision and times. */
function sameContent(x: Annotation, y: Annotation): boolean {
  const key = (a: Annotation) =>
    JSON.stringify([a.kind, a.set, a.note, a.tags, a.claim ?? null, a.targets.map((t) => [t.source, t.start, t.end, t.exact, !!t.orphaned])]);
  return key(x) === key(y);
}

/** How many records a format holds: ClaimReview leaves out claims without a verdict. */
function countOf(format: ExportFormat, chosen: readonly Annotation[]): number {
  return format === 'claimreview' ? chosen.filter((a) => a.kind === 'claim' && a.claim && a.claim.verdict !== 'unverified').length : chosen.length;
}

export class TransferService {
  constructor(
    private readonly annotations: AnnotationService,
    private readonly reuse: () => readonly ReusePassage[] = () => [],
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(req: ExportRequest): Promise<ExportResult> {
    const { format, options, ...filter } = req;
    const named = filter.set ? await this.annotations.set(filter.set) : undefined;
    if (filter.set && !named) throw missing('annotation set', filter.set);
    if (filter.source && !this.annotations.sources.get(filter.source)) {
      throw missing('source', filter.source);
    }
    const chosen = await this.annotations.list(filter);
    const set = named ?? { name: 'all-sets', description: 'Every annotation set' };
    const wanted = new Set(chosen.flatMap((a) => a.targets.map((t) => t.source)));
    if (filter.source) wanted.add(filter.source);
    // The report covers the sources in view even where they carry no annotation yet.
    if (format === 'markdown' && !filter.source) for (const s of this.annotations.sources.list()) wanted.add(s.id);
    const reuse = format === 'markdown' ? this.reuse().filter((p) => wanted.has(p.a.source) || wanted.has(p.b.source)) : [];
    // Sections for the sources asked for (all of them, when none is named); the other sides of their
    // reuse are named, not reported.
    const sections = format === 'markdown' ? [...wanted] : undefined;
    const sources = new Map<string, Source>();
    for (const id of [...wanted, ...reuse.flatMap((p) => [p.a.source, p.b.source])]) {
      const s = this.annotations.sources.get(id);
      if (s) sources.set(id, s);
    }
    // W3C carries every annotation's history, so who changed what stays known after a round trip.
    const history = format === 'w3c' ? await this.historyOf(chosen) : undefined;
    let body: string;
    try {
      const decisions = format === 'w3c' ? await this.annotations.store.decisions() : undefined;
      body = exportAs(format, { set, annotations: chosen, sources, reuse, history, decisions, options: { generatedAt: this.now().toISOString(), sections, ...options } });
    } catch (e) {
      // The formats throw RangeError for data they cannot express, e.g. a passage in a removed source.
      if (e instanceof RangeError) throw new ServiceError('export_failed', `cannot export as ${format}: ${e.message}`);
      throw e;
    }
    const name = filter.source ? `${set.name}.${filter.source}` : set.name;
    return { body, contentType: EXPORT_FORMATS[format].contentType, fileName: exportFileName(format, name), count: countOf(format, chosen) };
  }

  private async historyOf(annotations: readonly Annotation[]): Promise<Map<string, HistoryItem[]>> {
    const slicer = new TimeSlicer();
    const out = new Map<string, HistoryItem[]>();
    for (let i = 0; i < annotations.length; i++) {
      const entries = await this.annotations.store.history(annotations[i].id);
      if (entries.length) out.set(annotations[i].id, entries.map(({ revision, action, at, by, changes }) => ({ revision, action, at, by, changes })));
      if (i % 256 === 255) await slicer.pause();
    }
    return out;
  }

  /**
   * Parses, anchors and stores W3C annotations, with the sets they name, in one transaction: after
   * a crash all of an import is there or none of it. Nothing is stored unless every annotation
   * anchors. Collate ids are kept when free (so a round trip into an empty store is exact), new
   * ones given otherwise. Long imports give way to other requests while they are checked.
   */
  async import(data: unknown, actor: Actor, opts: { set?: string } = {}): Promise<ImportOutcome> {
    const slicer = new TimeSlicer();
    const sources = new Map(this.annotations.sources.list().map((s) => [s.id, s]));
    const steps = importW3cSteps(data, sources, opts.set ? { set: opts.set } : {});
    let step = steps.next();
    while (!step.done) {
      await slicer.pause();
      step = steps.next();
    }
    const parsed = step.value;
    if (!parsed.ok) return parsed;
    if (parsed.annotations.length > MAX_IMPORT) {
      return { ok: false, errors: [{ path: '', message: `${parsed.annotations.length} annotations in one import; at most ${MAX_IMPORT} at a time` }] };
    }
    const stamp = this.now().toISOString();
    const records: Annotation[] = [];
    const carried = new Map<Annotation, HistoryItem[]>();
    const errors: ImportError[] = [];
    for (let i = 0; i < parsed.annotations.length; i++) {
      const item = parsed.annotations[i];
      try {
        const live = item.targets.filter((t) => !t.orphaned);
        const anchored = this.annotations.resolveTargets(live);
        // Orphaned targets keep their quote and context; the store re-anchors them if the quote returns.
        const targets = item.targets.map((t) =>
          t.orphaned ? { source: t.source, start: t.start, end: t.end, exact: t.exact, prefix: t.prefix ?? '', suffix: t.suffix ?? '', orphaned: true } : anchored.shift()!,
        );
        const wantId = item.origin.collateId;
        const a: Annotation = {
          id: wantId && /^[A-Za-z0-9_-]{1,64}$/.test(wantId) ? wantId : newAnnotationId(),
          revision: item.origin.revision ?? 1,
          created: item.created ?? stamp,
          modified: item.modified ?? item.created ?? stamp,
          creator: item.creator || actor.name,
          // Who last changed it, as the file says or its history shows; else its creator.
          modifiedBy: item.modifiedBy ?? item.history?.at(-1)?.by ?? (item.creator || actor.name),
          set: (item.set || DEFAULT_SET).normalize('NFC'),
          kind: item.kind,
          targets,
          tags: item.tags,
          note: item.note,
        };
        if (item.kind === 'claim') a.claim = item.claim ?? { claimant: '', verdict: 'unverified', evidence: [] };
        // The record must be one the store can load again.
        const record = AnnotationSchema.parse(a);
        records.push(record);
        if (item.history?.length) carried.set(record, item.history);
      } catch (e) {
        errors.push({ path: `annotation ${i}`, message: e instanceof Error ? e.message : String(e) });
      }
      if (i % 64 === 63) await slicer.pause();
    }
    if (errors.length) return { ok: false, errors };
    return this.annotations.store.transact(async (tx) => {
      // An annotation that is here already, unchanged (the same file imported twice), is skipped.
      const fresh: Annotation[] = [];
      // Copies, with the history each carries: the ids below may change, and the store may run
      // this work again (store.ts), which must find the records as they were.
      const carriedBy = new Map<Annotation, HistoryItem[]>();
      // Every id the file brings, read at once (a database answers them in one query).
      const existing = await tx.annotationsById(records.map((a) => a.id));
      for (const a of records) {
        const here = existing.get(a.id);
        if (here && sameContent(here, a)) continue;
        const copy = { ...a };
        fresh.push(copy);
        const history = carried.get(a);
        if (history) carriedBy.set(copy, history);
      }
      const skipped = records.length - fresh.length;
      // Taken ids get new ones (decided here, inside the transaction, so no other write can take them).
      const renamed = new Map<string, string>();
      const seen = new Set<string>();
      for (const a of fresh) {
        if (seen.has(a.id) || existing.has(a.id)) {
          const id = newAnnotationId();
          renamed.set(a.id, id);
          a.id = id;
        }
        seen.add(a.id);
      }
      // Decisions the file carries and this store does not hold yet (its own decisions win); an
      // accepted one follows its annotation to a new id.
      let decisions = 0;
      for (const d of parsed.decisions) {
        if (await tx.decision(d.suggestion)) continue;
        tx.putDecision(d.annotation && renamed.has(d.annotation) ? { ...d, annotation: renamed.get(d.annotation) } : d);
        decisions++;
      }
      if (!fresh.length) return { ok: true, annotations: [], setsCreated: [], skipped, decisions };
      // Sets named by the import are created with it; names differing only in case join the existing set.
      const setsCreated: string[] = [];
      for (const name of new Set(fresh.map((a) => a.set))) {
        if (await tx.set(name)) continue;
        tx.putSet({ name, description: 'Created by an import', created: stamp });
        setsCreated.push(name);
      }
      const stored = await this.annotations.insert(tx, fresh, actor, { action: 'imported', carried: carriedBy });
      return { ok: true, annotations: stored, setsCreated, skipped, decisions };
    });
  }
}
