/** ReuseIndex: incremental upserts and removals agree with a one-shot run over the same documents. */
import { describe, expect, it } from 'vitest';
import { findReuse, ReuseIndex } from '../../../core/reuse';
import type { ReuseDocument } from '../../../core/reuse';
import { filler, prose, seedDocuments } from './fixtures';

const seeds: ReuseDocument[] = seedDocuments();

/** A synthetic article of one outlet: shared header and footer around a body that quotes `quote`. */
function article(id: string, seed: number, quote: string): ReuseDocument {
  const header = 'Home World Politics Business\n\nThe Daily Pseudo\n\nSubscribe now';
  const footer = 'About us\n\nContact\n\nAll content copyright The Daily Pseudo and its licensors worldwide';
  const body = `${prose(filler(seed, 80))}\n\n${quote}\n\n${prose(filler(seed + 1, 80))}`;
  return { id, text: `${header}\n\n${body}\n\n${footer}`, outlet: 'Daily Pseudo' };
}

describe('ReuseIndex', () => {
  it('gives the same passages after upserts, replacements and removals as a one-shot run', () => {
    const quote = prose(filler(999, 40));
    const extra = [article('zeta', 1, quote), article('eta', 3, prose(filler(5, 30))), article('theta', 7, quote)];
    const index = new ReuseIndex();
    for (const d of [...seeds, ...extra]) index.upsert(d);
    const first = index.passages();
    expect(first).toEqual(findReuse([...seeds, ...extra]));

    const changed = { ...seeds[3], text: seeds[3].text.replace('Both governments are continuing', 'Both governments keep') };
    expect(index.upsert(changed)).toBe(true);
    expect(index.upsert(changed)).toBe(false);
    expect(index.remove('theta')).toBe(true);
    expect(index.remove('theta')).toBe(false);
    index.upsert(article('iota', 11, quote));
    const finalDocs = [...seeds.filter((d) => d.id !== changed.id), changed, extra[0], extra[1], article('iota', 11, quote)];
    const incremental = index.passages();
    expect(incremental).toEqual(findReuse(finalDocs.reverse()));
    expect(incremental).not.toEqual(first);
    expect(index.size).toBe(finalDocs.length);
  });

  it('answers per source with exactly the passages touching that source', () => {
    const index = new ReuseIndex();
    for (const d of seeds) index.upsert(d);
    const all = index.passages();
    for (const d of seeds) {
      const touching = all.filter((p) => p.a.source === d.id || p.b.source === d.id);
      expect(index.passages(d.id)).toEqual(touching);
    }
    expect(index.passages('no-such-source')).toEqual([]);
  });

  it('flags an outlet header and footer shared by many of its documents as boilerplate', () => {
    const docs = Array.from({ length: 8 }, (_, k) => article(`art-${k}`, 40 + 3 * k, prose(filler(500 + k, 30))));
    docs[2] = article('art-2', 46, prose(filler(600, 30)));
    docs[5] = article('art-5', 55, prose(filler(600, 30)));
    const found = findReuse(docs);
    const real = found.filter((p) => !p.boilerplate);
    expect(real).toHaveLength(1);
    expect([real[0].a.source, real[0].b.source]).toEqual(['art-2', 'art-5']);
    expect(found.filter((p) => p.boilerplate).length).toBeGreaterThanOrEqual(7);
  });

  it('keeps a reused paragraph right above the footer apart from the flagged footer', () => {
    const docs = Array.from({ length: 8 }, (_, k) => article(`art-${k}`, 70 + 3 * k, prose(filler(700 + k, 30))));
    const closing = prose(filler(800, 40));
    for (const k of [2, 5]) docs[k] = { ...docs[k], text: docs[k].text.replace('\n\nAbout us', `\n\n${closing}\n\nAbout us`) };
    const between = findReuse(docs).filter((p) => p.a.source === 'art-2' && p.b.source === 'art-5');
    const text = (id: string): string => docs.find((d) => d.id === id)?.text ?? '';
    const reused = between.filter((p) => text('art-2').slice(p.a.start, p.a.end).includes(closing.slice(0, 40)));
    expect(reused).toHaveLength(1);
    expect(reused[0].boilerplate).toBe(false);
    expect(text('art-2').slice(reused[0].a.start, reused[0].a.end)).not.toContain('About us');
    const footer = between.filter((p) => text('art-2').slice(p.a.start, p.a.end).includes('licensors'));
    expect(footer.length).toBeGreaterThanOrEqual(1);
    expect(footer.every((p) => p.boilerplate)).toBe(true);
  });

  it('reports progress up to the total', () => {
    const calls: [number, number][] = [];
    findReuse(seeds, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(1);
    const [done, total] = calls[calls.length - 1];
    expect(done).toBe(total);
    for (let k = 1; k < calls.length; k++) expect(calls[k][0]).toBeGreaterThanOrEqual(calls[k - 1][0]);
  });
});
