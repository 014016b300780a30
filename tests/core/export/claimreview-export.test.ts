/** schema.org ClaimReview export: which claims, the rating scale, agents and appearances. */
import { describe, expect, it } from 'vitest';
import { claimantType, exportClaimReviews, RATING_SCALE } from '../../../core/export';
import { CLAIM_FALSE, CLAIM_MISLEADING, CLAIM_MOSTLY_TRUE, CLAIM_UNVERIFIED, SEEDS, SOURCES, populatedInput } from './fixtures';

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

  it('dates the review by the annotation\'s last change and credits the configured author', () => {
    const review = byId.get(CLAIM_MOSTLY_TRUE.id)!;
    expect(review.datePublished).toBe(CLAIM_MOSTLY_TRUE.modified.slice(0, 10));
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Collate user' });
    expect(review.url).toBeUndefined();
    const [configured] = exportClaimReviews(
      populatedInput({
        options: { reviewAuthor: { name: 'Desk', url: 'https://desk.example' }, reviewUrlBase: 'https://desk.example/reviews/' },
      }),
    );
    expect(configured.author).toEqual({ '@type': 'Organization', name: 'Desk', url: 'https://desk.example' });
    expect(configured.url).toBe(`https://desk.example/reviews/${CLAIM_MOSTLY_TRUE.id}`);
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
