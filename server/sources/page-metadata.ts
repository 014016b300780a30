/**
 * An article's metadata read from its web page: title, outlet, author, publication date and canonical
 * URL, each from the page's own declarations first (Open Graph and article meta tags, schema.org
 * JSON-LD, `<title>`, `<time datetime>`, `<link rel=canonical>`), then from weaker evidence (the host
 * name for the outlet). Each field says where it came from, and whether it was found in the page's
 * metadata or guessed. Read before Readability runs, which rewrites the document.
 */
import { parseDate } from '../../core/sources/date-phrases';
import { outletFromUrl } from '../../core/sources/guess-meta';

export type MetaField = 'title' | 'outlet' | 'author' | 'published' | 'url';

export interface PageMetadata {
  title?: string;
  outlet?: string;
  author?: string;
  /** ISO date, YYYY-MM-DD, as the page wrote it (its own time zone). */
  published?: string;
  /** Canonical URL: `<link rel=canonical>`, og:url, else the URL the page was fetched from. */
  url?: string;
  /** Where each field came from, e.g. `og:title`, `json-ld headline`, `host`. */
  origin: Partial<Record<MetaField, string>>;
  /** Fields read from the page's metadata, and fields guessed. */
  found: MetaField[];
  guessed: MetaField[];
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /(Article|BlogPosting|Report|Posting)$/;

/** `content` of the first `<meta>` whose property, name or itemprop is one of `keys` (in order of keys). */
function metaContent(doc: Document, keys: readonly string[]): [string, string] | undefined {
  const metas = Array.from(doc.querySelectorAll('meta'));
  for (const key of keys) {
    for (const meta of metas) {
      const names = ['property', 'name', 'itemprop'].map((a) => meta.getAttribute(a)?.trim().toLowerCase());
      const content = meta.getAttribute('content')?.trim();
      if (content && names.includes(key)) return [content, key];
    }
  }
  return undefined;
}

/** Entities some sites leave in JSON-LD strings, decoded (the HTML parser does not look inside scripts). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return named[code.toLowerCase()] ?? whole;
  });
}

function clean(text: string | undefined): string | undefined {
  const value = text === undefined ? undefined : decodeEntities(text).replace(/\s+/g, ' ').trim();
  return value || undefined;
}

/** Every JSON-LD object of the page, arrays and `@graph`s flattened. Invalid blocks are skipped. */
function jsonLdObjects(doc: Document): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      out.push(value);
      if (value['@graph']) visit(value['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script'))) {
    if (!/^application\/ld\+json\b/i.test(script.getAttribute('type')?.trim() ?? '')) continue;
    try {
      visit(JSON.parse(script.textContent ?? '') as Json);
    } catch {
      // A broken block is the page's problem; the others may still be fine.
    }
  }
  return out;
}

function types(obj: JsonObject): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Names in a JSON-LD person/organisation value: a string, an object with `name`, or an array of them. */
function names(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof value.name === 'string') return [value.name];
  return [];
}

/** A person's name as a byline gives it: "By " dropped; profile URLs are not names. */
function authorName(raw: string): string | undefined {
  const name = clean(raw)?.replace(/^by\s+/i, '');
  return name && !/^https?:\/\//i.test(name) && !name.includes('@') ? name : undefined;
}

