/**
 * What the source page shows of its annotations, derived from its state: those of the active set
 * (or of all sets) that pass the filter, in text order, plus the ones being saved. The sidebar
 * lists them and the text highlights them. After a small change the list is patched rather than
 * filtered and sorted again, which keeps a save among ten thousand annotations quick. Pure code.
 */
import type { Annotation } from '../../core/model';
import { textOrderKey } from '../shared/annotation-spans';
import { matchesFilter, type AnnotationFilter } from '../sidebar/filter-annotations';

/** The part of the page's state that decides what shows. */
export interface ShownScope {
  sourceId: string;
  annotations: ReadonlyMap<string, Annotation>;
  provisional: ReadonlySet<string>;
  activeSet: string;
  allSets: boolean;
  filter: AnnotationFilter;
}

/** Whether annotation `a` shows: in the active set (unless all sets show) and passing the filter. */
export function isShown(a: Annotation, state: Pick<ShownScope, 'activeSet' | 'allSets' | 'filter' | 'provisional'>): boolean {
  if (state.provisional.has(a.id)) return true;
  if (!state.allSets && a.set !== state.activeSet) return false;
  return matchesFilter(a, state.filter);
}

/** Whether annotation `a` is in scope: the active set (or all sets), before the filter. */
export function isInScope(a: Annotation, state: Pick<ShownScope, 'activeSet' | 'allSets' | 'provisional'>): boolean {
  return state.allSets || a.set === state.activeSet || state.provisional.has(a.id);
}

/** The annotations in scope (the active set, or all sets), before the filter: the sidebar's "of N". */
export function inScope(state: ShownScope): Annotation[] {
  return [...state.annotations.values()].filter((a) => isInScope(a, state));
}

/** Text order: by where the annotation starts in the source, then by creation, then by id. */
function textOrder(sourceId: string): (x: Annotation, y: Annotation) => number {
  return (x, y) => textOrderKey(x, sourceId) - textOrderKey(y, sourceId) || x.created.localeCompare(y.created) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** What the sidebar lists and the text highlights: shown annotations in text order. */
export function shownAnnotations(state: ShownScope): Annotation[] {
  const keyed = [...state.annotations.values()].filter((a) => isShown(a, state)).map((a) => ({ a, key: textOrderKey(a, state.sourceId) }));
  keyed.sort((x, y) => x.key - y.key || x.a.created.localeCompare(y.a.created) || (x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0));
  return keyed.map((k) => k.a);
}

/** Past this many changed annotations, sorting afresh is as quick as patching. */
const PATCH_LIMIT = 64;

/**
 * `shownAnnotations(next)` computed from `shown`, the list for `prev`, when only a few annotations
 * changed between the two states (a save, a delete): those are taken out and put back in place,
 * instead of filtering and sorting thousands again; with the ids that changed. Null when a patch
 * does not apply (the scope or the filter changed, or many annotations did): then compute the list
 * afresh.
 */
export function patchShown(shown: readonly Annotation[], prev: ShownScope, next: ShownScope): { list: Annotation[]; changed: ReadonlySet<string> } | null {
  if (prev.activeSet !== next.activeSet || prev.allSets !== next.allSets || prev.filter !== next.filter || prev.sourceId !== next.sourceId) return null;
  const changed = new Set<string>();
  for (const [id, a] of next.annotations) if (prev.annotations.get(id) !== a) changed.add(id);
  for (const id of prev.annotations.keys()) if (!next.annotations.has(id)) changed.add(id);
  for (const id of prev.provisional) if (!next.provisional.has(id)) changed.add(id);
  for (const id of next.provisional) if (!prev.provisional.has(id)) changed.add(id);
  if (changed.size > PATCH_LIMIT) return null;
  const out = changed.size === 0 ? [...shown] : shown.filter((a) => !changed.has(a.id));
  const order = textOrder(next.sourceId);
  for (const id of changed) {
    const a = next.annotations.get(id);
    if (!a || !isShown(a, next)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(out[mid], a) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, a);
  }
  return { list: out, changed };
}
