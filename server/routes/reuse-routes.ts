/**
 * GET /api/reuse (aligned passages) and /api/suggestions: suggested inconsistencies to confirm
 * (which creates an inconsistency annotation) or dismiss (remembered in the store).
 */
import { Router } from 'express';
import { z } from 'zod';
import { SetName } from '../../core/model';
import { actorOf } from '../http/actor';
import { HttpError, notFound } from '../http/http-error';
import { parseWith, queryString } from '../http/validate';
import type { ReuseService } from '../services/reuse-service';
import type { SourceLibrary } from '../sources/source-library';
import type { SuggestionService, SuggestionStatus } from '../services/suggestion-service';
import { SUGGESTION_CATEGORIES, type SuggestionCategory } from '../../core/inconsistency/types';

const STATUSES: readonly SuggestionStatus[] = ['open', 'dismissed', 'confirmed'];

const ConfirmBody = z.object({ set: SetName.optional(), note: z.string().max(20_000).optional(), tags: z.array(z.string().trim().min(1).max(64)).max(50).optional() }).strict();

export function reuseRoutes(reuse: ReuseService, suggestions: SuggestionService, sources: SourceLibrary): Router {
  const r = Router();

  const sourceParam = (query: unknown) => {
    const id = queryString(query as Record<string, unknown>, 'source');
    if (id && !sources.get(id)) throw notFound('source', id);
    return id;
  };

  r.get('/reuse', (req, res) => {
    res.json({ passages: reuse.passages(sourceParam(req.query)) });
  });

  r.get('/suggestions', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const category = queryString(q, 'category');
    if (category && !(SUGGESTION_CATEGORIES as readonly string[]).includes(category)) {
      throw new HttpError(400, 'invalid', `category must be one of ${SUGGESTION_CATEGORIES.join(', ')}, not "${category}"`);
    }
    const status = queryString(q, 'status');
    if (status && !STATUSES.includes(status as SuggestionStatus)) throw new HttpError(400, 'invalid', `status must be one of ${STATUSES.join(', ')}, not "${status}"`);
    res.json({ suggestions: await suggestions.list({ source: sourceParam(req.query), category: category as SuggestionCategory | undefined, status: status as SuggestionStatus | undefined }) });
  });

  r.post('/suggestions/:id/undo', async (req, res) => {
    await suggestions.undo(req.params.id);
    res.status(204).end();
  });

  r.post('/suggestions/:id/dismiss', async (req, res) => {
    await suggestions.dismiss(req.params.id, actorOf(res));
    res.status(204).end();
  });

  r.post('/suggestions/:id/confirm', async (req, res) => {
    const body = parseWith(ConfirmBody, req.body ?? {});
    res.status(201).json({ annotation: await suggestions.confirm(req.params.id, body, actorOf(res)) });
  });

  return r;
}
