/**
 * Entry point and hash router: `#/` is the source list, `#/source/<id>` a source. Hash routes need no
 * server fallback. Each route mounts a page into #app and is destroyed when the route changes.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { homePage } from './home/home-page';
import { h } from './ui/dom';
import type { Page } from './shared/page';
import { viewerPage } from './viewer/viewer-page';
// Compare routes (compare/transfer engineer; see client/compare/README-wiring.md).
import { renderCompareHome, renderCompareView } from './compare';
import { parseCompareRoute } from './shared/routes';

/** A parsed route. */
export type Route = { name: 'home' } | { name: 'source'; id: string } | { name: 'not-found'; path: string };

/** Parse a location hash into a route. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'home' };
  const source = /^\/source\/([^/]+)$/.exec(path);
  if (source) return { name: 'source', id: decodeURIComponent(source[1]) };
  return { name: 'not-found', path };
}

const app = document.getElementById('app') as HTMLElement;
let current: Page | null = null;

function render(): void {
  current?.destroy();
  current = null;
  window.scrollTo(0, 0);
  // --- compare routes: #/compare and #/compare/<a>/<b>[?focus=<source>:<start>-<end>] (see client/compare/README-wiring.md) ---
  const compareRoute = parseCompareRoute(location.hash);
  if (compareRoute || /^#\/compare\/?$/.test(location.hash)) {
    const cleanup = compareRoute ? renderCompareView(app, compareRoute.a, compareRoute.b, { focus: compareRoute.focus }) : renderCompareHome(app);
    current = { destroy: cleanup };
    app.focus({ preventScroll: true });
    return;
  }
  // --- end compare routes ---
  const route = parseRoute(location.hash);
  if (route.name === 'home') current = homePage(app);
  else if (route.name === 'source') current = viewerPage(app, route.id);
  else {
    document.title = 'Not found · Collate';
    app.replaceChildren(h('div', { class: 'page-error' }, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, '← All sources'))));
  }
  // Move focus to the new page's heading region for keyboard and screen-reader users.
  app.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
render();
