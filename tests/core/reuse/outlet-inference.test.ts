/**
 * Outlet inference: documents without an outlet are grouped by the chrome they share at the same edge,
 * so boilerplate is flagged without sidecars, while shared prose (a wire story, a paragraph above two
 * sites' footers) groups nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ReusePassage } from '../../../core/model';
import { findReuse, ReuseIndex, type ReuseDocument } from '../../../core/reuse';
import { inferOutlets, INFERRED_OUTLET_PREFIX, isInferredOutlet } from '../../../core/reuse/outlet-inference';
import { filler, prose } from './fixtures';

interface Site {
  header: string;
  footer: string;
}

const LEDGER: Site = {
  header: 'Skip to content\n\nThe Valley Ledger\n\nNews Sports Weather\n\nSubscribe Sign in',
  footer: 'Related stories\n\nMore from the Ledger\n\nAbout us\n\nContact the newsroom\n\nPrivacy and terms',
};
const BEACON: Site = {
  header: 'Jump to navigation\n\nHarbor Beacon\n\nLocal Business Ferries\n\nMy account',
  footer: 'Related stories\n\nMore from the Beacon\n\nCareers\n\nAdvertise with us\n\nCookie settings',
};

/** An article of `site` whose body is filler drawn from `seed`, with optional paragraphs first and last. */
function article(id: string, site: Site, seed: number, extra: { first?: string; last?: string } = {}): ReuseDocument {
  const body = [extra.first, prose(filler(seed, 90)), prose(filler(seed + 1, 90)), extra.last].filter(Boolean).join('\n\n');
  return { id, text: `${site.header}\n\nHeadline number ${seed} here\n\n${body}\n\n${site.footer}` };
}

/** The text of a passage's side. */
function side(docs: readonly ReuseDocument[], p: ReusePassage, which: 'a' | 'b'): string {
  const span = p[which];
  return docs.find((d) => d.id === span.source)?.text.slice(span.start, span.end) ?? '';
}

function between(passages: readonly ReusePassage[], x: string, y: string): ReusePassage[] {
  return passages.filter((p) => (p.a.source === x && p.b.source === y) || (p.a.source === y && p.b.source === x));
}

describe('inferOutlets', () => {
  const nodes = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id }));

  it('makes each linked group one outlet named after its smallest id; unlinked documents get none', () => {
    const outlets = inferOutlets(nodes, [[2, 1], [1, 0], [3, 3]]);
    expect(outlets.slice(0, 3)).toEqual([`${INFERRED_OUTLET_PREFIX}a`, `${INFERRED_OUTLET_PREFIX}a`, `${INFERRED_OUTLET_PREFIX}a`]);
    expect(outlets.slice(3)).toEqual([undefined, undefined]);
    expect(isInferredOutlet(outlets[0])).toBe(true);
    expect(isInferredOutlet('Valley Ledger')).toBe(false);
  });

  it('does not depend on the order of links', () => {
    const links: [number, number][] = [[0, 1], [3, 4], [1, 2]];
    expect(inferOutlets(nodes, [...links].reverse())).toEqual(inferOutlets(nodes, links));
  });

  it('keeps known outlets, lets an unknown document join the most common known outlet of its group', () => {
    const mixed = [{ id: 'k1', outlet: 'Ledger' }, { id: 'k2', outlet: 'Ledger' }, { id: 'k3', outlet: 'Beacon' }, { id: 'u1' }, undefined, { id: 'u2' }];
    const outlets = inferOutlets(mixed, [[3, 0], [3, 1], [3, 2], [5, 2]]);
    expect(outlets).toEqual(['Ledger', 'Ledger', 'Beacon', 'Ledger', undefined, 'Ledger']);
  });

  it('ignores links between two documents whose outlets are known', () => {
    const mixed = [{ id: 'u1' }, { id: 'k1', outlet: 'Ledger' }, { id: 'k2', outlet: 'Beacon' }, { id: 'u2' }];
    expect(inferOutlets(mixed, [[0, 1], [1, 2], [2, 3]])).toEqual(['Ledger', 'Ledger', 'Beacon', 'Beacon']);
  });
});

describe('boilerplate without outlets', () => {
  const wire = prose(filler(900, 60));
  const shared = prose(filler(901, 40));
  const docs = [
    article('ledger-1', LEDGER, 10, { first: wire }),
    article('ledger-2', LEDGER, 20, { last: shared }),
    article('ledger-3', LEDGER, 30),
    article('beacon-1', BEACON, 40, { first: wire }),
    article('beacon-2', BEACON, 50, { last: shared }),
  ];

  it('flags a site’s header and footer between its pages, as a sidecar outlet would', () => {
    const inferred = findReuse(docs);
    const given = findReuse(docs.map((d) => ({ ...d, outlet: d.id.split('-')[0] })));
    const chrome = between(inferred, 'ledger-1', 'ledger-3');
    expect(chrome.length).toBeGreaterThanOrEqual(2);
    expect(chrome.every((p) => p.boilerplate)).toBe(true);
    expect(chrome.map((p) => side(docs, p, 'a')).join('\n')).toContain('The Valley Ledger');
    expect(between(inferred, 'beacon-1', 'beacon-2').some((p) => p.boilerplate && side(docs, p, 'a').includes('Harbor Beacon'))).toBe(true);
    expect(inferred).toEqual(given);
  });

  it('flags nothing when inference is off (the outlets are what makes the difference)', () => {
    expect(findReuse(docs, { inferOutlets: false }).some((p) => p.boilerplate)).toBe(false);
  });

  it('does not group two sites over shared prose at the top or above their footers', () => {
    const passages = findReuse(docs);
    const wireCopies = between(passages, 'beacon-1', 'ledger-1');
    expect(wireCopies.length).toBe(1);
    expect(wireCopies[0].boilerplate).toBe(false);
    // The shared last paragraph aligns together with "Related stories More from the": still not chrome.
    const aboveFooter = between(passages, 'beacon-2', 'ledger-2');
    expect(aboveFooter.length).toBe(1);
    expect(side(docs, aboveFooter[0], 'a')).toContain(shared.slice(0, 40));
    expect(aboveFooter[0].boilerplate).toBe(false);
  });

  it('lets a page without an outlet join the known outlet whose chrome it shares', () => {
    const known = docs.map((d) => (d.id === 'ledger-3' ? { ...d } : { ...d, outlet: d.id.split('-')[0] }));
    const passages = findReuse(known);
    expect(between(passages, 'ledger-1', 'ledger-3').every((p) => p.boilerplate)).toBe(true);
    expect(between(findReuse(known, { inferOutlets: false }), 'ledger-1', 'ledger-3').some((p) => p.boilerplate)).toBe(false);
  });

  it('gives an incrementally built index the same answer as a one-shot run', () => {
    const index = new ReuseIndex();
    for (const d of [...docs].reverse()) index.upsert(d);
    index.passages();
    index.upsert(article('ledger-4', LEDGER, 60));
    expect(index.passages()).toEqual(findReuse([...docs, article('ledger-4', LEDGER, 60)]));
    index.remove('ledger-4');
    index.remove('ledger-2');
    const left = docs.filter((d) => d.id !== 'ledger-2');
    expect(index.passages('ledger-1')).toEqual(findReuse(left).filter((p) => p.a.source === 'ledger-1' || p.b.source === 'ledger-1'));
  });
});
