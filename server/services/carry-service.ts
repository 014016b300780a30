/**
 * Carrying an annotation to the other copies of its passage (duplicate coverage): either the same
 * claim or note on each copy, or one `reuse` annotation linking the passage and all its copies.
 */
import { copiesOf, type Copy } from '../../core/carry/copies';
import type { Annotation } from '../../core/model';
import { demandChange } from '../auth/permissions';
import type { Actor } from './actor';
import { missing, ServiceError } from './service-error';
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
   * Creates the carried annotations in one transaction. `sources` narrows which copies to use.
   * Copies that already carry such an annotation are skipped, checked inside the transaction, so
   * two concurrent carries cannot both add them.
   */
  async carry(id: string, mode: CarryMode, actor: Actor, sources?: string[]): Promise<Annotation[]> {
    const a = await this.annotations.get(id);
    if (!a) throw missing('annotation', id);
    // Checked again inside the transaction; here so a refusal is not hidden behind "no copies".
    demandChange(actor, 'annotation.carry', a.creator, `annotation "${id}"`);
    const all = this.copies(a).filter((c) => !sources || sources.includes(c.source));
    if (!all.length) throw new ServiceError('no_copies', 'this passage has no copy in another source to carry the annotation to');
    const same = (x: { source: string; start: number; end: number }, y: { source: string; start: number; end: number }) =>
      x.source === y.source && x.start === y.start && x.end === y.end;
    const asTarget = (c: { source: string; start: number; end: number; exact: string }) => ({ source: c.source, start: c.start, end: c.end, exact: c.exact });
    const base = { set: a.set, tags: a.tags, note: a.note };
    return this.annotations.store.transact(async (tx) => {
      const now = await tx.annotation(a.id);
      if (!now) throw missing('annotation', a.id);
      demandChange(actor, 'annotation.carry', now.creator, `annotation "${a.id}"`);
      // Carrying twice must not stack duplicates: skip copies that already hold such an annotation.
      const alike = (x: Annotation) =>
        x.set === a.set && (mode === 'reuse' ? x.kind === 'reuse' : x.kind === a.kind && x.note === a.note && JSON.stringify(x.claim ?? null) === JSON.stringify(a.claim ?? null));
      const existing: Annotation[] = [];
      for (const source of new Set(all.map((c) => c.source))) existing.push(...(await tx.annotations({ source, set: a.set })).filter(alike));
      const copies =
        mode === 'reuse'
          ? existing.some((x) => [...a.targets, ...all].every((t) => x.targets.some((u) => same(t, u)))) ? [] : all
          : all.filter((c) => !existing.some((x) => x.targets.length === 1 && same(x.targets[0], c)));
      if (!copies.length) throw new ServiceError('already_carried', 'every copy of this passage already carries this annotation');
      const records =
        mode === 'reuse'
          ? [this.annotations.build({ ...base, kind: 'reuse', targets: [...a.targets.filter((t) => !t.orphaned).map(asTarget), ...copies.map(asTarget)] }, actor)]
          : copies.map((c) => this.annotations.build({ ...base, kind: a.kind, claim: a.claim, targets: [asTarget(c)] }, actor));
      return this.annotations.insert(tx, records, actor);
    });
  }
}
