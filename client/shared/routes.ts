/**
 * The app's hash routes, parsed and built in one place so links and the router agree: `#/` (the
 * sources), `#/source/<id>` (optionally `?annotation=<id>` to open on one annotation),
 * `#/source/<id>/changes` (what changed between two revisions, optionally `?from=N&to=M`),
 * `#/compare` and `#/compare/<a>/<b>` (optionally `?focus=<source>:<start>-<end>` naming a passage
 * to scroll to), `#/annotations` (with the search's filters as query), `#/tags`, `#/add` (adding
 * sources), `#/inbox` (the suggestions to triage, `?category=&source=&view=dismissed`) and
 * `#/sign-in` (with the page to return to, and why the user was sent there); a source page may also
 * open on a suggestion (`?suggestion=<id>`). Pure code.
 */

/** A span to bring into view when the compare view opens. */
export interface CompareFocus {
  source: string;
  start: number;
  end: number;
}

/** A parsed compare route. */
export interface CompareRoute {
  a: string;
  b: string;
  focus?: CompareFocus;
}

const ROUTE = /^\/compare\/([^/?]+)\/([^/?]+)\/?(?:\?(.*))?$/;
const FOCUS = /^([^:]+):(\d+)-(\d+)$/;

/**
 * Parse a hash path (with or without the leading `#`) into a compare route, or null when it is not
 * one. A malformed `focus` is ignored rather than failing the route: the comparison still shows.
 */
