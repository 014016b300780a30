/**
 * Entry point and hash router (shared/routes.ts): each route mounts a page into #app, which is
 * destroyed when the route changes. Hash routes need no server fallback. Who is signed in is read
 * before the first page mounts (account/app-session.ts): with nobody signed in, the sign-in page
 * shows instead, and returns to the page asked for.
 */
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';
import { startAppSession } from './account/app-session';
import { signInPage } from './account/sign-in-page';
import { addSourcesPage } from './add/add-page';
import { changesPage } from './changes/changes-page';
import { renderCompareHome, renderCompareView } from './compare';
import { homePage } from './home/home-page';
import { inboxPage } from './inbox/inbox-page';
import { annotationsPage } from './search/annotations-page';
import type { Page } from './shared/page-store';
import { parseRoute, type Route } from './shared/routes';
import { tagsPage } from './tags/tags-page';
import { h } from './ui/dom';
import { viewerPage } from './viewer/viewer-page';

const app = document.getElementById('app') as HTMLElement;
let current: Page | null = null;

function mount(route: Route): Page | null {
  switch (route.name) {
    case 'home':
      return homePage(app);
    case 'source':
      return viewerPage(app, route.id, route.annotation, route.suggestion);
    case 'compare':
      return { destroy: renderCompareView(app, route.a, route.b, { focus: route.focus }) };
    case 'compare-home':
      return { destroy: renderCompareHome(app) };
    case 'annotations':
      return annotationsPage(app, route.search);
    case 'tags':
      return tagsPage(app);
    case 'add':
      return addSourcesPage(app);
    case 'changes':
      return changesPage(app, route.id, { from: route.from, to: route.to });
    case 'inbox':
      return inboxPage(app, route.query);
    case 'sign-in':
      return signInPage(app, route);
    default:
      document.title = 'Not found · Collate';
      app.replaceChildren(h('div', { class: 'page-error' }, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/' }, '← All sources'))));
      return null;
  }
}

/** Mark the header link of the page shown (aria-current) for the eye and for screen readers. */
function markNav(route: Route): void {
  const section = route.name === 'source' || route.name === 'changes' || route.name === 'home' ? '#/' : route.name.startsWith('compare') ? '#/compare' : `#/${route.name}`;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.app-nav a')) {
    if (a.getAttribute('href') === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function render(): void {
  current?.destroy();
  current = null;
  window.scrollTo(0, 0);
  const route = parseRoute(location.hash);
  markNav(route);
  current = mount(route);
  // Move focus to the new page's region for keyboard and screen-reader users.
  app.focus({ preventScroll: true });
}

window.addEventListener('hashchange', render);
void startAppSession(document.querySelector<HTMLElement>('.app-header')).then(render);
