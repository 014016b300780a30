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
    const next = reanchorAnnotation(a, textOf);
    if (!next) continue;
    const result = await store.update(a.id, a.revision, (cur) => {
      const again = reanchorAnnotation(cur, textOf) ?? cur;
      return { ...again, revision: cur.revision + 1, modified: now().toISOString() };
    });
    if (result.ok) {
      if (result.value.targets.some((t) => t.orphaned)) orphaned++;
      else moved++;
    }
  }
  return { moved, orphaned };
}