function joinAuthors(list: string[]): string | undefined {
  const unique = [...new Set(list.map(authorName).filter((n): n is string => !!n))];
  return unique.length ? unique.join(', ') : undefined;
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/^www\./, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A page title without the site's name: "Headline | Site", "Site - Headline", "Headline — Site".
 * A part equal to a known site name is dropped at either end; with "|", "»" or "::" (which headlines
 * do not use) and no known name, the first part is kept when it has a few words. Dashes are only cut
 * at a known name, since headlines use them.
 */
export function titleWithoutSite(title: string, siteNames: readonly (string | undefined)[]): string {
  const sites = siteNames.filter((s): s is string => !!s).map(comparable);
  const parts = title.split(/\s+(?:\||»|::|[-–—])\s+/);
  if (parts.length < 2) return title;
  const isSite = (part: string): boolean => sites.some((s) => s && comparable(part) === s);
  if (isSite(parts[parts.length - 1])) return title.slice(0, title.lastIndexOf(parts[parts.length - 1])).replace(/\s+(?:\||»|::|[-–—])\s+$/, '').trim();
  if (isSite(parts[0])) return title.slice(parts[0].length).replace(/^\s+(?:\||»|::|[-–—])\s+/, '').trim();
  const hard = title.split(/\s+(?:\||»|::)\s+/);
  if (hard.length >= 2 && hard[0].split(/\s+/).length >= 3) return hard[0].trim();
  return title;
}

/** The first `<time datetime>` that dates the article, not a comment or a related link. */
function articleTime(doc: Document): string | undefined {
  const marked = doc.querySelector('[itemprop="datePublished"]');
  const markedValue = marked?.getAttribute('datetime') ?? marked?.getAttribute('content');
  if (markedValue && parseDate(markedValue)) return markedValue;
  const aside = /comment|related|sidebar|widget|promo|footer|\bnav/i;
  for (const time of Array.from(doc.querySelectorAll('time[datetime]'))) {
    let inAside = false;
    for (let el: Element | null = time.parentElement; el; el = el.parentElement) {
      const tag = el.tagName.toUpperCase();
      if (tag === 'ASIDE' || tag === 'NAV' || tag === 'FOOTER' || aside.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) {
        inAside = true;
        break;
      }
    }
    const value = time.getAttribute('datetime');
    if (!inAside && value && parseDate(value)) return value;
  }
  return undefined;
}

function absoluteHttpUrl(href: string | undefined | null, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the metadata of a parsed page; `pageUrl` is where it was fetched from, when known. */
export function readPageMetadata(doc: Document, pageUrl?: string): PageMetadata {
  const meta: PageMetadata = { origin: {}, found: [], guessed: [] };
  const set = (field: MetaField, value: string | undefined, origin: string, guessed = false): void => {
    if (!value || meta[field] !== undefined) return;
    meta[field] = value;
    meta.origin[field] = origin;
    (guessed ? meta.guessed : meta.found).push(field);
  };
  const ld = jsonLdObjects(doc);
  const article = ld.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ?? ld.find((o) => typeof o.headline === 'string');
  const pick = (keys: string[]): [string, string] | undefined => metaContent(doc, keys);

  const url = absoluteHttpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), pageUrl);
  set('url', url, 'link rel=canonical');
  const ogUrl = pick(['og:url']);
  set('url', absoluteHttpUrl(ogUrl?.[0], pageUrl), 'og:url');
  set('url', absoluteHttpUrl(pageUrl, undefined), 'fetched URL');

  const site = pick(['og:site_name', 'application-name']);
  set('outlet', clean(site?.[0]), site?.[1] ?? '');
  const publisher = article ? names(article.publisher)[0] : names(ld.find((o) => o.publisher)?.publisher)[0];
  set('outlet', clean(publisher), 'json-ld publisher');
  set('outlet', outletFromUrl(meta.url ?? pageUrl), 'host', true);

  const og = pick(['og:title', 'twitter:title']);
  set('title', clean(og && titleWithoutSite(og[0], [meta.outlet, outletFromUrl(meta.url)])), og?.[1] ?? '');
  set('title', clean(typeof article?.headline === 'string' ? article.headline : undefined), 'json-ld headline');
  const docTitle = clean(doc.querySelector('title')?.textContent ?? undefined);
  set('title', docTitle && titleWithoutSite(docTitle, [meta.outlet, outletFromUrl(meta.url)]), 'title element');

  const metaAuthor = pick(['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator']);
  set('author', metaAuthor && joinAuthors(metaAuthor[0].split(/\s*;\s*/)), metaAuthor?.[1] ?? '');
  set('author', article && joinAuthors(names(article.author)), 'json-ld author');

  const published = pick(['article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date.issued', 'dc.date']);
  set('published', published && parseDate(published[0]), published?.[1] ?? '');
  set('published', typeof article?.datePublished === 'string' ? parseDate(article.datePublished) : undefined, 'json-ld datePublished');
  const time = articleTime(doc);
  set('published', time && parseDate(time), 'time datetime');
  return meta;
}
