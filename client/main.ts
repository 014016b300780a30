/**
 * Entry point and hash router (shared/routes.ts): each route mounts a page into #app, which is
 * destroyed when the route changes. Hash routes need no server fallback.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { renderCompareHome, renderCompareView } from './compare';
import { homePage } from './home/home-page';
import type { Page } from './shared/page';
import { parseRoute, type Route } from './shared/routes';
import { h } from './ui/dom';
import { viewerPage } from './viewer/viewer-page';

const app = document.getElementById('app') as HTMLElement;
let current: Page | null = null;

function mount(route: Route): Page | null {
  switch (route.name) {
    case 'home':
      return homePage(app);
    case 'source':
      return viewerPage(app, route.id, route.annotation);
    case 'compare':
      return { destroy: renderCompareView(app, route.a, route.b, { focus: route.focus }) };
    case 'compare-home':
      return { destroy: renderCompareHome(app) };
    default:
      document.title = 'Not found · Collate';
      app.replaceChildren(h('div', { class: 'page-error' }, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, '← All sources'))));
      return null;
  }
}

function render(): void {
  current?.destroy();
  current = null;
  window.scrollTo(0, 0);
  current = mount(parseRoute(location.hash));
  // Move focus to the new page's region for keyboard and screen-reader users.
  app.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
render();
