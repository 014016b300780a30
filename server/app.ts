/**
 * createApp(deps): the Express application, built from its dependencies so tests start real servers
 * on free ports with their own stores. The API lives under /api; the built client is served at /.
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
import { ReuseService } from './services/reuse-service';
import { TransferService } from './services/transfer-service';
import { sourceRoutes } from './routes/source-routes';
import { AnnotationService } from './services/annotation-service';
import type { SourceLibrary } from './sources/source-library';
import type { Store } from './store/store';
import { actAs } from './http/actor';
import { localActor, type Actor } from './services/actor';
import { SuggestionService } from './services/suggestion-service';
import { SuggestionIndex } from './services/suggestion-index';
import { SourceService } from './services/source-service';
import type { FetchOptions } from './sources/fetch-page';
import { loadSpellChecker } from './assistant/spelling-dictionary';
import type { SpellChecker } from '../core/assistant';

export interface AppDeps {
  store: Store;
  sources: SourceLibrary;
  /** Who every request acts as, in a Collate without accounts (default: the local user). */
  actor?: Actor;
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
  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached (no-store), so hashing every body for an ETag is wasted work.
  app.set('etag', false);

  const reuse = deps.reuse ?? new ReuseService(deps.sources);
  const transfer = new TransferService(annotations, () => reuse.passages(), now);

  const api = express.Router();
  // The import route's own, larger limit must parse first: a parsed body is not parsed again.
  api.use('/import', express.json({ limit: deps.importLimit ?? DEFAULT_IMPORT_LIMIT, strict: false, type: ['application/json', 'application/ld+json'] }));
  // An article text may be up to 2 million characters (ImportSource), several MB as JSON.
  api.post('/sources', express.json({ limit: deps.importLimit ?? DEFAULT_IMPORT_LIMIT, strict: false }));
  api.use(express.json({ limit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT, strict: false }));
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(actAs(deps.actor ?? localActor()));
  const found = new SuggestionIndex(deps.sources, reuse, deps.spelling === null ? undefined : (deps.spelling ?? loadSpellChecker), (line) => console.warn(line));
  const suggestions = new SuggestionService(found, annotations);
  const sourceService = new SourceService(deps.store, deps.sources, annotations, now, deps.fetchOptions);
  api.use('/sources', sourceRoutes(sourceService, annotations, suggestions));
  api.use('/annotations', carryRoutes(new CarryService(annotations, reuse), annotations));
  api.use('/annotations', annotationRoutes(annotations));
  api.use('/sets', setRoutes(annotations));
  api.use(transferRoutes(transfer));
  api.use(reuseRoutes(reuse, suggestions, deps.sources));
  api.use(unknownRoute);
  api.use(errorHandler);
  app.use('/api', api);

  if (deps.clientDir && existsSync(deps.clientDir)) {
    // Defence in depth: even if user text ever reached the DOM as markup, no script could run or
    // call out. Everything the client needs is served from here.
    app.use((_req, res, next) => {
      res.set(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      );
      res.set('X-Content-Type-Options', 'nosniff');
      next();
    });
    app.use(express.static(deps.clientDir, { index: 'index.html' }));
  }
  app.use(errorHandler);
  return app;
}
