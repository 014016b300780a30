/**
 * Keeps stored targets anchored to the current texts: once at start-up (a text may have changed on
 * disk since) and whenever a source is revised through the API. The annotations a revision moves
 * or orphans are rewritten in one transaction, each as a new revision with its history entry, so
 * an editor holding the old revision gets a conflict, not a silent loss.
 */
import { reanchorAnnotation } from '../../core/anchoring/reanchor';
import { MAX_REVISION } from '../../core/model';
import type { SourceLibrary } from '../sources/source-library';
import { SYSTEM_ACTOR } from './actor';
import type { AnnotationService } from './annotation-service';

export async function reanchorAll(annotations: AnnotationService, sources: SourceLibrary, only?: string): Promise<{ moved: number; orphaned: number }> {
  const textOf = (id: string) => sources.get(id)?.text;
  return annotations.store.transact(async (tx) => {
    let moved = 0;
    let orphaned = 0;
    for (const a of await tx.annotations(only ? { source: only } : {})) {
      const again = reanchorAnnotation(a, textOf);
      // A record at the highest revision cannot take another; it keeps its old offsets.
      if (!again || a.revision >= MAX_REVISION) continue;
      const after = annotations.replace(tx, a, { targets: again.targets }, SYSTEM_ACTOR);
      if (after.targets.some((t) => t.orphaned)) orphaned++;
      else moved++;
    }
    return { moved, orphaned };
  });
}
