/**
 * Suggestions and what people decided about them (the suggestions themselves: SuggestionIndex),
 * listed by source, category and status; accepted (the annotation and the
 * decision in one transaction), dismissed, or a dismissal undone. A suggestion is decided once: the
 * check and the write sit in the same transaction, so of two concurrent decisions exactly one wins.
 *
 * Ids are deterministic from a suggestion's content, so a decision survives recomputation, export and
 * import; state-changing requests only come from the app's own pages, so an id cannot be aimed at
 * from elsewhere.
 */
import { suggestionToAnnotation } from '../../core/inconsistency';
import type { Suggestion, SuggestionCategory } from '../../core/inconsistency/types';
import { CreateAnnotation, type Annotation, type Decision } from '../../core/model';
import type { Actor } from './actor';
import type { AnnotationService } from './annotation-service';
import type { SuggestionIndex } from './suggestion-index';
import { missing, ServiceError } from './service-error';

export interface ConfirmInput {
  set?: string;
  note?: string;
  tags?: string[];
}

export type SuggestionStatus = 'open' | 'dismissed' | 'confirmed';

export interface SuggestionQuery {
  source?: string;
  category?: SuggestionCategory;
  status?: SuggestionStatus;
}

/** A suggestion as the API gives it: with its decision when it has one. */
export type ListedSuggestion = Suggestion & { decision?: Decision };

export class SuggestionService {
  constructor(
    private readonly index: SuggestionIndex,
    private readonly annotations: AnnotationService,
  ) {}

  all(): Suggestion[] {
    return this.index.all();
  }

  async list(query: SuggestionQuery = {}): Promise<ListedSuggestion[]> {
    // The first list waits for the spelling dictionary, so every list holds the same categories.
    await this.index.ready;
    const decisions = new Map((await this.annotations.store.decisions()).map((d) => [d.suggestion, d]));
    const status = query.status ?? 'open';
    const out: ListedSuggestion[] = [];
    for (const s of this.all()) {
      if (query.category && s.category !== query.category) continue;
      if (query.source && !s.targets.some((t) => t.source === query.source)) continue;
      const decision = decisions.get(s.id);
      if ((decision?.action ?? 'open') !== status) continue;
      out.push(decision ? { ...s, decision } : s);
    }
    return out;
  }

  /** Open suggestions per source (one touching several sources counts for each). */
  async openCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const s of await this.list()) for (const id of new Set(s.targets.map((t) => t.source))) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  private async find(id: string): Promise<Suggestion> {
    await this.index.ready;
    const s = this.all().find((x) => x.id === id);
    if (!s) throw missing('suggestion', id);
    return s;
  }

  async dismiss(id: string, actor: Actor): Promise<void> {
    const s = await this.find(id);
    await this.annotations.store.transact(async (tx) => {
      const decision = await tx.decision(s.id);
      if (decision?.action === 'dismissed') return;
      if (decision) throw new ServiceError('handled', `suggestion "${s.id}" was accepted already`);
      tx.putDecision({ suggestion: s.id, action: 'dismissed', at: this.annotations.now().toISOString(), by: actor.name });
    });
  }

  /** Offers a dismissed suggestion again. An accepted one stays accepted: delete its annotation instead. */
  async undo(id: string): Promise<void> {
    await this.annotations.store.transact(async (tx) => {
      const decision = await tx.decision(id);
      if (!decision) throw new ServiceError('not_found', `suggestion "${id}" has no decision to undo`);
      if (decision.action === 'confirmed') {
        throw new ServiceError('handled', `suggestion "${id}" was accepted: delete annotation "${decision.annotation}" instead`);
      }
      tx.deleteDecision(id);
    });
  }

  /** Makes the suggestion's annotation (see core/inconsistency/to-annotation.ts) and records the decision. */
  async confirm(id: string, input: ConfirmInput, actor: Actor): Promise<Annotation> {
    const s = await this.find(id);
    const draft = suggestionToAnnotation(s, { set: input.set, extraTags: input.tags });
    if (input.note !== undefined) draft.note = input.note;
    const record = this.annotations.build(CreateAnnotation.parse(draft), actor);
    return this.annotations.store.transact(async (tx) => {
      if (await tx.decision(s.id)) throw new ServiceError('handled', `suggestion "${s.id}" was accepted or dismissed already`);
      const [stored] = await this.annotations.insert(tx, [record], actor);
      tx.putDecision({ suggestion: s.id, action: 'confirmed', at: record.created, by: actor.name, annotation: stored.id });
      return stored;
    });
  }
}
