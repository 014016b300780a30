/** schema.org ClaimReview export: which claims, the rating scale, agents, appearances, evidence and links. */
import { describe, expect, it } from 'vitest';
import { claimantType, exportClaimReviews, passageUrl, RATING_SCALE } from '../../../core/export';
import { ASTRAL_ID, CLAIM_FALSE, CLAIM_MISLEADING, CLAIM_MOSTLY_TRUE, CLAIM_UNVERIFIED, EVIDENCE_URL, EVIDENCE_URL_2, SEEDS, SOURCES, populatedInput } from './fixtures';

describe('ClaimReview export', () => {
  const reviews = exportClaimReviews(populatedInput());
  const byId = new Map(reviews.map((r) => [r.identifier, r]));

  it('reviews only claims with a verdict other than unverified', () => {
    expect(reviews.map((r) => r.identifier)).toEqual([CLAIM_MOSTLY_TRUE.id, CLAIM_FALSE.id, CLAIM_MISLEADING.id]);
    expect(byId.has(CLAIM_UNVERIFIED.id)).toBe(false);
    expect(reviews.every((r) => r['@context'] === 'https://schema.org' && r['@type'] === 'ClaimReview')).toBe(true);
  });

  it('rates on the documented 1-5 scale', () => {
    expect(byId.get(CLAIM_MOSTLY_TRUE.id)!.reviewRating).toEqual({
      '@type': 'Rating',
      alternateName: 'Mostly true',
      ratingValue: 4,
      bestRating: 5,
      worstRating: 1,
    });
    expect(byId.get(CLAIM_FALSE.id)!.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1 });
    expect(RATING_SCALE).toMatchObject({ false: 1, 'mostly-false': 2, mixed: 3, 'mostly-true': 4, true: 5 });
  });

  it('gives misleading its label and no number', () => {
    expect(byId.get(CLAIM_MISLEADING.id)!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Misleading' });
  });

  it('names the claim, its claimant and where it appeared', () => {
    const review = byId.get(CLAIM_MOSTLY_TRUE.id)!;
    expect(review.claimReviewed).toBe(CLAIM_MOSTLY_TRUE.targets[0].exact);
    expect(review.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Frank Rose' },
      appearance: {
        '@type': 'CreativeWork',
        headline: SOURCES.get(SEEDS.gsnRenews)!.title,
        publisher: { '@type': 'Organization', name: 'Global Security Newswire' },
      },
    });
    expect(byId.get(CLAIM_FALSE.id)!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Russian Ministry of Defence' });
    expect(byId.get(CLAIM_MISLEADING.id)!.itemReviewed.author?.['@type']).toBe('Organization');
    expect(review.reviewBody).toBe(CLAIM_MOSTLY_TRUE.note);
  });

  it('dates the review by the annotation\'s last change and credits its creator as the author', () => {
    const review = byId.get(CLAIM_MOSTLY_TRUE.id)!;
    expect(review.datePublished).toBe(CLAIM_MOSTLY_TRUE.modified.slice(0, 10));
    expect(review.author).toEqual({ '@type': 'Person', name: CLAIM_MOSTLY_TRUE.creator });
    expect(JSON.stringify(reviews)).not.toContain('Collate user');
    expect(review.publisher).toBeUndefined();
    const [other] = exportClaimReviews(populatedInput({ annotations: [{ ...CLAIM_MOSTLY_TRUE, creator: 'ana' }] }));
    expect(other.author).toEqual({ '@type': 'Person', name: 'ana' });
  });

  it('names the configured publisher and links each review under the configured base', () => {
    const [configured] = exportClaimReviews(
      populatedInput({
        options: { reviewPublisher: { name: 'Desk', url: 'https://desk.example' }, reviewUrlBase: 'https://desk.example/reviews/' },
      }),
    );
    expect(configured.publisher).toEqual({ '@type': 'Organization', name: 'Desk', url: 'https://desk.example' });
    expect(configured.author).toEqual({ '@type': 'Person', name: CLAIM_MOSTLY_TRUE.creator });
    expect(configured.url).toBe(`https://desk.example/reviews/${CLAIM_MOSTLY_TRUE.id}`);
  });

  it('cites the evidence: links as web pages, text kept from before evidence had to be a link as written', () => {
    expect(byId.get(CLAIM_MOSTLY_TRUE.id)!.citation).toEqual([
      { '@type': 'CreativeWork', url: EVIDENCE_URL },
      { '@type': 'CreativeWork', url: EVIDENCE_URL_2 },
    ]);
    expect(byId.get(CLAIM_FALSE.id)!.citation).toBeUndefined();
    const older = { ...CLAIM_MISLEADING, claim: { ...CLAIM_MISLEADING.claim!, evidence: ['Compare with the 2010 Lisbon summit declaration.', EVIDENCE_URL] } };
    const [review] = exportClaimReviews(populatedInput({ annotations: [older] }));
    expect(review.citation).toEqual(['Compare with the 2010 Lisbon summit declaration.', { '@type': 'CreativeWork', url: EVIDENCE_URL }]);
  });

  it('links the review to its passage in a source that has a URL, as a text fragment', () => {
    const exact = 'Close cooperation between Russia and the United States and NATO is the best way';
    const onAstral = { ...CLAIM_FALSE, targets: [{ ...CLAIM_FALSE.targets[0], source: ASTRAL_ID, exact }] };
    const [review] = exportClaimReviews(populatedInput({ annotations: [onAstral] }));
    expect(review.url).toBe('https://example.org/astral-sample#:~:text=Close%20cooperation%20between%20Russia%20and,NATO%20is%20the%20best%20way');
    // The sources without a URL give none.
    expect(byId.get(CLAIM_MOSTLY_TRUE.id)!.url).toBeUndefined();
  });

  it('adds the publication date and URL of sources that have them', () => {
    const [review] = exportClaimReviews(
      populatedInput({ annotations: [{ ...CLAIM_FALSE, targets: [{ ...CLAIM_FALSE.targets[0], source: SEEDS.mdaa }] }] }),
    );
    expect(review.itemReviewed.appearance).toMatchObject({ datePublished: '2011-11-01' });
  });
});

describe('claimantType', () => {
  it('tells organisations from people', () => {
    expect(claimantType('Frank Rose')).toBe('Person');
    expect(claimantType('Kim Jong Un')).toBe('Person');
    expect(claimantType('NATO')).toBe('Organization');
    expect(claimantType('U.S. State Department')).toBe('Organization');
    expect(claimantType('NewsBlaze', new Set(['NewsBlaze']))).toBe('Organization');
  });
});

describe('passageUrl', () => {
  const sources = new Map([['s', { url: 'https://example.org/a' }], ['t', { url: 'https://example.org/b#top' }], ['u', {}]]);
  const t = (source: string, exact: string, orphaned?: boolean) => ({ source, start: 0, end: exact.length, exact, prefix: '', suffix: '', ...(orphaned ? { orphaned } : {}) });

  it('names a short quote whole, escaping what text fragments treat as syntax', () => {
    expect(passageUrl({ targets: [t('s', 'short-range, "sectoral"  missile\ndefense')] }, sources)).toBe(
      'https://example.org/a#:~:text=short%2Drange%2C%20%22sectoral%22%20missile%20defense',
    );
  });

  it('adds to a fragment already there, and skips sources without a URL and orphaned passages', () => {
    expect(passageUrl({ targets: [t('u', 'one'), t('s', 'gone', true), t('t', 'two words')] }, sources)).toBe('https://example.org/b#top:~:text=two%20words');
    expect(passageUrl({ targets: [t('u', 'one')] }, sources)).toBeUndefined();
  });
});
