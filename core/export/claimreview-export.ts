/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview) for the claims that have a verdict,
 * the markup fact-checkers publish so search engines and aggregators can pick their reviews up.
 *
 * One ClaimReview per claim whose verdict is not `unverified`. The rating is on `RATING_SCALE`; verdicts
 * that are not a point on a truth scale (misleading, unverifiable) carry only their label. The claimant
 * becomes the Claim's author, typed by `claimantType`; each source of the passages is an appearance of
 * the Claim. The review's author is the annotation's creator (the person who gave the verdict), its
 * publisher the configured organisation if any; the evidence links are the review's citations
 * (schema.org `citation`, on every CreativeWork); the review's `url` is its page under the configured
 * base, or else the claimed passage in its source, as a URL text fragment.
 */
import { type Annotation, isHttpUrl, type Source, VERDICT_LABELS, type Verdict } from '../model';
import { type ExportInput, type ReviewAgent, resolveOptions } from './export-input';

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

/** A piece of evidence: a web page by its address, or, in records from before evidence had to be a link, the text written. */
export type SchemaCitation = { '@type': 'CreativeWork'; url: string } | string;

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
  publisher?: SchemaAgent;
  datePublished: string;
  reviewBody?: string;
  citation?: SchemaCitation[];
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
      author: { '@type': 'Person', name: a.creator.trim() || 'Unknown reviewer' },
      datePublished: datePart(a.modified),
    };
    if (options.reviewPublisher) review.publisher = agent(options.reviewPublisher);
    if (a.note) review.reviewBody = a.note;
    if (a.claim.evidence.length > 0) review.citation = a.claim.evidence.map(citation);
    const url = options.reviewUrlBase ? options.reviewUrlBase + encodeURIComponent(a.id) : passageUrl(a, input.sources);
    if (url) review.url = url;
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

/** A web address as a cited CreativeWork (the rule the API checks); older text evidence as it is. */
function citation(evidence: string): SchemaCitation {
  return isHttpUrl(evidence.trim()) ? { '@type': 'CreativeWork', url: evidence.trim() } : evidence;
}

/** Words of a quote a text fragment names: the whole quote when short, else its first and last words. */
const FRAGMENT_WORDS = 5;

/** A quote's part as a text fragment term: percent-encoded, `-` and `,` included (they are syntax there). */
function fragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D');
}

/**
 * A link to the claimed passage in its source: the first passage whose source has a `url`, with a
 * text fragment (`#:~:text=start,end`) that browsers scroll to and mark; undefined when no source has one.
 */
export function passageUrl(a: Pick<Annotation, 'targets'>, sources: ReadonlyMap<string, Pick<Source, 'url'>>): string | undefined {
  for (const t of a.targets) {
    const url = sources.get(t.source)?.url;
    if (!url || t.orphaned) continue;
    const words = t.exact.split(/\s+/).filter(Boolean);
    if (words.length === 0) return url;
    const directive = words.length <= FRAGMENT_WORDS * 2
      ? fragmentTerm(words.join(' '))
      : `${fragmentTerm(words.slice(0, FRAGMENT_WORDS).join(' '))},${fragmentTerm(words.slice(-FRAGMENT_WORDS).join(' '))}`;
    return `${url}${url.includes('#') ? '' : '#'}:~:text=${directive}`;
  }
  return undefined;
}

function agent(author: ReviewAgent): SchemaAgent {
  const out: SchemaAgent = { '@type': author.type ?? 'Organization', name: author.name };
  if (author.url) out.url = author.url;
  return out;
}

/** The calendar date of an ISO timestamp (schema.org Date), or the string as it is when it is not one. */
function datePart(timestamp: string): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(timestamp);
  return match ? match[0] : timestamp;
}
