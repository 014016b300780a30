/**
 * The sources analysed once for every detector: sentence structure and people (reusing
 * core/inconsistency), titles for summaries, and the corpus vocabulary that tells a rare word used in
 * several sources from a slip made once.
 */
import { type AnalysedDocument, analyseDocument } from '../inconsistency/document';
import { isNameWord } from '../inconsistency/people';
import type { TextRange } from '../text/text-range';
import type { ReusePassage } from '../model/schemas';
import type { AssistantSource, Stories } from './types';

/** One source with its analysis and display title. */
export interface CorpusDoc {
  id: string;
  title: string;
  doc: AnalysedDocument;
}

/** All sources of one run, keyed by id, in input order. */
export interface Corpus {
  docs: readonly CorpusDoc[];
  byId: ReadonlyMap<string, CorpusDoc>;
}

/**
 * Builds the corpus.
 *
 * @throws RangeError when two sources share an id.
 */
export function buildCorpus(sources: readonly AssistantSource[]): Corpus {
  const byId = new Map<string, CorpusDoc>();
  const docs: CorpusDoc[] = [];
  for (const s of sources) {
    if (byId.has(s.id)) throw new RangeError(`duplicate source id: ${s.id}`);
    const entry = { id: s.id, title: s.title?.trim() || s.id, doc: analyseDocument(s.id, s.text) };
    byId.set(s.id, entry);
    docs.push(entry);
  }
  return { docs, byId };
}

/** The boilerplate spans of each source, from passages flagged as site chrome. */
export function boilerplateSpans(passages: readonly ReusePassage[] | undefined): Map<string, TextRange[]> {
  const out = new Map<string, TextRange[]>();
  for (const p of passages ?? []) {
    if (!p.boilerplate) continue;
    for (const side of [p.a, p.b]) {
      const list = out.get(side.source) ?? [];
      list.push({ start: side.start, end: side.end });
      out.set(side.source, list);
    }
  }
  return out;
}

/**
 * The stories of a corpus: the given groups, or else the sources linked (transitively) by reuse
 * passages that are not boilerplate, since shared prose means a shared story while shared chrome only
 * means a shared outlet, or by naming the same people (at least `SHARED_PEOPLE` full names in common).
 * Every source is in exactly one group; ids unknown to the corpus are ignored.
 */
export function storyGroups(corpus: Corpus, passages: readonly ReusePassage[] | undefined, stories?: Stories): string[][] {
  const parent = new Map<string, string>(corpus.docs.map((d) => [d.id, d.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a) || !parent.has(b)) return;
    parent.set(find(a), find(b));
  };
  if (stories) {
    for (const group of stories) for (let i = 1; i < group.length; i++) union(group[0], group[i]);
  } else {
    for (const p of passages ?? []) if (!p.boilerplate) union(p.a.source, p.b.source);
    const byName = new Map<string, string[]>();
    for (const d of corpus.docs) for (const name of fullNames(d.doc.text)) byName.set(name, [...(byName.get(name) ?? []), d.id]);
    const shared = new Map<string, number>();
    for (const ids of byName.values()) {
      if (ids.length > MAX_SOURCES_PER_NAME) continue;
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]}\u0000${ids[j]}`;
          const n = (shared.get(key) ?? 0) + 1;
          shared.set(key, n);
          if (n === SHARED_PEOPLE) union(ids[i], ids[j]);
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const d of corpus.docs) {
    const root = find(d.id);
    groups.set(root, [...(groups.get(root) ?? []), d.id]);
  }
  return [...groups.values()];
}

/** Two sources naming this many of the same people tell one story. */
const SHARED_PEOPLE = 2;
// The people-name lists of large corpora are bounded by this many sources per name ("Barack Obama").
const MAX_SOURCES_PER_NAME = 50;

/** "First Last" names a text writes, each once: two name words not preceded by another capitalised word. */
function fullNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<!\p{Lu}[\p{L}'’.-]*[ \t])(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}-])/gu)) {
    if (isNameWord(m[1]) && isNameWord(m[2])) out.add(`${m[1]} ${m[2]}`);
  }
  return out;
}

/** A suggestion target over `span` of a corpus source. */
export function targetOf(entry: CorpusDoc, span: TextRange): { source: string; start: number; end: number; exact: string } {
  return { source: entry.id, start: span.start, end: span.end, exact: entry.doc.text.slice(span.start, span.end) };
}

/** A title in quotation marks, for summaries. */
export function quotedTitle(entry: CorpusDoc): string {
  return `“${entry.title}”`;
}
