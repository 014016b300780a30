/**
 * Applying another person's change (a live update) to what a page holds, without asking the server
 * again: a record is put in when it is new or newer than the one held (revisions only grow, so a
 * late or repeated event never undoes a newer version, such as the answer to the user's own save),
 * taken out when it no longer belongs on the page, and a deletion removes it. Pure code over
 * immutable maps and lists; each page says what belongs on it.
 */
import type { Annotation } from '../../core/model';

/** Where a changed record stands for a page: shown there, not (any more), or not yet drawable. */
export type Belonging = 'here' | 'elsewhere' | 'later';

/** What to do with `incoming` given the version held (if any) and where it belongs. */
export function remoteVerdict(held: Annotation | undefined, incoming: Annotation, belongs: Belonging): 'put' | 'drop' | 'keep' {
  // A version for a text the page does not show yet (a newer source revision) waits for a reload.
  if (belongs === 'later') return 'keep';
  if (belongs === 'elsewhere') return held ? 'drop' : 'keep';
  return !held || incoming.revision > held.revision ? 'put' : 'keep';
}

/** `map` with `incoming` applied (the same map when nothing changes). */
export function applyRemote(map: ReadonlyMap<string, Annotation>, incoming: Annotation, belongs: Belonging): ReadonlyMap<string, Annotation> {
  const verdict = remoteVerdict(map.get(incoming.id), incoming, belongs);
  if (verdict === 'keep') return map;
  const next = new Map(map);
  if (verdict === 'put') next.set(incoming.id, incoming);
  else next.delete(incoming.id);
  return next;
}

/** `map` without `id` (the same map when it was not there). */
export function removeRemote(map: ReadonlyMap<string, Annotation>, id: string): ReadonlyMap<string, Annotation> {
  if (!map.has(id)) return map;
  const next = new Map(map);
  next.delete(id);
  return next;
}

/**
 * The provisional annotation (shown while the user's own create is being stored) that `incoming`
 * is the stored version of: same kind, same passages. The live update can arrive before the
 * answer to the create; matching it keeps the annotation from showing twice meanwhile.
 */
export function provisionalOf(map: ReadonlyMap<string, Annotation>, provisional: ReadonlySet<string>, incoming: Annotation): string | null {
  const key = (a: Annotation) => `${a.kind}|${a.targets.map((t) => `${t.source}:${t.start}-${t.end}`).join(',')}`;
  const want = key(incoming);
  for (const id of provisional) {
    const a = map.get(id);
    if (a && key(a) === want) return id;
  }
  return null;
}

/**
 * Where an annotation belongs on a page showing the texts `shown` (source id → the revision shown,
 * or undefined when not known): `here` when a target lies in one of them, `later` when such a
 * target quotes a newer revision than the one shown, `elsewhere` otherwise.
 */
export function belongingTo(a: Annotation, shown: ReadonlyMap<string, number | undefined>): Belonging {
  let here = false;
  for (const t of a.targets) {
    if (!shown.has(t.source)) continue;
    const revision = shown.get(t.source);
    if (revision !== undefined && t.revision !== undefined && t.revision > revision) return 'later';
    here = true;
  }
  return here ? 'here' : 'elsewhere';
}

/**
 * `list` (kept in `order`) with `incoming` put in its place, replaced, or taken out when it no
 * longer `matches`; the same list when nothing changes. For result lists such as the search.
 */
export function applyRemoteToList(
  list: readonly Annotation[],
  incoming: Annotation,
  matches: boolean,
  order: (a: Annotation, b: Annotation) => number,
): readonly Annotation[] {
  const at = list.findIndex((a) => a.id === incoming.id);
  if (at >= 0 && list[at].revision >= incoming.revision) return list;
  if (!matches) return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
  const rest = at < 0 ? [...list] : [...list.slice(0, at), ...list.slice(at + 1)];
  // The list is in order already: binary search for the place.
  let lo = 0;
  let hi = rest.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(rest[mid], incoming) <= 0) lo = mid + 1;
    else hi = mid;
  }
  rest.splice(lo, 0, incoming);
  return rest;
}

/** `list` without `id` (the same list when it was not there). */
export function removeFromList(list: readonly Annotation[], id: string): readonly Annotation[] {
  const at = list.findIndex((a) => a.id === id);
  return at < 0 ? list : [...list.slice(0, at), ...list.slice(at + 1)];
}
