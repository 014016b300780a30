/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview) for the claims that have a verdict,
 * the markup fact-checkers publish so search engines and aggregators can pick their reviews up.
 *
 * One ClaimReview per claim whose verdict is not `unverified`. The rating is on `RATING_SCALE`; verdicts
 * that are not a point on a truth scale (misleading, unverifiable) carry only their label. The claimant
 * becomes the Claim's author, typed by `claimantType`; the source passage is the Claim's appearance.
 */
import { type Annotation, type Source, VERDICT_LABELS, type Verdict } from '../model';
import { type ExportInput, type ReviewAuthor, resolveOptions } from './export-input';

/**
 * The 1-5 rating scale: worst 1 (false) to best 5 (true). `null` marks verdicts with no place on it,
 * which are exported with their label (`alternateName`) only.
 */
export const RATING_SCALE: Readonly<Record<Exclude<Verdict, 'unverified'>, number | null>> = {
  false: 1,
  'mostly-false': 2,
  mixed: 3,
  'mostly-true': 4,
  true: 5,
  misleading: null,
  unverifiable: null,
};
export const WORST_RATING = 1;
export const BEST_RATING = 5;

interface SchemaAgent {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
}

export interface SchemaRating {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}

export interface SchemaCreativeWork {
  '@type': 'CreativeWork';
  headline: string;
  url?: string;
  publisher?: { '@type': 'Organization'; name: string };
  author?: SchemaAgent;
  datePublished?: string;
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  identifier: string;
  claimReviewed: string;
  reviewRating: SchemaRating;
  itemReviewed: {
    '@type': 'Claim';
    author?: SchemaAgent;
    appearance: SchemaCreativeWork | SchemaCreativeWork[];
  };
  author: SchemaAgent;
  datePublished: string;
  reviewBody?: string;
  url?: string;
}

/** Words that make a claimant an organisation rather than a person. */
const ORGANISATION_WORDS =
  /\b(ministry|department|agency|government|office|council|committee|commission|organi[sz]ation|alliance|association|institute|university|foundation|corporation|company|inc|ltd|llc|party|administration|pentagon|kremlin|white house|news|newswire|press|times|post|federation|nato)\b/i;

/**
 * `Organization` for claimants that look like one (an acronym such as NATO, or a name with a word such
 * as ministry, agency or government), otherwise `Person`. A heuristic: a claimant who is an outlet of
 * one of the sources also counts as an organisation.
 */
export function claimantType(claimant: string, outlets: ReadonlySet<string> = new Set()): 'Person' | 'Organization' {
  const name = claimant.trim();
  if (outlets.has(name)) return 'Organization';
  if (/^[A-Z]{2,}$/.test(name)) return 'Organization';
  return ORGANISATION_WORDS.test(name) ? 'Organization' : 'Person';
}

/** ClaimReviews for every reviewed claim, in input order. */
export function exportClaimReviews(input: ExportInput): ClaimReview[] {
  const options = resolveOptions(input.set, input.options);
  const outlets = new Set([...input.sources.values()].map((s) => s.outlet).filter(Boolean));
  const reviews: ClaimReview[] = [];
  for (const a of input.annotations) {
    if (a.kind !== 'claim' || !a.claim || a.claim.verdict === 'unverified') continue;
    const verdict = a.claim.verdict;
    const review: ClaimReview = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      identifier: a.id,
      claimReviewed: a.targets.map((t) => t.exact).join(' … '),
      reviewRating: rating(verdict),
      itemReviewed: { '@type': 'Claim', ...claimAuthor(a.claim.claimant, outlets), appearance: appearances(a, input.sources) },
      author: agent(options.reviewAuthor),
      datePublished: datePart(a.modified),
    };
    if (a.note) review.reviewBody = a.note;
    if (options.reviewUrlBase) review.url = options.reviewUrlBase + encodeURIComponent(a.id);
    reviews.push(review);
  }
  return reviews;
}

function claimAuthor(claimant: string, outlets: ReadonlySet<string>): { author?: SchemaAgent } {
  const name = claimant.trim();
  return name ? { author: { '@type': claimantType(name, outlets), name } } : {};
}

function rating(verdict: Exclude<Verdict, 'unverified'>): SchemaRating {
  const value = RATING_SCALE[verdict];
  const r: SchemaRating = { '@type': 'Rating', alternateName: VERDICT_LABELS[verdict] };
  if (value !== null) {
    r.ratingValue = value;
    r.bestRating = BEST_RATING;
    r.worstRating = WORST_RATING;
  }
  return r;
}

/** One CreativeWork per distinct source of the claim's passages; a single one is not wrapped in an array. */
function appearances(a: Annotation, sources: ReadonlyMap<string, Source>): SchemaCreativeWork | SchemaCreativeWork[] {
  const ids = [...new Set(a.targets.map((t) => t.source))];
  const works = ids.map((id) => creativeWork(id, sources.get(id)));
  return works.length === 1 ? works[0] : works;
}

function creativeWork(id: string, source: Source | undefined): SchemaCreativeWork {
  const work: SchemaCreativeWork = { '@type': 'CreativeWork', headline: source?.title || id };
  if (source?.url) work.url = source.url;
  if (source?.outlet) work.publisher = { '@type': 'Organization', name: source.outlet };
  if (source?.author) work.author = { '@type': 'Person', name: source.author };
  if (source?.published) work.datePublished = source.published;
  return work;
}

function agent(author: ReviewAuthor): SchemaAgent {
  const out: SchemaAgent = { '@type': author.type ?? 'Organization', name: author.name };
  if (author.url) out.url = author.url;
  return out;
}

/** The calendar date of an ISO timestamp (schema.org Date), or the string as it is when it is not one. */
function datePart(timestamp: string): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(timestamp);
  return match ? match[0] : timestamp;
}
