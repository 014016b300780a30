/**
 * The Store's reads on PostgreSQL, over a pool (committed data, each read on any free connection)
 * or over the one client of a transaction (its snapshot, so a transaction's checks read what it
 * commits against). A failed query is remembered: the transaction it belonged to is aborted
 * whatever the work made of the error, and the store must not try to commit it.
 */
import type { Annotation, AnnotationSet, Decision } from '../../../core/model';
import type { AnnotationQuery, StoreReads } from '../store';
import { readAnnotation, readAnnotations } from './annotation-sql';
import type { Queryable } from './pg-pool';
import { readDecision, readDecisions, readSet, readSets } from './record-sql';

export class PgReads implements StoreReads {
  /** The first query that failed, if any. */
  failure: unknown;

  constructor(private readonly db: Queryable) {}

  private async run<T>(read: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      return await read(this.db);
    } catch (e) {
      this.failure ??= e;
      throw e;
    }
  }

  annotation(id: string): Promise<Annotation | undefined> {
    return this.run((db) => readAnnotation(db, id));
  }

  annotations(query?: AnnotationQuery): Promise<readonly Annotation[]> {
    return this.run((db) => readAnnotations(db, query));
  }

  set(name: string): Promise<AnnotationSet | undefined> {
    return this.run((db) => readSet(db, name));
  }

  sets(): Promise<readonly AnnotationSet[]> {
    return this.run(readSets);
  }

  decision(suggestion: string): Promise<Decision | undefined> {
    return this.run((db) => readDecision(db, suggestion));
  }

  decisions(): Promise<readonly Decision[]> {
    return this.run(readDecisions);
  }
}
