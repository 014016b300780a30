/**
 * Suggested inconsistencies and what people decided about them: the list still to decide, confirm
 * (an inconsistency annotation and the decision, in one transaction) and dismiss. A suggestion is
 * decided once: the check and the write sit in the same transaction, so of two concurrent
 * confirmations exactly one succeeds.
 */
import { suggestionToAnnotation, type InconsistencySuggestion } from '../../core/inconsistency';
import { CreateAnnotation, type Annotation } from '../../core/model';
import type { Actor } from './actor';
import type { AnnotationService } from './annotation-service';
import type { ReuseService } from './reuse-service';
import { missing, ServiceError } from './service-error';

export interface ConfirmInput {
  set?: string;
  note?: string;
  tags?: string[];
}

/** `text` with each source id replaced by the source's title in quotes. */
export function namedByTitle(text: string, ids: string[], titleOf: (id: string) => string | undefined): string {
  let out = text;
  // Longest first, so an id that is a prefix of another does not break it.
  for (const id of [...new Set(ids)].sort((a, b) => b.length - a.length)) {
    const title = titleOf(id);
    if (title) out = out.split(id).join(`“${title}”`);
  }
  return out;
}

export class SuggestionService {
  constructor(
    private readonly reuse: ReuseService,
    private readonly annotations: AnnotationService,
  ) {}

  /** Suggestions nobody has confirmed or dismissed, touching `source` when given. */
  async open(source?: string): Promise<InconsistencySuggestion[]> {
    const decided = new Set((await this.annotations.store.decisions()).map((d) => d.suggestion));
    return this.reuse.suggestions().filter((s) => !decided.has(s.id) && (!source || s.targets.some((t) => t.source === source)));
  }

  private find(id: string): InconsistencySuggestion {
    const s = this.reuse.suggestions().find((x) => x.id === id);
    if (!s) throw missing('suggestion', id);
    return s;
  }

  async dismiss(id: string, actor: Actor): Promise<void> {
    const s = this.find(id);
    await this.annotations.store.transact(async (tx) => {
      const decision = await tx.decision(s.id);
      if (decision?.action === 'dismissed') return;
      if (decision) throw new ServiceError('handled', `suggestion "${s.id}" was confirmed already`);
      tx.putDecision({ suggestion: s.id, action: 'dismissed', at: this.annotations.now().toISOString(), by: actor.name });
    });
  }

  async confirm(id: string, input: ConfirmInput, actor: Actor): Promise<Annotation> {
    const s = this.find(id);
    const draft = suggestionToAnnotation(s, { set: input.set, extraTags: input.tags });
    // The summary names sources by id; the stored note names them by title, for readers.
    draft.note = input.note ?? namedByTitle(s.summary, s.targets.map((t) => t.source), (sid) => this.annotations.sources.get(sid)?.title);
    const record = this.annotations.build(CreateAnnotation.parse(draft), actor);
    return this.annotations.store.transact(async (tx) => {
      if (await tx.decision(s.id)) throw new ServiceError('handled', `suggestion "${s.id}" was confirmed or dismissed already`);
      const [stored] = await this.annotations.insert(tx, [record], actor);
      tx.putDecision({ suggestion: s.id, action: 'confirmed', at: record.created, by: actor.name, annotation: stored.id });
      return stored;
    });
  }
}
