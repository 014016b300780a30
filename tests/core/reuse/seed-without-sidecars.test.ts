/**
 * The seed folder as it came, without sidecars: the GSN site chrome must still be flagged as
 * boilerplate (through inferred outlets), and no suggested inconsistency may come from it.
 */
import { describe, expect, it } from 'vitest';
import { suggestInconsistencies } from '../../../core/inconsistency';
import { findReuse, ReuseIndex, type ReuseDocument } from '../../../core/reuse';
import { seedDocuments } from './fixtures';

const RENEWS = 'gsn-us-renews-call-for-russia';
const PLEDGE = 'gsn-russia-could-receive-pledge';

const withSidecars: ReuseDocument[] = seedDocuments();
const bare: ReuseDocument[] = withSidecars.map(({ id, text }) => ({ id, text }));
const texts = bare.map(({ id, text }) => ({ id, text }));

const gsnPair = (p: { a: { source: string }; b: { source: string } }): boolean =>
  [p.a.source, p.b.source].sort().join(' ') === [PLEDGE, RENEWS].sort().join(' ');

describe('the seed corpus without sidecars', () => {
  const passages = findReuse(bare);

  it('flags the GSN navigation, "Note to our Readers" and sidebars as boilerplate', () => {
    const text = new Map(bare.map((d) => [d.id, d.text]));
    const flagged = passages.filter((p) => p.boilerplate && gsnPair(p)).map((p) => text.get(p.a.source)?.slice(p.a.start, p.a.end) ?? '');
    expect(flagged.some((t) => t.startsWith('Jump to search Jump to main navigation'))).toBe(true);
    expect(flagged.some((t) => t.includes('Note to our Readers'))).toBe(true);
    expect(flagged.some((t) => t.includes('North Korean Ballistic Missile Models'))).toBe(true);
    // Everything the two GSN articles share is site chrome.
    expect(passages.filter(gsnPair).every((p) => p.boilerplate)).toBe(true);
  });

  it('keeps the real cross-outlet reuse unflagged', () => {
    const rose = passages.find((p) => [p.a.source, p.b.source].includes(RENEWS) && [p.a.source, p.b.source].includes('newsblaze-us-pursues-cooperation'));
    expect(rose?.boilerplate).toBe(false);
  });

  it('suggests no inconsistency from the chrome: the same suggestions as with sidecars', () => {
    const suggestions = suggestInconsistencies(texts, passages);
    expect(suggestions.filter((s) => s.targets.some((t) => t.source === RENEWS || t.source === PLEDGE))).toEqual([]);
    expect(suggestions.map((s) => s.id)).toEqual(suggestInconsistencies(texts, findReuse(withSidecars)).map((s) => s.id));
    // Without inference the chrome's dates and country names come out as false suggestions.
    const uninferred = suggestInconsistencies(texts, findReuse(bare, { inferOutlets: false }));
    expect(uninferred.filter((s) => s.targets.some((t) => t.source === PLEDGE)).length).toBeGreaterThan(0);
  });

  it('gives the server’s incremental index the same passages as the CLI’s one-shot run', () => {
    const index = new ReuseIndex();
    for (const d of [...bare].reverse()) {
      index.upsert(d);
      index.passages();
    }
    expect(index.passages()).toEqual(passages);
  });
});
