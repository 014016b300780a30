/**
 * Shared set-up of the browser tests of a Collate with accounts: one real server whose clock the
 * tests move (sessions expire without waiting) with one person per role (the security tests'
 * fixture), one Chromium, and for each test fresh browser contexts, each signed in as someone
 * through a real session cookie, so two people can work side by side. API shortcuts act as a
 * named person through their token.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Annotation, CreateAnnotation, Role } from '../../core/model';
import { call, startTestServer, type TestServer } from '../helpers/test-server';
import { addPeople, bearer, manualClock, PEOPLE, type Clock } from '../server/security/accounts-fixture';
import { launchBrowser, releaseBrowser, watchErrors } from './browser-helpers';

export { PEOPLE };

export interface AccountSuite {
  server: TestServer;
  browser: Browser;
  clock: Clock;
  tokens: Record<Role, string>;
  /** Open a page in a new browser context, signed in as `role`'s person (or as nobody). */
  open(as: Role | null, viewport?: { width: number; height: number }): Promise<Page>;
  /** Uncaught errors of every page opened in this test. */
  errors: string[];
}

/** One server with accounts and one Chromium for the file; each test's contexts are closed after it. */
export function accountSuite(): AccountSuite {
  const s = { errors: [] as string[] } as AccountSuite;
  let contexts: BrowserContext[] = [];
  beforeAll(async () => {
    s.clock = manualClock(new Date().toISOString());
    [s.server, s.browser] = await Promise.all([startTestServer({ app: { now: s.clock.now } }), launchBrowser()]);
    s.tokens = await addPeople(s.server.store, s.clock.now);
  });
  beforeEach(async () => {
    s.errors = [];
    const res = await call(s.server.url, 'GET', '/api/annotations', undefined, bearer(s.tokens.admin));
    for (const a of (res.body as { annotations: Annotation[] }).annotations) {
      await call(s.server.url, 'DELETE', `/api/annotations/${a.id}?revision=${a.revision}`, undefined, bearer(s.tokens.admin));
    }
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
  });
  afterAll(async () => {
    await releaseBrowser(s.browser);
    await s.server?.close();
  });
  s.open = async (as, viewport = { width: 1360, height: 900 }) => {
    const context = await s.browser.newContext({ viewport });
    contexts.push(context);
    if (as) await context.addCookies([{ ...(await sessionCookie(s, as)), url: s.server.url }]);
    const page = await context.newPage();
    // Generous: two cores run Chromium, the server and the other test files at once.
    page.setDefaultTimeout(15_000);
    s.errors.push(...watchErrors(page));
    return page;
  };
  return s;
}

/** A session cookie of `role`'s person, from a real sign-in. */
export async function sessionCookie(s: AccountSuite, role: Role): Promise<{ name: string; value: string }> {
  const res = await call(s.server.url, 'POST', '/api/session', { name: PEOPLE[role], token: s.tokens[role] });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`);
  const [pair] = (res.headers.get('set-cookie') ?? '').split(';');
  const at = pair.indexOf('=');
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}

/** An API call made as `role`'s person (their bearer token). */
export function callAs(s: AccountSuite, role: Role, method: string, path: string, body?: unknown) {
  return call(s.server.url, method, path, body, bearer(s.tokens[role]));
}

/** Create an annotation as `role`'s person on the first occurrence of `phrase` in source `id`. */
export async function createAs(s: AccountSuite, role: Role, id: string, phrase: string, rest: Omit<CreateAnnotation, 'targets'>): Promise<Annotation> {
  const text = await sourceTextAs(s, id);
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in ${id}: ${phrase}`);
  const res = await callAs(s, role, 'POST', '/api/annotations', { ...rest, targets: [{ source: id, start, end: start + phrase.length, exact: phrase }] });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { annotation: Annotation }).annotation;
}

const texts = new Map<string, string>();

/** The text of source `id` (read as the admin; cached, sources do not change in these tests unless revised). */
async function sourceTextAs(s: AccountSuite, id: string): Promise<string> {
  let text = texts.get(id);
  if (text === undefined) {
    const res = await callAs(s, 'admin', 'GET', `/api/sources/${id}`);
    text = (res.body as { source: { text: string } }).source.text;
    texts.set(id, text);
  }
  return text;
}

/** Wait until the viewer of source `id` shows its text and counted its annotations. */
export async function viewerReady(page: Page): Promise<void> {
  await page.waitForSelector('.ProseMirror p.line');
  await page.waitForFunction(() => /\(\d+/.test(document.querySelector('.sidebar-title')?.textContent ?? ''));
}
