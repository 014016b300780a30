/**
 * Duplicate coverage for the server: one incremental ReuseIndex over the loaded sources, updated when
 * a source is imported or revised (only pairs touching it are realigned), with the passage list
 * cached until the next change.
 */
import type { ReusePassage, Source } from '../../core/model';
import { ReuseIndex } from '../../core/reuse';
import type { SourceLibrary } from '../sources/source-library';

export class ReuseService {
  private readonly index = new ReuseIndex();
  private passagesCache: ReusePassage[] | null = null;

  /** Indexes every source and aligns them now, so the first request does not wait for it. */
  constructor(
    private readonly sources: SourceLibrary,
    log: (line: string) => void = () => {},
  ) {
    const started = Date.now();
    for (const s of sources.list()) this.upsert(s);
    const found = this.passages().length;
    log(`duplicate coverage: ${found} aligned passage(s) among ${sources.list().length} source(s) in ${Date.now() - started} ms`);
    // An import realigns only the pairs touching the changed source (the index caches the rest).
    sources.onChange(({ source }) => {
      this.upsert(source);
      this.passages();
    });
  }

  private upsert(s: Source): void {
    // A guessed outlet ("Unknown outlet") would make all such sources one outlet for boilerplate.
    const outlet = s.guessed.includes('outlet') ? undefined : s.outlet;
    this.index.upsert({ id: s.id, text: s.text, outlet, author: s.author });
    this.passagesCache = null;
  }

  /** Aligned passages touching `sourceId`, or every pair's passages. */
  passages(sourceId?: string): ReusePassage[] {
    if (!this.passagesCache) this.passagesCache = this.index.passages();
    return sourceId ? this.passagesCache.filter((p) => p.a.source === sourceId || p.b.source === sourceId) : this.passagesCache;
  }
}
