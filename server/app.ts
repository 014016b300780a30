/**
 * createApp(deps): the Express application, built from its dependencies so tests start real servers
 * on free ports with their own stores. The API lives under /api; the built client is served at /.
 *
 * What every request passes, in order (each step refuses with a JSON error and changes nothing):
 * security headers (set on every answer), Host (421), path and query shape (400); then for the API
 * the origin of state-changing requests (403), the body's encoding and type (415), the rate limit on
 * failed sign-ins (429), who is asking (401 for a bad token), the permission table (404, 405, 401,
 * 403), and only then the body is read (413, 400) and the route runs.
 */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { errorHandler, unknownRoute } from './http/http-error';
import { annotationRoutes } from './routes/annotation-routes';
import { setRoutes } from './routes/set-routes';
import { carryRoutes } from './routes/carry-routes';
import { reuseRoutes } from './routes/reuse-routes';
import { CarryService } from './services/carry-service';
import { transferRoutes } from './routes/transfer-routes';
import { vocabularyRoutes } from './routes/vocabulary-routes';
import { ReuseService } from './services/reuse-service';
import { TransferService } from './services/transfer-service';
import { sourceRoutes } from './routes/source-routes';
import { AnnotationService } from './services/annotation-service';
import type { SourceLibrary } from './sources/source-library';
import type { Store } from './store/store';
import { localActor, type Actor } from './services/actor';
import { SuggestionService } from './services/suggestion-service';
import { SuggestionIndex } from './services/suggestion-index';
import { SourceService } from './services/source-service';
import type { FetchOptions } from './sources/fetch-page';
import { loadSpellChecker } from './assistant/spelling-dictionary';
import type { SpellChecker } from '../core/assistant';
import { SessionService, type SessionTimes } from './auth/sessions';
import { UserService } from './auth/users';
import { authentication } from './http/authentication';
import { bodyCheck } from './http/body-check';
import { sessionCookie, sessionSecretOf } from './http/cookies';
import { hostCheck } from './http/host-check';
import { jsonDepthCheck } from './http/json-depth';
import { originCheck } from './http/origin-check';
import { permissionCheck } from './http/permission-check';
import { requestLineCheck } from './http/request-line-check';
import { securityHeaders } from './http/security-headers';
import { signInLimit, type SignInLimit } from './http/sign-in-limit';
import { sessionRoutes } from './routes/session-routes';
import { userRoutes } from './routes/user-routes';
import { eventRoutes } from './routes/event-routes';

export interface AppDeps {
  store: Store;
  sources: SourceLibrary;
  /** Who every request acts as while no user account exists (default: the local user). */
  actor?: Actor;
  /**
   * Whether the single-user mode (no accounts: every request is `actor`) may apply while no user
   * exists. Only for a server bound to loopback; default true.
   */
  localMode?: boolean;
  /** The address a reverse proxy serves Collate under (https://collate.example.org): its Host and Origin are our own. */
  publicUrl?: URL;
  /** Session lifetimes (auth/sessions.ts has the defaults). */
  sessionTimes?: Partial<SessionTimes>;
  /** Failed sign-ins allowed per address and window (http/sign-in-limit.ts has the default). */
  signInLimit?: SignInLimit;
  /** Duplicate-coverage detection over `sources`; built here when not given. */
  reuse?: ReuseService;
  /** How pages are fetched (timeouts, whether private addresses are allowed); default fetch-page.ts's. */
  fetchOptions?: FetchOptions;
  /** The assistant's spelling checker (loaded in the background); null: no typo suggestions. Default: the English dictionaries. */
  spelling?: (() => Promise<SpellChecker>) | null;
  /** Folder of the built client (dist/client); omitted: API only. */
  clientDir?: string;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Largest accepted import body, in bytes (default 10 MiB). */
  importLimit?: number;
  now?: () => Date;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** Imports carry whole exported sets, so they may be larger than one annotation. */
export const DEFAULT_IMPORT_LIMIT = 10 * 1024 * 1024;

export function createApp(deps: AppDeps): Express {
  const now = deps.now ?? (() => new Date());
  const annotations = new AnnotationService(deps.store, deps.sources, now);
  const users = new UserService(deps.store, now);
  const sessions = new SessionService(deps.store, now, deps.sessionTimes);
  const cookie = sessionCookie(deps.publicUrl);
  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached (no-store), so hashing every body for an ETag is wasted work.
  app.set('etag', false);
  // Behind the reverse proxy a public URL implies, the client's address is in X-Forwarded-For.
  if (deps.publicUrl) app.set('trust proxy', 'loopback');

  app.use(securityHeaders(deps.publicUrl));
  app.use(hostCheck(deps.publicUrl));
  app.use(requestLineCheck);

  const reuse = deps.reuse ?? new ReuseService(deps.sources);
  const transfer = new TransferService(annotations, () => reuse.passages(), now);

  const api = express.Router();
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(originCheck(deps.publicUrl, (header) => sessionSecretOf(header, cookie) !== undefined));
  api.use(bodyCheck);
  api.use(signInLimit(deps.signInLimit));
  api.use(authentication({ users, sessions, cookie, local: deps.actor ?? localActor(), localMode: deps.localMode ?? true }));
  api.use(permissionCheck(() => users.any()));
  // The import route's own, larger limit must parse first: a parsed body is not parsed again.
  api.use('/import', express.json({ limit: deps.importLimit ?? DEFAULT_IMPORT_LIMIT, strict: false, type: ['application/json', 'application/ld+json'] }));
  // An article text may be up to 2 million characters (ImportSource), several MB as JSON.
  api.post('/sources', express.json({ limit: deps.importLimit ?? DEFAULT_IMPORT_LIMIT, strict: false }));
  api.post('/sources/preview', express.json({ limit: deps.importLimit ?? DEFAULT_IMPORT_LIMIT, strict: false }));
  api.use(express.json({ limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT, strict: false }));
  api.use(jsonDepthCheck);
  api.use('/session', sessionRoutes(users, sessions, cookie));
  api.use('/users', userRoutes(users));
  api.use('/events', eventRoutes(deps.store, sessions, now));
  const found = new SuggestionIndex(deps.sources, reuse, deps.spelling === null ? undefined : (deps.spelling ?? loadSpellChecker), (line) => console.warn(line));
  const suggestions = new SuggestionService(found, annotations);
  const sourceService = new SourceService(deps.store, deps.sources, annotations, now, deps.fetchOptions);
  api.use('/sources', sourceRoutes(sourceService, annotations, suggestions));
  api.use('/annotations', carryRoutes(new CarryService(annotations, reuse), annotations));
  api.use('/annotations', annotationRoutes(annotations));
  api.use('/sets', setRoutes(annotations));
  api.use(transferRoutes(transfer));
  api.use(reuseRoutes(reuse, suggestions, deps.sources));
  api.use(vocabularyRoutes(annotations));
  api.use(unknownRoute);
  api.use(errorHandler);
  app.use('/api', api);

  // The client is public, so the sign-in page can load; everything it shows comes from the API.
  if (deps.clientDir && existsSync(deps.clientDir)) app.use(express.static(deps.clientDir, { index: 'index.html' }));
  app.use(errorHandler);
  return app;
}
