/**
 * A web page's article: its text and metadata, extracted on the server. The page is parsed with
 * linkedom (a small server-side DOM); its metadata is read first (page-metadata.ts), then Mozilla's
 * Readability (the Firefox Reader View algorithm) picks the article body out of navigation, ads,
 * related links, comments and banners, and html-to-text.ts turns it into blank-line-separated
 * paragraphs. Ad slots and consent dialogs inside the article column, which Readability keeps, are
 * removed first. When Readability finds no article, or only a fragment of a short page (a notice laid
 * out as a table or as loose lines), the page's body text without navigation, header, footer, asides,
 * forms and dialogs is used instead; when even that is empty, the extraction fails with a
 * {@link SourceError} `no_content`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from './html-to-text';
import { readPageMetadata, type MetaField, type PageMetadata } from './page-metadata';
import { SourceError } from './source-error';
import { wordCount } from '../../core/text/word-count';

/** What the page gives. `found` fields come from its metadata, `guessed` ones from heuristics. */
export interface ExtractedArticle {
  text: string;
  meta: Omit<PageMetadata, 'origin' | 'found' | 'guessed'>;
  origin: PageMetadata['origin'];
  found: MetaField[];
  guessed: MetaField[];
  /** `readability` when the article was recognised, `page-text` for the body-text fallback. */
  method: 'readability' | 'page-text';
}

/** Page parts that are never the article, removed for the fallback. */
const NOT_ARTICLE = [
  'script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'dialog', 'iframe',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="dialog"]',
  '[aria-modal="true"]', '[hidden]',
].join(',');

/**
 * Ad slots and consent banners, known by their class or id: Readability judges containers by their
 * text and links, so an "Advertisement" label inside the story column survives it.
 */
const AD_OR_CONSENT = /^(ads?|advert|advertisement|adslot|ad-?container|dfp|gpt-ad|sponsored|cookie|consent|gdpr|cmp)([-_].*)?$|^(.*[-_])?(ads?|advert|advertisement|cookie-?banner|cookie-?consent)$/i;

function removeAdsAndBanners(doc: Document): void {
  for (const el of Array.from(doc.querySelectorAll('[class], [id], [role="dialog"], [aria-modal="true"], [hidden]'))) {
    const tokens = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.split(/\s+/).filter(Boolean);
    const dialog = el.getAttribute('role') === 'dialog' || el.getAttribute('aria-modal') === 'true' || el.hasAttribute('hidden');
    if (dialog || tokens.some((t) => AD_OR_CONSENT.test(t))) el.remove();
  }
}

/** Readability's text is only a fragment when it has fewer words than this and half of the page's. */
const FRAGMENT_WORDS = 100;


function parse(html: string): Document {
  // linkedom needs a whole document: a fragment is wrapped so that it gets a body.
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

function readable(doc: Document): { text: string; byline?: string; title?: string } | undefined {
  let article: ReturnType<Readability<Node>['parse']>;
  try {
    article = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  } catch {
    // Readability throws on some malformed documents; the fallback still has the body text.
    return undefined;
  }
  if (!article?.content) return undefined;
  const text = htmlToText(article.content);
  return text ? { text, byline: article.byline ?? undefined, title: article.title ?? undefined } : undefined;
}

function pageText(html: string): string {
  const doc = parse(html);
  removeAdsAndBanners(doc);
  for (const el of Array.from(doc.querySelectorAll(NOT_ARTICLE))) el.remove();
  return doc.body ? htmlToText(doc.body) : '';
}

/** Extracts the article of `html`; `url` is where the page was fetched from, when known. */
export function extractArticle(html: string, options: { url?: string } = {}): ExtractedArticle {
  const doc = parse(html);
  const { origin, found, guessed, ...meta } = readPageMetadata(doc, options.url);
  removeAdsAndBanners(doc);
  const article = readable(doc);
  let method: ExtractedArticle['method'] = 'readability';
  let text = article?.text ?? '';
  const words = wordCount(text);
  if (words < FRAGMENT_WORDS) {
    const whole = pageText(html);
    if (!text || 2 * words < wordCount(whole)) {
      method = 'page-text';
      text = whole;
    }
  }
  if (!text) throw new SourceError('no_content', 'no article text found in the page');
  const add = (field: MetaField, value: string | undefined, from: string): void => {
    if (!value || meta[field] !== undefined) return;
    meta[field] = value;
    origin[field] = from;
    guessed.push(field);
  };
  // Readability's byline is visible text it judged to be one ("By Ana Lee, staff writer"): a guess.
  add('author', article?.byline?.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim(), 'byline');
  add('title', article?.title?.replace(/\s+/g, ' ').trim(), 'readability title');
  return { text, meta, origin, found, guessed, method };
}
