/**
 * Carrying an annotation to the other copies of its passage (duplicate coverage): either the same
 * claim or note on each copy, or one `reuse` annotation linking the passage and all its copies.
 */
import { copiesOf, type Copy } from '../../core/carry/copies';
import type { Annotation } from '../../core/model';
import { ServiceError } from './service-error';
import type { AnnotationService } from './annotation-service';
import type { ReuseService } from './reuse-service';

export type CarryMode = 'copy' | 'reuse';

export class CarryService {
  constructor(
    private readonly annotations: AnnotationService,
    private readonly reuse: ReuseService,
  ) {}

  /** Copies of each target's passage in other sources, minus passages the annotation already covers. */
  copies(a: Annotation): Copy[] {
    const textOf = (id: string) => this.annotations.sources.get(id)?.text;
    const out: Copy[] = [];
    const covered = (c: Copy) => a.targets.some((t) => t.source === c.source && t.start < c.end && c.start < t.end);
    for (const t of a.targets) {
      if (t.orphaned) continue;
      for (const c of copiesOf(t, this.reuse.passages(t.source), textOf)) {
        if (!covered(c) && !out.some((o) => o.source === c.source && o.start === c.start && o.end === c.end)) out.push(c);
      }
    }
    return out;
  }

  /**
   * Creates the carried annotations. `sources` narrows which copies to use. Annotations are stored
   * in one all-or-nothing insert.
   */
  async carry(a: Annotation, mode: CarryMode, sources?: string[]): Promise<Annotation[]> {
    const all = this.copies(a).filter((c) => !sources || sources.includes(c.source));
    if (!all.length) throw new ServiceError('no_copies', 'this passage has no copy in another source to carry the annotation to');
    // Carrying twice must not stack duplicates: skip copies that already hold such an annotation.
    const same = (x: { source: string; start: number; end: number }, y: { source: string; start: number; end: number }) =>
      x.source === y.source && x.start === y.start && x.end === y.end;
    const existing = this.annotations.store
      .annotations()
      .filter((x) => x.set === a.set && (mode === 'reuse' ? x.kind === 'reuse' : x.kind === a.kind && x.note === a.note && JSON.stringify(x.claim ?? null) === JSON.stringify(a.claim ?? null)));
    const copies =
      mode === 'reuse'
        ? existing.some((x) => [...a.targets, ...all].every((t) => x.targets.some((u) => same(t, u)))) ? [] : all
        : all.filter((c) => !existing.some((x) => x.targets.length === 1 && same(x.targets[0], c)));
    if (!copies.length) throw new ServiceError('already_carried', 'every copy of this passage already carries this annotation');
    const asTarget = (c: { source: string; start: number; end: number; exact: string }) => ({ source: c.source, start: c.start, end: c.end, exact: c.exact });
    const base = { set: a.set, tags: a.tags, note: a.note };
    const records =
      mode === 'reuse'
        ? [this.annotations.build({ ...base, kind: 'reuse', targets: [...a.targets.filter((t) => !t.orphaned).map(asTarget), ...copies.map(asTarget)] })]
        : copies.map((c) => this.annotations.build({ ...base, kind: a.kind, claim: a.claim, targets: [asTarget(c)] }));
    await this.annotations.store.insert(records);
    return records;
  }
}
