/**
 * Keeps stored targets anchored to the current texts: once at start-up (a text may have changed on
 * disk since) and whenever a source is revised through the API. Each moved or orphaned annotation
 * is written as a new revision, so an editor holding the old one gets a conflict, not a silent loss.
 */
import { reanchorAnnotation } from '../../core/anchoring/reanchor';
import type { SourceLibrary } from '../sources/source-library';
import type { AnnotationStore } from '../store/annotation-store';

export async function reanchorAll(
  store: AnnotationStore,
  sources: SourceLibrary,
  only?: string,
  now: () => Date = () => new Date(),
): Promise<{ moved: number; orphaned: number }> {
  let moved = 0;
  let orphaned = 0;
  const textOf = (id: string) => sources.get(id)?.text;
  for (const a of [...store.annotations()]) {
    if (only && !a.targets.some((t) => t.source === only)) continue;
    if (!reanchorAnnotation(a, textOf)) continue;
    // An edit may land between the snapshot and the write: then re-anchor its result instead.
    let revision = a.revision;
    for (;;) {
      const result = await store.update(a.id, revision, (cur) => {
        const again = reanchorAnnotation(cur, textOf) ?? cur;
        return { ...again, revision: cur.revision + 1, modified: now().toISOString() };
      });
      if (result.ok) {
        if (result.value.targets.some((t) => t.orphaned)) orphaned++;
        else moved++;
        break;
      }
      if (result.reason === 'not_found' || !reanchorAnnotation(result.current, textOf)) break;
      revision = result.current.revision;
    }
  }
  return { moved, orphaned };
}
