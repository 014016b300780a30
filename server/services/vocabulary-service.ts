/**
 * The vocabulary of the annotations (core/annotations/vocabulary.ts) over the store, and renaming a
 * tag on every annotation that carries it. A rename goes through AnnotationService.update, so each
 * changed annotation gets a new revision and a concurrent edit is never overwritten (a conflict is
 * retried on the current version).
 */
import { renamedTags, vocabularyOf, type Vocabulary } from '../../core/annotations/vocabulary';
import type { Annotation } from '../../core/model';
import type { Actor } from './actor';
import type { AnnotationService } from './annotation-service';
import { ServiceError } from './service-error';

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
