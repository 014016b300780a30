/**
 * The compare route, `#/compare/<a>/<b>` with an optional `?focus=<source>:<start>-<end>` naming a
 * passage to scroll to. Parsing and building live together so links and the router agree.
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
