/**
 * The storage interface the services depend on. The JSON implementation keeps one file per source;
 * a server database can implement the same interface for teams that outgrow one machine.
 */
import type { Annotation, AnnotationSet } from '../../core/model';

export type Guarded<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'conflict'; current: Annotation };

export interface AnnotationStore {
  /** Every annotation, in no particular order. The array is a snapshot the caller may not mutate. */
  annotations(): readonly Annotation[];
  get(id: string): Annotation | undefined;
  /** Adds new annotations in one acknowledged write per file touched; IdTakenError when an id exists. */
  insert(annotations: Annotation[]): Promise<void>;
  /**
   * Replaces an annotation if its stored revision is `expectedRevision`; `next` builds the new record
   * from the current one. Conflicts and misses change nothing.
   */
  update(id: string, expectedRevision: number, next: (current: Annotation) => Annotation): Promise<Guarded<Annotation>>;
  remove(id: string, expectedRevision: number): Promise<Guarded<Annotation>>;

  sets(): readonly AnnotationSet[];
  addSet(set: AnnotationSet): Promise<boolean>;

  /** Ids of suggested inconsistencies the user dismissed; remembered across restarts. */
  dismissed(): ReadonlySet<string>;
  dismiss(id: string): Promise<void>;

  /** Waits for queued writes (tests and shutdown). */
  flush(): Promise<void>;
}
/** An insert named ids that exist already (or twice); nothing was written. */
export class IdTakenError extends Error {
  constructor(readonly ids: string[]) {
    super(`annotation id(s) taken already: ${ids.join(', ')}`);
  }
}
