/**
 * Inferring outlets for documents that come without one, so boilerplate detection still has an outlet
 * to reason about. Pages of one site share their chrome at the same edge: the masthead and navigation
 * at the top, the footer at the bottom. Two documents are linked by an aligned chain that is
 * chrome-shaped at the same edge of both (the pair signal `chromeShape` of boilerplate.ts, computed
 * whatever the outlets) and whose short blocks alone hold a reportable passage ({@link isChromeLink});
 * linked documents form groups (connected components), and each group is one inferred outlet. A
 * document without an outlet that is linked to documents with a known outlet joins that outlet (the
 * most common one in its group); a document with a known outlet always keeps it.
 *
 * Why chrome and not mere shared text at an edge: a wire story reprinted by two outlets is shared prose
 * at the top of both pages, and grouping the two outlets on it would make that story frequent "within
 * one outlet", i.e. boilerplate. Why the short blocks must carry a passage of their own: a paragraph
 * two sites share, printed last before each site's footer, aligns together with the labels most sites
 * print there ("Related stories", "More from"); two labels make the chain look chrome-shaped, yet they
 * are a handful of generic words, not a site's navigation. One such link would merge two whole sites.
 * Why connected components: a star of links around one page (frequent chrome is aligned only against a
 * representative document, see candidates.ts) must still group every page of the site.
 *
 * Pure and order-independent: the groups depend only on the documents and the links, and a group's
 * name is derived from its smallest document id.
 */

import type { BoilerplateDoc } from './boilerplate';
import { SHORT_BLOCK_WORDS } from './boilerplate';
import type { PiecedChain } from './pieces';

/** Matched words of `chain` that lie in short blocks on both sides. */
function shortBlockWords(a: BoilerplateDoc, b: BoilerplateDoc, chain: PiecedChain): number {
  let words = 0;
  for (const seg of chain.segments) {
    for (let t = 0; t < seg.len; t++) {
      const shortA = a.tokens.blockWords[a.tokens.blocks[seg.i + t]] <= SHORT_BLOCK_WORDS;
      const shortB = b.tokens.blockWords[b.tokens.blocks[seg.j + t]] <= SHORT_BLOCK_WORDS;
      if (shortA && shortB) words++;
    }
  }
  return words;
}

/**
 * Whether two documents share chrome: some chain is chrome-shaped at an edge of both (`chromeShape`,
 * per chain, from boilerplate.ts's pairSignals) and at least `minWords` of its matched words lie in
 * short blocks on both sides (navigation items, labels, dates).
 */
export function isChromeLink(
  a: BoilerplateDoc,
  b: BoilerplateDoc,
  chains: readonly PiecedChain[],
  chromeShape: readonly boolean[],
  minWords: number,
): boolean {
  return chains.some((chain, c) => chromeShape[c] && shortBlockWords(a, b, chain) >= minWords);
}

/** One document of the corpus, by position: its id and its known outlet, if any. */
export interface OutletNode {
  readonly id: string;
  readonly outlet?: string;
}

/**
 * Prefix of inferred outlet names. Users' outlet names never contain a NUL, so an inferred outlet can
 * neither collide with a known one nor be mistaken for one.
 */
export const INFERRED_OUTLET_PREFIX = '\u0000inferred:';

/** Whether `outlet` is an inferred outlet name made by {@link inferOutlets}. */
export function isInferredOutlet(outlet: string | undefined): boolean {
  return outlet !== undefined && outlet.startsWith(INFERRED_OUTLET_PREFIX);
}

class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let k = 0; k < size; k++) this.parent[k] = k;
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    // Path compression keeps later finds near constant time.
    while (this.parent[x] !== root) {
      const next = this.parent[x];
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  union(x: number, y: number): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx !== ry) this.parent[Math.max(rx, ry)] = Math.min(rx, ry);
  }
}

/**
 * The outlet of every node: its own when known; otherwise the most common known outlet of its group
 * (ties broken by name), or an inferred outlet named after the group's smallest id, or undefined when
 * the node is linked to nothing. `links` are pairs of node positions; links between two documents with
 * known outlets are ignored (their outlets are given, and may differ). Holes (undefined nodes, free
 * slots of an index) are allowed and get undefined.
 */
export function inferOutlets(nodes: readonly (OutletNode | undefined)[], links: Iterable<readonly [number, number]>): (string | undefined)[] {
  const sets = new DisjointSets(nodes.length);
  const linked = new Uint8Array(nodes.length);
  for (const [x, y] of links) {
    const nx = nodes[x];
    const ny = nodes[y];
    if (!nx || !ny || x === y) continue;
    if (nx.outlet !== undefined && ny.outlet !== undefined) continue;
    sets.union(x, y);
    linked[x] = linked[y] = 1;
  }
  // Per group: the known outlets' counts and the smallest id.
  const known = new Map<number, Map<string, number>>();
  const smallest = new Map<number, string>();
  nodes.forEach((node, k) => {
    if (!node || !linked[k]) return;
    const root = sets.find(k);
    const least = smallest.get(root);
    if (least === undefined || node.id < least) smallest.set(root, node.id);
    if (node.outlet === undefined) return;
    let counts = known.get(root);
    if (!counts) known.set(root, (counts = new Map()));
    counts.set(node.outlet, (counts.get(node.outlet) ?? 0) + 1);
  });
  const groupOutlet = new Map<number, string>();
  for (const [root, least] of smallest) {
    let best: string | undefined;
    let bestCount = 0;
    for (const [outlet, count] of known.get(root) ?? []) {
      if (count > bestCount || (count === bestCount && best !== undefined && outlet < best)) {
        best = outlet;
        bestCount = count;
      }
    }
    groupOutlet.set(root, best ?? INFERRED_OUTLET_PREFIX + least);
  }
  return nodes.map((node, k) => {
    if (!node) return undefined;
    if (node.outlet !== undefined) return node.outlet;
    return linked[k] ? groupOutlet.get(sets.find(k)) : undefined;
  });
}