export function parseCompareRoute(hash: string): CompareRoute | null {
  const m = ROUTE.exec(hash.replace(/^#/, ''));
  if (!m) return null;
  let a: string;
  let b: string;
  try {
    a = decodeURIComponent(m[1]);
    b = decodeURIComponent(m[2]);
  } catch {
    return null;
  }
  const route: CompareRoute = { a, b };
  const focus = new URLSearchParams(m[3] ?? '').get('focus');
  const f = focus ? FOCUS.exec(focus) : null;
  if (f) {
    const start = Number(f[2]);
    const end = Number(f[3]);
    if (end >= start) route.focus = { source: f[1], start, end };
  }
  return route;
}

/** The hash (starting with `#`) of the comparison of `a` and `b`, optionally focused on a span. */
export function compareHref(a: string, b: string, focus?: CompareFocus): string {
  const base = `#/compare/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
  return focus ? `${base}?focus=${encodeURIComponent(focus.source)}:${focus.start}-${focus.end}` : base;
}

/** The filters of the annotations page, as its query string carries them. */
export interface AnnotationSearch {
  q?: string;
  kind?: string;
  verdict?: string;
  tag?: string;
  set?: string;
}

const SEARCH_KEYS = ['q', 'kind', 'verdict', 'tag', 'set'] as const;

/** The filters and view of the suggestions inbox, as its query string carries them. */
export interface InboxQuery {
  category?: string;
  source?: string;
  /** The dismissed suggestions instead of the open ones. */
  view?: 'dismissed';
}

/** A parsed route. */
export type Route =
  | { name: 'home' }
  | { name: 'source'; id: string; annotation?: string; suggestion?: string }
  | { name: 'compare-home' }
  | ({ name: 'compare' } & CompareRoute)
  | { name: 'annotations'; search: AnnotationSearch }
  | { name: 'tags' }
  | { name: 'add' }
  | { name: 'changes'; id: string; from?: number; to?: number }
  | { name: 'inbox'; query: InboxQuery }
  | ({ name: 'sign-in' } & SignInRoute)
  | { name: 'not-found'; path: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Parse a location hash into a route. */
export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const compare = parseCompareRoute(full);
  if (compare) return { name: 'compare', ...compare };
  const [path, query = ''] = full.split('?', 2);
  const params = new URLSearchParams(query);
  if (path === '/') return { name: 'home' };
  if (/^\/compare\/?$/.test(path)) return { name: 'compare-home' };
  if (path === '/tags') return { name: 'tags' };
  if (path === '/add') return { name: 'add' };
  const changes = /^\/source\/([^/]+)\/changes$/.exec(path);
  const changed = changes && decode(changes[1]);
  if (changed) {
    const route: Route = { name: 'changes', id: changed };
    const from = revisionParam(params.get('from'));
    const to = revisionParam(params.get('to'));
    if (from !== undefined) route.from = from;
    if (to !== undefined) route.to = to;
    return route;
  }
  if (path === '/inbox') return { name: 'inbox', query: inboxQuery(params) };
  if (path === '/sign-in') return { name: 'sign-in', ...signInParams(params) };
  if (path === '/annotations') {
    const search: AnnotationSearch = {};
    for (const k of SEARCH_KEYS) {
      const v = params.get(k);
      if (v) search[k] = v;
    }
    return { name: 'annotations', search };
  }
  const source = /^\/source\/([^/]+)$/.exec(path);
  const id = source && decode(source[1]);
  if (id) {
    const route: Extract<Route, { name: 'source' }> = { name: 'source', id };
    const annotation = params.get('annotation');
    const suggestion = params.get('suggestion');
    if (annotation) route.annotation = annotation;
    if (suggestion) route.suggestion = suggestion;
    return route;
  }
  return { name: 'not-found', path: full };
}

/** A revision number from the query, or undefined when missing or not a whole number from 1. */
function revisionParam(value: string | null): number | undefined {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** The hash of what changed in source `id`, between revisions `from` and `to` when given. */
export function changesHref(id: string, from?: number, to?: number): string {
  const q = new URLSearchParams();
  if (from !== undefined) q.set('from', String(from));
  if (to !== undefined) q.set('to', String(to));
  const s = q.toString();
  return `#/source/${encodeURIComponent(id)}/changes${s ? `?${s}` : ''}`;
}

/** The hash of source `id`'s page, opening on annotation `annotation` when given. */
export function sourceHref(id: string, annotation?: string): string {
  const base = `#/source/${encodeURIComponent(id)}`;
  return annotation ? `${base}?annotation=${encodeURIComponent(annotation)}` : base;
}

/** The hash of the annotations page with `search` filled in. */
export function annotationsHref(search: AnnotationSearch = {}): string {
  const q = new URLSearchParams();
  for (const k of SEARCH_KEYS) {
    const v = search[k]?.trim();
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `#/annotations?${s}` : '#/annotations';
}

function inboxQuery(params: URLSearchParams): InboxQuery {
  const query: InboxQuery = {};
  const category = params.get('category');
  const source = params.get('source');
  if (category) query.category = category;
  if (source) query.source = source;
  if (params.get('view') === 'dismissed') query.view = 'dismissed';
  return query;
}

/** The hash of the suggestions inbox with `query` filled in. */
export function inboxHref(query: InboxQuery = {}): string {
  const q = new URLSearchParams();
  if (query.category) q.set('category', query.category);
  if (query.source) q.set('source', query.source);
  if (query.view === 'dismissed') q.set('view', 'dismissed');
  const s = q.toString();
  return s ? `#/inbox?${s}` : '#/inbox';
}

/** The hash of source `id`'s page opening on suggestion `suggestion` (its mark shown, to accept or dismiss). */
export function suggestionHref(id: string, suggestion: string): string {
  return `${sourceHref(id)}?suggestion=${encodeURIComponent(suggestion)}`;
}

/** Why the sign-in page was shown: nobody was signed in yet, or the session ended mid-use. */
export type SignInReason = 'expired' | 'signed-out';

/** The sign-in page's parameters: where to go afterwards (an app hash) and why it was shown. */
export interface SignInRoute {
  back?: string;
  why?: SignInReason;
}

/**
 * Whether `hash` may be returned to after signing in: a hash route of this app, not the sign-in
 * page itself (a loop) and not anything else (the parameter comes from the address bar).
 */
export function isReturnHash(hash: string): boolean {
  return /^#\/[^\s]*$/.test(hash) && !/^#\/sign-in(?:[?/]|$)/.test(hash) && hash.length <= 2000;
}

function signInParams(params: URLSearchParams): SignInRoute {
  const route: SignInRoute = {};
  const back = params.get('return');
  if (back && isReturnHash(back)) route.back = back;
  const why = params.get('why');
  if (why === 'expired' || why === 'signed-out') route.why = why;
  return route;
}

/** The hash of the sign-in page, returning to `back` (when it is an app hash) afterwards. */
export function signInHref(route: SignInRoute = {}): string {
  const q = new URLSearchParams();
  if (route.back && isReturnHash(route.back) && route.back !== '#/') q.set('return', route.back);
  if (route.why) q.set('why', route.why);
  const s = q.toString();
  return s ? `#/sign-in?${s}` : '#/sign-in';
}
